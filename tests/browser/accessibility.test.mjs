// What assistive technology finds on the canvas: the accessibility layer (src/platform/
// accessibility.h) has an element per control of the screen, in Tab order, named as the control
// reads, with its role (button, link, tab, switch) and state (selected, checked); Playwright's
// getByRole finds them as a screen reader would, and activating one (a click
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
    for (const name of ['Sign out', 'Give me a task'])
      assert.equal(await page.getByRole('button', { name }).count(), 1, name);
    // Tabs say which one is current, links are links.
    assert.equal(await page.getByRole('tab', { name: 'Tasks', selected: true }).count(), 1);
    assert.equal(await page.getByRole('tab', { name: 'Leaderboard', selected: false }).count(), 1);
    // (The progress card, with the links, comes with the person's points, a moment later.)
    await page.getByRole('link', { name: 'See the leaderboard' }).waitFor({ state: 'attached' });
    assert.equal(await page.getByRole('link', { name: 'See the leaderboard' }).count(), 1);
    // In the canvas's Tab order, out of the page's (the canvas keeps Tab) and of the pointer's way.
    const names = await page.locator('#orchard-controls button').evaluateAll((buttons) =>
      buttons.map((b) => ({ name: b.textContent, tab: b.tabIndex, pointer: getComputedStyle(b.parentElement).pointerEvents })));
    assert.ok(names.length > 8, JSON.stringify(names));
    for (const b of names) {
      assert.equal(b.tab, -1, JSON.stringify(b));
      assert.equal(b.pointer, 'none', JSON.stringify(b));
    }
    assert.ok(names.findIndex((b) => b.name === 'Leaderboard') < names.findIndex((b) => b.name === 'Give me a task'),
      `the top bar before the page: ${JSON.stringify(names.map((b) => b.name))}`);

    // The page's title and its sections are headings, in reading order before their controls.
    await page.getByRole('heading', { level: 1, name: 'What would you like to do?' }).waitFor({ state: 'attached' });
    assert.ok(await page.getByRole('heading', { level: 2 }).count() >= 2, 'section headings');
    const order = await page.locator('#orchard-controls > *').evaluateAll((items) => items.map((e) => e.textContent));
    assert.ok(order.indexOf('What would you like to do?') < order.indexOf('Give me a task'), JSON.stringify(order));

    await start.dispatchEvent('click');
    const s = await waitForState(page, (x) => x.task?.phase === 'working', { what: 'the task the button opened' });
    assert.equal(s.screen, 'task');
    await page.getByRole('tab', { name: 'Leaderboard' }).dispatchEvent('click');
    await waitForState(page, (x) => x.screen === 'leaderboard', { what: 'the leaderboard' });
    await page.getByRole('tab', { name: 'Leaderboard', selected: true }).waitFor({ state: 'attached' });

    // A switch says whether it is on, and turning it by its element turns the setting.
    await page.getByRole('tab', { name: 'Settings' }).dispatchEvent('click');
    await waitForState(page, (x) => x.screen === 'settings', { what: 'the settings' });
    // A button that cannot be pressed yet says so: the name is unchanged, so Save name is off.
    const save = page.getByRole('button', { name: 'Save name' });
    await save.waitFor({ state: 'attached' });
    assert.equal(await save.getAttribute('aria-disabled'), 'true');
    const theSwitch = page.getByRole('switch').first();
    await theSwitch.waitFor({ state: 'attached' });
    const before = await theSwitch.getAttribute('aria-checked');
    const name = await theSwitch.textContent();
    await theSwitch.dispatchEvent('click');
    await page.getByRole('switch', { name, checked: before !== 'true' }).waitFor({ state: 'attached' });
  });
});
