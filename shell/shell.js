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
  };
  window.orchard = {
    state: () => (window.Module._orchard_state_json
      ? JSON.parse(window.Module.UTF8ToString(window.Module._orchard_state_json()))
      : { ready: false, screen: 'loading', frames_rendered: 0, widgets: {} }),
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
