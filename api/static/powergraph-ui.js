// Start YASGUI on our own endpoint. No inline script (CSP).
// - The user's tabs persist across reloads (YASGUI's own persistence, in localStorage).
// - The example queries are added as tabs once (the first visit), not forced on every load.
// - A link carrying a query (/sparql#query=..., "open in SPARQL") opens it in a tab of its own, kept.
// - New tabs start with the project's prefixes.
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("pg-config").textContent);
  var EXAMPLES_ADDED = "powergraph_examples_added";
  var fromLink = /(^#|&)query=/.test(window.location.hash);
  var request = { endpoint: config.endpoint, method: "POST" };
  var yasgui = new window.Yasgui(document.getElementById("yasgui"), {
    requestConfig: request,
    copyEndpointOnNewTab: true,
    persistenceId: "powergraph",
    populateFromUrl: function (tab) {
      tab.name = tab.name && tab.name.indexOf("Query") !== 0 ? tab.name : config.linkedTabName;
      return tab;
    },
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: config.endpoint }]; } },
    yasqe: { value: config.newTabQuery, autocompleters: ["prefixes", "variables"] }
  });
  var first = false;
  try { first = !window.localStorage.getItem(EXAMPLES_ADDED); } catch (e) { first = true; }
  if (first) {
    var blank = fromLink ? null : yasgui.getTab();  // the empty tab YASGUI opens on a first visit
    config.examples.forEach(function (example, index) {
      yasgui.addTab(!fromLink && index === 0, { name: example.title, yasqe: { value: example.query }, requestConfig: request });
    });
    if (blank && config.examples.length) { blank.close(); }
    try { window.localStorage.setItem(EXAMPLES_ADDED, "1"); } catch (e) { /* private mode: added again next time */ }
  }
  if (fromLink && window.history.replaceState) {
    // the query is in its own tab now (and persisted): a reload must not open it a second time
    window.history.replaceState(null, "", window.location.pathname + window.location.search);
  }
  window.powergraphYasgui = yasgui;
})();
