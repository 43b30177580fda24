// The rewards screens in a real browser with real input: a contributor earns points through the
// UI (an assistant reply on a desktop, a user reply by touch on a phone), then sees them in the
// task's notice, the top bar, the dashboard (level, streak, today's top five), the leaderboard
// (each time frame, "Show my position") and the profile (points per frame, ledger, activity
// chart). Screenshots of every screen land in tests/browser/screenshots/rewards-*.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, launchBrowser, state, waitForState, screenshot } from './lib/orchard.mjs';
import { press, reveal, register, openTask, writeAndSubmit, navigate, typeInto } from './lib/actions.mjs';

async function withPage(viewport, scale, fn, { touch = false } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'orchard-rewards-'));
  const server = await startServer({ dataDir, args: ['--demo'] });
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport, deviceScaleFactor: scale, hasTouch: touch, isMobile: touch });
    const page = await context.newPage();
    await page.goto(server.url);
    await fn({ page });
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const mine = (rows, me) => (rows ?? []).find((row) => row.user_id === me);

// Scrolls the page back to the top (screenshots start there).
async function toTop(page) {
  for (let i = 0; i < 30; ++i) {
    const s = await state(page);
    if (!s.values.main_scroll_y) return;
    await page.mouse.move(6, page.viewportSize().height / 2);
    await page.mouse.wheel(0, -600);
    await page.waitForTimeout(60);
  }
}

test('desktop: the points of an assistant reply show on the dashboard, leaderboard and profile', async () => {
  await withPage({ width: 1280, height: 800 }, 1, async ({ page }) => {
    const start = await register(page, 'earner');
    const me = start.signed_in_as;
    const fresh = await waitForState(page, (s) => s.rewards && s.dashboard?.top_today && s.widgets.my_level && s.widgets.my_score, { what: 'rewards on the dashboard' });
    assert.equal(fresh.rewards.total, 0);
    assert.equal(fresh.rewards.level, 1);
    assert.ok(fresh.widgets.my_level.text.startsWith('Level 1'), fresh.widgets.my_level.text);
    assert.match(fresh.widgets.my_score.text, /Level 1 · 0 points/);
    await screenshot(page, 'rewards-dashboard-new-desktop-light');

    // Earn 4 points: the notice says so, and the top bar follows.
    await openTask(page, 'assistant_reply');
    await writeAndSubmit(page, 'Leaves look green because chlorophyll absorbs red and blue light and reflects green.');
    const earned = await waitForState(page, (s) => s.rewards?.total === 4 && s.widgets.task_notice, { what: 'the points' });
    assert.match(earned.task.notice, /\+4 points: you have 4 points now/);
    assert.match(earned.widgets.my_score.text, /4 points/);
    await screenshot(page, 'rewards-task-notice-desktop-light');

    // The leaderboard (this week by default): the earner's row, tinted, with 4 points.
    let s = await navigate(page, 'leaderboard');
    s = await waitForState(page, (x) => x.leaderboard?.rows && !x.leaderboard.loading && x.widgets.leaderboard_row_0 && x.widgets.my_standing, { what: 'leaderboard rows' });
    assert.equal(s.leaderboard.frame, 'week');
    let row = mine(s.leaderboard.rows, me);
    assert.ok(row, `the earner is on the board: ${JSON.stringify(s.leaderboard.rows)}`);
    assert.equal(row.score, 4);
    const index = s.leaderboard.rows.indexOf(row);
    assert.match(s.widgets[`leaderboard_row_${index}`].text, /Tester earner: 4$/);
    assert.match(s.widgets.my_standing.text, /with 4 points/);
    await screenshot(page, 'rewards-leaderboard-desktop-light');

    // Every frame has the points; "Show my position" highlights the earner among neighbours.
    for (const frame of ['day', 'month', 'total']) {
      await press(page, `frame_${frame}`);
      s = await waitForState(page, (x) => x.leaderboard.frame === frame && x.leaderboard.rows && !x.leaderboard.loading, { what: `the ${frame} board` });
      assert.equal(mine(s.leaderboard.rows, me)?.score, 4, frame);
    }
    await press(page, 'leaderboard_mine');
    s = await waitForState(page, (x) => x.leaderboard.around_me && !x.leaderboard.loading && x.leaderboard.rows, { what: 'my position' });
    row = mine(s.leaderboard.rows, me);
    assert.ok(row?.highlighted, JSON.stringify(s.leaderboard.rows));
    await screenshot(page, 'rewards-leaderboard-mine-desktop-light');

    // The profile: points per frame, the ledger entry, the chart's 30 days.
    s = await navigate(page, 'profile');
    s = await waitForState(page, (x) => x.profile?.loaded && x.profile.activity_days === 30 && x.widgets.points_total && x.widgets.activity_chart, { what: 'the profile' });
    assert.deepEqual(s.profile.ledger[0], { kind: 'reply_assistant', points: 4 });
    assert.equal(s.widgets.points_total.text, '4');
    assert.equal(s.widgets.points_day.text, '4');
    assert.equal(s.widgets.profile_total.text, '4');
    assert.match(s.widgets.activity_chart.text, /^30 days, 4\.0 points/);
    await screenshot(page, 'rewards-profile-desktop-light');
    s = await reveal(page, 'ledger_0');
    assert.match(s.widgets.ledger_0.text, /Assistant reply written \+4/);
    await screenshot(page, 'rewards-profile-ledger-desktop-light');

    // Contributions and prizes.
    await toTop(page);
    s = await navigate(page, 'contributions');
    s = await waitForState(page, (x) => x.contributions >= 1 && x.widgets.contribution_0, { what: 'contributions' });
    assert.match(s.widgets.contribution_0.text, /^Assistant reply: In review/);
    await screenshot(page, 'rewards-contributions-desktop-light');
    await navigate(page, 'prizes');
    await waitForState(page, (x) => x.prizes, { what: 'prizes' });
    await screenshot(page, 'rewards-prizes-desktop-light');

    // Back on the dashboard: today's top five has the earner.
    await navigate(page, 'dashboard');
    s = await waitForState(page, (x) => mine(x.dashboard?.top_today, me)?.score === 4 && x.widgets.my_points, { what: 'the top five' });
    assert.match(s.widgets.my_points.text, /4 points in all/);
    await screenshot(page, 'rewards-dashboard-desktop-light');

    await press(page, 'theme_toggle');
    await waitForState(page, (x) => x.theme === 'dark');
    await navigate(page, 'profile');
    await waitForState(page, (x) => x.profile?.loaded && x.profile.activity_days === 30);
    await screenshot(page, 'rewards-profile-desktop-dark');
  });
});

