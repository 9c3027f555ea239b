/* The curation page (articles/admin/curation.py): its move buttons work in place — the row
   swaps with its neighbour and every row's hidden order field and number follow; without this
   script the same buttons post the form back, unsaved, in the new order. And each story search
   (select2, drawn by the admin's autocomplete.js) is named by its field's label. */
(function () {
  "use strict";

  function renumber(tbody) {
    tbody.querySelectorAll("tr.curation-row").forEach((row, index) => {
      row.querySelector("input[name$='-order']").value = String(index + 1);
      row.querySelectorAll(".curation-number, .curation-n").forEach((number) => {
        number.textContent = String(index + 1);
      });
    });
  }

  function move(form, event) {
    const button = event.target.closest("button[name='move']");
    if (!button) return;
    event.preventDefault();
    const row = button.closest("tr.curation-row");
    const up = button.value.startsWith("up:");
    const neighbour = up ? row.previousElementSibling : row.nextElementSibling;
    if (!neighbour) return;
    if (up) neighbour.before(row);
    else neighbour.after(row);
    renumber(row.parentElement);
    // A button hidden at the end of the list cannot keep the focus: its twin takes it.
    const twin = row.querySelector(up ? ".curation-down" : ".curation-up");
    (getComputedStyle(button).visibility === "hidden" ? twin : button).focus();
    const status = form.querySelector(".curation-status");
    status.textContent = status.dataset.unsaved;
  }

  // select2 names its box by the chosen story's text alone (nothing, when none is chosen).
  function nameSearches(form) {
    form.querySelectorAll("select.admin-autocomplete").forEach((select) => {
      const label = document.getElementById(select.id + "-label");
      const box = select.nextElementSibling;
      if (!label || !box) return;
      const combobox = box.querySelector(".select2-selection");
      const rendered = box.querySelector(".select2-selection__rendered");
      if (rendered) rendered.setAttribute("aria-labelledby", label.id);
      if (combobox) combobox.setAttribute("aria-labelledby", [label.id, rendered && rendered.id].join(" ").trim());
    });
  }

  function start() {
    const form = document.getElementById("curation-form");
    if (!form) return;
    form.addEventListener("click", (event) => move(form, event));
    nameSearches(form);
  }

  // After the admin's autocomplete.js has drawn the searches (it waits for the same moment).
  if (window.django && window.django.jQuery) window.django.jQuery(start);
  else document.addEventListener("DOMContentLoaded", start);
})();
