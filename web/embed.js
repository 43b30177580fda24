/*
 * Orchard on another website (docs/embedding.md). Paste where Orchard should appear:
 *
 *   <script src="https://orchard.example.org/embed.js" async
 *           data-theme="dark" data-lang="de" data-task="rank_assistant_replies"></script>
 *
 * and start the Orchard server with --embed-origin https://your-site.example (no other site may
 * frame it). The script puts Orchard in an iframe right after itself (or into the element
 * data-target names), makes the frame as tall as what Orchard shows (between data-min-height
 * and data-max-height, by default the window's height), and passes on what Orchard tells as
 * events that bubble from the frame to the page:
 *
 *   orchard:ready        Orchard is drawn and usable
 *   orchard:signed_in    detail: { display_name, guest }
 *   orchard:signed_out
 *   orchard:task_done    detail: { task_type, points, score, tasks_done }
 *   orchard:error        detail: { kind, message }
 *
 *   document.addEventListener("orchard:task_done", (e) => console.log(e.detail.points));
 *
 * Only messages from Orchard's own frame and origin are passed on; Orchard, in turn, posts only
 * to this page's origin. Where the browser denies the frame its own storage, this page keeps it
 * (in its localStorage, under "orchard-frame:<Orchard's origin>").
 */
(function () {
  "use strict";
  var script = document.currentScript || document.querySelector('script[src$="/embed.js"]');
  if (!script) return;
  var orchard = new URL(script.src, location.href).origin;
  var data = script.dataset;

  var params = new URLSearchParams({ embed: "1" });
  if (data.theme === "light" || data.theme === "dark") params.set("theme", data.theme);
  // data-lang: the language of the tasks, and of the interface unless data-interface-lang says.
  if (data.lang) params.set("data_lang", data.lang);
  if (data.interfaceLang || data.lang) params.set("lang", data.interfaceLang || data.lang);
  var route = /^[a-z_]{1,40}$/.test(data.task || "") ? "#/task/" + data.task : "";

  var number = function (text, fallback) {
    var value = parseInt(text, 10);
    return isFinite(value) && value > 0 ? value : fallback;
  };
  var minHeight = number(data.minHeight, 480);
  var maxHeight = function () {
    return Math.max(minHeight, number(data.maxHeight, window.innerHeight || 800));
  };

  var frame = document.createElement("iframe");
  frame.src = orchard + "/?" + params.toString() + route;
  frame.title = data.title || "Orchard";
  frame.allow = "clipboard-write";
  frame.style.cssText = "display:block;width:100%;border:0;height:" + minHeight + "px";
  var target = data.target ? document.querySelector(data.target) : null;
  if (target) target.appendChild(frame);
  else script.parentNode.insertBefore(frame, script.nextSibling);

  var wanted = minHeight;
  var fit = function () {
    frame.style.height = Math.min(Math.max(wanted, minHeight), maxHeight()) + "px";
  };
  window.addEventListener("resize", fit);

  var tell = function (type, detail) {
    frame.dispatchEvent(new CustomEvent("orchard:" + type, { detail: detail, bubbles: true }));
  };
  // A browser that blocks third-party cookies and does not partition storage denies the frame
  // its localStorage: this page keeps it then, in its own, under one key per Orchard server, and
  // hands it back when the frame starts. It holds the visitor's Orchard session for this site.
  var storeKey = "orchard-frame:" + orchard;
  var stored = function () {
    try {
      var items = JSON.parse(localStorage.getItem(storeKey) || "{}");
      return items && typeof items === "object" ? items : {};
    } catch (e) { return {}; }
  };
  var keepStorage = function (message) {
    if (message.type === "storage_request") {
      frame.contentWindow.postMessage({ orchard: 1, type: "storage", items: stored() }, orchard);
      return;
    }
    if (typeof message.key !== "string") return;
    var items = stored();
    if (message.type === "storage_set" && typeof message.value === "string") items[message.key] = message.value;
    else delete items[message.key];
    try { localStorage.setItem(storeKey, JSON.stringify(items)); } catch (e) { /* full or off */ }
  };

  var ready = false;
  window.addEventListener("message", function (event) {
    if (event.origin !== orchard || event.source !== frame.contentWindow) return;
    var message = event.data;
    if (!message || message.orchard !== 1 || typeof message.type !== "string") return;
    if (message.type === "resize") {
      if (typeof message.height === "number" && isFinite(message.height)) {
        wanted = message.height;
        fit();
      }
      return;
    }
    if (message.type === "storage_request" || message.type === "storage_set" ||
        message.type === "storage_remove") {
      keepStorage(message);
      return;
    }
    if (message.type === "ready") ready = true;
    tell(message.type, message.detail || {});
  });
  // A frame that never says it is ready was refused (this site is not among the server's
  // --embed-origin) or could not load.
  setTimeout(function () {
    if (!ready) tell("error", { kind: "not_loaded", message: "Orchard did not load in its frame." });
  }, number(data.loadTimeoutMs, 30000));
})();
