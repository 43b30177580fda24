// Keyboard-first use in a real browser with real key events only: Tab and Shift+Tab move one
// focus through buttons, switches, links and text fields in reading order, a ring shows it, and
// Enter or Space press the focused control, from sign-in through registration, the terms, a task
// opened from the dashboard and a settings switch. Typing Space and Enter in a text field still
// types and submits, and Ctrl+Enter still reviews and submits. Also: the top bar between 1100
// and 1200 px keeps every widget apart and the name visible. Screenshots:
// tests/browser/screenshots/keyboard-*.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withServerPage, state, waitForState, screenshot } from './lib/orchard.mjs';
import { register } from './lib/actions.mjs';

const withPage = (viewport, fn) => withServerPage({ viewport, name: 'keyboard' }, fn);

// Which HTML field has the focus ('canvas' for the canvas, '' for anything else).
async function focusedElement(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (el?.dataset?.orchardField !== undefined) return el.dataset.orchardField;
    return el?.tagName === 'CANVAS' ? 'canvas' : '';
  });
}

// One Tab (or Shift+Tab); returns the state once the focus has moved.
// On a loaded machine a key can fall between frames and not be taken in: after 5 s with the page
// idle and the focus where it was, the key is pressed again (twice at most).
async function tab(page, { back = false } = {}) {
  const before = (await state(page)).focused;
  for (let attempt = 1; ; ++attempt) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    try {
      return await waitForState(page, (s) => s.focused && s.focused !== before,
        { what: `the focus to leave ${before}`, timeout: attempt < 3 ? 5000 : 20000 });
    } catch (error) {
      const now = await state(page);
      if (attempt === 3 || now.focused !== before || now.frame_pending) throw error;
    }
  }
}

// Tabs until `id` has the focus; returns the state (with the widget scrolled into view) and
// the stops passed on the way.
async function tabTo(page, id, options = {}) {
  const passed = [];
  for (let i = 0; i < 40; ++i) {
    const s = await tab(page, options);
    passed.push(s.focused);
    if (s.focused === id) {
      const shown = await waitForState(page, (x) => x.focused === id && x.widgets[id], { what: `${id} on screen` });
      return { s: shown, passed };
    }
  }
  throw new Error(`Tab never reached ${id}; passed ${passed.join(' → ')}`);
}

// A few frames for the view to catch up with typing (the Tab order comes from the last frame).
const settle = (page) => page.waitForTimeout(120);

function before(list, a, b) {
  assert.ok(list.indexOf(a) >= 0 && list.indexOf(a) < list.indexOf(b), `${a} before ${b} in ${list.join(' → ')}`);
}

