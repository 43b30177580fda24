// Screenshots of every screen at desktop (1280x800) and phone (390x844, DPR 3) size in the light
// and dark themes, so that a change to the look can be seen everywhere at once. The other tests
// already save many of them while they work (workflow-*, rewards-*, settings-*, foundation-*);
// this one saves the rest, as tests/browser/screenshots/screens-<screen>-<size>-<theme>.png,
// and checks that nothing on them is wider than the window.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withServerPage, state, waitForState, screenshot } from './lib/orchard.mjs';
import { press, typeInto, openTask, navigate, openSignInForm } from './lib/actions.mjs';

// The shots the other tests do not take, by size: screen → themes.
const missing = {
  desktop: {
    terms: ['light', 'dark'],
    writing: ['dark'],
    labeling: ['dark'],
    ranking: ['dark'],
    leaderboard: ['dark'],
    contributions: ['dark'],
    prizes: ['dark'],
  },
  phone: {
    terms: ['dark'],
    dashboard: ['dark'],
    writing: ['dark'],
    labeling: ['dark'],
    ranking: ['dark'],
    leaderboard: ['dark'],
    profile: ['dark'],
    contributions: ['light', 'dark'],
    prizes: ['light', 'dark'],
    settings: ['dark'],
  },
};

async function setTheme(page, theme, options) {
  if ((await state(page)).theme === theme) return;
  await press(page, 'theme_toggle', options);
  await waitForState(page, (s) => s.theme === theme, { what: `the ${theme} theme` });
}

// Saves the screen as it is now in each theme it is missing in.
async function shoot(page, size, screen, options) {
  for (const theme of missing[size][screen] ?? []) {
    await setTheme(page, theme, options);
    await page.waitForTimeout(250); // the theme's frame, and a settled layout
    const s = await state(page);
    const width = page.viewportSize().width;
    for (const [id, r] of Object.entries(s.widgets))
      assert.ok(r.x >= -0.5 && r.x + r.w <= width + 0.5, `${screen} (${size}, ${theme}): ${id} spills out`);
    await screenshot(page, `screens-${screen}-${size}-${theme}`);
  }
}

async function tour(size, viewport, scale, options) {
  await withServerPage({ viewport, scale, touch: !!options.touch, name: 'screens' }, async ({ page }) => {
    await waitForState(page, (s) => s.ready && s.screen === 'sign_in', { what: 'sign-in screen' });
    await openSignInForm(page, 'register', options);
    await typeInto(page, 'register_username', `screens-${size}`, options);
    await typeInto(page, 'register_display_name', `Screens ${size}`, options);
    await typeInto(page, 'register_password', 'a long enough password', options);
    await press(page, 'register_submit', options);
    await waitForState(page, (s) => s.screen === 'terms', { what: 'terms' });
    await shoot(page, size, 'terms', options);
    await press(page, 'accept_terms', options);
    await waitForState(page, (s) => s.screen === 'dashboard' && s.dashboard_loaded, { what: 'dashboard' });
    await shoot(page, size, 'dashboard', options);
    const tasks = { writing: 'initial_prompt', labeling: 'label_prompter_reply', ranking: 'rank_assistant_replies' };
    for (const [screen, type] of Object.entries(tasks)) {
      await openTask(page, type, options);
      await shoot(page, size, screen, options);
    }
    for (const screen of ['leaderboard', 'profile', 'contributions', 'prizes', 'settings']) {
      await navigate(page, screen, options);
      await shoot(page, size, screen, options);
    }
  });
}

test('desktop: the screens the other tests do not photograph', async () => {
  await tour('desktop', { width: 1280, height: 800 }, 1, {});
});

test('phone: the screens the other tests do not photograph', async () => {
  await tour('phone', { width: 390, height: 844 }, 3, { touch: true });
});
