// A kiosk at an event (docs/kiosk.md), as strangers use it one after another: a touch screen in
// portrait (1080x1920) and then landscape (1920x1080), real touch events only. A visitor starts
// with a nickname in one tap, writes a reply, ranks replies by dragging a handle with a finger,
// walks away: the countdown comes, the visit ends, and the browser's storage is empty. The next
// visitor starts clean, and the event's board on the welcome shows both. On the way: the interface
// drawn larger for fingers, the on-screen keyboard's condition (the finger lands on the page's own
// text field and focuses it within the tap), a pinch that scales the layout, and a long press that
// opens a message's menu. A second server lets only a page opened at ?kiosk=EVENT be a kiosk.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withServerPage, state, waitForState, center, screenshot } from './lib/orchard.mjs';
import { press, writeAndSubmit, openTask } from './lib/actions.mjs';
import { Finger } from './lib/finger.mjs';

const touch = { touch: true };

// The nickname typed and Start tapped: on the dashboard, with no terms screen between.
async function startVisit(page, finger, nickname) {
  let s = await waitForState(page, (x) => x.ready && x.screen === 'sign_in' && x.widgets.kiosk_start &&
    !x.values.page_covered, { what: 'the kiosk welcome, nothing over it' });
  assert.equal(s.widgets.kiosk_nickname.text ?? '', '', 'the nickname field starts empty');
  await tapTextField(page, finger, s, 'kiosk_nickname');
  await page.keyboard.type(nickname);
  await page.waitForTimeout(300); // the field hands its text to the canvas when typing pauses
  s = await state(page);
  const start = center(s, 'kiosk_start');
  await finger.tap(start.x, start.y);
  return waitForState(page, (x) => x.screen === 'dashboard' && x.dashboard_loaded, { what: 'the dashboard' });
}

// Swipes the page up in its left margin (no control there) until every widget in `ids` is fully
// on screen below the top bar, resting before each lift so that nothing glides past.
async function swipeIntoView(page, finger, ids) {
  const { height } = page.viewportSize();
  for (let i = 0; i < 12; ++i) {
    const s = await waitForState(page, (x) => !x.frame_pending, { what: 'a frame drawn' });
    const bar = 64 * s.ui_zoom;
    const rects = ids.map((id) => s.widgets[id]);
    if (rects.every((r) => r && r.y >= bar && r.y + r.h <= height - 4)) return s;
    const up = rects.some((r) => !r || r.y + r.h > height - 4);
    await finger.down(16, height / 2);
    await finger.slide(16, height / 2 + (up ? -400 : 400), 8);
    await finger.rest(150);
    await finger.up();
  }
  throw new Error(`${ids.join(', ')} never came into view`);
}

// Taps a text field as a visitor does. A phone or tablet shows its on-screen keyboard when a text
// field takes the focus from the person's own tap: the finger must land on the page's own element
// (not the canvas, which would focus it only a frame later, outside the tap), and the focus must
// come while the tap's user activation is on. The element must also sit where the canvas draws
// the field, whatever the interface's scale.
async function tapTextField(page, finger, s, id) {
  const field = center(s, id);
  const landed = await page.evaluate(({ x, y }) => {
    document.activeElement?.blur();
    window.focusedByTap = null;
    document.addEventListener('focusin', (e) => {
      window.focusedByTap = { tag: e.target.tagName, activation: navigator.userActivation.isActive };
    }, { once: true });
    const el = document.elementFromPoint(x, y);
    const r = el.getBoundingClientRect();
    return { tag: el.tagName, x: r.x, y: r.y, w: r.width, h: r.height };
  }, field);
  assert.match(landed.tag, /^(INPUT|TEXTAREA)$/, `the finger lands on the page's text field, not ${landed.tag}`);
  const drawn = s.widgets[id];
  for (const key of ['x', 'y', 'w', 'h'])
    assert.ok(Math.abs(landed[key] - drawn[key]) <= 3, `the element's ${key} ${landed[key]} is where the canvas draws the field (${drawn[key]})`);
  await finger.tap(field.x, field.y);
  await waitForState(page, (x) => x.focused === id, { what: `${id} focused` });
  const focus = await page.evaluate(() => window.focusedByTap);
  assert.ok(focus, 'the tap itself focused the field');
  assert.match(focus.tag, /^(INPUT|TEXTAREA)$/);
  assert.equal(focus.activation, true, 'focused within the tap\'s user activation: the keyboard opens');
}