test('keyboard only: register, accept the terms, do a task and flip a settings switch', async () => {
  await withPage({ width: 1280, height: 800 }, async ({ page }) => {
    await waitForState(page, (s) => s.ready && s.screen === 'sign_in', { what: 'sign-in screen' });
    await page.locator('canvas').focus();

    // Sign-in: the top bar first, then the choices top to bottom.
    let { s, passed } = await tabTo(page, 'choose_login');
    before(passed, 'theme_toggle', 'choose_register');
    before(passed, 'choose_register', 'choose_guest');
    before(passed, 'choose_guest', 'choose_login');
    await screenshot(page, 'keyboard-focus-ring-desktop-light');
    ({ s } = await tabTo(page, 'choose_register', { back: true }));
    assert.equal(s.focused, 'choose_register');
    await page.keyboard.press('Enter');
    s = await waitForState(page, (x) => x.focused === 'register_username', { what: 'the username field focused' });
    assert.equal(await focusedElement(page), 'register_username');

    // Registration: fields and then the button, in one order; Space types in a field.
    await page.keyboard.type('keys', { delay: 0 });
    await page.keyboard.press('Tab');
    assert.equal(await focusedElement(page), 'register_display_name');
    await page.keyboard.type('Key Board', { delay: 0 }); // a space typed, not a press
    await page.keyboard.press('Tab');
    assert.equal(await focusedElement(page), 'register_password');
    await page.keyboard.type('a long enough password', { delay: 0 });
    await settle(page);
    s = await state(page);
    assert.equal(s.screen, 'sign_in', 'Space in a field did not press anything');
    await page.keyboard.press('Tab');
    s = await waitForState(page, (x) => x.focused === 'register_submit', { what: 'the submit button focused' });
    assert.equal(await focusedElement(page), 'canvas');
    // Back into the password field and forward again.
    await page.keyboard.press('Shift+Tab');
    s = await waitForState(page, (x) => x.focused === 'register_password', { what: 'back in the password field' });
    assert.equal(await focusedElement(page), 'register_password');
    await page.keyboard.press('Tab');
    await waitForState(page, (x) => x.focused === 'register_submit', { what: 'the submit button again' });
    await page.keyboard.press('Space');
    s = await waitForState(page, (x) => x.screen === 'terms', { what: 'terms' });

    // Terms: Tab to "accept", Enter.
    ({ s } = await tabTo(page, 'accept_terms'));
    await page.keyboard.press('Enter');
    s = await waitForState(page, (x) => x.screen === 'dashboard' && x.dashboard_loaded, { what: 'dashboard' });

    // Dashboard: the tabs come before the task cards; a task opens with Enter.
    ({ s, passed } = await tabTo(page, 'start_initial_prompt'));
    before(passed, 'nav_leaderboard', 'nav_settings');
    before(passed, 'nav_settings', 'start_initial_prompt');
    await screenshot(page, 'keyboard-dashboard-desktop-light');
    await page.keyboard.press('Enter');
    s = await waitForState(page, (x) => x.task?.phase === 'working' && x.task.type === 'initial_prompt', { what: 'a writing task' });

    // The editor: Enter is a new line there; Ctrl+Enter reviews, and again submits.
    // The view draws the task a few frames after the state says it is there: read the focus
    // from a frame that shows it (a busy machine lags several frames behind).
    const opened = (await state(page)).frames_rendered;
    // (Or an idle page, which draws no more frames: then the last one shows it.)
    s = await waitForState(page, (x) => (x.frames_rendered >= opened + 3 || !x.frame_pending) && x.widgets.reply_editor, { what: 'the task drawn' });
    if (s.focused !== 'reply_editor') await tabTo(page, 'reply_editor');
    await waitForState(page, (x) => x.focused === 'reply_editor', { what: 'the editor focused' });
    await page.keyboard.type('Which herbs grow well indoors?', { delay: 0 });
    await page.keyboard.press('Enter');
    await page.keyboard.type('I have a north window.', { delay: 0 });
    s = await waitForState(page, (x) => x.task.text.includes('\nI have'), { what: 'a new line typed' });
    await page.keyboard.press('Control+Enter');
    // Until the frame without the editor is drawn, its HTML field still has the focus and would
    // take the next key.
    s = await waitForState(page, (x) => x.task.reviewing && !x.widgets.reply_editor, { what: 'review' });
    const done = s.task.completed;
    await page.keyboard.press('Control+Enter');
    await waitForState(page, (x) => x.task && x.task.completed === done + 1, { what: 'the submission' });

    // Settings through its tab, and the switch flipped with Space, then back with Enter.
    ({ s } = await tabTo(page, 'nav_settings'));
    await page.keyboard.press('Enter');
    await waitForState(page, (x) => x.screen === 'settings' && x.settings, { what: 'settings' });
    ({ s } = await tabTo(page, 'settings_show_on_leaderboard'));
    assert.ok(s.settings.show_on_leaderboard);
    await screenshot(page, 'keyboard-settings-switch-desktop-light');
    await page.keyboard.press('Space');
    s = await waitForState(page, (x) => x.settings && !x.settings.show_on_leaderboard && x.settings.busy === 'none',
      { what: 'the switch off' });
    // The focus stays on the switch (disabled, and so without focus, only while saving).
    await waitForState(page, (x) => x.focused === 'settings_show_on_leaderboard', { what: 'the focus back on the switch' });
    // Shift+Tab skips the disabled "Save name" and lands in the name field; Tab comes back.
    await page.keyboard.press('Shift+Tab');
    await waitForState(page, (x) => x.focused === 'settings_display_name', { what: 'the name field' });
    assert.equal(await focusedElement(page), 'settings_display_name');
    await page.keyboard.press('Tab');
    await waitForState(page, (x) => x.focused === 'settings_show_on_leaderboard', { what: 'the switch again' });
    await page.keyboard.press('Enter');
    s = await waitForState(page, (x) => x.settings?.show_on_leaderboard && x.settings.busy === 'none', { what: 'the switch on' });
  });
});

// Every pair of top-bar widgets apart (the name is part of the score summary).
function checkTopBar(s, width) {
  const bar = Object.entries(s.widgets).filter(([id, r]) => r.y < 60 && id !== 'account_name');
  for (const [id, r] of bar) assert.ok(r.x >= 0 && r.x + r.w <= width + 0.5, `${id} spills out at ${width}`);
  for (let i = 0; i < bar.length; ++i)
    for (let j = i + 1; j < bar.length; ++j) {
      const [a, p] = bar[i], [b, q] = bar[j];
      const apart = p.x + p.w <= q.x + 0.5 || q.x + q.w <= p.x + 0.5 || p.y + p.h <= q.y + 0.5 || q.y + q.h <= p.y + 0.5;
      assert.ok(apart, `${a} and ${b} overlap at ${width} px`);
    }
  assert.ok(s.widgets.account_name, `the name is shown at ${width} px`);
  assert.ok(s.widgets.nav_settings || s.widgets.nav_menu, `the screens are reachable at ${width} px`);
}

test('top bar: nothing overlaps and the name stays visible at 1100 to 1280 px', async () => {
  await withPage({ width: 1280, height: 800 }, async ({ page }) => {
    await register(page, 'barwidth');
    for (const width of [1280, 1200, 1150, 1100]) {
      await page.setViewportSize({ width, height: 800 });
      const s = await waitForState(page, (x) => x.widgets.account_name && (x.widgets.nav_settings || x.widgets.nav_menu) &&
        Math.abs(x.widgets.theme_toggle.x + x.widgets.theme_toggle.w + 32 - width) < 1,
        { what: `the bar laid out at ${width} px` });
      checkTopBar(s, width);
      if (width === 1150) await screenshot(page, 'keyboard-top-bar-1150-desktop-light');
    }
  });
});