test('phone 390x844 at DPR 3: a guest earns a point by touch and finds it through the menu', async () => {
  await withPage({ width: 390, height: 844 }, 3, async ({ page }) => {
    const touch = { touch: true };
    await waitForState(page, (s) => s.ready && s.screen === 'sign_in');
    await press(page, 'choose_guest', touch);
    await typeInto(page, 'guest_display_name', 'Kiosk visitor', touch);
    await press(page, 'guest_submit', touch);
    await waitForState(page, (s) => s.screen === 'terms');
    await press(page, 'accept_terms', touch);
    const dash = await waitForState(page, (s) => s.screen === 'dashboard' && s.dashboard_loaded && s.rewards && s.widgets.my_level);
    const me = dash.signed_in_as;
    // The top bar fits: theme and menu on screen, 44 px targets.
    for (const id of ['theme_toggle', 'nav_menu']) {
      const r = dash.widgets[id];
      assert.ok(r && r.h >= 44 && r.x >= 0 && r.x + r.w <= 390, `${id}: ${JSON.stringify(r)}`);
    }
    await screenshot(page, 'rewards-dashboard-phone-light');

    await openTask(page, 'prompter_reply', touch);
    await writeAndSubmit(page, 'Could you say that again with an example from the kitchen?', touch);
    await waitForState(page, (s) => s.rewards?.total === 1, { what: 'the point' });

    await press(page, 'nav_menu', touch);
    const menu = await waitForState(page, (s) => s.widgets.nav_leaderboard && s.widgets.menu_score, { what: 'the menu' });
    assert.match(menu.widgets.menu_score.text, /1 point$/);
    await screenshot(page, 'rewards-menu-phone-light');
    await press(page, 'nav_leaderboard', touch);
    await waitForState(page, (s) => s.screen === 'leaderboard');
    let s = await waitForState(page, (x) => x.leaderboard?.rows && !x.leaderboard.loading, { what: 'leaderboard rows' });
    assert.equal(mine(s.leaderboard.rows, me)?.score, 1, JSON.stringify(s.leaderboard.rows));
    await screenshot(page, 'rewards-leaderboard-phone-light');

    s = await navigate(page, 'profile', touch);
    s = await waitForState(page, (x) => x.profile?.loaded && x.profile.activity_days === 30 && x.widgets.points_total, { what: 'the profile' });
    assert.deepEqual(s.profile.ledger[0], { kind: 'reply_prompter', points: 1 });
    assert.equal(s.widgets.points_total.text, '1');
    await screenshot(page, 'rewards-profile-phone-light');
    await reveal(page, 'ledger_0');
    await screenshot(page, 'rewards-profile-ledger-phone-light');
  }, { touch: true });
});
