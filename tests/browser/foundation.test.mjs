// The foundation in a real browser: the client loads from the real server, shows the server's
// health, answers real mouse, wheel, touch and clipboard input at the rectangles it reports,
// follows size and pixel-ratio changes, and renders nothing while idle.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, state, waitForState, center, clickWidget, tapWidget, screenshot } from './lib/orchard.mjs';

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function openPage(options) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(server.url);
  await waitForState(page, (s) => s.ready && s.connection === 'connected', { what: 'ready and connected' });
  return { context, page, errors };
}

test('desktop: health shown, theme toggled by a real click, idle renders nothing', async () => {
  const { context, page, errors } = await openPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, colorScheme: 'light' });
  const health = await (await fetch(server.url + 'api/v1/health')).json();
  // The widgets are the last drawn frame's: the state can say connected a frame before they do.
  let s = await waitForState(page, (x) => x.widgets.server_status?.text?.startsWith('Connected'),
    { what: 'the connected status drawn' });
  assert.equal(s.screen, 'sign_in');
  assert.equal(s.theme, 'light');
  assert.equal(s.server_version, health.version);
  assert.match(s.widgets.server_status.text, new RegExp(`Connected to Orchard ${health.version.replace(/\./g, '\\.')}`));

  // The canvas is the window's size in device pixels.
  const canvas = await page.evaluate(() => ({ w: document.getElementById('canvas').width, h: document.getElementById('canvas').height }));
  assert.deepEqual(canvas, { w: 1280, h: 800 });
  console.log('screenshot:', await screenshot(page, 'foundation-desktop-light'));

  // Hovering a button asks for the hand cursor.
  const toggle = center(s, 'theme_toggle');
  await page.mouse.move(toggle.x, toggle.y);
  await waitForState(page, () => true);
  await page.waitForTimeout(100);
  assert.equal(await page.evaluate(() => document.getElementById('canvas').style.cursor), 'pointer');

  await page.mouse.click(toggle.x, toggle.y);
  s = await waitForState(page, (x) => x.theme === 'dark', { what: 'dark theme' });
  console.log('screenshot:', await screenshot(page, 'foundation-desktop-dark'));

  // Idle: after input settles, no frame is drawn for two seconds.
  await page.mouse.move(5, 700);
  await page.waitForTimeout(500);
  const before = (await state(page)).frames_rendered;
  await page.waitForTimeout(2000);
  const afterIdle = (await state(page)).frames_rendered;
  assert.equal(afterIdle, before, 'an idle page must not render');

  assert.deepEqual(errors, []);
  await context.close();
});

test('desktop: the wheel scrolls the page by what the browser asks, not 100 times more', async () => {
  const { context, page } = await openPage({ viewport: { width: 1280, height: 600 }, deviceScaleFactor: 1 });
  let s = await state(page);
  assert.ok(s.values.main_scroll_max_y > 300, `page should be taller than the window: ${JSON.stringify(s.values)}`);
  await page.mouse.move(640, 400);
  await page.mouse.wheel(0, 120);
  s = await waitForState(page, (x) => x.values.main_scroll_y > 0, { what: 'scrolled' });
  await page.waitForTimeout(200);
  s = await state(page);
  assert.ok(Math.abs(s.values.main_scroll_y - 120) <= 2, `scrolled ${s.values.main_scroll_y} px for a 120 px wheel turn`);
  await page.mouse.wheel(0, -120);
  await waitForState(page, (x) => x.values.main_scroll_y === 0, { what: 'scrolled back' });
  await context.close();
});

test('desktop: "Copy snippet" puts the embed snippet on the system clipboard', async () => {
  const { context, page } = await openPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url.replace(/\/$/, '') });
  await page.mouse.move(640, 400);
  let s = await state(page);
  for (let i = 0; i < 20 && !s.widgets.copy_embed; ++i) {
    await page.mouse.wheel(0, 200);
    await page.waitForTimeout(100);
    s = await state(page);
  }
  const snippet = s.widgets.embed_snippet.text;
  assert.match(snippet, /<script src="http:\/\/127\.0\.0\.1:\d+\/embed\.js" async/);
  await clickWidget(page, 'copy_embed');
  await waitForState(page, (x) => x.widgets.copy_embed?.text === 'Copied', { what: 'copied label' });
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), snippet);
  await context.close();
});

test('desktop: the canvas follows window resizes', async () => {
  const { context, page } = await openPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  await page.setViewportSize({ width: 900, height: 700 });
  await waitForState(page, (x) => x.widgets.theme_toggle && x.widgets.theme_toggle.x + x.widgets.theme_toggle.w < 900,
    { what: 'layout at 900 px' });
  assert.deepEqual(await page.evaluate(() => [document.getElementById('canvas').width, document.getElementById('canvas').height]), [900, 700]);
  await context.close();
});

test('desktop: browser zoom (the pixel ratio doubles, the CSS viewport halves) keeps text crisp', async () => {
  const { context, page } = await openPage({ viewport: { width: 900, height: 700 }, deviceScaleFactor: 1 });
  // Zooming to 200 % is what a person does; CDP emulates it as a new scale factor and viewport.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setDeviceMetricsOverride', { width: 450, height: 350, deviceScaleFactor: 2, mobile: false });
  const s = await waitForState(page, (x) => x.device_pixel_ratio === 2, { what: 'fonts rebuilt for DPR 2' });
  // The drawing buffer stays at the screen's 900 x 700 device pixels; layout works in CSS pixels.
  assert.deepEqual(await page.evaluate(() => [document.getElementById('canvas').width, document.getElementById('canvas').height]), [900, 700]);
  assert.ok(s.widgets.theme_toggle.x + s.widgets.theme_toggle.w <= 450);
  await context.close();
});

test('phone 390x844 at DPR 3: crisp canvas, one column, a tap lands where the finger is', async () => {
  const { context, page, errors } = await openPage({
    viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true, colorScheme: 'light',
  });
  let s = await state(page);
  assert.equal(s.device_pixel_ratio, 3);
  assert.deepEqual(await page.evaluate(() => [document.getElementById('canvas').width, document.getElementById('canvas').height]), [1170, 2532]);
  const toggle = s.widgets.theme_toggle;
  assert.ok(toggle.h >= 44, `touch target is ${toggle.h} px tall`);
  assert.ok(toggle.x + toggle.w <= 390, 'the theme button fits on the screen');
  console.log('screenshot:', await screenshot(page, 'foundation-phone-light'));

  await tapWidget(page, 'theme_toggle');
  s = await waitForState(page, (x) => x.theme === 'dark', { what: 'dark theme after a tap' });
  console.log('screenshot:', await screenshot(page, 'foundation-phone-dark'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a browser without WebGL 2 gets a clear message instead of a blank page', async () => {
  const noWebGL = await launchBrowser(['--disable-webgl2']);
  try {
    const page = await noWebGL.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(server.url);
    await page.waitForSelector('#unsupported:not([hidden])');
    assert.match(await page.textContent('#unsupported h1'), /needs WebGL 2/);
    assert.equal((await state(page)).screen, 'unsupported');
    console.log('screenshot:', await screenshot(page, 'foundation-no-webgl2'));
  } finally {
    await noWebGL.close();
  }
});
