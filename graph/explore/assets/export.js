/* powergraph export: the current view as an SVG document (and a PNG drawn from it), with the
 * camps' legend and a caption naming the window, the method and the number of sources.
 * Built with the DOM (createElementNS, textContent) and serialised: no text is parsed as markup. */
(function () {
  "use strict";
  var NS = "http://www.w3.org/2000/svg", SIGN = { "1": "#2e7d32", "-1": "#c62828", "0": "#8c8c8c" };
  var FONT = "14px system-ui, sans-serif", LINE = 17;

  function node(tag, attrs, text) {
    var n = document.createElementNS(NS, tag);
    Object.keys(attrs || {}).forEach(function (k) { n.setAttribute(k, String(attrs[k])); });
    if (text !== undefined) { n.textContent = String(text); }
    return n;
  }
  function textWidth(text, size) { return text.length * size * 0.62; }

  /* snapshot: {nodes: [{id, label, lines, x, y, size, colour}], edges: [{from, to, sign, dashed}], legend: [{colour, text}], caption} */
  function svg(snapshot) {
    var minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity, at = new Map();
    snapshot.nodes.forEach(function (n) {
      var half = Math.max(n.size, Math.max.apply(null, n.lines.map(function (l) { return textWidth(l, 14); })) / 2);
      minX = Math.min(minX, n.x - half); maxX = Math.max(maxX, n.x + half);
      minY = Math.min(minY, n.y - n.size); maxY = Math.max(maxY, n.y + n.size + 6 + n.lines.length * LINE);
      at.set(n.id, n);
    });
    if (!snapshot.nodes.length) { minX = minY = 0; maxX = maxY = 100; }
    var pad = 20, legendWidth = 20 + Math.max(200, Math.max.apply(null, [0].concat(snapshot.legend.map(function (g) { return textWidth(g.text, 13); }))));
    var graphWidth = maxX - minX + 2 * pad, width = graphWidth + legendWidth + pad;
    var captionLines = wrap(snapshot.caption, Math.max(40, Math.floor(width / 8)));
    var height = Math.max(maxY - minY + 2 * pad, 30 + snapshot.legend.length * 22) + 16 + captionLines.length * 18;
    var root = node("svg", { xmlns: NS, width: Math.ceil(width), height: Math.ceil(height),
                             viewBox: "0 0 " + Math.ceil(width) + " " + Math.ceil(height), "font-family": "system-ui, sans-serif" });
    root.appendChild(node("title", {}, "powergraph: " + snapshot.caption));
    root.appendChild(node("rect", { x: 0, y: 0, width: Math.ceil(width), height: Math.ceil(height), fill: "#ffffff" }));
    var defs = node("defs");
    Object.keys(SIGN).forEach(function (s) {
      var m = node("marker", { id: "arrow" + s, viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 6, markerHeight: 6, orient: "auto-start-reverse" });
      m.appendChild(node("path", { d: "M0,0 L10,5 L0,10 z", fill: SIGN[s] }));
      defs.appendChild(m);
    });
    root.appendChild(defs);
    var g = node("g", { transform: "translate(" + (pad - minX) + "," + (pad - minY) + ")" });
    var lines = node("g", { "class": "edges" });
    snapshot.edges.forEach(function (e) {
      var a = at.get(e.from), b = at.get(e.to);
      if (!a || !b || a === b) { return; }
      var dx = b.x - a.x, dy = b.y - a.y, d = Math.sqrt(dx * dx + dy * dy) || 1, s = String(e.sign > 0 ? 1 : e.sign < 0 ? -1 : 0);
      var attrs = { x1: a.x + dx / d * a.size, y1: a.y + dy / d * a.size, x2: b.x - dx / d * b.size, y2: b.y - dy / d * b.size,
                    stroke: SIGN[s], "stroke-width": 1.4, "marker-end": "url(#arrow" + s + ")" };
      if (e.dashed) { attrs["stroke-dasharray"] = "5 4"; }
      var line = node("line", attrs);
      line.appendChild(node("title", {}, e.label));
      lines.appendChild(line);
    });
    g.appendChild(lines);
    snapshot.nodes.forEach(function (n) {
      var group = node("g", { "class": "node", "data-id": n.id });
      group.appendChild(node("circle", { cx: n.x, cy: n.y, r: n.size, fill: n.colour, stroke: "#4d4d4d", "stroke-width": 1 }));
      var label = node("text", { x: n.x, y: n.y + n.size + 4 + 13, "text-anchor": "middle", "font-size": 14, fill: "#1f1f1f",
                                 stroke: "#ffffff", "stroke-width": 3, "paint-order": "stroke" });
      n.lines.forEach(function (l, i) { label.appendChild(node("tspan", { x: n.x, dy: i ? LINE : 0 }, l)); });
      group.appendChild(label);
      g.appendChild(group);
    });
    root.appendChild(g);
    var legend = node("g", { "class": "legend", transform: "translate(" + (graphWidth + 10) + "," + pad + ")" });
    legend.appendChild(node("text", { x: 0, y: 0, "font-size": 13, "font-weight": "bold" }, "Camps"));
    snapshot.legend.forEach(function (item, i) {
      legend.appendChild(node("circle", { cx: 7, cy: 18 + i * 22, r: 6, fill: item.colour, stroke: "#4d4d4d" }));
      legend.appendChild(node("text", { x: 18, y: 22 + i * 22, "font-size": 13 }, item.text));
    });
    var signs = [["1", "support or alliance"], ["-1", "hostility"], ["0", "neutral"]];
    signs.forEach(function (s, i) {
      var y = 40 + snapshot.legend.length * 22 + i * 18;
      legend.appendChild(node("line", { x1: 0, y1: y - 4, x2: 14, y2: y - 4, stroke: SIGN[s[0]], "stroke-width": 2 }));
      legend.appendChild(node("text", { x: 18, y: y, "font-size": 12 }, s[1]));
    });
    root.appendChild(legend);
    var cap = node("text", { x: pad, y: height - captionLines.length * 18 + 4, "font-size": 13, fill: "#333333", "class": "caption" });
    captionLines.forEach(function (l, i) { cap.appendChild(node("tspan", { x: pad, dy: i ? 18 : 0 }, l)); });
    root.appendChild(cap);
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(root);
  }
  function wrap(text, width) {
    var out = [];
    text.split(" ").forEach(function (word) {
      if (out.length && out[out.length - 1].length + 1 + word.length <= width) { out[out.length - 1] += " " + word; } else { out.push(word); }
    });
    return out;
  }
  /* the SVG drawn on a canvas (twice the size), as a PNG data: URL */
  function png(svgText) {
    return new Promise(function (resolve, reject) {
      var img = new Image();
      img.onload = function () {
        var canvas = document.createElement("canvas");
        canvas.width = img.naturalWidth * 2;
        canvas.height = img.naturalHeight * 2;
        var ctx = canvas.getContext("2d");
        ctx.scale(2, 2);
        ctx.drawImage(img, 0, 0);
        resolve(canvas.toDataURL("image/png"));
      };
      img.onerror = function () { reject(new Error("the SVG could not be drawn")); };
      img.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(svgText);
    });
  }
  window.pgExport = { svg: svg, png: png, font: FONT };
})();
