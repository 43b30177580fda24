// The rewards screens in a real browser with real input: a contributor earns points through the
// UI (an assistant reply on a desktop, a user reply by touch on a phone), then sees them in the
// task's notice, the top bar, the dashboard (level, streak, today's top five), the leaderboard
// (each time frame, "Show my position") and the profile (points per frame, ledger, activity
// chart), with the dashboard's lower half (today's top five and the news) at desktop and phone
// size; on a server without sample data, the empty boards say how to get on them. Screenshots of
// every screen land in tests/browser/screenshots/rewards-*.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withServerPage, state, waitForState, screenshot } from './lib/orchard.mjs';
import { press, reveal, register, openTask, writeAndSubmit, navigate, typeInto, openSignInForm } from './lib/actions.mjs';

const withPage = (viewport, scale, fn, { touch = false, demo = true } = {}) =>
  withServerPage({ viewport, scale, touch, serverArgs: demo ? ['--demo'] : [], name: 'rewards' }, fn);

const mine = (rows, me) => (rows ?? []).find((row) => row.user_id === me);

// Today's top five as the dashboard shows it: five rows by rank, each row's text from its data.
function assertTopFive(s) {
  const rows = s.dashboard.top_today;
  assert.equal(rows.length, 5, JSON.stringify(rows));
  rows.forEach((row, i) => {
    assert.equal(row.rank, i + 1);
    if (i > 0) assert.ok(row.score <= rows[i - 1].score, JSON.stringify(rows));
    assert.equal(s.widgets[`top_today_${i}`]?.text, `${row.rank}. ${row.display_name}: ${row.score}`);
  });
}

// Scrolls with the wheel, as a reader would, until the widget's top edge sits just under the
// top bar (or the page ends), and returns the settled state: for a card that may be taller
// than the window, where reveal() would ask for all of it.
async function scrollToTopOf(page, id) {
  const viewport = page.viewportSize();
  const low = 64 + 200; // a band wider than one wheel step, so the scrolling cannot step over it
  for (let i = 0; i < 60; ++i) {
    const s = await state(page);
    const r = s.widgets[id];
    const atEnd = s.values.main_scroll_y >= s.values.main_scroll_max_y;
    if (r && ((r.y >= 64 && r.y <= low) || (r.y > low && atEnd))) {
      await page.waitForTimeout(120);
      const again = await state(page);
      if (again.widgets[id]?.y === r.y) return again;
      continue;
    }
    await page.mouse.move(6, viewport.height / 2);
    await page.mouse.wheel(0, !r || r.y > low ? 120 : -120);
    await page.waitForTimeout(60);
  }
  throw new Error(`could not scroll to ${id}`);
}

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
    // (The widgets are those of the last frame drawn, which can be one frame behind the state.)
    const earned = await waitForState(page, (s) => s.rewards?.total === 4 && s.widgets.task_notice && /4 points/.test(s.widgets.my_score?.text), { what: 'the points in the notice and the top bar' });
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
    assert.match(s.widgets.my_standing.text, /with 4 points/);
    await screenshot(page, 'rewards-leaderboard-desktop-light');
    // Below the sample's people: scrolled to, the earner's row.
    const index = s.leaderboard.rows.indexOf(row);
    s = await reveal(page, `leaderboard_row_${index}`);
    assert.match(s.widgets[`leaderboard_row_${index}`].text, /Tester earner: 4$/);
    await screenshot(page, 'rewards-leaderboard-scrolled-desktop-light');
    await toTop(page);

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
    // The widgets are those of the last frame drawn, which can be one frame behind the state:
    // wait for the chart drawn with the activity that arrived.
    s = await waitForState(page, (x) => x.profile?.loaded && x.profile.activity_days === 30 && x.widgets.points_total && /^30 days, 4\.0 points/.test(x.widgets.activity_chart?.text ?? ''), { what: 'the profile' });
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

    // Back on the dashboard: the earner's points, and today's top five (the sample's busiest
    // people, who all have more than 4 points).
    await navigate(page, 'dashboard');
    s = await waitForState(page, (x) => x.dashboard?.top_today?.length === 5 && x.dashboard.news > 0 && x.widgets.my_points, { what: 'the top five' });
    assert.match(s.widgets.my_points.text, /4 points in all/);
    assert.equal(mine(s.dashboard.top_today, me), undefined);
    await screenshot(page, 'rewards-dashboard-desktop-light');
    // Further down: today's top five beside the news, as tall as each other.
    s = await scrollToTopOf(page, 'top_today_card');
    assertTopFive(s);
    assert.ok(s.widgets.news_card && s.widgets.news_0, 'the news card and its newest item');
    assert.equal(s.widgets.news_card.y, s.widgets.top_today_card.y, 'side by side');
    assert.equal(s.widgets.news_card.h, s.widgets.top_today_card.h, 'of equal height');
    assert.ok(s.dashboard.news <= 20, `the feed stays short: ${s.dashboard.news}`);
    await screenshot(page, 'rewards-dashboard-news-desktop-light');

    await press(page, 'theme_toggle');
    await waitForState(page, (x) => x.theme === 'dark');
    await scrollToTopOf(page, 'top_today_card');
    await screenshot(page, 'rewards-dashboard-news-desktop-dark');
    await navigate(page, 'profile');
    await waitForState(page, (x) => x.profile?.loaded && x.profile.activity_days === 30);
    await screenshot(page, 'rewards-profile-desktop-dark');
  });
});

