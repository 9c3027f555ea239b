/* The story editor: parts added, moved and removed in place; claims that take their status
   from the section they are in; sources and people created without a pop-up; a live preview
   and checklist; autosave; text mode. The page is a plain Django admin form underneath: every
   change here is a change of that form's fields, and it still saves without this script. */
(function () {
  "use strict";

  const root = document.querySelector("[data-story-editor]");
  const configElement = document.getElementById("story-editor-config");
  if (!root || !configElement) return;
  const config = JSON.parse(configElement.textContent);
  const form = root.closest("form");
  const $ = window.django && window.django.jQuery;
  const csrf = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  const liveRegion = document.querySelector("[data-autosave-state]");
  form.classList.add("js-editor");

  // -- small helpers ----------------------------------------------------------------------

  function debounce(fn, ms) {
    let timer = null;
    const run = (...args) => {
      clearTimeout(timer);
      timer = setTimeout(() => fn(...args), ms);
    };
    run.cancel = () => clearTimeout(timer);
    return run;
  }

  function post(url, body, signal) {
    return fetch(url, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrf, Accept: "application/json" },
      signal: signal,
    });
  }

  function timeNow() {
    return new Date().toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  }

  // Select2 (the admin's autocomplete) announces changes through jQuery only.
  function onChange(selector, handler) {
    if ($) $(form).on("change", selector, function (event) { handler(event, this); });
    else form.addEventListener("change", (event) => {
      if (event.target.matches(selector)) handler(event, event.target);
    });
  }

  function triggerChange(select) {
    if ($) $(select).trigger("change");
    else select.dispatchEvent(new Event("change", { bubbles: true }));
  }

  function chooseOption(select, value, text) {
    let option = Array.from(select.options).find((o) => o.value === String(value));
    if (!option) {
      option = new Option(text, value, true, true);
      select.append(option);
    }
    option.selected = true;
    triggerChange(select);
  }

  // Select2 draws its own combobox (and, for several choices, a search box) beside the
  // select, named by nothing: a screen reader says only "combobox". Name them by the label.
  function labelAutocompletes(scope) {
    scope.querySelectorAll("select.admin-autocomplete").forEach((select) => {
      const label = select.id && form.querySelector(`label[for="${select.id}"]`);
      const widget = select.nextElementSibling;
      if (!label || label.id || !widget || !widget.classList.contains("select2")) return;
      label.id = `${select.id}_label`;
      const box = widget.querySelector(".select2-selection");
      const chosen = box.getAttribute("aria-labelledby"); // a single choice: what is chosen
      box.setAttribute("aria-labelledby", chosen ? `${label.id} ${chosen}` : label.id);
      widget.querySelectorAll(".select2-selection__rendered[role=textbox], .select2-search__field")
        .forEach((part) => part.setAttribute("aria-labelledby", label.id));
    });
  }

  // -- rows: number, add, move, remove ----------------------------------------------------

  function rowsOf(prefix) {
    return Array.from(root.querySelectorAll(`[data-part-list][data-prefix="${prefix}"] > [data-part-row]`));
  }

  function renumber(prefix) {
    let position = 0;
    for (const row of rowsOf(prefix)) {
      const input = row.querySelector("input[data-position]");
      if (!input) continue;
      if (row.classList.contains("is-removed")) continue;
      position += 1;
      input.value = String(position);
    }
  }

  function listOf(row) {
    return row.closest("[data-part-list]");
  }

  function addRow(prefix, list, status) {
    const template = root.querySelector(`template[data-empty-form="${prefix}"]`);
    const total = form.querySelector(`#id_${prefix}-TOTAL_FORMS`);
    const index = Number(total.value);
    const html = template.innerHTML.replace(/__prefix__/g, String(index));
    const holder = document.createElement("ol");
    holder.innerHTML = html.trim();
    const row = holder.firstElementChild;
    list.append(row);
    total.value = String(index + 1);
    const statusSelect = row.querySelector("select[name$='-status']");
    if (statusSelect && status) statusSelect.value = status;
    row.dispatchEvent(new CustomEvent("formset:added", { bubbles: true, detail: { formsetName: prefix } }));
    labelAutocompletes(row);
    prepareRow(row);
    renumber(prefix);
    changed();
    return row;
  }

  function focusFirstField(row) {
    const field = row.querySelector(".part-body textarea, .part-body input:not([type=hidden]), .part-body select");
    if (!field) return;
    if (field.classList.contains("admin-autocomplete") && $) $(field).select2("open");
    else field.focus();
  }

  function moveRow(row, direction) {
    const sibling = direction === "up" ? row.previousElementSibling : row.nextElementSibling;
    if (!sibling) return false;
    if (direction === "up") sibling.before(row);
    else sibling.after(row);
    renumber(listOf(row).dataset.prefix);
    changed();
    return true;
  }

  function removeRow(row) {
    const prefix = listOf(row).dataset.prefix;
    const deleteBox = row.querySelector("input[name$='-DELETE']");
    if (row.hasAttribute("data-existing")) {
      const removed = !row.classList.contains("is-removed");
      deleteBox.checked = removed;
      row.classList.toggle("is-removed", removed);
      const button = row.querySelector("[data-remove]");
      button.textContent = removed ? gettext("Undo") : gettext("Remove");
      row.dataset.removedText = gettext("Removed when you save.") + " ";
      button.focus();
    } else {
      const next = row.nextElementSibling || row.previousElementSibling;
      row.remove();
      const focusTarget = next ? next.querySelector("[data-remove]") : root.querySelector(`[data-add-part="${prefix}"]`);
      if (focusTarget) focusTarget.focus();
    }
    renumber(prefix);
    changed();
    if (prefix === "source_entries") refreshCitations();
  }

  // -- claims: status from the section ------------------------------------------------------

  const CLAIM_LISTS = {
    verified: root.querySelector('[data-part-list][data-prefix="claims"][data-status="verified"]'),
    unconfirmed: root.querySelector('[data-part-list][data-prefix="claims"][data-status="unconfirmed"]'),
  };

  function claimSection(status) {
    return status === "verified" ? "verified" : "unconfirmed";
  }

  function labelMoveSection(row) {
    const button = row.querySelector("[data-move-section]");
    const select = row.querySelector("select[name$='-status']");
    if (!button || !select) return;
    button.textContent = select.value === "verified" ? gettext("Move to Unconfirmed") : gettext("Move to Verified facts");
  }

  function placeClaim(row) {
    const select = row.querySelector("select[name$='-status']");
    const target = CLAIM_LISTS[claimSection(select.value)];
    if (target && listOf(row) !== target) target.append(row);
    labelMoveSection(row);
    renumber("claims");
  }

  // A claim dropped into a section takes that section's status (a disputed claim stays
  // disputed among the unconfirmed).
  function statusFromList(row) {
    const select = row.querySelector("select[name$='-status']");
    const section = listOf(row).dataset.status;
    if (section === "verified") select.value = "verified";
    else if (select.value === "verified") select.value = "unconfirmed";
    labelMoveSection(row);
  }

  // -- citations: numbered like the public page ------------------------------------------------

  let serverNumbers = {};

  function listedSources() {
    const seen = new Set();
    const listed = [];
    for (const row of rowsOf("source_entries")) {
      if (row.classList.contains("is-removed")) continue;
      const select = row.querySelector("select[name$='-source']");
      if (!select || !select.value || seen.has(select.value)) continue;
      seen.add(select.value);
      const option = select.options[select.selectedIndex];
      listed.push({ id: select.value, text: option ? option.textContent : select.value });
    }
    return listed;
  }

  function citationNumber(id, index) {
    return serverNumbers[id] || index + 1;
  }

  function refreshCitations() {
    const listed = listedSources();
    for (const row of rowsOf("claims")) {
      const holder = row.querySelector("[data-cite-buttons]");
      const select = row.querySelector("select[name$='-sources']");
      if (!holder || !select) continue;
      const chosen = new Set(Array.from(select.selectedOptions).map((o) => o.value));
      holder.replaceChildren();
      listed.forEach((source, index) => {
        const button = document.createElement("button");
        button.type = "button";
        button.className = "cite-button";
        button.dataset.cite = source.id;
        button.setAttribute("aria-pressed", chosen.has(source.id) ? "true" : "false");
        button.title = source.text;
        button.textContent = `[${citationNumber(source.id, index)}]`;
        button.setAttribute("aria-label", `${gettext("Cite")} ${citationNumber(source.id, index)}: ${source.text}`);
        holder.append(button);
      });
      if (!listed.length) holder.textContent = gettext("none listed yet");
    }
    rowsOf("source_entries").forEach((row) => {
      const select = row.querySelector("select[name$='-source']");
      let badge = row.querySelector(".citation-number");
      if (!badge) {
        badge = document.createElement("span");
        badge.className = "citation-number";
        row.querySelector(".part-body").prepend(badge);
      }
      const index = listed.findIndex((s) => select && s.id === select.value);
      badge.textContent = index >= 0 ? `[${citationNumber(listed[index].id, index)}]` : "";
    });
  }

  function toggleCitation(row, id) {
    const select = row.querySelector("select[name$='-sources']");
    const option = Array.from(select.options).find((o) => o.value === id);
    if (option && option.selected) {
      option.selected = false;
      triggerChange(select);
    } else {
      const source = listedSources().find((s) => s.id === id);
      chooseOption(select, id, source ? source.text : id);
    }
    refreshCitations();
    const again = row.querySelector(`[data-cite="${id}"]`);
    if (again) again.focus();
  }

  // -- the library, in place ---------------------------------------------------------------------

  function inlineForm(anchor, fields, submitLabel, onSubmit) {
    const existing = anchor.parentElement.querySelector(".inline-create-form");
    if (existing) { existing.querySelector("input").focus(); return; }
    const box = document.createElement("div");
    box.className = "inline-create-form";
    box.setAttribute("role", "group");
    box.setAttribute("aria-label", submitLabel);
    const inputs = {};
    for (const field of fields) {
      const wrap = document.createElement("div");
      const id = `inline-${field.name}-${Math.random().toString(36).slice(2, 8)}`;
      const label = document.createElement("label");
      label.htmlFor = id;
      label.textContent = field.label;
      let input;
      if (field.choices) {
        input = document.createElement("select");
        for (const [value, text] of field.choices) input.append(new Option(text, value));
      } else {
        input = document.createElement("input");
        input.type = field.type || "text";
      }
      input.id = id;
      if (field.value) input.value = field.value;
      inputs[field.name] = input;
      wrap.append(label, input);
      box.append(wrap);
    }
    const error = document.createElement("p");
    error.className = "form-error";
    error.setAttribute("role", "alert");
    const actions = document.createElement("div");
    actions.className = "form-actions";
    const ok = document.createElement("button");
    ok.type = "button";
    ok.className = "button";
    ok.textContent = submitLabel;
    const cancel = document.createElement("button");
    cancel.type = "button";
    cancel.className = "inline-create";
    cancel.textContent = gettext("Cancel");
    actions.append(ok, cancel);
    box.append(error, actions);
    anchor.after(box);
    const close = () => { box.remove(); anchor.focus(); };
    cancel.addEventListener("click", close);
    const submit = async () => {
      const body = new FormData();
      for (const [name, input] of Object.entries(inputs)) body.append(name, input.value);
      error.textContent = "";
      ok.disabled = true;
      try {
        const answer = await onSubmit(body);
        if (answer.error) error.textContent = answer.error;
        else { box.remove(); }
      } catch (problem) {
        error.textContent = gettext("Could not reach the server; nothing was added. Try again.");
      } finally {
        ok.disabled = false;
      }
    };
    ok.addEventListener("click", submit);
    box.addEventListener("keydown", (event) => {
      if (event.key === "Enter") { event.preventDefault(); submit(); }
      if (event.key === "Escape") { event.preventDefault(); close(); }
    });
    inputs[fields[0].name].focus();
  }

  function errorsOf(data) {
    if (!data.errors) return data.message || gettext("That did not work.");
    return Object.entries(data.errors).map(([name, messages]) => `${name}: ${messages.join(" ")}`).join(" ");
  }

  function newSource(anchor, citingRow) {
    inlineForm(anchor, [
      { name: "title", label: gettext("Title") },
      { name: "publisher", label: gettext("Publisher") },
      { name: "url", label: gettext("Address (URL)"), type: "url" },
      { name: "kind", label: gettext("Kind"), choices: config.source_kinds },
    ], gettext("Add source"), async (body) => {
      const response = await post(config.urls.new_source, body);
      const data = await response.json();
      if (!response.ok) return { error: errorsOf(data) };
      const list = root.querySelector('[data-part-list][data-prefix="source_entries"]');
      const row = addRow("source_entries", list);
      chooseOption(row.querySelector("select[name$='-source']"), data.id, data.text);
      if (citingRow) chooseOption(citingRow.querySelector("select[name$='-sources']"), data.id, data.text);
      refreshCitations();
      announce(gettext("Source added to the library and to this story: ") + data.text);
      if (citingRow) {
        const button = citingRow.querySelector(`[data-cite="${data.id}"]`);
        if (button) button.focus();
      }
      return {};
    });
  }

  function newPerson(anchor, quoteRow) {
    inlineForm(anchor, [
      { name: "name", label: gettext("Name") },
      { name: "role", label: gettext("Current role") },
      { name: "organization", label: gettext("Organisation") },
    ], gettext("Add person"), async (body) => {
      const response = await post(config.urls.new_person, body);
      const data = await response.json();
      if (!response.ok) return { error: errorsOf(data) };
      const role = quoteRow.querySelector("input[name$='-role']");
      if (role && !role.value) { role.value = data.role; role.dataset.prefilled = data.role; }
      chooseOption(quoteRow.querySelector("select[name$='-speaker']"), data.id, data.text);
      announce(gettext("Person added to the library: ") + data.text);
      const text = quoteRow.querySelector("textarea[name$='-text']");
      if (text) text.focus();
      return {};
    });
  }

  async function prefillRole(select) {
    const row = select.closest("[data-part-row]");
    const role = row && row.querySelector("input[name$='-role']");
    if (!role || !select.value) return;
    if (role.value && role.value !== role.dataset.prefilled) return; // typed by hand: keep it
    try {
      const response = await fetch(config.urls.person.replace("/0/", `/${select.value}/`), {
        credentials: "same-origin", headers: { Accept: "application/json" },
      });
      if (!response.ok) return;
      const data = await response.json();
      if (role.value && role.value !== role.dataset.prefilled) return;
      role.value = data.role;
      role.dataset.prefilled = data.role;
      changed();
    } catch (problem) { /* the role stays editable by hand */ }
  }

  function announce(text) {
    if (liveRegion) { liveRegion.classList.remove("is-failed"); liveRegion.textContent = text; }
  }

  // -- wiring rows ---------------------------------------------------------------------------------

  function prepareRow(row) {
    labelMoveSection(row);
  }

  root.querySelectorAll("[data-part-row]").forEach(prepareRow);
  root.querySelectorAll("[data-add-part], [data-new-source], [data-toggle]").forEach((el) => { el.hidden = false; });
  root.querySelectorAll("[data-part-list]").forEach((list) => {
    list.dataset.empty = gettext("None yet.");
  });
  document.querySelectorAll("[data-toggle]").forEach((el) => { el.hidden = false; });

  root.addEventListener("click", (event) => {
    const target = event.target.closest("button");
    if (!target || !root.contains(target)) return;
    const row = target.closest("[data-part-row]");
    if (target.matches("[data-add-part]")) {
      const prefix = target.dataset.addPart;
      const status = target.dataset.status || "";
      const list = status
        ? root.querySelector(`[data-part-list][data-prefix="${prefix}"][data-status="${status}"]`)
        : root.querySelector(`[data-part-list][data-prefix="${prefix}"]`);
      const added = addRow(prefix, list, status);
      if (prefix === "claims") refreshCitations();
      focusFirstField(added);
    } else if (target.matches("[data-move]") && row) {
      if (moveRow(row, target.dataset.move)) target.focus();
    } else if (target.matches("[data-remove]") && row) {
      removeRow(row);
    } else if (target.matches("[data-move-section]") && row) {
      const select = row.querySelector("select[name$='-status']");
      select.value = select.value === "verified" ? "unconfirmed" : "verified";
      placeClaim(row);
      changed();
      target.focus();
      announce(select.value === "verified" ? gettext("Moved to Verified facts.") : gettext("Moved to Unconfirmed."));
    } else if (target.matches("[data-cite]") && row) {
      toggleCitation(row, target.dataset.cite);
      changed();
    } else if (target.matches("[data-new-source]")) {
      newSource(target, target.dataset.newSource === "cite" ? row : null);
    } else if (target.matches("[data-new-person]") && row) {
      newPerson(target, row);
    }
  });

  onChange("select[name^='claims-'][name$='-status']", (event, select) => {
    placeClaim(select.closest("[data-part-row]"));
  });
  onChange("select[name^='claims-'][name$='-sources'], select[name^='source_entries-']", () => refreshCitations());
  onChange("select[name^='quotes-'][name$='-speaker']", (event, select) => prefillRole(select));
  onChange("input[name^='quotes-'][name$='-is_pull']", (event, box) => {
    if (!box.checked) return;
    root.querySelectorAll("input[name^='quotes-'][name$='-is_pull']").forEach((other) => {
      if (other !== box) other.checked = false;
    });
  });

  if (window.Sortable) {
    root.querySelectorAll("[data-part-list]").forEach((list) => {
      window.Sortable.create(list, {
        handle: ".part-handle",
        draggable: "[data-part-row]",
        animation: 120,
        group: list.dataset.prefix === "claims" ? "claims" : list.dataset.prefix,
        onEnd: (event) => {
          if (list.dataset.prefix === "claims") statusFromList(event.item);
          renumber(list.dataset.prefix);
          if (list.dataset.prefix === "source_entries") refreshCitations();
          changed();
        },
      });
    });
  }

  // -- the live preview and the checklist ------------------------------------------------------

  const previewSection = root.querySelector(".editor-preview");
  const previewFrame = root.querySelector("[data-preview-frame]");
  const previewState = root.querySelector("[data-preview-state]");
  const checklist = root.querySelector("[data-checklist]");
  const previewToggle = document.querySelector('[data-toggle="preview"]');
  let liveRequest = null;

  function renderChecklist(checks) {
    checklist.replaceChildren();
    for (const check of checks) {
      const item = document.createElement("li");
      item.className = check.ok ? "is-ok" : "is-missing";
      const text = document.createElement(check.ok ? "span" : "a");
      text.textContent = check.label;
      if (!check.ok) text.href = `#${check.part}`;
      item.append(text);
      const when = document.createElement("span");
      when.className = "needed-for";
      when.textContent = check.needed_for === "publish" ? ` · ${gettext("to publish")}` : ` · ${gettext("to submit")}`;
      item.append(when);
      if (!check.ok && check.problems.length) {
        const detail = document.createElement("div");
        detail.className = "help";
        detail.textContent = check.problems.join(" ");
        item.append(detail);
      }
      checklist.append(item);
    }
  }

  async function refreshLive() {
    if (liveRequest) liveRequest.abort();
    liveRequest = new AbortController();
    const previewOpen = !previewSection.hidden;
    if (previewOpen) previewState.textContent = gettext("Updating…");
    try {
      const response = await post(config.urls.live, new FormData(form), liveRequest.signal);
      const data = await response.json();
      if (!response.ok) throw new Error(data.message || response.statusText);
      if (data.checks && data.checks.length) renderChecklist(data.checks);
      else if (data.checks_message) checklist.replaceChildren(Object.assign(document.createElement("li"), { className: "checklist-waiting", textContent: data.checks_message }));
      serverNumbers = data.citations || {};
      refreshCitations();
      if (previewOpen) {
        if (data.html) {
          let scroll = 0;
          try { scroll = previewFrame.contentWindow.scrollY; } catch (problem) { scroll = 0; }
          previewFrame.addEventListener("load", () => {
            try { previewFrame.contentWindow.scrollTo(0, scroll); } catch (problem) { /* empty */ }
          }, { once: true });
          previewFrame.srcdoc = data.html;
          previewState.textContent = gettext("Up to date") + " · " + timeNow();
        } else {
          previewState.textContent = data.message || "";
        }
      }
    } catch (problem) {
      if (problem.name === "AbortError") return;
      if (previewOpen) previewState.textContent = gettext("The preview could not be updated; your text is unchanged.");
    }
  }
  const refreshLiveSoon = debounce(refreshLive, 700);

  function setPreview(open) {
    previewSection.hidden = !open;
    root.classList.toggle("preview-open", open);
    previewToggle.setAttribute("aria-pressed", open ? "true" : "false");
    try { window.localStorage.setItem("storyEditorPreview", open ? "1" : ""); } catch (problem) { /* private mode */ }
    if (open) refreshLive();
  }
  if (previewToggle) previewToggle.addEventListener("click", () => setPreview(previewSection.hidden));

  // -- autosave --------------------------------------------------------------------------------------

  let dirty = false;
  let submitting = false;
  let autosaving = null;

  function autosaveFailed(reason) {
    if (!liveRegion) return;
    liveRegion.classList.add("is-failed");
    liveRegion.textContent = gettext("Could not keep a draft copy") + ` (${reason}). ` +
      gettext("Your text is still here; trying again as you type.");
  }

  async function autosave() {
    if (!config.urls.autosave || !dirty || submitting) return;
    if (autosaving) autosaving.abort();
    autosaving = new AbortController();
    const timer = setTimeout(() => autosaving && autosaving.abort("timeout"), 10000);
    dirty = false;
    try {
      const response = await post(config.urls.autosave, new FormData(form), autosaving.signal);
      let data = {};
      try { data = await response.json(); } catch (problem) { data = {}; }
      if (!response.ok) {
        dirty = true;
        autosaveFailed(data.message || `${gettext("server answered")} ${response.status}`);
        return;
      }
      announce(data.message || gettext("Draft copy kept at ") + timeNow());
    } catch (problem) {
      dirty = true;
      autosaveFailed(problem === "timeout" || (problem && problem.name === "AbortError")
        ? gettext("no answer in time") : gettext("no connection"));
    } finally {
      clearTimeout(timer);
      autosaving = null;
    }
  }
  const autosaveSoon = debounce(autosave, 3000);

  function keepOnLeaving() {
    if (!dirty || submitting || !config.urls.autosave || !navigator.sendBeacon) return;
    if (navigator.sendBeacon(config.urls.autosave, new FormData(form))) dirty = false;
  }
  document.addEventListener("visibilitychange", () => { if (document.visibilityState === "hidden") keepOnLeaving(); });
  window.addEventListener("pagehide", keepOnLeaving);
  form.addEventListener("submit", () => {
    submitting = true;
    autosaveSoon.cancel();
    refreshLiveSoon.cancel();
  });

  const discard = document.querySelector("[data-autosave-discard]");
  if (discard) {
    discard.addEventListener("click", async (event) => {
      event.preventDefault();
      const banner = discard.closest("[data-autosave-banner]");
      try {
        const response = await post(discard.dataset.url || discard.getAttribute("formaction"), new FormData());
        if (response.ok && banner) banner.remove();
      } catch (problem) { /* the banner stays; nothing is lost */ }
    });
  }

  // -- text mode --------------------------------------------------------------------------------

  const textToggle = document.querySelector('[data-toggle="text"]');
  const textMode = root.querySelector("[data-text-mode]");
  const storyText = root.querySelector("[data-story-text]");
  const problemsList = root.querySelector("[data-text-problems]");
  const formParts = root.querySelector("[data-form-parts]");
  const topFields = root.querySelector(".editor-top");
  const modeInput = document.createElement("input");
  modeInput.type = "hidden";
  modeInput.name = "_editor_mode";
  modeInput.value = config.text_mode ? "text" : "form";
  form.append(modeInput);

  function showText(text) {
    storyText.value = text;
    storyText.disabled = false;
    textMode.hidden = false;
    formParts.hidden = true;
    topFields.hidden = true;
    modeInput.value = "text";
    if (textToggle) {
      textToggle.setAttribute("aria-pressed", "true");
      textToggle.textContent = gettext("Back to the form");
    }
    storyText.focus();
  }

  async function checkText() {
    const body = new FormData();
    body.append("story_text", storyText.value);
    try {
      const response = await post(config.urls.text_check, body);
      const data = await response.json();
      problemsList.replaceChildren();
      for (const problem of data.problems || []) {
        const item = document.createElement("li");
        item.textContent = `${gettext("Line")} ${problem.line}: ${problem.message}`;
        problemsList.append(item);
      }
      if (!response.ok && (data.message || data.error)) problemsList.textContent = data.message || data.error;
    } catch (problem) { /* checked again on the next keystroke */ }
  }
  const checkTextSoon = debounce(checkText, 600);

  if (textToggle && config.urls.text_from_form) {
    textToggle.addEventListener("click", async () => {
      if (modeInput.value === "text") {
        // Back to the form: the server reads the text into the form, saving nothing.
        const back = document.createElement("input");
        back.type = "hidden";
        back.name = "_editor_switch";
        back.value = "form";
        form.append(back);
        submitting = true;
        form.submit();
        return;
      }
      try {
        const response = await post(config.urls.text_from_form, new FormData(form));
        const data = await response.json();
        if (!response.ok) throw new Error(data.message || data.error);
        showText(data.text);
        checkText();
      } catch (problem) {
        announce(gettext("Text mode could not start: ") + (problem.message || ""));
      }
    });
  } else if (textToggle) {
    textToggle.hidden = true;
  }
  if (config.text_mode && storyText) {
    showText(storyText.value);
    checkText();
  }

  // -- everything that follows a change ----------------------------------------------------------

  // The admin's autocompletes announce a "change" as they start up: not an edit.
  let settled = false;
  const settle = () => {
    labelAutocompletes(root);
    setTimeout(() => { settled = true; }, 0);
  };
  if ($) $(settle); else settle();

  function changed() {
    if (!settled) return;
    dirty = true;
    autosaveSoon();
    refreshLiveSoon();
  }

  // Boxes grow with what is written in them, so nothing typed is hidden behind a scrollbar.
  function fit(box) {
    if (box.tagName !== "TEXTAREA" || box === storyText) return;
    box.style.height = "auto";
    box.style.height = `${box.scrollHeight + 2}px`;
  }
  root.querySelectorAll("textarea").forEach(fit);
  new ResizeObserver(() => root.querySelectorAll(".editor-top textarea").forEach(fit)).observe(root);

  form.addEventListener("input", (event) => {
    fit(event.target);
    if (event.target.closest(".inline-create-form")) return;
    if (event.target === storyText) { checkTextSoon(); dirty = true; autosaveSoon(); return; }
    changed();
  });
  onChange("select, input[type=checkbox], input[type=radio]", (event, element) => {
    if (element.closest(".inline-create-form")) return;
    changed();
  });

  refreshCitations();
  let wantsPreview = false;
  try { wantsPreview = window.localStorage.getItem("storyEditorPreview") === "1"; } catch (problem) { wantsPreview = false; }
  if (wantsPreview && window.matchMedia("(min-width: 1001px)").matches) setPreview(true);
  else refreshLive();
})();
