/* powergraph explorer: time slices, filters, search, ego view, evidence panel, timeline, export.
 * Data comes from the <script type="application/json" id="pg-data"> block; every text reaches
 * the page through textContent (never innerHTML). No request leaves the page. The view's state
 * (time, ego and depth, filters, selection) lives in the URL's fragment, so a link reopens it. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("pg-data").textContent);
  var view = data.view, config = data.config, meta = view.meta, GAP = 8;
  /* above this many actors an ego view keeps the server's layout (already free of overlaps) */
  var EGO_LAYOUT_LIMIT = 400;
  var edgeInfo = new Map(), nodeInfo = new Map(), incident = new Map(), home = new Map();
  view.nodes.forEach(function (n) { nodeInfo.set(n.id, n); incident.set(n.id, []); home.set(n.id, { x: n.x, y: n.y }); });
  view.edges.forEach(function (e) {
    edgeInfo.set(e.id, e);
    incident.get(e.from).push(e);
    if (e.to !== e.from) { incident.get(e.to).push(e); }
  });
  var slices = (view.factions.slices || []).filter(function (s) { return s.statements > 0; });
  var defaults = {
    statuses: view.statuses.filter(function (s) { return !s.hidden; }).map(function (s) { return s.id; }).sort().join(",")
  };
  var state = {
    relations: new Set(view.relations.map(function (r) { return r.id; })),
    statuses: new Set(defaults.statuses ? defaults.statuses.split(",") : []),
    time: meta.at || !slices.length ? { kind: "all" } : { kind: "slice", name: slices[slices.length - 1].name },
    egoCentre: null, egoDepth: 1, selected: null, groupBy: "actor"
  };
  var visibleEdges = new Set(), visibleNodes = new Set(), colourOf = new Map(), laidOut = false;

  var el = window.pgCards.el, clear = window.pgCards.clear;
  function byId(id) { return document.getElementById(id); }

  /* the view's state <-> the URL fragment: time=slice:NAME|span:FROM..TO|all, ego, depth, hide, status, select */
  function writeState() {
    var p = new URLSearchParams(), t = state.time;
    p.set("time", t.kind === "slice" ? "slice:" + t.name : t.kind === "span" ? "span:" + (t.from || "") + ".." + (t.to || "") : "all");
    if (state.egoCentre !== null) { p.set("ego", state.egoCentre); p.set("depth", String(state.egoDepth)); }
    var off = view.relations.filter(function (r) { return !state.relations.has(r.id); }).map(function (r) { return r.id; });
    if (off.length) { p.set("hide", off.join(",")); }
    var on = Array.from(state.statuses).sort().join(",");
    if (on !== defaults.statuses) { p.set("status", on); }
    if (state.selected) { p.set("select", state.selected.kind + ":" + state.selected.id); }
    if (state.groupBy !== "actor") { p.set("group", state.groupBy); }
    try { history.replaceState(null, "", "#" + p.toString()); } catch (err) { /* about:srcdoc (notebook) */ }
    return p.toString();
  }
  function readState(text) {
    var p = new URLSearchParams(text), t = p.get("time");
    if (t === "all" || (t && meta.at)) { state.time = { kind: "all" }; }
    else if (t && t.indexOf("slice:") === 0) {
      var name = t.slice(6);
      if (slices.some(function (s) { return s.name === name; })) { state.time = { kind: "slice", name: name }; }
    } else if (t && t.indexOf("span:") === 0) {
      var ends = t.slice(5).split("..");
      state.time = { kind: "span", from: ends[0] || null, to: ends[1] || null };
    }
    if (p.get("ego") && nodeInfo.has(p.get("ego"))) {
      state.egoCentre = p.get("ego");
      state.egoDepth = Math.min(3, Math.max(1, parseInt(p.get("depth") || "1", 10) || 1));
    }
    if (p.has("hide")) { p.get("hide").split(",").forEach(function (r) { state.relations.delete(r); }); }
    if (p.has("status")) { state.statuses = new Set(p.get("status").split(",").filter(Boolean)); }
    var sel = p.get("select");
    if (sel && sel.indexOf(":") > 0) {
      var kind = sel.slice(0, sel.indexOf(":")), id = sel.slice(sel.indexOf(":") + 1);
      if ((kind === "node" && nodeInfo.has(id)) || (kind === "edge" && edgeInfo.has(id))) { state.selected = { kind: kind, id: id }; }
    }
    if (p.get("group") === "relation") { state.groupBy = "relation"; }
  }
  var hash = (location.hash || "").replace(/^#/, "");
  readState(hash || config.initial || "");

  /* time */
  function range() {
    var t = state.time;
    if (t.kind === "slice") {
      var s = slices.filter(function (x) { return x.name === t.name; })[0];
      return { from: s.from, to: s.to };
    }
    return t.kind === "span" ? { from: t.from, to: t.to } : null;
  }
  function holds(e, r) {
    if (r === null) { return true; }
    if (e.start === null && e.end === null) { return false; }  // undated: in the whole window only
    return (r.to === null || e.start === null || e.start <= r.to) && (r.from === null || e.end === null || e.end >= r.from);
  }
  function timeSlice() {
    var t = state.time;
    if (t.kind === "slice") { return slices.filter(function (s) { return s.name === t.name; })[0]; }
    if (t.kind === "span") {
      return slices.filter(function (s) {
        return (s.from === null || (t.from !== null && t.from >= s.from)) && (s.to === null || (t.to !== null && t.to <= s.to));
      })[0] || null;
    }
    return null;
  }
  function passesNonTime(e) { return state.relations.has(e.relation) && state.statuses.has(e.status); }

  /* ego network: BFS over the passing statements, laid out in rings (its own layout) */
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
      (adjacency.get(here) || []).slice().sort().forEach(function (next) {
        if (!seen.has(next)) { seen.set(next, d + 1); queue.push(next); }
      });
    }
    return seen;
  }
  function ringLayout(distance) {
    return window.pgLayout.rings(distance, function (id) { return nodeInfo.get(id).box; }, function (id) {
      return incident.get(id).map(function (e) { return e.from === id ? e.to : e.from; });
    }, GAP);
  }

  function compute() {
    var r = range(), candidates = view.edges.filter(function (e) { return passesNonTime(e) && holds(e, r); }), distance = null;
    if (state.egoCentre !== null) {
      distance = egoSet(candidates);
      candidates = candidates.filter(function (e) { return distance.has(e.from) && distance.has(e.to); });
    }
    visibleEdges = new Set(candidates.map(function (e) { return e.id; }));
    visibleNodes = new Set();
    candidates.forEach(function (e) { visibleNodes.add(e.from); visibleNodes.add(e.to); });
    if (state.egoCentre !== null) { visibleNodes.add(state.egoCentre); }
    return distance;
  }

  var nodes = new vis.DataSet(data.vis.nodes);
  /* arrowheads come from the options (edges.arrows), not from each edge: see arrowsToScale */
  data.vis.edges.forEach(function (e) { delete e.arrows; });
  var edges = new vis.DataSet(data.vis.edges);
  compute();
  var nodesView = new vis.DataView(nodes, { filter: function (n) { return visibleNodes.has(n.id); } });
  var edgesView = new vis.DataView(edges, { filter: function (e) { return visibleEdges.has(e.id); } });
  var container = byId("pg-network");
  var network = new vis.Network(container, { nodes: nodesView, edges: edgesView }, data.vis.options);
  view.nodes.forEach(function (n) { colourOf.set(n.id, n.faction); });

  /* Arrowheads are most of a drawing's cost (one canvas fill each: 21,000 on a large view) and
     cannot be seen once smaller than a few pixels: drawn only when the scale makes them visible. */
  var arrow = data.vis.options.edges.arrows.to, ARROW_PIXELS = 3, arrowsOn = true;
  var arrowLength = 15 * arrow.scaleFactor + 3 * (data.vis.options.edges.width || 1);  /* vis-network's arrow size */
  function arrowsToScale() {
    var on = network.getScale() * arrowLength >= ARROW_PIXELS;
    if (on !== arrowsOn) {
      arrowsOn = on;
      network.setOptions({ edges: { arrows: { to: { enabled: on, scaleFactor: arrow.scaleFactor } } } });
    }
  }
  arrowsToScale();
  network.on("zoom", function () { drawnOnce(arrowsToScale); });

  network.once("afterDrawing", function () {
    var ms = performance.now();
    document.body.setAttribute("data-rendered-ms", ms.toFixed(1));
    window.dispatchEvent(new CustomEvent("pg:rendered", { detail: { ms: ms, nodes: visibleNodes.size, edges: visibleEdges.size } }));
  });

  function membership() {
    var slice = timeSlice();
    return slice ? slice : { membership: view.factions.membership, groups: view.factions.groups, name: null };
  }
  function recolour() {
    var m = membership().membership, palette = view.palette.factions, updates = [];
    view.nodes.forEach(function (n) {
      var f = Object.prototype.hasOwnProperty.call(m, n.id) ? m[n.id] : null;
      if (colourOf.get(n.id) !== f) {
        colourOf.set(n.id, f);
        updates.push({ id: n.id, color: { background: f === null ? view.palette.none : palette[f], border: "#4d4d4d" } });
      }
    });
    if (updates.length) { nodes.update(updates); }
  }
  function legendGroups() {
    /* the camps of the time shown, with their members in view (most statements first) */
    return membership().groups.map(function (g) {
      var shown = g.members.filter(function (m) { return visibleNodes.has(m.id); });
      return { colour: g.colour, name: g.name, leader: g.leader, members: shown, total: g.members.length };
    }).filter(function (g) { return g.members.length; });
  }
  function legend() {
    var list = byId("pg-legend"), groups = legendGroups();
    clear(list);
    groups.forEach(function (g) {
      var item = el("li"), swatch = el("span", null, "pg-swatch"), more = el("details"), names = g.members.slice(0, 3);
      swatch.style.backgroundColor = g.colour;
      var summary = el("summary");
      summary.appendChild(swatch);
      summary.appendChild(el("strong", g.name + ": "));
      summary.appendChild(document.createTextNode(names.map(function (m) { return m.short; }).join(", ") +
        (g.members.length > names.length ? "\u2026" : "") + " (" + g.members.length + ")"));
      more.appendChild(summary);
      more.appendChild(el("p", g.members.map(function (m) { return m.label; }).join(" \u00b7 "), "pg-hint"));
      item.appendChild(more);
      item.setAttribute("data-colour", g.colour);
      list.appendChild(item);
    });
    var slice = timeSlice();
    byId("pg-faction-label").textContent = "Camps of " + (slice ? slice.name : meta.at ? meta.at : "the whole window") +
      " by " + view.factions.method + " clustering" + (groups.length ? "" : ": none in view") +
      ". Each camp is named after its most central person (most statements) and lists its most central actors; " +
      "(n) = its actors in view. A colour stays with one camp of the whole window on every slice.";
  }
  function sources() {
    var seen = new Set();
    visibleEdges.forEach(function (id) { (edgeInfo.get(id).sources || []).forEach(function (s) { seen.add(s); }); });
    return seen.size;
  }
  function windowText() {
    var t = state.time, slice = timeSlice();
    if (meta.at) { return "statements holding on " + meta.at; }
    if (t.kind === "slice") { return slice.name + " (" + (slice.from || "\u2026") + " to " + (slice.to || "\u2026") + ")"; }
    if (t.kind === "span") { return "the span " + (t.from || "\u2026") + " to " + (t.to || "\u2026"); }
    return "the whole window (every date, undated statements included)";
  }
  function caption() {
    var n = sources();
    return "Window: " + windowText() + (state.egoCentre ? "; ego network of " + nodeInfo.get(state.egoCentre).label +
      ", " + state.egoDepth + " step(s)" : "") + ". Camps: " + view.factions.method + " clustering. " +
      visibleNodes.size + " actors, " + visibleEdges.size + " statements from " + n + " source" + (n === 1 ? "" : "s") + ".";
  }
  function counts() {
    byId("pg-count").textContent = visibleNodes.size + " actors, " + visibleEdges.size + " statements shown (of " +
      meta.shown_nodes + " and " + meta.shown_edges + " loaded)";
    byId("pg-caption").textContent = caption();
  }
  function timeBar() {
    var bar = byId("pg-timebar");
    clear(bar);
    if (meta.at) {
      bar.appendChild(el("span", "Statements holding on " + meta.at + " (written for that one day; undated statements left out).", "pg-time-now"));
      return;
    }
    bar.appendChild(el("span", "Time: "));
    var choices = slices.map(function (s) { return { key: "slice:" + s.name, text: s.name + " (" + s.statements + ")" }; });
    choices.push({ key: "all", text: "Whole window (" + view.edges.length + ")" });
    var current = state.time.kind === "slice" ? "slice:" + state.time.name : state.time.kind;
    choices.forEach(function (c) {
      var b = el("button", c.text);
      b.type = "button";
      b.setAttribute("data-time", c.key);
      b.setAttribute("aria-pressed", String(c.key === current));
      b.addEventListener("click", function () {
        state.time = c.key === "all" ? { kind: "all" } : { kind: "slice", name: c.key.slice(6) };
        refresh();
      });
      bar.appendChild(b);
    });
    var label = el("span", null, "pg-time-now");
    label.id = "pg-time-label";
    var last = slices.length ? slices[slices.length - 1].name : null;
    label.textContent = "Showing " + windowText() + (state.time.kind === "slice" && state.time.name === last && slices.length > 1 ?
      ": the most recent of " + slices.length + " slices" : "") + ". Undated statements show in the whole window only.";
    bar.appendChild(label);
  }
  function applyEgoLayout(distance) {
    var updates = [];
    if (distance && distance.size <= EGO_LAYOUT_LIMIT) {
      var pos = ringLayout(distance);
      Object.keys(pos).forEach(function (id) { updates.push({ id: id, x: pos[id].x, y: pos[id].y }); });
      laidOut = true;
    } else if (laidOut) {
      home.forEach(function (p, id) { updates.push({ id: id, x: p.x, y: p.y }); });
      laidOut = false;
    }
    if (updates.length) { nodes.update(updates); }
  }
  function drawnOnce(change) {
    /* with physics off, vis-network redraws the whole network synchronously on every data event
       (its "startSimulation" falls back to a redraw): a filter's edges leaving, then nodes leaving,
       then new colours drew 21,000 edges three or four times. Its own redraw lock (the one setData
       uses) batches the changes into one drawing, on the next frame. Lifting the lock forgets a
       drawing already asked for (two changes in one frame), so that request is kept, not doubled. */
    var emitter = network.body.emitter, renderer = network.renderer;
    var pending = renderer.redrawRequested;
    emitter.emit("_blockRedraw");
    try { change(); } finally {
      emitter.emit("_allowRedraw");
      if (pending) { renderer.redrawRequested = true; } else { emitter.emit("_requestRedraw"); }
    }
  }
  function refresh(keepView) {
    drawnOnce(function () {
      var distance = compute();
      applyEgoLayout(distance);
      nodesView.refresh();  /* only the items whose filter answer changed are added or removed */
      edgesView.refresh();
      recolour();
      legend();
      counts();
      timeBar();
      followSelection();
      updateTimeline();
      egoLabel();
      writeState();
      if (!keepView) { network.fit({ animation: false }); }
      arrowsToScale();
    });
  }

  /* evidence panel: always what is visible */
  var card = window.pgCards.card;
  function entityLink(id, text) {
    var a = el("a", text);
    a.href = config.entity_base + encodeURIComponent(id);
    return a;
  }
  function hint(text) {
    var panel = byId("pg-evidence");
    clear(panel);
    panel.appendChild(el("p", text, "pg-hint"));
  }
  function drawEdge(id) {
    var e = edgeInfo.get(id), panel = byId("pg-evidence");
    clear(panel);
    panel.appendChild(el("h2", "Statement"));
    panel.appendChild(card(e));
    var links = el("p", null, "pg-hint");
    links.appendChild(entityLink(e.from, e.from_label));
    links.appendChild(document.createTextNode(" \u00b7 "));
    links.appendChild(entityLink(e.to, e.to_label));
    panel.appendChild(links);
  }
  function drawNode(id) {
    var n = nodeInfo.get(id), panel = byId("pg-evidence");
    clear(panel);
    panel.appendChild(el("h2", n.label));
    panel.appendChild(el("p", (n.type || "entity") + " \u00b7 " + n.degree + " statement(s) \u00b7 PageRank " + n.pagerank +
      (n.broker ? " \u00b7 broker" : ""), "pg-hint"));
    if (n.aliases.length) { panel.appendChild(el("p", "Also called: " + n.aliases.join(", "), "pg-hint")); }
    var link = el("p");
    link.appendChild(entityLink(n.id, "Entity page of " + n.label));
    panel.appendChild(link);
    var shown = incident.get(id).filter(function (e) { return visibleEdges.has(e.id); });
    var hidden = incident.get(id).length - shown.length;
    shown.sort(function (a, b) { return String(a.start || "").localeCompare(String(b.start || "")) || a.id.localeCompare(b.id); });
    panel.appendChild(el("p", shown.length + " statement(s) shown" + (hidden ? ", " + hidden + " hidden by the filters or the time" : ""), "pg-hint"));
    shown.slice(0, 100).forEach(function (e) { panel.appendChild(card(e)); });
    if (shown.length > 100) { panel.appendChild(el("p", "\u2026 and " + (shown.length - 100) + " more", "pg-hint")); }
  }
  function followSelection() {
    var s = state.selected;
    if (s && s.kind === "node" && visibleNodes.has(s.id)) { drawNode(s.id); network.selectNodes([s.id]); return; }
    if (s && s.kind === "edge" && visibleEdges.has(s.id)) { drawEdge(s.id); network.setSelection({ nodes: [], edges: [s.id] }); return; }
    if (s) {
      var what = s.kind === "node" ? nodeInfo.get(s.id).label : "statement " + s.id;
      state.selected = null;
      network.unselectAll();
      hint("The selection (" + what + ") is hidden by the filters or the time now shown; click an actor or a relation to see its statements.");
      return;
    }
    hint("Click an actor or a relation to see the statements behind it: quote, source, date, status and who claims it.");
  }
  function select(kind, id) {
    state.selected = { kind: kind, id: id };
    if (kind === "node") { byId("pg-ego-label").textContent = "Selected: " + nodeInfo.get(id).label; }
    followSelection();
    if (timelineHandle && kind === "edge") { timelineHandle.select(id); }
    writeState();
  }
  network.on("click", function (params) {
    if (params.nodes.length) { select("node", params.nodes[0]); } else if (params.edges.length) { select("edge", params.edges[0]); }
  });

  /* relation filters, grouped by sign; statuses */
  var SIGNS = [[1, "Support or alliance"], [-1, "Hostility"], [0, "Neutral"]];
  function relationFilters() {
    var box = byId("pg-relations");
    SIGNS.forEach(function (pair) {
      var rels = view.relations.filter(function (r) { return (r.sign > 0 ? 1 : r.sign < 0 ? -1 : 0) === pair[0]; });
      if (!rels.length) { return; }
      var group = el("div", null, "pg-group"), head = el("label", null, "pg-group-head"), all = el("input");
      all.type = "checkbox";
      all.setAttribute("data-sign", String(pair[0]));
      head.appendChild(all);
      var total = rels.reduce(function (sum, r) { return sum + r.count; }, 0);
      head.appendChild(document.createTextNode(" " + pair[1] + " (" + rels.length + " relations, " + total + " statements)"));
      group.appendChild(head);
      var inputs = rels.sort(function (a, b) { return b.count - a.count || a.label.localeCompare(b.label); }).map(function (r) {
        var label = el("label"), input = el("input");
        input.type = "checkbox";
        input.value = r.id;
        input.addEventListener("change", function () {
          if (input.checked) { state.relations.add(r.id); } else { state.relations.delete(r.id); }
          sync();
          refresh(true);
        });
        label.appendChild(input);
        label.appendChild(document.createTextNode(" " + r.label + " (" + r.count + ")"));
        group.appendChild(label);
        return input;
      });
      function sync() {
        var on = inputs.filter(function (i) { return i.checked; }).length;
        all.checked = on > 0;  // partly on: checked and indeterminate, so one click turns the group off
        all.indeterminate = on > 0 && on < inputs.length;
      }
      all.addEventListener("change", function () {
        inputs.forEach(function (i) { i.checked = all.checked; if (all.checked) { state.relations.add(i.value); } else { state.relations.delete(i.value); } });
        all.indeterminate = false;
        refresh(true);
      });
      syncers.push(function () { inputs.forEach(function (i) { i.checked = state.relations.has(i.value); }); sync(); });
      box.appendChild(group);
    });
  }
  var syncers = [];
  function syncChecks() { syncers.forEach(function (f) { f(); }); }
  relationFilters();
  view.statuses.forEach(function (s) {
    var label = el("label"), input = el("input");
    input.type = "checkbox";
    input.value = s.id;
    input.addEventListener("change", function () {
      if (input.checked) { state.statuses.add(s.id); } else { state.statuses.delete(s.id); }
      refresh(true);
    });
    label.appendChild(input);
    label.appendChild(document.createTextNode(" " + s.label + " (" + s.count + ")"));
    byId("pg-statuses").appendChild(label);
    syncers.push(function () { input.checked = state.statuses.has(s.id); });
  });
  function setAllRelations(on) {
    view.relations.forEach(function (r) { if (on) { state.relations.add(r.id); } else { state.relations.delete(r.id); } });
    syncChecks();
    refresh(true);
  }
  byId("pg-rel-all").addEventListener("click", function () { setAllRelations(true); });
  byId("pg-rel-none").addEventListener("click", function () { setAllRelations(false); });

  /* search */
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
    select("node", id);
    if (visibleNodes.has(id)) { network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: false }); arrowsToScale(); }
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

  /* ego */
  function egoLabel() {
    byId("pg-ego-label").textContent = state.egoCentre === null ? (state.selected && state.selected.kind === "node" ?
      "Selected: " + nodeInfo.get(state.selected.id).label : "") :
      "Ego network of " + nodeInfo.get(state.egoCentre).label + ", " + state.egoDepth + " step(s)" + (laidOut ? ", laid out in rings around it" : "");
    byId("pg-ego-depth").value = String(state.egoDepth);
  }
  function focusEgo(id, depth) {
    state.egoCentre = id;
    state.egoDepth = depth;
    refresh();
  }
  byId("pg-ego").addEventListener("click", function () {
    var chosen = network.getSelectedNodes()[0] || (state.selected && state.selected.kind === "node" ? state.selected.id : null);
    if (!chosen) { byId("pg-ego-label").textContent = "Select an actor first (click it or search it)."; return; }
    focusEgo(chosen, parseInt(byId("pg-ego-depth").value, 10));
  });
  byId("pg-ego-clear").addEventListener("click", function () { state.egoCentre = null; refresh(); });

  /* timeline panel (drawn when first opened) */
  var timelineHandle = null;
  function timelineRows() {
    var keep = state.egoCentre === null ? null : egoSet(view.edges.filter(passesNonTime));
    return view.edges.filter(function (e) {
      return passesNonTime(e) && (keep === null || (keep.has(e.from) && keep.has(e.to)));
    });
  }
  function undatedList(rows) {
    var list = byId("pg-undated");
    clear(list);
    var undated = rows.filter(function (e) { return e.span.kind === "undated"; });
    byId("pg-undated-label").textContent = "Undated statements (" + undated.length + "): on no date, in the whole window only";
    undated.forEach(function (e) {
      var item = el("li"), b = el("button", e.from_label + " " + e.relation_label + " " + e.to_label);
      b.type = "button";
      b.setAttribute("data-statement", e.id);
      b.addEventListener("click", function () { select("edge", e.id); });
      item.appendChild(b);
      list.appendChild(item);
    });
  }
  function updateTimeline() {
    if (!timelineHandle) { return; }
    var rows = timelineRows();
    timelineHandle.setRows(rows);
    undatedList(rows);
  }
  function openTimeline() {
    if (timelineHandle || !window.pgTimeline) { return; }
    var rows = timelineRows();
    timelineHandle = window.pgTimeline.mount(byId("pg-timeline"), {
      rows: rows, groupBy: state.groupBy, height: "300px",
      onSelect: function (id) { if (visibleEdges.has(id)) { select("edge", id); } else { showHidden(id); } }
    });
    undatedList(rows);
  }
  function showHidden(id) {
    state.selected = { kind: "edge", id: id };
    drawEdge(id);
    byId("pg-evidence").insertBefore(el("p", "Not in the network now shown (outside the time shown); use \u201cShow this span\u201d.", "pg-hint"),
                                     byId("pg-evidence").firstChild);
  }
  var panel = byId("pg-timeline-panel");
  if (!window.pgTimeline) {
    byId("pg-timeline").textContent = "The timeline library (vis-timeline) is not installed: run make install (npm ci && npm run copy-vis-timeline).";
  }
  panel.addEventListener("toggle", function () { if (panel.open) { openTimeline(); } });
  byId("pg-group-by").addEventListener("change", function () {
    state.groupBy = byId("pg-group-by").value;
    if (timelineHandle) { timelineHandle.groupBy(state.groupBy); }
    writeState();
  });
  byId("pg-span").addEventListener("click", function () {
    if (!timelineHandle || meta.at) { return; }
    var s = timelineHandle.span();
    state.time = { kind: "span", from: s.from, to: s.to };
    refresh();
  });

  /* export: the view drawn as SVG (and PNG from it), with the legend and a caption */
  function snapshot() {
    var ids = Array.from(visibleNodes).sort(), pos = network.getPositions(ids);
    return {
      nodes: ids.map(function (id) {
        var n = nodeInfo.get(id), f = colourOf.get(id);
        return { id: id, label: n.label, lines: n.lines.split("\n"), x: pos[id].x, y: pos[id].y, size: n.size,
                 colour: f === null || f === undefined ? view.palette.none : view.palette.factions[f] };
      }),
      edges: Array.from(visibleEdges).sort().map(function (id) {
        var e = edgeInfo.get(id);
        return { id: id, from: e.from, to: e.to, sign: e.sign, dashed: e.status !== "ReportedFact", label: e.relation_label };
      }),
      legend: legendGroups().map(function (g) {
        return { colour: g.colour, text: g.name + ": " + g.members.slice(0, 3).map(function (m) { return m.short; }).join(", ") +
          (g.members.length > 3 ? "\u2026" : "") + " (" + g.members.length + ")" };
      }),
      caption: caption()
    };
  }
  function download(name, url) {
    var a = el("a");
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    document.body.removeChild(a);
  }
  byId("pg-export-svg").addEventListener("click", function () {
    download("powergraph-view.svg", "data:image/svg+xml;charset=utf-8," + encodeURIComponent(window.pgExport.svg(snapshot())));
  });
  byId("pg-export-png").addEventListener("click", function () {
    window.pgExport.png(window.pgExport.svg(snapshot())).then(function (url) { download("powergraph-view.png", url); });
  });

  if (meta.notice) { var notice = byId("pg-notice"); notice.textContent = meta.notice; notice.hidden = false; }
  syncChecks();
  byId("pg-group-by").value = state.groupBy;
  refresh();
  if (state.selected && state.selected.kind === "node" && visibleNodes.has(state.selected.id)) {
    network.focus(state.selected.id, { scale: 1.0, animation: false });
    arrowsToScale();
  }

  /* a small handle for tests, the benchmark and `powergraph explore --image` */
  window.pgExplorer = {
    network: network,
    state: function () { return writeState(); },
    caption: caption,
    arrowsDrawn: function () { return arrowsOn; },
    visibleEdgeIds: function () { return Array.from(visibleEdges).sort(); },
    visibleNodeIds: function () { return Array.from(visibleNodes).sort(); },
    nodeColour: function (id) { return nodes.get(id).color.background; },
    legend: legendGroups,
    focusEgo: focusEgo,
    openTimeline: function () { panel.open = true; openTimeline(); return timelineHandle; },
    timeline: function () { return timelineHandle; },
    exportSvg: function () { return window.pgExport.svg(snapshot()); },
    exportPng: function () { return window.pgExport.png(window.pgExport.svg(snapshot())); },
    overlaps: function () {
      /* pairs of visible nodes whose boxes (the dot and its label, as vis-network draws them) overlap */
      var ids = Array.from(visibleNodes).sort(), boxes = ids.map(function (id) { return network.getBoundingBox(id); }), found = [];
      for (var i = 0; i < ids.length; i++) {
        for (var j = i + 1; j < ids.length; j++) {
          var a = boxes[i], b = boxes[j];
          if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) { found.push([ids[i], ids[j]]); }
        }
      }
      return found;
    },
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
