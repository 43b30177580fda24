// A kiosk at an event (docs/kiosk.md), as strangers use it one after another: a touch screen in
// portrait (1080x1920) and then landscape (1920x1080), real touch events only. A visitor starts
// with a nickname in one tap, writes a reply, ranks replies by dragging a handle with a finger,
// walks away: the countdown comes, the visit ends, and the browser's storage is empty. The next
// visitor starts clean, and the event's board on the welcome shows both.
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
  const field = center(s, 'kiosk_nickname');
  await finger.tap(field.x, field.y);
  await waitForState(page, (x) => x.focused === 'kiosk_nickname', { what: 'the nickname field focused' });
  await page.keyboard.type(nickname);
  await page.waitForTimeout(300); // the field hands its text to the canvas when typing pauses
  s = await state(page);
  const start = center(s, 'kiosk_start');
  await finger.tap(start.x, start.y);
  return waitForState(page, (x) => x.screen === 'dashboard' && x.dashboard_loaded, { what: 'the dashboard' });
}

async function storageLength(page) {
  return page.evaluate(() => localStorage.length + sessionStorage.length);
}

test('kiosk: portrait then landscape, two visitors, the idle end of a visit leaves nothing', async () => {
  await withServerPage({
    viewport: { width: 1080, height: 1920 }, touch: true, name: 'kiosk',
    serverArgs: ['--demo', '--kiosk', 'spring-fair', '--kiosk-idle-sec', '6'],
  }, async ({ page }) => {
    const finger = new Finger(page, await page.context().newCDPSession(page));
    let s = await waitForState(page, (x) => x.ready && x.widgets.kiosk_start, { what: 'the kiosk welcome' });
    assert.equal(s.widgets.kiosk_board_0, undefined, 'nobody on the event\'s board yet');
    s = await waitForState(page, (x) => x.widgets.kiosk_news_0, { what: 'the news on the welcome' });
    await screenshot(page, 'kiosk-portrait-welcome');

    // First visitor: a reply, then a ranking by dragging a handle.
    await startVisit(page, finger, 'Ana');
    await openTask(page, 'assistant_reply', touch);
    await writeAndSubmit(page, 'Practise a few phrases aloud every day and label things around the house in the new language.', touch);
    s = await openTask(page, 'rank_assistant_replies', touch);
    const order = s.task.order;
    const second = `reply_${order[1]}_handle`;
    const first = `reply_${order[0]}_handle`;
    s = await waitForState(page, (x) => x.widgets[first] && x.widgets[second], { what: 'the replies\' handles' });
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
    s = await waitForState(page, (x) => x.widgets.kiosk_countdown, { what: 'the countdown', timeout: 30000 });
    assert.match(s.widgets.kiosk_countdown.text, /ends in \d+ s/);
    await screenshot(page, 'kiosk-portrait-countdown');
    s = await waitForState(page, (x) => x.screen === 'sign_in' && x.widgets.kiosk_start, { what: 'the welcome again', timeout: 30000 });
    assert.equal(s.signed_in_as, null);
    assert.equal(await storageLength(page), 0, 'localStorage and sessionStorage are empty');

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
