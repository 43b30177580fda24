// What assistive technology finds on the canvas: the accessibility layer (src/platform/
// accessibility.h) has a button per control of the screen, in Tab order, named as the control
// reads; Playwright's getByRole finds them as a screen reader would, and activating one (a click
// event on the element, as a screen reader sends, not a pointer on the canvas) presses the
// control. The layer takes neither the pointer nor Tab from the canvas.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withServerPage, waitForState } from './lib/orchard.mjs';
import { register } from './lib/actions.mjs';

test('screen readers find the controls by role and name, and activating one presses it', async () => {
  await withServerPage({ viewport: { width: 1280, height: 800 }, name: 'accessibility' }, async ({ page }) => {
    await register(page, 'listener');
    const start = page.getByRole('button', { name: 'Give me a task' });
    await start.waitFor({ state: 'attached' });
    for (const name of [/^Leaderboard/, /^Explore/, 'Sign out', 'See the leaderboard'])
      assert.equal(await page.getByRole('button', { name }).count(), 1, String(name));
    // In the canvas's Tab order, out of the page's (the canvas keeps Tab) and of the pointer's way.
    const names = await page.locator('#orchard-controls button').evaluateAll((buttons) =>
      buttons.map((b) => ({ name: b.textContent, tab: b.tabIndex, pointer: getComputedStyle(b.parentElement).pointerEvents })));
    assert.ok(names.length > 8, JSON.stringify(names));
    for (const b of names) {
      assert.equal(b.tab, -1, JSON.stringify(b));
      assert.equal(b.pointer, 'none', JSON.stringify(b));
    }
    assert.ok(names.findIndex((b) => b.name.startsWith('Leaderboard')) < names.findIndex((b) => b.name === 'Give me a task'),
      `the top bar before the page: ${JSON.stringify(names.map((b) => b.name))}`);

    await start.dispatchEvent('click');
    const s = await waitForState(page, (x) => x.task?.phase === 'working', { what: 'the task the button opened' });
    assert.equal(s.screen, 'task');
    await page.getByRole('button', { name: /^Leaderboard/ }).dispatchEvent('click');
    await waitForState(page, (x) => x.screen === 'leaderboard', { what: 'the leaderboard' });
  });
});
