// The account settings screen in a real browser with real input: on a desktop with mouse and
// keyboard (open it from the top bar's tab, rename, leave the leaderboards, change the password,
// delete the account) and on a phone by touch (open it from the menu, rename, sign out on every
// device). Screenshots land in tests/browser/screenshots/settings-*.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withServerPage, state, waitForState, screenshot } from './lib/orchard.mjs';
import { press, reveal, register, navigate, openSignInForm, toTop, enterAsGuest } from './lib/actions.mjs';

const withPage = (viewport, scale, fn, { touch = false } = {}) =>
  withServerPage({ viewport, scale, touch, name: 'settings' }, fn);

// Replaces what a field holds: select all, then type.
async function replaceText(page, id, text, options = {}) {
  await press(page, id, options);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text, { delay: 0 });
}

async function typeText(page, id, text, options = {}) {
  await press(page, id, options);
  await page.keyboard.type(text, { delay: 0 });
}

// Every interactive settings widget on screen is at least a finger's size tall (those cut by the
// window's bottom edge or the top bar show only a part: their full height is not known).
function checkTouchTargets(s, height = Infinity) {
  for (const [id, r] of Object.entries(s.widgets)) {
    if (!id.startsWith('settings_') || id.endsWith('_notice') || id.endsWith('_problem')) continue;
    if (r.y + r.h >= height - 1 || r.y <= 61) continue;
    assert.ok(r.h >= 44, `${id} is ${r.h} px tall`);
  }
}

// Nothing of the screen's content is wider than the window.
function checkInsideWindow(s, width) {
  for (const [id, r] of Object.entries(s.widgets)) {
    if (!id.startsWith('settings_')) continue;
    assert.ok(r.x >= 0 && r.x + r.w <= width + 0.5, `${id} spills out: x ${r.x}, w ${r.w}`);
  }
}

test('desktop: rename, leave the leaderboards, change the password and delete the account', async () => {
  await withPage({ width: 1280, height: 800 }, 1, async ({ page }) => {
    await register(page, 'settler');
    await navigate(page, 'settings');
    // (The tab pressed mid-frame is drawn as current from the next frame on: wait for both.)
    let s = await waitForState(page, (x) => x.settings && x.widgets.settings_display_name &&
      x.widgets.nav_settings?.text.includes('current'), { what: 'settings, its tab current' });
    assert.equal(s.settings.display_name, 'Tester settler');
    checkInsideWindow(s, 1280);
    await page.waitForTimeout(200);
    await screenshot(page, 'settings-desktop-light');

    // The name, saved with the button; the top bar follows.
    await replaceText(page, 'settings_display_name', 'Ada Lovelace');
    await press(page, 'settings_save_name');
    s = await waitForState(page, (x) => x.settings?.notice.includes('Ada Lovelace'), { what: 'the name saved' });
    assert.equal(s.settings.display_name, 'Ada Lovelace');
    assert.equal(s.settings.problem, '');
    s = await waitForState(page, (x) => x.widgets.account_name?.text === 'Ada Lovelace', { what: 'the name in the top bar' });

    // Off the leaderboards with a click on the switch, and back on with the keyboard-free way.
    await press(page, 'settings_show_on_leaderboard');
    // The widgets are the last frame's: wait for the one that draws the new state.
    s = await waitForState(page, (x) => x.settings && !x.settings.show_on_leaderboard && x.settings.busy === 'none' &&
      x.widgets.settings_show_on_leaderboard?.text.endsWith('(off)'), { what: 'the opt-out, drawn' }).catch(() => state(page));
    assert.ok(s.widgets.settings_show_on_leaderboard.text.endsWith('(off)'));
    assert.match(s.settings.notice, /no longer shown/);

    // A wrong current password is a sentence; the right one, typed and sent with Enter, works.
    await typeText(page, 'settings_current_password', 'not my password');
    await typeText(page, 'settings_new_password', 'a brand new password');
    await typeText(page, 'settings_repeat_password', 'a brand new password');
    await page.keyboard.press('Enter');
    s = await waitForState(page, (x) => x.settings?.problem.includes('current password is not right'),
      { what: 'the wrong password refused' });
    await reveal(page, 'settings_problem');
    await screenshot(page, 'settings-password-problem-desktop-light');
    await replaceText(page, 'settings_current_password', 'a long enough password');
    await press(page, 'settings_change_password');
    s = await waitForState(page, (x) => x.settings?.outcome === 'password' && x.settings.notice.includes('password is changed'),
      { what: 'the password changed' });

    // Dark theme, from the top of the page.
    await press(page, 'theme_toggle');
    await waitForState(page, (x) => x.theme === 'dark', { what: 'dark theme' });
    await toTop(page);
    await page.waitForTimeout(200);
    await screenshot(page, 'settings-desktop-dark');

    // Deleting asks for the word first.
    await press(page, 'settings_delete_start');
    s = await waitForState(page, (x) => x.widgets.settings_delete_word, { what: 'the confirmation' });
    await typeText(page, 'settings_delete_word', 'delete');
    await press(page, 'settings_delete_confirm'); // disabled until the word is exact
    await page.waitForTimeout(300);
    assert.equal((await state(page)).screen, 'settings');
    await replaceText(page, 'settings_delete_word', 'DELETE');
    await reveal(page, 'settings_delete_cancel');
    await page.waitForTimeout(150);
    await screenshot(page, 'settings-delete-desktop-dark');
    await press(page, 'settings_delete_confirm');
    s = await waitForState(page, (x) => x.screen === 'sign_in', { what: 'the sign-in screen' });
    assert.match(s.sign_in_notice, /account is deleted/);
    assert.equal(s.signed_in_as, null);
    await page.waitForTimeout(200);
    await screenshot(page, 'settings-deleted-desktop-dark');
  });
});

