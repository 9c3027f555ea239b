// The story page may come from a shared cache, so its comment form carries no per-reader
// tokens. Fetch them (uncached) when the reader starts on the form, and before sending if
// that has not happened yet. Without JavaScript the server sends the form back with fresh
// tokens and the reader's text, and the second click sends it.
(function () {
  "use strict";
  var form = document.getElementById("comment-form");
  if (!form || !form.dataset.tokenUrl) {
    return;
  }
  var csrf = form.elements.namedItem("csrfmiddlewaretoken");
  var issued = form.elements.namedItem("issued");
  var request = null;

  function fetchTokens() {
    if (!request) {
      request = fetch(form.dataset.tokenUrl, {
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      })
        .then(function (response) {
          return response.ok ? response.json() : Promise.reject(response.status);
        })
        .then(function (tokens) {
          csrf.value = tokens.csrf;
          issued.value = tokens.timestamp_token;
        })
        .catch(function () {
          request = null; // the server will send the form back with fresh tokens
        });
    }
    return request;
  }

  form.addEventListener("focusin", function () {
    if (!issued.value) {
      fetchTokens();
    }
  });
  form.addEventListener("submit", function (event) {
    if (csrf.value && issued.value) {
      return;
    }
    event.preventDefault();
    Promise.resolve(fetchTokens()).then(function () {
      form.submit();
    });
  });
})();
