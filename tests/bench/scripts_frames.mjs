// Text in other scripts, what it costs the client (docs/scripts.md), in headless Chromium with
// software WebGL. Two servers in the same run, each with one conversation of a prompt and 200
// replies: in Latin text only (drawn from the font atlas), and in mixed scripts (Chinese, Arabic,
// Hebrew, Thai, Hindi, Russian, English and emoji: set by the browser). For each:
// - time from navigation to the conversation's rows drawn in the explorer, fresh browser
//   context, median of 5;
// - bytes of Orchard's font slices that screen fetched;
// - CPU time of the page's main thread per frame while the rows scroll by with the wheel
//   (median of 3 runs of 40 wheel steps), first pass (lines set and uploaded) and second pass
//   (cached images).
// - the interface in English, German, Arabic and Chinese: time from navigation to the first
//   screen drawn (the catalog of a language other than English is fetched first), median of 5,
//   and the catalog's bytes on the wire.
// Prints figures; asserts nothing.
import { mkdirSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, launchBrowser, state, waitForState } from '../browser/lib/orchard.mjs';
import { enterAsGuest, press } from '../browser/lib/actions.mjs';

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const latin = [
  'Plants turn light into sugar, and the leaves look green because they reflect green light.',
  'A good night of sleep helps more than a second cup of coffee in the morning.',
  'Recursion means a function solves a problem by calling itself on a smaller part of it.',
];
const mixed = [
  '植物通过光合作用把光能变成糖分，叶子看起来是绿色的。🌱',
  'النباتات تحوّل الضوء إلى سكر، وتبدو الأوراق خضراء لأنها تعكس اللون الأخضر.',
  'צמחים הופכים אור לסוכר, והעלים נראים ירוקים כי הם מחזירים אור ירוק.',
  'พืชเปลี่ยนแสงเป็นน้ำตาล และใบไม้ดูเป็นสีเขียวเพราะสะท้อนแสงสีเขียว',
  'पौधे प्रकाश को शर्करा में बदलते हैं, और पत्तियाँ हरी दिखती हैं।',
  'Растения превращают свет в сахар, а листья кажутся зелёными. 😀',
  'Plants turn light into sugar; Python 3 and العربية in one line.',
];

// An oasst file of one tree, a prompt and 200 replies to it, imported with `orchard import` (the
// sample format keeps trees to the tree manager's limits of 3 replies and depth 3).
function importTree(dir, texts) {
  const id = (n) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const message = (n, role, text) => ({ message_id: id(n), user_id: id(900000 + (n % 4)), text, role, lang: 'en', review_count: 3, review_result: true, deleted: false, synthetic: false, replies: [] });
  const prompt = message(0, 'prompter', texts[0]);
  for (let n = 1; n <= 200; ++n) prompt.replies.push({ ...message(n, 'assistant', `${n}. ${texts[n % texts.length]}`), parent_id: id(0) });
  const file = join(dir, 'tree.jsonl');
  writeFileSync(file, JSON.stringify({ message_tree_id: id(0), tree_state: 'ready_for_export', prompt }) + '\n');
  execFileSync(process.env.ORCHARD_SERVER, ['import', file, '--data', dir]);
}

// Opens the explorer's one conversation as a guest; returns when its rows are drawn.
async function openConversation(page, url) {
  await page.goto(url);
  await enterAsGuest(page, 'Bench');
  await page.goto(new URL('#/explore', url).href);
  await waitForState(page, (s) => s.explore?.loaded && s.widgets.explore_tree_0, { what: 'the newest trees', timeout: 60000 });
  await press(page, 'explore_tree_0');
  await waitForState(page, (s) => s.explore?.tree && s.widgets.tree_row_5, { what: 'the rows', timeout: 60000 });
}

