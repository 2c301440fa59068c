// The review page: every change is a JSON POST with the update token as a bearer header.
// The token is entered once and kept in this tab's sessionStorage (no cookie: nothing a
// page of another site could make the browser send).
(function () {
  "use strict";
  var KEY = "powergraph-update-token";
  var box = document.getElementById("token-box");
  var source = box.getAttribute("data-source");
  var base = "/review/" + encodeURIComponent(source);
  var status = document.getElementById("status");
  var input = document.getElementById("token");
  var state = document.getElementById("token-state");

  function token() { try { return window.sessionStorage.getItem(KEY) || ""; } catch (e) { return ""; } }
  function showState() { if (state) { state.textContent = token() ? "token set for this session" : "no token entered"; } }
  function say(el, text, bad) { el.textContent = text; el.className = el.className.replace(/ ?(errors|ok)/g, "") + (bad ? " errors" : " ok"); }

  function post(path, body) {
    var headers = { "Content-Type": "application/json" };
    if (token()) { headers.Authorization = "Bearer " + token(); }
    return fetch(base + path, { method: "POST", headers: headers, body: JSON.stringify(body) })
      .then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (data) {
          if (!response.ok) {
            var err = data.error || {};
            throw new Error((err.message || ("HTTP " + response.status)) + (err.hint ? " (" + err.hint + ")" : ""));
          }
          return data;
        });
      });
  }

  function change(card, values) {
    var msg = card.querySelector(".msg");
    post("/candidate/" + encodeURIComponent(card.getAttribute("data-id")), { set: values })
      .then(function () { window.location.reload(); })
      .catch(function (e) { say(msg, e.message, true); });
  }

  if (input) {
    document.getElementById("token-save").addEventListener("click", function () {
      try { window.sessionStorage.setItem(KEY, input.value); } catch (e) { /* no storage: cannot keep it */ }
      input.value = "";
      showState();
    });
    document.getElementById("token-forget").addEventListener("click", function () {
      try { window.sessionStorage.removeItem(KEY); } catch (e) { /* nothing kept */ }
      showState();
    });
    showState();
  }

  document.querySelectorAll(".candidate").forEach(function (card) {
    card.querySelectorAll("button[data-decide]").forEach(function (button) {
      button.addEventListener("click", function () { change(card, { decision: button.getAttribute("data-decide") }); });
    });
    var form = card.querySelector("form.edit");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var values = {};
      Array.prototype.forEach.call(form.elements, function (el) {
        if (el.name) { values[el.name] = el.value === "" ? null : el.value; }
      });
      change(card, values);
    });
  });

  document.querySelectorAll("form.link-actor").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var to = form.elements.to.value;
      if (!to) { say(status, "choose the actor it is the same as", true); return; }
      post("/link", { actor: form.getAttribute("data-actor"), to: to })
        .then(function () { window.location.reload(); })
        .catch(function (e) { say(status, e.message, true); });
    });
  });

  var result = document.getElementById("merge-result");
  document.getElementById("merge").addEventListener("click", function () {
    say(result, "merging and rebuilding the graph...", false);
    post("/merge", {})
      .then(function (data) {
        result.textContent = "";
        var m = data.merge;
        say(result, "merged: " + m.accepted + " accepted, " + m.rejected + " rejected, " + m.pending +
            " left undecided; the graph now has " + data.graph.statements + " statements.", false);
        var list = document.createElement("ul");
        data.statements.forEach(function (href) {
          var li = document.createElement("li");
          var a = document.createElement("a");
          a.href = href;
          a.textContent = href.replace("/entity/", "");
          li.appendChild(a);
          list.appendChild(li);
        });
        result.appendChild(list);
      })
      .catch(function (e) { say(result, e.message, true); });
  });
})();
