// Start YASGUI on our own endpoint, with one tab per example query. No inline script (CSP).
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("pg-config").textContent);
  var Yasgui = window.Yasgui;
  var yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: config.endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    persistenceId: null,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: config.endpoint }]; } },
    yasqe: { autocompleters: ["prefixes", "variables"] }
  });
  var initial = yasgui.getTab().getId();
  config.examples.forEach(function (example, index) {
    yasgui.addTab(index === 0, {
      name: example.title,
      yasqe: { value: example.query },
      requestConfig: { endpoint: config.endpoint, method: "POST" }
    });
  });
  if (config.examples.length) {
    yasgui.getTab(initial).close();
  }
  window.powergraphYasgui = yasgui;
})();
