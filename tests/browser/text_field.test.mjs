// HTML text fields over the canvas, on the test page #text-field-demo (src/ui/text_field_demo.cpp):
// real key events, paste, IME composition and taps reach the <textarea>/<input> and the C++ value;
// the element sits exactly on the rectangle the view reserved, at every pixel ratio, clipped to
// the scrolling area and hidden when scrolled away; its look follows the theme.
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

async function openDemo(options) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(server.url + '#text-field-demo');
  await waitForState(page, (s) => s.ready && s.widgets.demo_reply, { what: 'the demo page' });
  await settle(page);
  return { context, page, errors };
}

// Waits until no frame has been drawn for a moment, so the layout has settled.
async function settle(page) {
  let frames = -1;
  for (let i = 0; i < 40; ++i) {
    const now = (await state(page)).frames_rendered;
    if (now === frames) return;
    frames = now;
    await page.waitForTimeout(100);
  }
}

function element(page, id) {
  return page.locator(`[data-orchard-field="${id}"]`);
}

async function elementRect(page, id) {
  return page.evaluate((fieldId) => {
    const el = document.querySelector(`[data-orchard-field="${fieldId}"]`);
    const r = el.getBoundingClientRect();
    return { x: r.x, y: r.y, w: r.width, h: r.height };
  }, id);
}

const focusedField = (page) => page.evaluate(() => document.activeElement?.dataset?.orchardField ?? document.activeElement?.id ?? null);
const count = (s, id) => Number(s.widgets[id].text.match(/^(\d+)/)[1]);

function assertSameRect(actual, expected, what) {
  for (const key of ['x', 'y', 'w', 'h'])
    assert.ok(Math.abs(actual[key] - expected[key]) <= 1, `${what}: ${key} is ${actual[key]}, reserved ${expected[key]} (${JSON.stringify(actual)} vs ${JSON.stringify(expected)})`);
}

// 300 words, well under the 2,000-character limit.
function words(n) {
  const pool = ['an', 'apple', 'tree', 'grows', 'in', 'the', 'old', 'orchard', 'by', 'our', 'house', 'and', 'bears', 'fruit'];
  return Array.from({ length: n }, (_, i) => pool[(i * 5) % pool.length]).join(' ');
}

test('desktop: typing, Backspace, Ctrl+Enter, Escape and paste reach the C++ value', async () => {
  // A small window: every key draws a frame, and software WebGL takes longer for larger ones.
  const { context, page, errors } = await openDemo({ viewport: { width: 640, height: 480 }, deviceScaleFactor: 1, colorScheme: 'light' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url.replace(/\/$/, '') });

  await clickWidget(page, 'demo_reply');
  assert.equal(await focusedField(page), 'demo_reply');
  const text = words(300);
  assert.ok(text.length > 1200 && text.length < 2000, `typed text is ${text.length} characters`);
  await page.keyboard.type(text);
  let s = await waitForState(page, (x) => count(x, 'demo_reply_count') === text.length, { what: `${text.length} characters in C++` });
  assert.equal(await element(page, 'demo_reply').inputValue(), text);

  // Backspace deletes (GLFW's window listener would cancel it if it saw the key).
  for (let i = 0; i < 5; ++i) await page.keyboard.press('Backspace');
  s = await waitForState(page, (x) => count(x, 'demo_reply_count') === text.length - 5, { what: 'five characters deleted' });
  assert.equal(await element(page, 'demo_reply').inputValue(), text.slice(0, -5));

  // Ctrl+Enter submits without inserting a line; Enter alone is a new line.
  await page.keyboard.press('Control+Enter');
  s = await waitForState(page, (x) => x.widgets.demo_submits.text === 'Submitted 1 times', { what: 'one submit' });
  assert.equal(count(s, 'demo_reply_count'), text.length - 5);
  await page.keyboard.press('Enter');
  s = await waitForState(page, (x) => count(x, 'demo_reply_count') === text.length - 4, { what: 'a new line' });
  assert.equal(s.widgets.demo_submits.text, 'Submitted 1 times');
  await page.keyboard.press('Escape');
  await waitForState(page, (x) => x.widgets.demo_escapes.text === 'Escape pressed 1 times', { what: 'escape' });

  // Paste from the system clipboard lands in the field (the page's paste listener lets it through).
  await page.evaluate(() => navigator.clipboard.writeText(' Pasted ✓ text.'));
  await page.keyboard.press('Control+V');
  s = await waitForState(page, (x) => count(x, 'demo_reply_count') === text.length - 4 + 15, { what: 'pasted text counted' });
  assert.ok((await element(page, 'demo_reply').inputValue()).endsWith('\n Pasted ✓ text.'));
  console.log('screenshot:', await screenshot(page, 'text-field-desktop-light'));

  // The limit counts code points, like the server: 2,100 emoji (4,200 UTF-16 units) keep 2,000.
  await element(page, 'demo_reply').fill('');
  await waitForState(page, (x) => count(x, 'demo_reply_count') === 0, { what: 'emptied' });
  await page.evaluate(() => navigator.clipboard.writeText('😀'.repeat(2100)));
  await page.keyboard.press('Control+V');
  s = await waitForState(page, (x) => count(x, 'demo_reply_count') === 2000, { what: '2,000 code points kept' });
  assert.equal((await element(page, 'demo_reply').inputValue()).length, 4000);

  // Idle with a focused field: nothing is drawn.
  await settle(page);
  const frames = (await state(page)).frames_rendered;
  await page.waitForTimeout(1500);
  assert.equal((await state(page)).frames_rendered, frames, 'a focused, idle field must not keep the page rendering');
  assert.deepEqual(errors, []);
  await context.close();
});

