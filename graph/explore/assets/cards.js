/* powergraph evidence cards: one statement with its quote, source, date, status and claimant.
 * Shared by the explorer and the timeline page; every text goes in with textContent. */
(function () {
  "use strict";
  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (cls) { node.className = cls; }
    return node;
  }
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }
  function when(e) {
    if (e.time) { return e.time + (e.precision ? " (" + e.precision + ")" : ""); }
    if (e.start || e.end) { return (e.start || "\u2026") + " to " + (e.end || "\u2026") + (e.precision ? " (" + e.precision + ")" : ""); }
    return "undated";
  }
  var SOURCES = "https://w3id.org/powergraph/source/";
  // served pages link a statement to /source/{id}#{statement}; a page opened from disk has no server to ask
  function sourcePage(e) {
    if (location.protocol.indexOf("http") !== 0 || !e.source) { return null; }
    var id = e.source.indexOf(SOURCES) === 0 ? e.source.slice(SOURCES.length) : e.source;  // an IRI or its id
    if (id.indexOf(":") !== -1 || id.indexOf("/") !== -1) { return null; }  // not one of our sources
    return "/source/" + encodeURIComponent(id) + "#" + encodeURIComponent(e.id);
  }
  function card(e) {
    var box = el("div", null, "pg-card"), dl = el("dl");
    box.setAttribute("data-statement", e.id);
    box.appendChild(el("h3", e.from_label + " " + e.relation_label + " " + e.to_label));
    if (e.quote) { box.appendChild(el("blockquote", e.quote)); }
    function row(term, value) { if (value) { dl.appendChild(el("dt", term)); dl.appendChild(el("dd", value)); } }
    row("source", e.source_label || e.source);
    var page = sourcePage(e);
    if (page) {
      var link = el("a", "the quote in its context", "pg-in-context");
      link.href = page;
      dl.appendChild(el("dt", "read")); var dd = el("dd"); dd.appendChild(link); dl.appendChild(dd);
    }
    row("date", when(e) + (e.expression ? " (\u201c" + e.expression + "\u201d)" : ""));
    row("status", e.status_label + (e.reason ? ": " + e.reason : ""));
    row("claimed by", e.claimant_label ? e.claimant_label + " (" + (e.voice || "actor voice") + ")" : (e.voice || ""));
    row("reading", e.note);
    row("conflicts with", e.contradicts);
    row("statement", e.id);
    box.appendChild(dl);
    return box;
  }
  window.pgCards = { el: el, clear: clear, when: when, card: card, sourcePage: sourcePage };
})();
