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