// Everything on screen inside the window's width: the layout follows the interface's scale.
function assertFits(s, width, where) {
  for (const [id, r] of Object.entries(s.widgets))
    assert.ok(r.x >= -0.5 && r.x + r.w <= width + 0.5, `${where}: ${id} spills out (${r.x}+${r.w} of ${width})`);
}

async function storageLength(page) {
  return page.evaluate(() => localStorage.length + sessionStorage.length);
}

test('kiosk: portrait then landscape, two visitors, the idle end of a visit leaves nothing', async () => {
  await withServerPage({
    viewport: { width: 1080, height: 1920 }, touch: true, name: 'kiosk',
    serverArgs: ['--demo', '--kiosk', 'spring-fair', '--kiosk-idle-sec', '30'], // (long enough for a loaded machine's pauses between inputs: CI's took over 20 s)
  }, async ({ page }) => {
    const finger = new Finger(page, await page.context().newCDPSession(page));
    let s = await waitForState(page, (x) => x.ready && x.widgets.kiosk_start, { what: 'the kiosk welcome' });
    assert.equal(s.widgets.kiosk_board_0, undefined, 'nobody on the event\'s board yet');
    s = await waitForState(page, (x) => x.widgets.kiosk_news_0, { what: 'the news on the welcome' });
    assert.equal(s.ui_zoom, 1.25, 'a kiosk draws everything larger');
    await screenshot(page, 'kiosk-portrait-welcome');

    // First visitor: a reply, then a ranking by dragging a handle.
    s = await startVisit(page, finger, 'Ana');

    // Two fingers spread: everything larger, laid out for the narrower room; pinched back, smaller.
    const { width, height } = page.viewportSize();
    await finger.pinch(width / 2, height / 2, 200, 400, 8);
    s = await waitForState(page, (x) => x.ui_zoom === 2 && x.screen === 'dashboard' && !x.frame_pending, { what: 'the dashboard pinched to 200%' });
    assertFits(s, width, 'pinched to 200%');
    assert.equal(s.screen, 'dashboard', 'a pinch taps nothing');
    await screenshot(page, 'kiosk-portrait-pinched');
    await finger.pinch(width / 2, height / 2, 400, 300, 6);
    s = await waitForState(page, (x) => x.ui_zoom === 1.5 && !x.frame_pending, { what: 'pinched back to 150%' });
    assertFits(s, width, 'pinched back to 150%');

    // A long press on a message opens its menu, large enough for a finger; Report opens the form.
    s = await openTask(page, 'assistant_reply', touch);
    s = await waitForState(page, (x) => x.widgets.message_0, { what: 'the prompt\'s card' });
    const card = s.widgets.message_0;
    await finger.hold(card.x + card.w - 20, card.y + 14, 800); // the card's corner, not its text
    s = await waitForState(page, (x) => x.widgets.message_0_menu_copy && x.widgets.message_0_menu_report, { what: 'the message\'s menu' });
    assert.ok(s.widgets.message_0_menu_report.h >= 48, 'menu items a finger can hit');
    assert.equal(s.task.phase, 'working', 'the long press pressed nothing else');
    await screenshot(page, 'kiosk-portrait-message-menu');
    await press(page, 'message_0_menu_report', touch);
    await waitForState(page, (x) => x.widgets.report_form, { what: 'the report form' });
    await press(page, 'report_cancel', touch);
    await waitForState(page, (x) => !x.widgets.report_form, { what: 'the report form closed' });
    await writeAndSubmit(page, 'Practise a few phrases aloud every day and label things around the house in the new language.', touch);
    s = await openTask(page, 'rank_assistant_replies', touch);
    const order = s.task.order;
    const second = `reply_${order[1]}_handle`;
    const first = `reply_${order[0]}_handle`;
    // (A long conversation above can push the handles below the screen: the visitor swipes up.)
    s = await swipeIntoView(page, finger, [first, second]);
    await screenshot(page, 'kiosk-portrait-ranking');
    const from = center(s, second);
    const to = s.widgets[first];
    await finger.down(from.x, from.y);
    await finger.slide(from.x, to.y - 10, 8);
    await finger.rest(150);
    await finger.up();
    s = await waitForState(page, (x) => x.task.order[0] === order[1], { what: 'the reply dragged to the top by touch' });
    await press(page, 'submit', touch);
    await waitForState(page, (x) => x.task.completed === 2, { what: 'the ranking sent' });
    assert.ok(await storageLength(page) > 0, 'the visit kept its session in the browser');

    // Ana walks away: after the idle time the countdown, then the welcome, and nothing kept.
    s = await waitForState(page, (x) => x.widgets.kiosk_countdown, { what: 'the countdown', timeout: 60000 });
    assert.match(s.widgets.kiosk_countdown.text, /ends in \d+ s/);
    await screenshot(page, 'kiosk-portrait-countdown');
    s = await waitForState(page, (x) => x.screen === 'sign_in' && x.widgets.kiosk_start, { what: 'the welcome again', timeout: 30000 });
    assert.equal(s.signed_in_as, null);
    assert.equal(await storageLength(page), 0, 'localStorage and sessionStorage are empty');
    assert.equal(s.ui_zoom, 1.25, 'Ana\'s pinch left with her');

    // Second visitor, on the screen turned to landscape: starts clean, does a task, taps Finish.
    await page.setViewportSize({ width: 1920, height: 1080 });
    // (Laid out for the new width before the first tap: a state from before would aim it wrong.)
    await waitForState(page, (x) => x.widgets.theme_toggle?.x > 1500, { what: 'the landscape layout' });
    s = await startVisit(page, finger, 'Bo');
    assert.equal(s.rewards?.total ?? 0, 0, 'none of Ana\'s points');
    await openTask(page, 'assistant_reply', touch);
    await writeAndSubmit(page, 'Keep the basil in the sunniest window and water it only when the soil is dry.', touch);
    const finish = await waitForState(page, (x) => x.widgets.sign_out, { what: 'Finish' });
    assert.equal(finish.widgets.sign_out.text, 'Finish');
    await press(page, 'sign_out', touch);
    s = await waitForState(page, (x) => x.screen === 'sign_in' && x.widgets.kiosk_board_1,
      { what: 'the welcome with the event\'s board', timeout: 40000 });
    assert.equal(await storageLength(page), 0);
    const board = [s.widgets.kiosk_board_0.text, s.widgets.kiosk_board_1.text].join(' | ');
    assert.match(board, /Ana/);
    assert.match(board, /Bo/);
    await screenshot(page, 'kiosk-landscape-welcome');
  });
});