async function scrollCpuPerFrame(page, cdp, direction) {
  const before = (await state(page)).frames_rendered;
  const start = (await cdp.send('Performance.getMetrics')).metrics;
  for (let i = 0; i < 40; ++i) {
    await page.mouse.move(640, 500);
    await page.mouse.wheel(0, direction * 120);
    await page.waitForTimeout(30);
  }
  await page.waitForTimeout(300);
  const end = (await cdp.send('Performance.getMetrics')).metrics;
  const frames = (await state(page)).frames_rendered - before;
  const metric = (list, name) => list.find((m) => m.name === name).value;
  return ((metric(end, 'TaskDuration') - metric(start, 'TaskDuration')) * 1000) / Math.max(1, frames);
}

async function measure(browser, url, label) {
  const times = [];
  let sliceBytes = 0;
  for (let run = 0; run < 5; ++run) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    let bytes = 0;
    page.on('response', async (response) => {
      if (/fonts\/orchard-.*\.woff2/.test(response.url())) bytes += (await response.body().catch(() => Buffer.alloc(0))).length;
    });
    const t0 = Date.now();
    await openConversation(page, url);
    times.push(Date.now() - t0);
    await page.waitForFunction(() => document.fonts.status === 'loaded');
    sliceBytes = bytes;
    await context.close();
  }
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await openConversation(page, url);
  await page.waitForFunction(() => document.fonts.status === 'loaded');
  const first = [], second = [];
  for (let run = 0; run < 3; ++run) {
    first.push(await scrollCpuPerFrame(page, cdp, 1));
    second.push(await scrollCpuPerFrame(page, cdp, -1));
  }
  const lines = (await state(page)).browser_text.length;
  await context.close();
  console.log(`${label}: conversation drawn ${median(times)} ms after navigation (median of 5, includes signing in); ` +
    `font slices fetched ${(sliceBytes / 1024).toFixed(1)} KiB; CPU per frame scrolling down ${median(first).toFixed(2)} ms, ` +
    `back up ${median(second).toFixed(2)} ms (medians of 3 x 40 wheel steps); lines set by the browser in the last frame: ${lines}`);
  return median(second);
}

// The first screen in the interface language `tag`: time to drawn, and the catalog's bytes.
async function firstScreen(browser, url, tag) {
  const times = [];
  let wire = 0;
  for (let run = 0; run < 5; ++run) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    page.on('response', async (response) => {
      if (!/\/locales\//.test(response.url())) return;
      wire = Number(await response.headerValue('content-length')) || (await response.body()).length;
    });
    const t0 = Date.now();
    await page.goto(new URL(`/?lang=${tag}`, url).href);
    await waitForState(page, (s) => s.ready && s.screen === 'sign_in' && s.interface_language === tag,
      { what: 'the first screen', timeout: 60000 });
    times.push(Date.now() - t0);
    await context.close();
  }
  console.log(`Interface in ${tag}: first screen drawn ${median(times)} ms after navigation (median of 5); ` +
    `catalog fetched: ${tag === 'en' ? 'none (in the data file)' : `${(wire / 1024).toFixed(1)} KiB on the wire`}`);
  return median(times);
}

const dir = mkdtempSync(join(tmpdir(), 'orchard-bench-scripts-'));
const servers = [];
const browser = await launchBrowser();
try {
  for (const [name, texts] of [['latin', latin], ['mixed', mixed]]) {
    mkdirSync(join(dir, name));
    importTree(join(dir, name), texts);
    servers.push(await startServer({ dataDir: join(dir, name) }));
  }
  const base = await measure(browser, servers[0].url, 'Latin only (atlas)');
  const other = await measure(browser, servers[1].url, 'Mixed scripts (browser)');
  console.log(`CPU per frame, mixed scripts against Latin only: ${(other / base).toFixed(2)}x`);
  const english = await firstScreen(browser, servers[0].url, 'en');
  for (const tag of ['de', 'ar', 'zh'])
    console.log(`  against English: ${((await firstScreen(browser, servers[0].url, tag)) / english).toFixed(2)}x`);
} finally {
  await browser.close();
  for (const server of servers) await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
