/* powergraph timeline: the statements on a time axis at their precision (vis-timeline).
 * A day is a point, a week or "the past two weeks" a span, a year a pale band, an open-ended
 * statement a span to the window's edge; undated statements are listed apart by the caller.
 * Every text goes in as a DOM node (textContent), never as HTML. Used by the explorer's panel
 * and by /timeline. */
(function () {
  "use strict";
  var DAY = 86400000;
  if (!window.vis || !window.vis.Timeline) { return; }  // vis-timeline not installed: no timeline
  // our own references: vis-network, loaded next, replaces the global vis.DataSet with its own
  var vis = { Timeline: window.vis.Timeline, DataSet: window.vis.DataSet };

  function text(tag, value, cls) {
    var node = document.createElement(tag);
    node.textContent = String(value);
    if (cls) { node.className = cls; }
    return node;
  }
  function bounds(rows) {
    var low = null, high = null;
    rows.forEach(function (r) {
      [r.span.from, r.span.to].forEach(function (d) {
        if (d) { if (low === null || d < low) { low = d; } if (high === null || d > high) { high = d; } }
      });
    });
    return { low: low, high: high };
  }
  function groupOf(row, by) {
    return by === "relation" ? "r:" + row.relation : "a:" + row.from;
  }
  function groupLabel(row, by) {
    return by === "relation" ? row.relation_label : row.from_label;
  }
  function toItems(rows, by) {
    var edge = bounds(rows), end = edge.high || "2100-01-01", start = edge.low || "1900-01-01";
    return rows.filter(function (r) { return r.span.kind !== "undated"; }).map(function (r) {
      var sign = r.sign > 0 ? "pg-t-plus" : r.sign < 0 ? "pg-t-minus" : "pg-t-zero";
      var item = {
        id: r.id, group: groupOf(r, by), start: r.span.from || start,
        content: text("span", r.from_label + " " + r.relation_label + " " + r.to_label),
        className: sign + " pg-t-" + r.span.kind + (r.status !== "ReportedFact" ? " pg-t-claim" : "")
      };
      if (r.span.kind === "point") { item.type = "point"; } else {
        item.type = "range";
        item.end = r.span.to || end;
      }
      return item;
    });
  }
  function toGroups(rows, by) {
    var seen = new Map();
    rows.forEach(function (r) {
      if (r.span.kind !== "undated" && !seen.has(groupOf(r, by))) { seen.set(groupOf(r, by), groupLabel(r, by)); }
    });
    return Array.from(seen.entries()).sort(function (a, b) { return a[1].localeCompare(b[1]); })
      .map(function (g, i) { return { id: g[0], content: text("span", g[1]), order: i }; });
  }
  function iso(date) {
    var d = new Date(date.getTime() - date.getTimezoneOffset() * 60000);
    return d.toISOString().slice(0, 10);
  }

  /* mount(container, {rows, groupBy, onSelect(id), height}) -> a handle */
  function mount(container, options) {
    var by = options.groupBy || "actor", rows = options.rows;
    var items = new vis.DataSet(toItems(rows, by)), groups = new vis.DataSet(toGroups(rows, by));
    var edge = bounds(rows);
    var timeline = new vis.Timeline(container, items, groups, {
      stack: true, selectable: true, multiselect: false, zoomMin: DAY, zoomMax: 60 * 365 * DAY,
      height: options.height || "320px", margin: { item: 4 }, orientation: "top", showCurrentTime: false,
      groupOrder: "order", xss: { disabled: false }
    });
    if (edge.low) {
      timeline.setWindow(new Date(Date.parse(edge.low) - 30 * DAY), new Date(Date.parse(edge.high) + 30 * DAY),
                         { animation: false });
    }
    timeline.on("select", function (props) { if (props.items.length && options.onSelect) { options.onSelect(props.items[0]); } });
    var handle = {
      timeline: timeline,
      setRows: function (next) {
        rows = next;
        items.clear(); groups.clear();
        groups.add(toGroups(rows, by)); items.add(toItems(rows, by));
      },
      groupBy: function (value) { by = value; handle.setRows(rows); },
      span: function () { var w = timeline.getWindow(); return { from: iso(w.start), to: iso(w.end) }; },
      visibleIds: function () { return timeline.getVisibleItems().slice().sort(); },
      itemIds: function () { return items.getIds().slice().sort(); },
      select: function (id) { timeline.setSelection(id === null ? [] : [id]); }
    };
    return handle;
  }

  window.pgTimeline = { mount: mount, iso: iso };
})();
