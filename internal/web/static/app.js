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