// Counts frames, not time: the element paints a typed character itself, so the key's own frame
// must not redraw the canvas, and the counters follow in at most one canvas frame per key
// (it used to be three: the frame and two settle frames).
test('typing: no canvas frame in the key\'s own frame, at most one canvas frame per key', async () => {
  const { context, page, errors } = await openDemo({ viewport: { width: 640, height: 480 }, deviceScaleFactor: 1, colorScheme: 'light' });
  await clickWidget(page, 'demo_reply');
  await settle(page);
  const before = (await state(page)).frames_rendered;
  await page.keyboard.press('a');
  // The first animation frame after the key has run when a task queued from it runs.
  const afterKeyFrame = await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() =>
    setTimeout(() => resolve(window.orchard.state().frames_rendered), 0))));
  assert.equal(afterKeyFrame, before, 'the frame right after a key paints the field alone');

  const text = 'a dozen more keys typed at once';
  await page.keyboard.type(text);
  await waitForState(page, (x) => count(x, 'demo_reply_count') === text.length + 1, { what: 'the counter to follow' });
  await settle(page);
  const frames = (await state(page)).frames_rendered - before;
  assert.ok(frames >= 1 && frames <= text.length + 1, `${frames} canvas frames for ${text.length + 1} keys`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('desktop: the app sets the value (clear, restore) without losing what is typed next', async () => {
  const { context, page } = await openDemo({ viewport: { width: 1000, height: 800 }, deviceScaleFactor: 1 });
  await clickWidget(page, 'demo_reply');
  await page.keyboard.type('First words');
  await waitForState(page, (x) => count(x, 'demo_reply_count') === 11, { what: 'typed' });
  await clickWidget(page, 'demo_clear');
  await waitForState(page, (x) => count(x, 'demo_reply_count') === 0, { what: 'cleared' });
  assert.equal(await element(page, 'demo_reply').inputValue(), '');
  await clickWidget(page, 'demo_restore');
  const draft = "A draft kept in the browser's storage.";
  await waitForState(page, (x) => count(x, 'demo_reply_count') === draft.length, { what: 'restored' });
  assert.equal(await element(page, 'demo_reply').inputValue(), draft);
  // Clicking the canvas took the focus away from the field; typing after a click goes on at its end.
  assert.notEqual(await focusedField(page), 'demo_reply');
  await clickWidget(page, 'demo_reply');
  await page.keyboard.press('End');
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' More.');
  await waitForState(page, (x) => count(x, 'demo_reply_count') === draft.length + 6, { what: 'typed after restore' });
  await settle(page);
  assert.equal(await element(page, 'demo_reply').inputValue(), draft + ' More.');
  await context.close();
});

