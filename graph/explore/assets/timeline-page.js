/* powergraph /timeline: the statements on a time axis, filtered by relation sign and status;
 * click one for its evidence; the span in view opens in the network (/explore#time=span:...). */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("pg-data").textContent);
  var rows = data.timeline.items.concat(data.timeline.undated), cards = window.pgCards;
  var signs = new Set([1, -1, 0]), statuses = new Set(data.statuses.filter(function (s) { return !s.hidden; }).map(function (s) { return s.id; }));
  function byId(id) { return document.getElementById(id); }
  function sign(r) { return r.sign > 0 ? 1 : r.sign < 0 ? -1 : 0; }
  function shown() { return rows.filter(function (r) { return signs.has(sign(r)) && statuses.has(r.status); }); }
  function show(id) {
    var r = rows.filter(function (x) { return x.id === id; })[0], panel = byId("pg-evidence");
    cards.clear(panel);
    panel.appendChild(cards.el("h2", "Statement"));
    panel.appendChild(cards.card(r));
  }
  if (!window.pgTimeline) {
    byId("pg-timeline").textContent = "The timeline library (vis-timeline) is not installed: run make install (npm ci && npm run copy-vis-timeline).";
    return;
  }
  var handle = window.pgTimeline.mount(byId("pg-timeline"), { rows: shown(), groupBy: "actor", height: "70vh", onSelect: show });
  function undated(list) {
    var box = byId("pg-undated"), items = list.filter(function (r) { return r.span.kind === "undated"; });
    cards.clear(box);
    byId("pg-undated-label").textContent = "Undated statements (" + items.length + "): on no date, so not on the axis";
    items.forEach(function (r) {
      var li = cards.el("li"), b = cards.el("button", r.from_label + " " + r.relation_label + " " + r.to_label);
      b.type = "button";
      b.setAttribute("data-statement", r.id);
      b.addEventListener("click", function () { show(r.id); });
      li.appendChild(b);
      box.appendChild(li);
    });
  }
  function span() {
    var s = handle.span(), link = byId("pg-open-span");
    link.href = "/explore#time=" + encodeURIComponent("span:" + s.from + ".." + s.to);
    byId("pg-span-label").textContent = "In view: " + s.from + " to " + s.to;
  }
  function refresh() {
    var list = shown();
    handle.setRows(list);
    undated(list);
    byId("pg-count").textContent = list.filter(function (r) { return r.span.kind !== "undated"; }).length + " dated and " +
      list.filter(function (r) { return r.span.kind === "undated"; }).length + " undated statements shown (of " + rows.length + ")";
  }
  function checkbox(target, value, text, set) {
    var label = cards.el("label"), input = cards.el("input");
    input.type = "checkbox";
    input.value = String(value);
    input.checked = set.has(value);
    input.addEventListener("change", function () { if (input.checked) { set.add(value); } else { set.delete(value); } refresh(); });
    label.appendChild(input);
    label.appendChild(document.createTextNode(" " + text));
    byId(target).appendChild(label);
  }
  [[1, "support or alliance"], [-1, "hostility"], [0, "neutral"]].forEach(function (s) {
    var n = rows.filter(function (r) { return sign(r) === s[0]; }).length;
    if (n) { checkbox("pg-signs", s[0], s[1] + " (" + n + ")", signs); }
  });
  data.statuses.forEach(function (s) { checkbox("pg-statuses", s.id, s.label + " (" + s.count + ")", statuses); });
  byId("pg-group-by").addEventListener("change", function () { handle.groupBy(byId("pg-group-by").value); });
  handle.timeline.on("rangechanged", span);
  refresh();
  span();
  window.pgTimelinePage = { handle: handle, span: span, shownIds: function () { return shown().map(function (r) { return r.id; }).sort(); } };
})();
