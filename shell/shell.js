// Starts Orchard's WebAssembly client: checks for WebGL 2, shows download progress, and exposes
// window.orchard.state() for tests and embedding hosts.
(function () {
  'use strict';
  const version = document.currentScript.dataset.assetVersion;
  const canvas = document.getElementById('canvas');

  function supportsWebGL2() {
    try { return !!document.createElement('canvas').getContext('webgl2'); } catch (e) { return false; }
  }
  if (!supportsWebGL2()) {
    document.getElementById('loading').remove();
    document.getElementById('unsupported').hidden = false;
    window.orchard = { state: () => ({ ready: false, screen: 'unsupported', frames_rendered: 0, widgets: {} }) };
    return;
  }

  // The crash guard: if the WebAssembly module traps or aborts, whatever it was drawing can no
  // longer be trusted. Cover it with a plain message (drafts are in browser storage already,
  // saved at every change) and tell the server, whose error log is where crashes get noticed.
  let crashed = false;
  function crash(error) {
    if (crashed) return;
    crashed = true;
    document.getElementById('loading')?.remove();
    // The text fields stay (with what was typed in them) but out of reach behind the message.
    const fields = document.getElementById('orchard-fields');
    if (fields) fields.inert = true;
    const message = document.getElementById('crashed');
    message.hidden = false;
    const reload = document.getElementById('crashed-reload');
    reload.addEventListener('click', () => location.reload());
    reload.focus();
    const text = (window.orchardCrashCause ? window.orchardCrashCause + ' | ' : '') + String(error && error.message || error);
    // Only the origin and path: a query or fragment may carry a sign-in token.
    const body = JSON.stringify({ message: text.slice(0, 2000), stack: String(error && error.stack || '').slice(0, 8000),
      url: location.origin + location.pathname, client_version: version });
    fetch(location.origin + '/api/v1/client_errors',
      { method: 'POST', headers: { 'Content-Type': 'application/json' }, body, keepalive: true }).catch(() => {});
  }
  const isModuleFailure = (error) => error instanceof WebAssembly.RuntimeError ||
    (error && /^(Aborted|RuntimeError)/.test(String(error.message || error)));
  window.addEventListener('error', (event) => { if (isModuleFailure(event.error)) crash(event.error); });
  window.addEventListener('unhandledrejection', (event) => { if (isModuleFailure(event.reason)) crash(event.reason); });

  const progress = document.getElementById('loading-progress');
  window.Module = {
    canvas: canvas,
    // Every file the client loads carries the asset version, so the server lets browsers keep
    // it for a year and a new build is never mixed with an old one.
    locateFile: (path) => path + '?v=' + version,
    setStatus: (text) => {
      const match = text && text.match(/\((\d+(\.\d+)?)\/(\d+)\)/);
      if (match) progress.style.width = Math.max(8, 100 * match[1] / match[3]) + '%';
    },
    printErr: (text) => console.error(text),
    onAbort: (what) => crash(new Error('Aborted: ' + what)),
  };
  window.orchard = {
    state: () => (window.Module._orchard_state_json
      ? JSON.parse(window.Module.UTF8ToString(window.Module._orchard_state_json()))
      : { ready: false, screen: 'loading', frames_rendered: 0, widgets: {} }),
    // Whether the body font's atlas draws every character of `text` (else the browser sets it).
    atlasCovers: (text) => {
      const m = window.Module;
      const size = m.lengthBytesUTF8(text) + 1;
      const at = m._malloc(size);
      m.stringToUTF8(text, at, size);
      const covered = m._orchard_atlas_covers(at) !== 0;
      m._free(at);
      return covered;
    },
  };
  // A tab coming back into view may have missed a resize; one frame brings it up to date.
  document.addEventListener('visibilitychange', () => {
    if (!document.hidden && window.Module._orchard_request_frame) window.Module._orchard_request_frame();
  });

  const script = document.createElement('script');
  script.src = 'orchard.js?v=' + version;
  script.async = true;
  document.body.appendChild(script);
})();