test('desktop: Tab goes through fields and buttons in one order; the password field is a password input', async () => {
  const { context, page } = await openDemo({ viewport: { width: 1000, height: 800 }, deviceScaleFactor: 1 });
  const password = element(page, 'demo_password');
  assert.equal(await password.getAttribute('type'), 'password');
  assert.equal(await password.getAttribute('autocomplete'), 'current-password');
  assert.equal(await element(page, 'demo_reply').evaluate((el) => el.tagName), 'TEXTAREA');

  // The buttons under the reply come next: the canvas takes the focus and shows it on them.
  await clickWidget(page, 'demo_reply');
  await page.keyboard.press('Tab');
  assert.equal(await focusedField(page), 'canvas');
  await waitForState(page, (x) => x.focused === 'demo_clear', { what: 'Clear focused' });
  await page.keyboard.press('Tab');
  await waitForState(page, (x) => x.focused === 'demo_restore', { what: 'Restore focused' });
  await page.keyboard.press('Tab');
  await waitForState(page, (x) => x.focused === 'demo_focus', { what: 'Focus focused' });
  await page.keyboard.press('Tab');
  await page.waitForFunction(() => document.activeElement?.dataset?.orchardField === 'demo_password');
  await page.keyboard.type('secret pw');
  await waitForState(page, (x) => x.widgets.demo_password_count.text === '9 characters', { what: 'password typed' });
  assert.equal((await state(page)).widgets.demo_password.text, undefined, 'a password is never published');
  // Enter in a single-line field submits.
  await page.keyboard.press('Enter');
  await waitForState(page, (x) => x.widgets.demo_submits.text === 'Submitted 1 times', { what: 'Enter submits' });
  await page.keyboard.press('Shift+Tab');
  assert.equal(await focusedField(page), 'canvas');
  await waitForState(page, (x) => x.focused === 'demo_focus', { what: 'back on the last button' });
  // Space presses the focused button: the app moves the focus into the reply.
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.activeElement?.dataset?.orchardField === 'demo_reply');
  await waitForState(page, (x) => x.focused === 'demo_reply', { what: 'the reply focused' });

  // The app moves the focus into a field (focus_text_field), here from a button.
  await clickWidget(page, 'demo_focus');
  await waitForState(page, () => true);
  await page.waitForFunction(() => document.activeElement?.dataset?.orchardField === 'demo_reply');
  await context.close();
});

test('the element covers exactly the reserved rectangle at DPR 1 and 2', async () => {
  for (const deviceScaleFactor of [1, 2]) {
    const { context, page } = await openDemo({ viewport: { width: 900, height: 700 }, deviceScaleFactor });
    const s = await state(page);
    assert.equal(s.device_pixel_ratio, deviceScaleFactor);
    for (const id of ['demo_reply', 'demo_password'])
      assertSameRect(await elementRect(page, id), s.widgets[id], `${id} at DPR ${deviceScaleFactor}`);
    // Text inside matches the app: 17 px in the page font, the app's padding.
    const look = await element(page, 'demo_reply').evaluate((el) => {
      const cs = getComputedStyle(el);
      return { font: cs.fontSize, padding: cs.paddingLeft, background: cs.backgroundColor, border: cs.borderTopColor };
    });
    assert.deepEqual(look, { font: '17px', padding: '14px', background: 'rgba(0, 0, 0, 0)', border: 'rgba(0, 0, 0, 0)' });
    console.log('screenshot:', await screenshot(page, `text-field-dpr${deviceScaleFactor}`));
    await context.close();
  }
});

