// The task screens as a person meets them at phone (390x844, DPR 3, touch) and desktop
// (1280x800) size: collapsed ranking replies are no taller than what they show, the report
// form's reason chips wrap inside their card, a writing task opens at its title, and a reply
// selected with the keyboard in ranking is scrolled into view. One server and one browser for
// the whole file, one signed-in guest page per size, to keep the wall time small.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, state, waitForState, screenshot } from './lib/orchard.mjs';
import { press, typeInto, openTask, openSignInForm, reveal } from './lib/actions.mjs';

const sizes = {
  phone: { viewport: { width: 390, height: 844 }, scale: 3, touch: true },
  desktop: { viewport: { width: 1280, height: 800 }, scale: 1, touch: false },
};

let server;
let browser;
const pages = {};

before(async () => {
  server = await startServer({ args: ['--demo'] });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

// A guest signed in on a page of this size, made once and shared by the tests of that size (or of
// that `key`, for a test that needs a guest with no work left from the others).
async function pageFor(size, key = size) {
  if (pages[key]) return pages[key];
  const { viewport, scale, touch } = sizes[size];
  const context = await browser.newContext({ viewport, deviceScaleFactor: scale, hasTouch: touch, isMobile: touch });
  const page = await context.newPage();
  const options = { touch };
  await page.goto(server.url);
  await waitForState(page, (s) => s.ready && s.screen === 'sign_in', { what: 'sign-in screen' });
  await openSignInForm(page, 'guest', options);
  await typeInto(page, 'guest_display_name', `Task screens ${key}`, options);
  await press(page, 'guest_submit', options);
  await waitForState(page, (s) => s.screen === 'terms', { what: 'terms' });
  await press(page, 'accept_terms', options);
  await waitForState(page, (s) => s.screen === 'dashboard' && s.dashboard_loaded, { what: 'dashboard' });
  pages[key] = { page, options };
  return pages[key];
}

const bottom = (r) => r.y + r.h;

test('phone: a collapsed ranking reply is as tall as what it shows', async () => {
  const { page, options } = await pageFor('phone');
  const s = await openTask(page, 'rank_assistant_replies', options);
  const height = page.viewportSize().height;
  let truncated = 0;
  for (const reply of s.task.order) {
    // The reactions row is the last thing inside the card; below it only the card's padding
    // (16 px on a phone) may follow. Read it where the card's bottom edge is on screen too
    // (rects are clipped to the window).
    const like = `reply_${reply}_like`;
    let now = await reveal(page, like);
    for (let i = 0; i < 4 && bottom(now.widgets[`reply_${reply}`]) >= height - 2; ++i) {
      await page.mouse.move(6, height / 2);
      await page.mouse.wheel(0, Math.min(120, now.widgets[like].y - 80));
      await page.waitForTimeout(80);
      now = await state(page);
    }
    if (now.widgets[`reply_${reply}_expand`]) ++truncated;
    const card = now.widgets[`reply_${reply}`];
    const gap = bottom(card) - bottom(now.widgets[like]);
    if (gap > 24) await screenshot(page, 'task-screens-ranking-collapsed-phone-light');
    assert.ok(gap <= 24, `reply ${reply}: ${gap} px of card below its last line (card ${JSON.stringify(card)})`);
  }
  // Without a long reply this test would show nothing.
  assert.ok(truncated > 0, 'no ranking reply was long enough to be collapsed');
  await reveal(page, `reply_${s.task.order[0]}_like`);
  await screenshot(page, 'task-screens-ranking-collapsed-phone-light');
});

test('phone: Up and Down in ranking scroll the selected reply into view', async () => {
  const { page, options } = await pageFor('phone');
  // The task of the test before has long replies, which a phone cannot show all at once.
  let s = await state(page);
  if (s.task?.type !== 'rank_assistant_replies' || s.task.phase !== 'working')
    s = await openTask(page, 'rank_assistant_replies', options);
  // From the top of the page, where the first reply is selected.
  await page.mouse.move(6, page.viewportSize().height / 2);
  await page.mouse.wheel(0, -20000);
  await waitForState(page, (x) => x.values.main_scroll_y === 0, { what: 'the top of the page' });
  const count = s.task.order.length;
  // On a phone the second card already starts far down, below the instructions and the first.
  assert.ok(count >= 2, `a ranking task with replies to choose from (${count})`);
  const height = page.viewportSize().height;
  // The whole card of the selected reply lies between the top bar and the window's bottom.
  const shown = (x, place) => {
    const top = x.values.rank_selected_top, end = x.values.rank_selected_bottom;
    return x.values.rank_drawn_selected === place && top >= 56 && end <= height;
  };
  const check = async (key, place) => {
    await page.keyboard.press(key);
    await waitForState(page, (x) => shown(x, place), { timeout: 3000, what: `reply ${place} selected by ${key} and on screen` })
      .catch(async (error) => {
        await screenshot(page, 'task-screens-ranking-keyboard-phone-light');
        throw error;
      });
  };
  for (let place = 2; place <= count; ++place) await check('ArrowDown', place);
  await screenshot(page, 'task-screens-ranking-keyboard-phone-light');
  for (let place = count - 1; place >= 1; --place) await check('ArrowUp', place);
  // Moving the selected reply down the list keeps it in view as well.
  for (let place = 2; place <= count; ++place) await check('Shift+ArrowDown', place);
  const moved = await state(page);
  assert.equal(moved.task.order[count - 1], s.task.order[0], 'the first reply was moved to the end');
  // Sent, so that the next tests are not offered this ranking back as unsent work.
  await page.keyboard.press('Control+Enter');
  await waitForState(page, (x) => x.task?.completed === moved.task.completed + 1, { what: 'the ranking to be sent' });
});

for (const size of ['phone', 'desktop']) {
  test(`${size}: the report form's reason chips stay inside its card`, async () => {
    const { page, options } = await pageFor(size);
    await openTask(page, 'label_assistant_reply', options);
    await press(page, 'message_0_report', options);
    // The form opens below the conversation; reveal() scrolls down to each chip.
    const reasons = ['spam', 'pii', 'hate_speech', 'sexual_content', 'not_appropriate', 'political_content', 'moral_judgement'];
    const padding = 20; // the card's inner edge
    for (const reason of reasons) {
      const id = `report_reason_${reason}`;
      const x = await reveal(page, id);
      const chip = x.widgets[id], card = x.widgets.report_form;
      assert.ok(card, 'the report card is on screen');
      const inside = chip.x >= card.x + padding - 0.5 && chip.x + chip.w <= card.x + card.w - padding + 0.5 &&
        chip.y >= card.y - 0.5 && bottom(chip) <= bottom(card) + 0.5;
      if (!inside) await screenshot(page, `task-screens-report-${size}-light`);
      assert.ok(inside, `${id} ${JSON.stringify(chip)} lies inside the report card ${JSON.stringify(card)}`);
    }
    await reveal(page, 'report_reason_not_appropriate');
    await screenshot(page, `task-screens-report-${size}-light`);
    await press(page, 'report_cancel', options);
    await waitForState(page, (x) => !x.widgets.report_form, { what: 'the report form to close' });
  });

  test(`${size}: the user-reply task opens at its title`, async () => {
    const { page, options } = await pageFor(size);
    await openTask(page, 'prompter_reply', options);
    // Let the editor appear and take the focus, as it does when the screen opens.
    await page.waitForTimeout(600);
    const s = await state(page);
    await screenshot(page, `task-screens-prompter-reply-${size}-light`);
    assert.equal(s.values.main_scroll_y, 0, 'the screen is not scrolled');
    const title = s.widgets.task_title;
    assert.ok(title && title.y >= 60, `the title is on screen below the top bar: ${JSON.stringify(title)}`);
  });
}

test('desktop: a writing task whose editor shows at once still gives it the keyboard', async () => {
  // The fix above keeps the page still when a field takes the focus by itself; the focus stays.
  const { page, options } = await pageFor('desktop');
  await openTask(page, 'initial_prompt', options);
  const s = await waitForState(page, (x) => x.focused === 'reply_editor', { timeout: 5000, what: 'the editor to have the focus' });
  assert.equal(s.values.main_scroll_y, 0, 'the screen is not scrolled');
  await page.keyboard.type('Typed at once', { delay: 0 });
  await waitForState(page, (x) => x.task.text === 'Typed at once', { timeout: 5000, what: 'the typed text in the draft' });
  await screenshot(page, 'task-screens-initial-prompt-desktop-light');
});

test('desktop: a right click on a message opens its menu, which Escape closes', async () => {
  const { page, options } = await pageFor('desktop', 'desktop-menu');
  await openTask(page, 'assistant_reply', options);
  let s = await waitForState(page, (x) => x.widgets.message_0, { what: 'the prompt\'s card' });
  const card = s.widgets.message_0;
  await page.mouse.click(card.x + card.w - 20, card.y + 14, { button: 'right' });
  s = await waitForState(page, (x) => x.widgets.message_0_menu_copy && x.widgets.message_0_menu_flag,
    { what: 'the message\'s menu' });
  await page.keyboard.press('Escape');
  await waitForState(page, (x) => !x.widgets.message_0_menu_copy, { what: 'the menu closed' });
  assert.equal((await state(page)).task.phase, 'working', 'still at the task');
});
