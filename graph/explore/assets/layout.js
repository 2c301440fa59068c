/* powergraph layout in the page: an ego network's own layout (rings around the actor, then the
 * overlap-removal pass of the server's layout, graph/explore/layout.py). Boxes are the server's
 * estimates: [left, top, right, bottom] offsets from a node's centre, in pixels. */
(function () {
  "use strict";
  function separate(ids, pos, boxOf, GAP) {
    /* push overlapping boxes apart (half each, along the axis of least overlap); when 60 rounds are
     * not enough, spread the layout by 10% and push again: the same pass as the server's layout */
    var box = ids.map(boxOf);
    var c = ids.map(function (id, i) { return { x: pos[id].x + (box[i][0] + box[i][2]) / 2, y: pos[id].y + (box[i][1] + box[i][3]) / 2 }; });
    var h = box.map(function (b) { return { x: (b[2] - b[0] + GAP) / 2, y: (b[3] - b[1] + GAP) / 2 }; });
    for (var spread = 0; spread < 200; spread++) {
      for (var round = 0; round < 60; round++) {
        var moved = false;
        for (var i = 0; i < ids.length; i++) {
          for (var j = i + 1; j < ids.length; j++) {
            var ox = h[i].x + h[j].x - Math.abs(c[i].x - c[j].x), oy = h[i].y + h[j].y - Math.abs(c[i].y - c[j].y);
            if (ox <= 0 || oy <= 0) { continue; }
            moved = true;
            if (oy < ox) { var sy = (c[j].y >= c[i].y ? 1 : -1) * (oy / 2 + 0.5); c[j].y += sy; c[i].y -= sy; }
            else { var sx = (c[j].x >= c[i].x ? 1 : -1) * (ox / 2 + 0.5); c[j].x += sx; c[i].x -= sx; }
          }
        }
        if (!moved) { spread = 200; break; }
      }
      if (spread < 200) { c.forEach(function (p) { p.x *= 1.1; p.y *= 1.1; }); }
    }
    var out = {};
    ids.forEach(function (id, i) { out[id] = { x: c[i].x - (box[i][0] + box[i][2]) / 2, y: c[i].y - (box[i][1] + box[i][3]) / 2 }; });
    return out;
  }
  function rings(distance, boxOf, neighboursOf, GAP) {
    /* the ego network's own layout: the centre, then one ring per step (each actor near the
     * neighbour that brought it in), then the overlap-removal pass */
    var levels = [], positions = {}, angle = new Map();
    distance.forEach(function (d, id) { (levels[d] = levels[d] || []).push(id); });
    function parentAngle(id) {
      var best = null;
      neighboursOf(id).forEach(function (other) {
        if (angle.has(other) && (best === null || angle.get(other) < best)) { best = angle.get(other); }
      });
      return best === null ? 0 : best;
    }
    levels.forEach(function (ring, d) {
      ring.sort(function (a, b) { return parentAngle(a) - parentAngle(b) || (a < b ? -1 : 1); });
      var radius = d * Math.max(160, 22 * ring.length / (d || 1));
      ring.forEach(function (id, i) {
        var a = 2 * Math.PI * (i + (d % 2) * 0.5) / ring.length - Math.PI / 2;
        angle.set(id, a);
        positions[id] = { x: d ? radius * Math.cos(a) : 0, y: d ? radius * Math.sin(a) : 0 };
      });
    });
    return separate(Object.keys(positions).sort(), positions, boxOf, GAP);
  }

  window.pgLayout = { separate: separate, rings: rings };
})();