test('scrolling clips the element to the scrolling area and hides it when out of view', async () => {
  const { context, page } = await openDemo({ viewport: { width: 900, height: 500 }, deviceScaleFactor: 1 });
  let s = await state(page);
  const reply = s.widgets.demo_reply;
  // The wheel over the field scrolls the page while the field has nothing to scroll itself.
  await page.mouse.move(reply.x + reply.w / 2, reply.y + reply.h / 2);
  await page.mouse.wheel(0, 150);
  s = await waitForState(page, (x) => x.values.main_scroll_y >= 140, { what: 'scrolled by the wheel over the field' });
  await settle(page);
  s = await state(page);
  const visible = s.widgets.demo_reply;
  assert.ok(visible.y >= 60 && visible.h < reply.h, `half visible: ${JSON.stringify(visible)}`);
  const clip = await element(page, 'demo_reply').evaluate((el) => getComputedStyle(el).clipPath);
  assert.match(clip, /^inset\([1-9]\d*(\.\d+)?px 0px 0px\)$/); // computed style shortens "0px 0px 0px"
  // The top bar stays the canvas's; the visible part of the field is the element's.
  const hit = (x, y) => page.evaluate(([px, py]) => {
    const el = document.elementFromPoint(px, py);
    return el.dataset.orchardField ?? el.id;
  }, [x, y]);
  const middleX = visible.x + visible.w / 2;
  assert.equal(await hit(middleX, 30), 'canvas');
  assert.equal(await hit(middleX, visible.y - 3), 'canvas');
  assert.equal(await hit(middleX, visible.y + 5), 'demo_reply');
  console.log('screenshot:', await screenshot(page, 'text-field-scrolled-half'));

  await page.mouse.move(450, 450);
  await page.mouse.wheel(0, 400);
  s = await waitForState(page, (x) => !x.widgets.demo_reply, { what: 'the field scrolled away' });
  await settle(page);
  assert.equal(await element(page, 'demo_reply').evaluate((el) => getComputedStyle(el).visibility), 'hidden');
  assert.equal(await hit(middleX, 100), 'canvas');
  console.log('screenshot:', await screenshot(page, 'text-field-scrolled-away'));
  await page.mouse.wheel(0, -1000);
  await waitForState(page, (x) => x.values.main_scroll_y === 0, { what: 'scrolled back' });
  await settle(page);
  assert.equal(await element(page, 'demo_reply').evaluate((el) => getComputedStyle(el).visibility), 'visible');
  await context.close();
});

test('an IME composition reaches C++ only when it is committed', async () => {
  const { context, page } = await openDemo({ viewport: { width: 900, height: 700 }, deviceScaleFactor: 1 });
  await clickWidget(page, 'demo_reply');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'にほ', selectionStart: 2, selectionEnd: 2 });
  await cdp.send('Input.imeSetComposition', { text: 'にほんご', selectionStart: 4, selectionEnd: 4 });
  await settle(page);
  assert.equal(count(await state(page), 'demo_reply_count'), 0, 'nothing is taken while composing');
  await cdp.send('Input.insertText', { text: '日本語' });
  await waitForState(page, (x) => count(x, 'demo_reply_count') === 3, { what: 'the committed text' });
  assert.equal(await element(page, 'demo_reply').inputValue(), '日本語');
  await context.close();
});

test('dark theme: the field is part of the app, not a white box', async () => {
  const { context, page } = await openDemo({ viewport: { width: 900, height: 700 }, deviceScaleFactor: 1, colorScheme: 'dark' });
  assert.equal((await state(page)).theme, 'dark');
  await clickWidget(page, 'demo_reply');
  await page.keyboard.type('Dark theme text, with the caret in the accent colour.');
  await settle(page);
  const look = await element(page, 'demo_reply').evaluate((el) => {
    const cs = getComputedStyle(el);
    return { color: cs.color, background: cs.backgroundColor, scheme: cs.colorScheme };
  });
  assert.deepEqual(look, { color: 'rgb(231, 236, 232)', background: 'rgba(0, 0, 0, 0)', scheme: 'dark' });
  console.log('screenshot:', await screenshot(page, 'text-field-desktop-dark'));
  // The theme changes while the field is shown: its colours follow.
  await clickWidget(page, 'theme_toggle');
  await waitForState(page, (x) => x.theme === 'light', { what: 'light theme' });
  await settle(page);
  assert.equal(await element(page, 'demo_reply').evaluate((el) => getComputedStyle(el).color), 'rgb(29, 35, 32)');
  await context.close();
});

test('phone 390x844 at DPR 3: a tap focuses the field, a tap on the canvas takes the focus back', async () => {
  const { context, page, errors } = await openDemo({
    viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true, colorScheme: 'light',
  });
  const s = await state(page);
  assertSameRect(await elementRect(page, 'demo_reply'), s.widgets.demo_reply, 'reply on the phone');
  await tapWidget(page, 'demo_reply');
  assert.equal(await focusedField(page), 'demo_reply');
  await page.keyboard.type('Typed on a phone');
  await waitForState(page, (x) => count(x, 'demo_reply_count') === 16, { what: 'typed on the phone' });
  const focusedLook = await state(page);
  console.log('screenshot:', await screenshot(page, 'text-field-phone'));
  // A tap on the canvas (on the count line) moves the focus to the canvas.
  const below = center(focusedLook, 'demo_reply_count');
  await page.touchscreen.tap(below.x, below.y);
  await page.waitForTimeout(200);
  assert.equal(await focusedField(page), 'canvas');
  assert.deepEqual(errors, []);
  await context.close();
});
