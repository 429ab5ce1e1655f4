// cchc: the little behaviour the pages need, without inline scripts (the
// Content-Security-Policy forbids them).
(function () {
  "use strict";
  document.addEventListener("click", function (e) {
    var t = e.target.closest("[data-toggle=nav]");
    if (t) {
      var nav = document.getElementById("mainnav");
      var open = nav.classList.toggle("open");
      t.setAttribute("aria-expanded", open ? "true" : "false");
    }
    var all = e.target.closest("[data-tree]");
    if (all) {
      var open2 = all.getAttribute("data-tree") === "open";
      document.querySelectorAll(".tree details").forEach(function (d) { d.open = open2; });
    }
  });
  // <form data-confirm="..."> asks before submitting.
  document.addEventListener("submit", function (e) {
    var msg = e.target.getAttribute && e.target.getAttribute("data-confirm");
    if (msg && !window.confirm(msg)) { e.preventDefault(); }
  }, true);
  // Select-all text of one-time secrets on click.
  document.addEventListener("click", function (e) {
    var s = e.target.closest(".secret");
    if (s && window.getSelection) {
      var r = document.createRange(); r.selectNodeContents(s);
      var sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(r);
    }
  });
})();
// Plan import: a form marked data-upload-progress shows how much of the
// file htmx has sent, then "Đang đọc tệp…" while the server reads it; a
// form marked data-swap-errors shows the form the server sends back with a
// refusal (422, 413) instead of ignoring it, as htmx does with errors.
(function () {
  "use strict";
  function progressOf(e) {
    var form = e.target && e.target.closest && e.target.closest("form[data-upload-progress]");
    if (!form) { return null; }
    var box = document.getElementById("import-progress");
    return box && { bar: box.querySelector("progress"), text: box.querySelector(".import-progress-text") };
  }
  document.addEventListener("htmx:beforeRequest", function (e) {
    var p = progressOf(e);
    if (p) { p.bar.value = 0; p.bar.removeAttribute("data-sent"); p.text.textContent = "Đang tải tệp lên…"; }
  });
  // htmx reports the upload's progress, then the response's: once the file
  // is sent, the server is reading it.
  document.addEventListener("htmx:xhr:progress", function (e) {
    var p = progressOf(e);
    if (!p || p.bar.hasAttribute("data-sent") || !e.detail.lengthComputable || !e.detail.total) { return; }
    var pct = Math.min(100, Math.round(e.detail.loaded * 100 / e.detail.total));
    p.bar.value = pct;
    if (pct < 100) {
      p.text.textContent = "Đang tải tệp lên… " + pct + "%";
    } else {
      p.bar.setAttribute("data-sent", "");
      p.text.textContent = "Đang đọc tệp…";
    }
  });
  document.addEventListener("htmx:beforeSwap", function (e) {
    // The event fires on the swap's target; the form is the request's element.
    var elt = (e.detail.requestConfig && e.detail.requestConfig.elt) || e.detail.elt;
    var status = e.detail.xhr && e.detail.xhr.status;
    if (elt && elt.closest && elt.closest("[data-swap-errors]") && (status === 422 || status === 413)) {
      e.detail.shouldSwap = true;
      e.detail.isError = false;
    }
  });
})();
// A filter's <select data-clears="period"> (the year) drops the chosen
// period when it changes, so the page picks a period of the new year.
(function () {
  "use strict";
  document.addEventListener("change", function (e) {
    var name = e.target.getAttribute && e.target.getAttribute("data-clears");
    var other = name && e.target.form && e.target.form.elements[name];
    if (other) { other.disabled = true; e.target.form.submit(); }
  });
})();
// Periodic reports: a textarea marked data-autogrow grows with its text, so
// a long narrative is read without scrolling inside the box.
(function () {
  "use strict";
  function grow(t) {
    if (!t.matches || !t.matches("textarea[data-autogrow]")) { return; }
    t.style.height = "auto";
    t.style.height = Math.min(t.scrollHeight + 2, window.innerHeight * 0.7) + "px";
  }
  document.addEventListener("input", function (e) { grow(e.target); });
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("textarea[data-autogrow]").forEach(grow);
  });
})();
// Periodic reports: the boxes a broken rule names are marked until the
// officer changes one of them.
document.addEventListener("input", function (e) {
  "use strict";
  if (e.target.closest && e.target.closest(".ind.rule-related")) {
    document.querySelectorAll(".ind.rule-related").forEach(function (el) { el.classList.remove("rule-related"); });
  }
});
// Report form designer: add and remove rows in the browser (the buttons
// also work without JavaScript, through the server); a rate's formula box
// is only active for rates; some buttons ask before acting.
(function () {
  "use strict";
  function syncFormula(select) {
    var row = select.closest("tr");
    var box = row && row.querySelector("[data-formula]");
    if (box) { box.disabled = select.value !== "rate" && box.value === ""; }
  }
  function init(root) {
    root.querySelectorAll("select[data-kind-select]").forEach(syncFormula);
  }
  document.addEventListener("DOMContentLoaded", function () { init(document); });
  document.addEventListener("change", function (e) {
    var s = e.target.closest && e.target.closest("select[data-kind-select]");
    if (!s) { return; }
    var box = s.closest("tr").querySelector("[data-formula]");
    if (box) {
      box.disabled = s.value !== "rate";
      if (!box.disabled) { box.focus(); }
    }
  });
  document.addEventListener("click", function (e) {
    var ask = e.target.closest && e.target.closest("[data-confirm-click]");
    if (ask && !window.confirm(ask.getAttribute("data-confirm-click"))) {
      e.preventDefault();
      return;
    }
    var add = e.target.closest && e.target.closest("[data-add-row]");
    if (add) {
      var kind = add.getAttribute("data-add-row");
      var section = add.getAttribute("data-section");
      var sel = "tbody[data-rows=" + kind + "]" + (section === null ? "" : "[data-section='" + section + "']");
      var body = document.querySelector(sel);
      var tpl = document.getElementById("tpl-" + kind);
      if (!body || !tpl) { return; }
      e.preventDefault();
      var next = parseInt(body.getAttribute("data-next"), 10) || 0;
      body.setAttribute("data-next", String(next + 1));
      var html = tpl.innerHTML.split("__S__").join(section === null ? "" : section).split("__I__").join(String(next));
      body.insertAdjacentHTML("beforeend", html);
      var row = body.lastElementChild;
      init(row);
      var first = row.querySelector("input");
      if (first) { first.focus(); }
      return;
    }
    var remove = e.target.closest && e.target.closest("[data-remove-row]");
    if (remove) {
      var tr = remove.closest("tr");
      if (tr) { e.preventDefault(); tr.remove(); }
    }
  });
})();