test('phone: open settings from the menu, rename by touch, sign out on every device', async () => {
  await withPage({ width: 390, height: 844 }, 3, async ({ page }) => {
    const touch = { touch: true };
    await register(page, 'pocket', touch);
    await navigate(page, 'settings', touch);
    let s = await waitForState(page, (x) => x.settings && x.widgets.settings_display_name, { what: 'settings' });
    checkTouchTargets(s, page.viewportSize().height);
    checkInsideWindow(s, 390);
    await page.waitForTimeout(200);
    await screenshot(page, 'settings-phone-light');

    await replaceText(page, 'settings_display_name', 'Grace H.', touch);
    await press(page, 'settings_save_name', touch);
    s = await waitForState(page, (x) => x.settings?.notice.includes('Grace H.'), { what: 'the name saved' });
    // The phone's top bar keeps the name in its menu.
    await press(page, 'nav_menu', touch);
    s = await waitForState(page, (x) => x.widgets.menu_name?.text === 'Grace H.', { what: 'the menu with the name' })
      .catch(() => state(page));
    assert.equal(s.widgets.menu_name.text, 'Grace H.');
    await page.waitForTimeout(150);
    await screenshot(page, 'settings-menu-phone-light');
    await press(page, 'nav_settings', touch);
    await waitForState(page, (x) => !x.widgets.menu_name, { what: 'the menu closed' });

    // The password and delete sections fit the phone too.
    for (const id of ['settings_change_password', 'settings_sign_out_everywhere', 'settings_delete_start']) {
      s = await reveal(page, id);
      checkTouchTargets(s, page.viewportSize().height);
      checkInsideWindow(s, 390);
    }
    await press(page, 'settings_delete_start', touch);
    s = await reveal(page, 'settings_delete_cancel');
    checkTouchTargets(s, page.viewportSize().height);
    checkInsideWindow(s, 390);
    await press(page, 'theme_toggle', touch);
    await waitForState(page, (x) => x.theme === 'dark', { what: 'dark theme' });
    await page.waitForTimeout(200);
    await screenshot(page, 'settings-delete-phone-dark');
    await press(page, 'settings_delete_cancel', touch);
    await waitForState(page, (x) => !x.widgets.settings_delete_word, { what: 'the confirmation closed' });

    await toTop(page); // the sessions card is above the delete card: reveal looks downwards
    await press(page, 'settings_sign_out_everywhere', touch);
    s = await waitForState(page, (x) => x.screen === 'sign_in', { what: 'the sign-in screen' });
    assert.match(s.sign_in_notice, /every device/);
    await page.waitForTimeout(200);
    await screenshot(page, 'settings-signed-out-phone-dark');
  }, { touch: true });
});

