/* powergraph explorer: filters, time slider, search, ego view and evidence panel.
 * Data comes from the <script type="application/json" id="pg-data"> block; every text
 * reaches the page through textContent (never innerHTML). No request leaves the page. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("pg-data").textContent);
  var view = data.view, config = data.config;
  var edgeInfo = new Map(), nodeInfo = new Map(), incident = new Map();
  view.nodes.forEach(function (n) { nodeInfo.set(n.id, n); incident.set(n.id, []); });
  view.edges.forEach(function (e) {
    edgeInfo.set(e.id, e);
    incident.get(e.from).push(e);
    if (e.to !== e.from) { incident.get(e.to).push(e); }
  });
  var state = {
    relations: new Set(view.relations.map(function (r) { return r.id; })),
    statuses: new Set(view.statuses.filter(function (s) { return !s.hidden; }).map(function (s) { return s.id; })),
    date: null, egoCentre: null, egoDepth: 1, selected: null
  };
  var visibleEdges = new Set(), visibleNodes = new Set(), colourOf = new Map();

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (cls) { node.className = cls; }
    return node;
  }
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }
  function byId(id) { return document.getElementById(id); }

  function holds(e, date) {
    return date === null || ((e.start === null || e.start <= date) && (e.end === null || e.end >= date));
  }
  function passes(e) {
    return state.relations.has(e.relation) && state.statuses.has(e.status) && holds(e, state.date);
  }
  function egoSet(candidates) {
    var adjacency = new Map(), seen = new Map([[state.egoCentre, 0]]), queue = [state.egoCentre];
    candidates.forEach(function (e) {
      if (!adjacency.has(e.from)) { adjacency.set(e.from, []); }
      if (!adjacency.has(e.to)) { adjacency.set(e.to, []); }
      adjacency.get(e.from).push(e.to); adjacency.get(e.to).push(e.from);
    });
    while (queue.length) {
      var here = queue.shift(), d = seen.get(here);
      if (d >= state.egoDepth) { continue; }
      (adjacency.get(here) || []).forEach(function (next) {
        if (!seen.has(next)) { seen.set(next, d + 1); queue.push(next); }
      });
    }
    return seen;
  }
  function sliceMembership() {
    var slices = view.factions.slices || [];
    if (state.date !== null) {
      for (var i = 0; i < slices.length; i++) {
        var s = slices[i];
        if ((s.from === null || s.from <= state.date) && (s.to === null || s.to >= state.date)) { return s; }
      }
    }
    return null;
  }

  function compute() {
    var candidates = view.edges.filter(passes);
    if (state.egoCentre !== null) {
      var keep = egoSet(candidates);
      candidates = candidates.filter(function (e) { return keep.has(e.from) && keep.has(e.to); });
    }
    visibleEdges = new Set(candidates.map(function (e) { return e.id; }));
    visibleNodes = new Set();
    candidates.forEach(function (e) { visibleNodes.add(e.from); visibleNodes.add(e.to); });
    if (state.egoCentre !== null) { visibleNodes.add(state.egoCentre); }
  }

  var nodes = new vis.DataSet(data.vis.nodes);
  var edges = new vis.DataSet(data.vis.edges);
  compute();
  var nodesView = new vis.DataView(nodes, { filter: function (n) { return visibleNodes.has(n.id); } });
  var edgesView = new vis.DataView(edges, { filter: function (e) { return visibleEdges.has(e.id); } });
  var container = byId("pg-network");
  var network = new vis.Network(container, { nodes: nodesView, edges: edgesView }, data.vis.options);
  view.nodes.forEach(function (n) { colourOf.set(n.id, n.faction); });

  network.once("afterDrawing", function () {
    var ms = performance.now();
    document.body.setAttribute("data-rendered-ms", ms.toFixed(1));
    window.dispatchEvent(new CustomEvent("pg:rendered", { detail: { ms: ms, nodes: visibleNodes.size, edges: visibleEdges.size } }));
  });

  function recolour() {
    var slice = sliceMembership();
    var membership = slice ? slice.membership : view.factions.membership;
    var palette = view.palette.factions, updates = [];
    view.nodes.forEach(function (n) {
      var f = Object.prototype.hasOwnProperty.call(membership, n.id) ? membership[n.id] : null;
      if (colourOf.get(n.id) !== f) {
        colourOf.set(n.id, f);
        updates.push({ id: n.id, color: { background: f === null ? view.palette.none : palette[f], border: "#4d4d4d" } });
      }
    });
    if (updates.length) { nodes.update(updates); }
    legend(slice);
  }
  function legend(slice) {
    var list = byId("pg-legend"), groups = slice ? slice.groups : view.factions.groups;
    clear(list);
    byId("pg-faction-label").textContent = "Method: " + view.factions.method + "; " +
      (slice ? "slice " + slice.name : "the whole window") + (groups.length ? "" : " (no factions)");
    groups.forEach(function (g) {
      var item = el("li"), swatch = el("span", null, "pg-swatch");
      swatch.style.backgroundColor = g.colour;
      item.appendChild(swatch);
      item.appendChild(document.createTextNode(g.size + ": " + g.members.join(", ") + (g.size > g.members.length ? ", …" : "")));
      list.appendChild(item);
    });
  }
  function counts() {
    byId("pg-count").textContent = visibleNodes.size + " actors, " + visibleEdges.size + " statements shown (of " +
      view.meta.shown_nodes + " and " + view.meta.shown_edges + " loaded)";
  }
  function refresh() {
    compute();
    nodesView.refresh();
    edgesView.refresh();
    recolour();
    counts();
  }

  /* evidence panel */
  function when(e) {
    if (e.time) { return e.time + (e.precision ? " (" + e.precision + ")" : ""); }
    if (e.start || e.end) { return (e.start || "…") + " to " + (e.end || "…"); }
    return "undated";
  }
  function card(e) {
    var box = el("div", null, "pg-card"), dl = el("dl");
    box.setAttribute("data-statement", e.id);
    box.appendChild(el("h3", e.from_label + " " + e.relation_label + " " + e.to_label));
    if (e.quote) { box.appendChild(el("blockquote", e.quote)); }
    function row(term, value) { if (value) { dl.appendChild(el("dt", term)); dl.appendChild(el("dd", value)); } }
    row("source", e.source_label || e.source);
    row("date", when(e) + (e.expression ? " (\u201c" + e.expression + "\u201d)" : ""));
    row("status", e.status_label + (e.reason ? ": " + e.reason : ""));
    row("claimed by", e.claimant_label ? e.claimant_label + " (" + (e.voice || "actor voice") + ")" : (e.voice || ""));
    row("reading", e.note);
    row("statement", e.id);
    box.appendChild(dl);
    return box;
  }
  function entityLink(id, text) {
    var a = el("a", text);
    a.href = config.entity_base + encodeURIComponent(id);
    return a;
  }
  function showEdge(id) {
    var e = edgeInfo.get(id), panel = byId("pg-evidence");
    if (!e) { return; }
    clear(panel);
    panel.appendChild(el("h2", "Statement"));
    panel.appendChild(card(e));
    var links = el("p", null, "pg-hint");
    links.appendChild(entityLink(e.from, e.from_label));
    links.appendChild(document.createTextNode(" · "));
    links.appendChild(entityLink(e.to, e.to_label));
    panel.appendChild(links);
  }
  function showNode(id) {
    var n = nodeInfo.get(id), panel = byId("pg-evidence");
    if (!n) { return; }
    state.selected = id;
    byId("pg-ego-label").textContent = "Selected: " + n.label;
    clear(panel);
    panel.appendChild(el("h2", n.label));
    var facts = el("p", (n.type || "entity") + " · " + n.degree + " statement(s) · PageRank " + n.pagerank +
      (n.broker ? " · broker" : ""), "pg-hint");
    panel.appendChild(facts);
    if (n.aliases.length) { panel.appendChild(el("p", "Also called: " + n.aliases.join(", "), "pg-hint")); }
    var link = el("p");
    link.appendChild(entityLink(n.id, "Entity page of " + n.label));
    panel.appendChild(link);
    var shown = incident.get(id).filter(function (e) { return visibleEdges.has(e.id); });
    var hidden = incident.get(id).length - shown.length;
    shown.sort(function (a, b) { return String(a.start || "").localeCompare(String(b.start || "")); });
    panel.appendChild(el("p", shown.length + " statement(s) shown" + (hidden ? ", " + hidden + " hidden by the filters" : ""), "pg-hint"));
    shown.slice(0, 100).forEach(function (e) { panel.appendChild(card(e)); });
    if (shown.length > 100) { panel.appendChild(el("p", "… and " + (shown.length - 100) + " more", "pg-hint")); }
  }
  network.on("click", function (params) {
    if (params.nodes.length) { showNode(params.nodes[0]); } else if (params.edges.length) { showEdge(params.edges[0]); }
  });

  /* controls */
  function checkboxes(target, items, chosen) {
    var box = byId(target);
    items.forEach(function (item) {
      var label = el("label"), input = el("input");
      input.type = "checkbox";
      input.value = item.id;
      input.checked = chosen.has(item.id);
      input.addEventListener("change", function () {
        if (input.checked) { chosen.add(item.id); } else { chosen.delete(item.id); }
        refresh();
      });
      label.appendChild(input);
      label.appendChild(document.createTextNode(" " + item.label + " (" + item.count + ")"));
      box.appendChild(label);
    });
  }
  checkboxes("pg-relations", view.relations, state.relations);
  checkboxes("pg-statuses", view.statuses, state.statuses);
  function setAllRelations(on) {
    Array.prototype.forEach.call(byId("pg-relations").querySelectorAll("input"), function (input) {
      input.checked = on;
      if (on) { state.relations.add(input.value); } else { state.relations.delete(input.value); }
    });
    refresh();
  }
  byId("pg-rel-all").addEventListener("click", function () { setAllRelations(true); });
  byId("pg-rel-none").addEventListener("click", function () { setAllRelations(false); });

  var slider = byId("pg-time");
  slider.max = String(view.dates.length);
  function timeLabel() {
    var slice = sliceMembership();
    byId("pg-time-label").textContent = state.date === null ? "All dates (" + view.dates.length + " dates in view)" :
      "Statements holding on " + state.date + (slice ? " · factions of " + slice.name : "");
  }
  slider.addEventListener("input", function () {
    var i = parseInt(slider.value, 10);
    state.date = i === 0 ? null : view.dates[i - 1];
    timeLabel();
    refresh();
  });

  var search = byId("pg-search"), results = byId("pg-search-results");
  function matches(query) {
    var q = query.trim().toLowerCase();
    if (!q) { return []; }
    return view.nodes.filter(function (n) {
      return n.label.toLowerCase().indexOf(q) >= 0 || n.id.toLowerCase() === q ||
        n.aliases.some(function (a) { return a.toLowerCase().indexOf(q) >= 0; });
    }).slice(0, 20);
  }
  function choose(id) {
    showNode(id);
    if (visibleNodes.has(id)) {
      network.selectNodes([id]);
      network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: false });
    }
  }
  search.addEventListener("input", function () {
    clear(results);
    matches(search.value).forEach(function (n) {
      var item = el("li"), button = el("button", n.label + (visibleNodes.has(n.id) ? "" : " (hidden by the filters)"));
      button.type = "button";
      button.setAttribute("data-id", n.id);
      button.addEventListener("click", function () { choose(n.id); });
      item.appendChild(button);
      results.appendChild(item);
    });
  });
  search.addEventListener("keydown", function (event) {
    if (event.key === "Enter") { var found = matches(search.value); if (found.length) { choose(found[0].id); } }
  });

  byId("pg-ego").addEventListener("click", function () {
    var selected = network.getSelectedNodes()[0] || state.selected;
    if (!selected) { byId("pg-ego-label").textContent = "Select an actor first (click it or search it)."; return; }
    state.egoCentre = selected;
    state.egoDepth = parseInt(byId("pg-ego-depth").value, 10);
    byId("pg-ego-label").textContent = "Ego network of " + nodeInfo.get(selected).label + ", " + state.egoDepth + " step(s)";
    refresh();
    network.fit({ animation: false });
  });
  byId("pg-ego-clear").addEventListener("click", function () {
    state.egoCentre = null;
    byId("pg-ego-label").textContent = "";
    refresh();
    network.fit({ animation: false });
  });

  if (view.meta.notice) { var notice = byId("pg-notice"); notice.textContent = view.meta.notice; notice.hidden = false; }
  timeLabel();
  legend(null);
  counts();

  /* a small handle for tests and the benchmark */
  window.pgExplorer = {
    network: network,
    visibleEdgeIds: function () { return Array.from(visibleEdges).sort(); },
    visibleNodeIds: function () { return Array.from(visibleNodes).sort(); },
    nodeColour: function (id) { return nodes.get(id).color.background; },
    domPointOfNode: function (id) { return network.canvasToDOM(network.getPosition(id)); },
    domPointOfEdge: function (id) {
      var edge = network.body.edges[id];
      var point = edge && edge.edgeType && edge.edgeType.getPoint ? edge.edgeType.getPoint(0.5) : null;
      if (!point) {
        var ends = network.getPositions([edge.fromId, edge.toId]);
        point = { x: (ends[edge.fromId].x + ends[edge.toId].x) / 2, y: (ends[edge.fromId].y + ends[edge.toId].y) / 2 };
      }
      return network.canvasToDOM(point);
    }
  };
})();
