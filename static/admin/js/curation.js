/* The curation page's move buttons, in place: the row swaps with its neighbour and every row's
   hidden order field and number follow. Without this script the same buttons post the form
   back, unsaved, in the new order (articles/admin/curation_form.py: moved). */
(function () {
  "use strict";

  const form = document.getElementById("curation-form");
  if (!form) return;
  const status = form.querySelector(".curation-status");

  function renumber(tbody) {
    tbody.querySelectorAll("tr.curation-row").forEach((row, index) => {
      row.querySelector("input[name$='-order']").value = String(index + 1);
      row.querySelectorAll(".curation-number, .curation-n").forEach((number) => {
        number.textContent = String(index + 1);
      });
    });
  }

  form.addEventListener("click", (event) => {
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
    // The button hidden at the end of the list cannot keep the focus: its twin takes it.
    const twin = row.querySelector(up ? ".curation-down" : ".curation-up");
    (getComputedStyle(button).visibility === "hidden" ? twin : button).focus();
    status.textContent = status.dataset.unsaved;
  });
})();