test('guest: settings offer keeping the account instead of a password', async () => {
  await withPage({ width: 1280, height: 800 }, 1, async ({ page }) => {
    await waitForState(page, (s) => s.ready && s.screen === 'sign_in', { what: 'sign-in screen' });
    await openSignInForm(page, 'guest');
    await typeText(page, 'guest_display_name', 'Visitor');
    await press(page, 'guest_submit');
    await waitForState(page, (s) => s.screen === 'terms', { what: 'terms' });
    await press(page, 'accept_terms');
    await waitForState(page, (s) => s.screen === 'dashboard', { what: 'dashboard' });
    await navigate(page, 'settings');
    let s = await waitForState(page, (x) => x.settings?.guest, { what: 'settings' });
    s = await reveal(page, 'settings_claim_submit');
    assert.ok(s.widgets.settings_claim_username);
    assert.equal(s.widgets.settings_current_password, undefined);
    await page.waitForTimeout(150);
    await screenshot(page, 'settings-guest-desktop-light');
    await typeText(page, 'settings_claim_username', 'visitor-kept');
    await typeText(page, 'settings_claim_password', 'a long enough password');
    await press(page, 'settings_claim_submit');
    s = await waitForState(page, (x) => x.settings && !x.settings.guest, { what: 'the account kept' });
    s = await reveal(page, 'settings_current_password');
    assert.equal(s.widgets.settings_claim_username, undefined);
  });
});

test('the size: everything larger with a click, laid out to fit, and kept after a reload', async () => {
  await withPage({ width: 1280, height: 800 }, 1, async ({ page }) => {
    await enterAsGuest(page, 'Reader');
    await navigate(page, 'settings');
    let s = await reveal(page, 'settings_size_175');
    assert.equal(s.ui_zoom, 1);
    assert.match(s.widgets.settings_size_100.text, /current|100/);
    await press(page, 'settings_size_175');
    s = await waitForState(page, (x) => x.ui_zoom === 1.75 && !x.frame_pending, { what: 'the interface at 175%' });
    // 1280 px at 175% lays out as 731 px: the narrow layout, nothing outside the window.
    checkInsideWindow(s, 1280);
    assert.ok(s.widgets.nav_menu, 'the top bar folds its tabs into the menu');
    s = await reveal(page, 'settings_size_175');
    await page.waitForTimeout(150);
    await screenshot(page, 'settings-size-175');
    await page.reload();
    s = await waitForState(page, (x) => x.ready && x.screen === 'settings' && x.ui_zoom === 1.75, { what: 'the size kept' });
    s = await reveal(page, 'settings_size_100');
    await press(page, 'settings_size_100');
    await waitForState(page, (x) => x.ui_zoom === 1, { what: 'back to 100%' });
  });
});

// A shared computer or kiosk: what a guest typed into "Keep your account" on the dashboard must
// not wait for the next person, neither in the app nor in the page's hidden input.
test('signing out empties the half-typed password of keeping a guest account', async () => {
  await withPage({ width: 1280, height: 800 }, 1, async ({ page }) => {
    const fieldValue = (id) =>
      page.evaluate((field) => document.querySelector(`[data-orchard-field="${field}"]`)?.value ?? null, id);
    const startAsGuest = async (name) => {
      await waitForState(page, (s) => s.ready && s.screen === 'sign_in', { what: 'sign-in screen' });
      await openSignInForm(page, 'guest');
      await replaceText(page, 'guest_display_name', name);
      await press(page, 'guest_submit');
      await waitForState(page, (s) => s.screen === 'terms', { what: 'terms' });
      await press(page, 'accept_terms');
      await waitForState(page, (s) => s.screen === 'dashboard', { what: 'dashboard' });
    };
    await startAsGuest('First visitor');
    await reveal(page, 'claim_password');
    await typeText(page, 'claim_password', 'half a secret');
    assert.equal(await fieldValue('claim_password'), 'half a secret');
    await press(page, 'sign_out');
    await waitForState(page, (s) => s.screen === 'sign_in', { what: 'signed out' });
    await page.waitForTimeout(300);
    assert.equal(await fieldValue('claim_password'), '');

    await startAsGuest('Next visitor');
    await reveal(page, 'claim_password');
    await page.waitForTimeout(200);
    assert.equal(await fieldValue('claim_password'), '');
  });
});
