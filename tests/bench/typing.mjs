// Typing into the client's reply editor (a real <textarea> over the canvas) against a plain
// <textarea> page of the same size, in the same run, in headless Chromium (software WebGL):
// - main-thread time per keystroke: the renderer's TaskDuration (CDP Performance metrics) while
//   the keys are typed one every ORCHARD_BENCH_TYPING_INTERVAL ms (150: a brisk typist) and
//   until the page is quiet again, divided by the number of keys, so the frames they caused are
//   counted with them;
// - key to paint: from the keydown's timestamp to the end of the next rendering step (a message
//   posted from the first requestAnimationFrame after the key runs after that frame's paint),
//   median and 90th percentile;
// - the client's requestAnimationFrame work per key (its ImGui frames) and how many there were,
//   and its localStorage writes per key.
// At three sizes: 1280x800 DPR 1 (desktop), 1440x900 DPR 2, 390x844 DPR 3 with touch (phone).
// Prints medians of ORCHARD_BENCH_TYPING_RUNS runs (3) of ORCHARD_BENCH_TYPING_KEYS keys (100)
// each and the ratios against the plain textarea; asserts nothing.
import { startServer, launchBrowser, waitForState } from '../browser/lib/orchard.mjs';
import { register, openTask, press } from '../browser/lib/actions.mjs';

const RUNS = Number(process.env.ORCHARD_BENCH_TYPING_RUNS ?? 3);
const KEYS = Number(process.env.ORCHARD_BENCH_TYPING_KEYS ?? 100);
const INTERVAL = Number(process.env.ORCHARD_BENCH_TYPING_INTERVAL ?? 150);
const SIZES = [
  { name: 'desktop 1280x800 DPR 1', viewport: { width: 1280, height: 800 }, scale: 1, touch: false },
  { name: 'wide 1440x900 DPR 2', viewport: { width: 1440, height: 900 }, scale: 2, touch: false },
  { name: 'phone 390x844 DPR 3 touch', viewport: { width: 390, height: 844 }, scale: 3, touch: true },
];

const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];
const median = (values) => percentile(values, 0.5);

// Ordinary prose with spaces and punctuation, as a person types it.
const PROSE = 'Recursion means a function solves a problem by calling itself on a smaller part of it. ' +
  'Every recursive function needs a base case that stops the calls, or it never ends. ';
const keysToType = (n) => Array.from({ length: n }, (_, i) => PROSE[i % PROSE.length]);

// Runs before the page's own scripts (both pages): counts and times requestAnimationFrame
// callbacks and localStorage writes, and stamps every keydown with the time its next frame was
// painted. Its keydown listener comes first, before the client's field bridge stops the event.
function instrument() {
  const raf = window.requestAnimationFrame.bind(window);
  const caf = window.cancelAnimationFrame.bind(window);
  const pending = new Set();
  const bench = (window.__typingBench = { rafMs: 0, rafCalls: 0, storageMs: 0, storageCalls: 0, keys: [] });
  window.requestAnimationFrame = function (callback) {
    const id = raf((time) => {
      pending.delete(id);
      const start = performance.now();
      try {
        callback(time);
      } finally {
        bench.rafMs += performance.now() - start;
        ++bench.rafCalls;
      }
    });
    pending.add(id);
    return id;
  };
  window.cancelAnimationFrame = function (id) {
    pending.delete(id);
    caf(id);
  };
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    const start = performance.now();
    try {
      return setItem.call(this, key, value);
    } finally {
      bench.storageMs += performance.now() - start;
      ++bench.storageCalls;
    }
  };
  window.addEventListener('keydown', (event) => {
    const key = { down: event.timeStamp, painted: 0 };
    bench.keys.push(key);
    raf(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { key.painted = performance.now(); };
      channel.port2.postMessage(0);
    });
  }, true);
  // Resolves once the last key was painted and no frame was asked for during 400 ms (longer
  // than the client waits before it draws the counters after a key).
  bench.idle = () => new Promise((resolve) => {
    let calls = -1;
    const check = () => {
      const last = bench.keys[bench.keys.length - 1];
      if (pending.size === 0 && (!last || last.painted) && calls === bench.rafCalls) resolve();
      else {
        calls = bench.rafCalls;
        setTimeout(check, 400);
      }
    };
    check();
  });
  bench.reset = () => {
    bench.rafMs = bench.storageMs = 0;
    bench.rafCalls = bench.storageCalls = 0;
    bench.keys = [];
  };
}

