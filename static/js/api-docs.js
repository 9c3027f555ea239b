// The API reference: Redoc drawn into <div id="api-reference"> from the schema address the
// page gives. (Redoc's own <redoc> tag is not an HTML element, so the page cannot use it.)
(function () {
  "use strict";
  var box = document.getElementById("api-reference");
  if (box && window.Redoc) {
    window.Redoc.init(box.getAttribute("data-spec-url"), {}, box);
  }
})();
