// Moving around the way people do: a top-bar tab in the middle of writing, a stray key after a
// click on the page, the browser's Back and Forward, a reload and a bookmarked address. Typed
// work is never thrown away without being asked, and every screen has an address.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withServerPage, state, waitForState, screenshot } from './lib/orchard.mjs';
import { press, typeInto, openTask, navigate, openSignInForm } from './lib/actions.mjs';

const route = (page) => new URL(page.url()).hash;

test('typed work survives tabs, stray keys, Back and reloads; screens have addresses', async () => {
  await withServerPage({ viewport: { width: 1280, height: 800 }, name: 'navigation' }, async ({ page, server }) => {
    await waitForState(page, (s) => s.ready && s.screen === 'sign_in', { what: 'sign-in screen' });
    await openSignInForm(page, 'guest');
    await typeInto(page, 'guest_display_name', 'Wanderer');
    await press(page, 'guest_submit');
    await waitForState(page, (s) => s.screen === 'terms', { what: 'terms' });
    await press(page, 'accept_terms');
    // The address follows the screen on the next frame.
    await waitForState(page, (s) => s.screen === 'dashboard' && s.dashboard_loaded && route(page) === '#/',
      { what: 'the dashboard at its address' }).catch(() => {});
    assert.equal(route(page), '#/');

    const task = await openTask(page, 'initial_prompt');
    await waitForState(page, () => route(page) === '#/task/initial_prompt', { what: 'the task address' }).catch(() => {});
    assert.equal(route(page), '#/task/initial_prompt');
    const words = 'Some words worth keeping';
    await typeInto(page, 'reply_editor', words);
    await waitForState(page, (s) => s.task.text === words, { what: 'the text in the draft' });

    // A click on the page background, then typing goes nowhere near a shortcut's damage: "S"
    // asks, and Enter (the default) keeps the text.
    await page.mouse.click(8, 500);
    await waitForState(page, (s) => s.focused !== 'reply_editor', { what: 'the text field to lose focus' });
    await page.keyboard.type('So');
    await waitForState(page, (s) => s.widgets.confirmation, { what: 'the skip question' });
    await screenshot(page, 'navigation-skip-question-desktop-light');
    await page.keyboard.press('Enter');
    let s = await waitForState(page, (x) => !x.widgets.confirmation, { what: 'the question to close' });
    assert.equal(s.task.id, task.task.id, 'the same task');
    assert.equal(s.task.text, words, 'the text is kept');

    // A top-bar tab in the middle of writing, then Back: the text is there again.
    await navigate(page, 'leaderboard');
    await waitForState(page, () => route(page) === '#/leaderboard/week', { what: 'the leaderboard address' });
    await page.goBack();
    s = await waitForState(page, (x) => x.screen === 'task' && x.task?.phase === 'working', { what: 'the task after Back' });
    assert.equal(s.task.id, task.task.id);
    assert.equal(s.task.text, words);
    // Back again: the dashboard, which offers the unsent work.
    await page.goBack();
    s = await waitForState(page, (x) => x.screen === 'dashboard' && x.widgets.unsent_work, { what: 'the dashboard offering the work' });
    assert.equal(s.widgets.unsent_work.text, words);
    await screenshot(page, 'navigation-unsent-work-desktop-light');
    await page.goForward();
    s = await waitForState(page, (x) => x.screen === 'task' && x.task?.phase === 'working', { what: 'the task after Forward' });
    assert.equal(s.task.text, words);

    // The logo goes home; Continue brings the work back.
    await press(page, 'home');
    await waitForState(page, (x) => x.screen === 'dashboard' && x.widgets.unsent_work, { what: 'the dashboard' });
    await press(page, 'unsent_continue');
    s = await waitForState(page, (x) => x.screen === 'task' && x.task?.phase === 'working', { what: 'Continue' });
    assert.equal(s.task.text, words);

    // A reload on another screen stays there, with the leaderboard frame from the address.
    await navigate(page, 'leaderboard');
    await press(page, 'frame_month');
    await waitForState(page, () => route(page) === '#/leaderboard/month', { what: 'the month address' });
    await page.reload();
    s = await waitForState(page, (x) => x.ready && x.screen === 'leaderboard', { what: 'the leaderboard after a reload' });
    assert.equal(s.leaderboard.frame, 'month');
    // A bookmarked address opens its screen.
    await page.goto(server.url + '#/profile');
    await waitForState(page, (x) => x.ready && x.screen === 'profile', { what: 'the profile from its address' });

    // Discarding is asked, and only then the work is gone.
    await navigate(page, 'dashboard');
    await press(page, 'unsent_discard');
    await waitForState(page, (x) => x.widgets.unsent_keep, { what: 'the discard question' });
    await press(page, 'unsent_discard_confirm');
    await waitForState(page, (x) => x.screen === 'dashboard' && !x.widgets.unsent_work, { what: 'the work discarded' });
    assert.ok(await state(page));
  });
});
