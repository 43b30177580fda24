// Every screen in the languages that stress a layout most: the stretched pseudo-locale (English
// 40% longer, accented), Arabic (right to left, set by the browser) and Chinese (set by the
// browser from the system's CJK font), at desktop size in the light theme and at phone size in the
// dark one (the themes change colours, not layout, so each size is toured once). On each screen,
// scrolled from top to bottom: nothing is wider than the window, no button is narrower than its
// label needs, and no two buttons overlap.
// Screenshots: tests/browser/screenshots/locale-<tag>-<size>-<screen>.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withServerPage, state, waitForState, screenshot } from './lib/orchard.mjs';
import { enterAsGuest, navigate, openTask, toTop, openSignInForm } from './lib/actions.mjs';

const sizes = {
  desktop: { viewport: { width: 1280, height: 800 }, scale: 1, theme: 'light' },
  phone: { viewport: { width: 390, height: 844 }, scale: 2, theme: 'dark' },
};

function checkFrame(s, width, where) {
  const buttons = [];
  for (const [id, r] of Object.entries(s.widgets)) {
    assert.ok(r.x >= -0.5 && r.x + r.w <= width + 0.5, `${where}: ${id} spills out (${r.x}+${r.w} of ${width})`);
    if (r.tw !== undefined) {
      assert.ok(r.tw <= r.w + 1, `${where}: ${id} cuts its label "${r.text}" (needs ${r.tw}, has ${r.w})`);
      buttons.push([id, r]);
    }
  }
  for (let i = 0; i < buttons.length; ++i) {
    for (let j = i + 1; j < buttons.length; ++j) {
      const [a, ra] = buttons[i];
      const [b, rb] = buttons[j];
      const overlapW = Math.min(ra.x + ra.w, rb.x + rb.w) - Math.max(ra.x, rb.x);
      const overlapH = Math.min(ra.y + ra.h, rb.y + rb.h) - Math.max(ra.y, rb.y);
      assert.ok(overlapW <= 1 || overlapH <= 1, `${where}: ${a} and ${b} overlap`);
    }
  }
}

// Checks the screen at every scroll position from the top down, and photographs its top.
async function checkScreen(page, tag, size, screen) {
  await toTop(page);
  await page.waitForTimeout(300);
  await screenshot(page, `locale-${tag}-${size}-${screen}`);
  const { width, height } = page.viewportSize();
  for (let step = 0; step < 40; ++step) {
    const s = await state(page);
    checkFrame(s, width, `${tag} ${size} ${screen} at ${s.values?.main_scroll_y ?? 0}`);
    const y = s.values?.main_scroll_y ?? 0;
    const max = s.values?.main_scroll_max_y ?? 0;
    if (y >= max) break;
    await page.mouse.move(6, height / 2);
    await page.mouse.wheel(0, height * 0.6);
    await waitForState(page, (x) => (x.values?.main_scroll_y ?? 0) !== y && !x.frame_pending, { what: 'the page scrolled' });
  }
  await toTop(page); // the actions look for widgets downwards from the top
}

async function tour(tag) {
  for (const [size, { viewport, scale, theme }] of Object.entries(sizes)) {
    await withServerPage({ viewport, scale, colorScheme: theme, path: `/?lang=${tag}`, name: `locale-${tag}` }, async ({ page }) => {
      await waitForState(page, (s) => s.ready && s.screen === 'sign_in', { what: 'the sign-in screen', timeout: 60000 });
      assert.equal((await state(page)).interface_language, tag);
      assert.equal((await state(page)).theme, theme);
      await checkScreen(page, tag, size, 'sign_in');
      await openSignInForm(page, 'register');
      await checkScreen(page, tag, size, 'register');
      await page.reload();
      await enterAsGuest(page, `Tour ${tag}`);
      await checkScreen(page, tag, size, 'dashboard');
      const tasks = { writing: 'initial_prompt', labeling: 'label_prompter_reply', ranking: 'rank_assistant_replies' };
      for (const [screen, type] of Object.entries(tasks)) {
        await openTask(page, type);
        await checkScreen(page, tag, size, screen);
      }
      for (const screen of ['leaderboard', 'profile', 'contributions', 'prizes', 'settings', 'explore']) {
        await navigate(page, screen);
        await page.waitForTimeout(300);
        await checkScreen(page, tag, size, screen);
      }
    });
  }
}

test('every screen in the stretched pseudo-locale fits', async () => { await tour('en-XA'); });
test('every screen in Arabic fits', async () => { await tour('ar'); });
test('every screen in Chinese fits', async () => { await tour('zh'); });
