// The front door's as-you-type actor search over /search.json (no inline script: CSP).
(function () {
  "use strict";
  var input = document.getElementById("actor-search");
  var list = document.getElementById("search-results");
  if (!input || !list) { return; }
  var latest = 0;
  function show(results, text) {
    list.textContent = "";
    results.forEach(function (r) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = r.page;
      a.textContent = r.label;
      li.appendChild(a);
      var small = document.createElement("small");
      var also = r.matched && r.matched !== r.label ? " · " + r.matched : "";
      small.textContent = " " + (r.type || "") + also;
      li.appendChild(small);
      list.appendChild(li);
    });
    if (!results.length && text) {
      var none = document.createElement("li");
      none.textContent = "no actor matches \u201c" + text + "\u201d";
      list.appendChild(none);
    }
  }
  function search() {
    var text = input.value.trim();
    var ticket = ++latest;
    if (!text) { show([], ""); return; }
    fetch(input.getAttribute("data-endpoint") + "?q=" + encodeURIComponent(text), { headers: { Accept: "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (data) { if (ticket === latest) { show(data.results || [], text); } })
      .catch(function () { if (ticket === latest) { show([], text); } });
  }
  var timer = null;
  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(search, 120); });
  input.addEventListener("keydown", function (e) {
    var first = list.querySelector("a");
    if (e.key === "Enter" && first) { window.location.href = first.href; }
  });
})();
