// A source page: highlight every mark of the statement named in the URL's #st-... and scroll to it.
(function () {
  "use strict";
  function show() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    document.querySelectorAll("mark.current, li.current").forEach(function (el) { el.classList.remove("current"); });
    if (!id) { return; }
    var marks = Array.prototype.filter.call(document.querySelectorAll("mark[data-st]"), function (el) {
      return el.getAttribute("data-st").split(" ").indexOf(id) >= 0;
    });
    marks.forEach(function (el) { el.classList.add("current"); });
    document.querySelectorAll("li[data-st]").forEach(function (el) {
      if (el.getAttribute("data-st") === id) { el.classList.add("current"); el.scrollIntoView({ block: "nearest" }); }
    });
    if (marks.length) { marks[0].scrollIntoView({ block: "center" }); }
  }
  window.addEventListener("hashchange", show);
  window.addEventListener("load", show);  // after the browser's own jump to the anchor (top of the window)
  show();
})();