test('phone 390x844 at DPR 3: a guest earns a point by touch and finds it through the menu', async () => {
  await withPage({ width: 390, height: 844 }, 3, async ({ page }) => {
    const touch = { touch: true };
    await waitForState(page, (s) => s.ready && s.screen === 'sign_in');
    await openSignInForm(page, 'guest', touch);
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

    // The dashboard's lower half on a phone: the top five, then the news, one under the other.
    await navigate(page, 'dashboard', touch);
    s = await waitForState(page, (x) => x.dashboard?.top_today?.length === 5 && x.dashboard.news > 0, { what: 'the top five' });
    s = await scrollToTopOf(page, 'top_today_card');
    assertTopFive(s);
    for (const id of ['top_today_card', 'top_today_0'])
      assert.ok(s.widgets[id].x >= 0 && s.widgets[id].x + s.widgets[id].w <= 390, `${id} fits: ${JSON.stringify(s.widgets[id])}`);
    await screenshot(page, 'rewards-dashboard-top-five-phone-light');
    s = await scrollToTopOf(page, 'news_card');
    assert.ok(s.widgets.news_card.y >= s.widgets.top_today_card.y + s.widgets.top_today_card.h, 'the news under the top five');
    await screenshot(page, 'rewards-dashboard-news-phone-light');
  }, { touch: true });
});

test('a new server without sample data: the leaderboard, the profile and the dashboard say how to get on them', async () => {
  await withPage({ width: 1280, height: 800 }, 1, async ({ page }) => {
    await register(page, 'first');
    // Before any points: the profile and the leaderboard say how to get on them, not an empty
    // table, and "Find a task" leads back to the tasks.
    let e = await navigate(page, 'profile');
    // The widgets are reported as last drawn, which may be a frame behind the state: wait for both.
    e = await waitForState(page, (x) => x.profile?.loaded && x.profile.activity_days === 30 && x.widgets.activity_empty && /^30 days/.test(x.widgets.activity_chart?.text ?? ''), { what: 'the empty profile' });
    assert.equal(e.profile.ledger.length, 0);
    assert.match(e.widgets.activity_chart.text, /^30 days, 0\.0 points/);
    await screenshot(page, 'rewards-profile-empty-desktop-light');
    e = await navigate(page, 'leaderboard');
    e = await waitForState(page, (x) => x.leaderboard?.rows && !x.leaderboard.loading && x.widgets.leaderboard_empty, { what: 'the empty leaderboard' });
    assert.equal(e.leaderboard.rows.length, 0);
    assert.match(e.widgets.leaderboard_empty.text, /^No points yet this week — do a task to appear here/);
    // The card says it once: no standing above it, no rows, no paging under it.
    for (const id of ['my_standing', 'leaderboard_row_0', 'leaderboard_next', 'leaderboard_mine'])
      assert.equal(e.widgets[id], undefined, id);
    await screenshot(page, 'rewards-leaderboard-empty-desktop-light');
    await press(page, 'leaderboard_find_task');
    await waitForState(page, (x) => x.screen === 'dashboard' && x.dashboard_loaded, { what: 'the tasks' });
    await waitForState(page, (x) => x.dashboard?.top_today, { what: 'the top five' });
    e = await scrollToTopOf(page, 'top_today_card');
    assert.match(e.widgets.top_today_empty?.text, /Be the first/);
    await screenshot(page, 'rewards-dashboard-empty-desktop-light');
  }, { demo: false });
});