// A plain textarea as wide and as tall as the client's reply editor, in a similar font.
const PLAIN = 'data:text/html,' + encodeURIComponent(`<!doctype html><meta name="viewport" content="width=device-width">
<style>body{margin:0;background:#f6f5f1;font-family:system-ui,sans-serif}
textarea{box-sizing:border-box;margin:24px 3%;width:94%;height:280px;font-size:17px;line-height:1.5;
padding:10px 14px;border-radius:8px}</style><textarea id="plain" autofocus></textarea>`);

async function typeKeys(page, cdp) {
  await page.evaluate(() => window.__typingBench.idle());
  await page.evaluate(() => window.__typingBench.reset());
  const metric = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value;
  const before = await metric();
  for (const key of keysToType(KEYS)) {
    const start = Date.now();
    await page.keyboard.type(key);
    const rest = INTERVAL - (Date.now() - start);
    if (rest > 0) await page.waitForTimeout(rest);
  }
  await page.evaluate(() => window.__typingBench.idle());
  const taskMs = (await metric() - before) * 1000;
  const b = await page.evaluate(() => {
    const x = window.__typingBench;
    return { rafMs: x.rafMs, rafCalls: x.rafCalls, storageMs: x.storageMs, storageCalls: x.storageCalls,
      latencies: x.keys.map((k) => k.painted - k.down) };
  });
  return {
    mainMs: taskMs / KEYS,
    paintMs: median(b.latencies),
    paint90Ms: percentile(b.latencies, 0.9),
    rafMs: b.rafMs / KEYS,
    frames: b.rafCalls / KEYS,
    storageMs: b.storageMs / KEYS,
    storageCalls: b.storageCalls / KEYS,
  };
}

async function openPage(browser, size) {
  const context = await browser.newContext({ viewport: size.viewport, deviceScaleFactor: size.scale, hasTouch: size.touch, isMobile: size.touch });
  await context.addInitScript(instrument);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  return { context, page, cdp };
}

const server = await startServer({ args: ['--demo'] });
const browser = await launchBrowser();
const fmt = (x, digits = 1) => x.toFixed(digits);
try {
  console.log(`Typing ${KEYS} keys per run, one every ${INTERVAL} ms, median of ${RUNS} runs; ` +
    'client = the reply editor of an assistant_reply task');
  for (const [index, size] of SIZES.entries()) {
    const app = await openPage(browser, size);
    await app.page.goto(server.url);
    const options = { touch: size.touch };
    await register(app.page, `typist${index}`, options);
    await openTask(app.page, 'assistant_reply', options);
    await press(app.page, 'reply_editor', options);
    await waitForState(app.page, (s) => s.task?.phase === 'working');

    const plain = await openPage(browser, size);
    await plain.page.goto(PLAIN);
    await plain.page.focus('#plain');

    const runs = { app: [], plain: [] };
    for (let run = 0; run < RUNS; ++run) {
      runs.app.push(await typeKeys(app.page, app.cdp));
      runs.plain.push(await typeKeys(plain.page, plain.cdp));
      // Start each run from an empty field.
      for (const { page } of [app, plain]) {
        await page.keyboard.press('Control+A');
        await page.keyboard.press('Backspace');
      }
    }
    const m = (list, field) => median(list.map((r) => r[field]));
    const appMain = m(runs.app, 'mainMs');
    const plainMain = m(runs.plain, 'mainMs');
    const appPaint = m(runs.app, 'paintMs');
    const plainPaint = m(runs.plain, 'paintMs');
    console.log(`${size.name}:`);
    console.log(`  main thread per key: client ${fmt(appMain)} ms, plain textarea ${fmt(plainMain)} ms (ratio ${fmt(appMain / plainMain, 2)})`);
    console.log(`  key to paint:        client ${fmt(appPaint)} ms, plain textarea ${fmt(plainPaint)} ms (ratio ${fmt(appPaint / plainPaint, 2)}); ` +
      `90th percentile: client ${fmt(m(runs.app, 'paint90Ms'))} ms, plain ${fmt(m(runs.plain, 'paint90Ms'))} ms`);
    console.log(`  client per key: ${fmt(m(runs.app, 'frames'), 2)} canvas frames taking ${fmt(m(runs.app, 'rafMs'))} ms; ` +
      `${fmt(m(runs.app, 'storageCalls'), 2)} localStorage writes taking ${fmt(m(runs.app, 'storageMs'), 2)} ms`);
    console.log(`  runs (client main/paint ms): ${runs.app.map((r) => `${fmt(r.mainMs)}/${fmt(r.paintMs)}`).join(', ')}; ` +
      `plain: ${runs.plain.map((r) => `${fmt(r.mainMs)}/${fmt(r.paintMs)}`).join(', ')}`);
    await app.context.close();
    await plain.context.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