test('kiosk by address: only a page opened at ?kiosk=EVENT of an allowed event is a kiosk', async () => {
  await withServerPage({
    viewport: { width: 1080, height: 1920 }, touch: true, name: 'kiosk-url', path: '/?kiosk=spring-fair',
    serverArgs: ['--demo', '--kiosk-allow', 'spring-fair'],
  }, async ({ page, server }) => {
    let s = await waitForState(page, (x) => x.ready && x.widgets.kiosk_start, { what: 'the kiosk welcome' });
    assert.equal(s.ui_zoom, 1.25);
    assert.match(s.widgets.kiosk_title?.text ?? JSON.stringify(Object.keys(s.widgets)), /spring-fair/);
    for (const [path, what] of [['/', 'the usual address'], ['/?kiosk=other-fair', 'an event the server does not allow']]) {
      const other = await page.context().newPage();
      await other.goto(new URL(path, server.url).href);
      const refused = path.includes('other-fair');
      // (The widgets are those of the frame drawn last: wait for the one that has the answer.)
      s = await waitForState(other, (x) => x.ready && x.screen === 'sign_in' && x.connection === 'connected' &&
        x.widgets.choose_guest && (!refused || x.widgets.kiosk_refused), { what });
      assert.equal(s.widgets.kiosk_start, undefined, `${what}: no kiosk`);
      assert.equal(s.ui_zoom, 1);
      if (refused) assert.match(s.widgets.kiosk_refused.text, /other-fair/, 'the page says why it is no kiosk');
      else assert.equal(s.widgets.kiosk_refused, undefined);
      await other.close();
    }
  });
});
