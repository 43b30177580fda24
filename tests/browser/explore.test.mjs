// The data explorer and the admins' Datasets screen in a real browser with real input. On a
// desktop with keyboard and mouse: search finds a message by a word in it with the word marked,
// opens its tree with the path from the prompt to it highlighted, shows its details, reacts, and
// folds the replies away. On a phone by touch: the same search and tree within the window. An
// admin downloads a dataset with a signed link. Screenshots: tests/browser/screenshots/explore-*.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { gunzipSync } from 'node:zlib';
import { withServerPage, state, waitForState, screenshot } from './lib/orchard.mjs';
import { press, reveal, register, navigate, typeInto, openSignInForm, toTop } from './lib/actions.mjs';

// Nothing of the screen's content is wider than the window.
function checkInsideWindow(s, width) {
  for (const [id, r] of Object.entries(s.widgets)) {
    if (!/^(explore_|tree_|chosen_message|message_details)/.test(id)) continue;
    assert.ok(r.x >= -0.5 && r.x + r.w <= width + 0.5, `${id} spills out: x ${r.x}, w ${r.w}`);
  }
}

// Searches for `word` and checks that every hit marks it; returns the state.
async function search(page, word, options = {}) {
  await typeInto(page, 'explore_search', word, options);
  if (options.touch) await press(page, 'explore_search_button', options);
  else await page.keyboard.press('Enter');
  const s = await waitForState(page, (x) => x.explore?.searched === word && x.explore.loaded &&
    x.explore.hits.length > 0 && x.widgets.explore_hit_0, { what: `hits for ${word}` });
  for (const hit of s.explore.hits) assert.ok(hit.marked.some((m) => m.toLowerCase() === word.toLowerCase()), JSON.stringify(hit));
  return s;
}

// Opens the first hit and checks that the tree shows the path from the prompt to it.
async function openFirstHit(page, options = {}) {
  const before = await state(page);
  const wanted = before.explore.hits[0].message;
  if (options.keyboard) {
    // Tab from the search field to the first hit, and Enter.
    for (let i = 0; i < 10 && (await state(page)).focused !== 'explore_hit_0'; ++i) {
      const from = (await state(page)).focused;
      await page.keyboard.press('Tab');
      await waitForState(page, (x) => x.focused !== from, { what: 'the focus to move' });
    }
    assert.equal((await state(page)).focused, 'explore_hit_0');
    await page.keyboard.press('Enter');
  } else {
    await press(page, 'explore_hit_0', options);
  }
  const s = await waitForState(page, (x) => x.explore?.tree && x.explore.details?.message === wanted,
    { what: 'the tree at the hit, with its details' });
  const { tree } = s.explore;
  assert.equal(tree.chosen, wanted);
  assert.ok(tree.path.length >= 2, 'a reply: the prompt and the reply at least');
  assert.equal(tree.path.at(-1), wanted);
  assert.equal(tree.path[0], tree.id);
  // Exactly the rows of the path are highlighted, and the chosen one says so.
  const highlighted = tree.rows.filter((r) => r.on_path).map((r) => r.id);
  assert.deepEqual(highlighted, tree.path);
  const chosenRow = tree.rows.findIndex((r) => r.id === wanted);
  // Opened deep in a tree, the page shows the chosen row without being scrolled to it.
  await waitForState(page, (x) => x.widgets[`tree_row_${chosenRow}`]?.text.endsWith('(chosen)'), { what: 'the chosen row in view' });
  assert.ok(s.explore.details.author.length > 0);
  return s;
}

test('desktop: search by a word, open its tree by keyboard at the path, react, label, fold replies', async () => {
  await withServerPage({ viewport: { width: 1280, height: 800 }, name: 'explore' }, async ({ page }) => {
    await register(page, 'reader');
    await navigate(page, 'explore');
    let s = await waitForState(page, (x) => x.explore?.loaded && x.explore.trees.length > 0 &&
      x.widgets.explore_tree_0 && x.widgets.nav_explore?.text.includes('current'), { what: 'the newest trees' });
    await page.waitForTimeout(150);
    await screenshot(page, 'explore-desktop-light');

    s = await search(page, 'sunset');
    await page.waitForTimeout(150);
    await screenshot(page, 'explore-search-desktop-light');
    s = await openFirstHit(page, { keyboard: true });
    checkInsideWindow(s, 1280);
    await reveal(page, 'message_details');
    await page.waitForTimeout(150);
    await screenshot(page, 'explore-tree-desktop-light');

    // A thumbs up on the chosen message, shown at once and kept by the server.
    await press(page, 'chosen_message_like');
    s = await waitForState(page, (x) => x.explore.details?.user_emojis.includes('+1'), { what: 'the reaction' });
    assert.equal(s.explore.problem, '');

    // Labels from here: the quality scale's fourth step, sent; the message's count grows by one.
    const qualityBefore = s.explore.details.labels.quality ?? 0;
    await press(page, 'label_open');
    await waitForState(page, (x) => x.explore.labeling && x.widgets.labeling_form, { what: 'the labeling form' });
    await press(page, 'label_quality_4');
    await waitForState(page, (x) => x.explore.labeling?.quality === 0.75, { what: 'the answer' });
    await reveal(page, 'labels_send');
    await page.waitForTimeout(150);
    await screenshot(page, 'explore-labeling-desktop-light');
    await press(page, 'labels_send');
    s = await waitForState(page, (x) => x.explore.notice.includes('labels are saved') &&
      x.explore.details?.labels.quality === qualityBefore + 1, { what: 'the labels saved and counted' });
    assert.equal(s.explore.labeling, null);

    // Folding the prompt's replies leaves the prompt alone on screen.
    await toTop(page); // the tree is above the details
    await press(page, 'tree_toggle_0');
    s = await waitForState(page, (x) => x.explore.tree.rows.length === 1 && x.explore.tree.rows[0].collapsed &&
      !x.widgets.tree_row_1, { what: 'the replies folded' });
    await press(page, 'tree_toggle_0');
    s = await waitForState(page, (x) => x.explore.tree.rows.length > 1 && x.widgets.tree_row_1, { what: 'the replies back' });

    // Choosing another row moves the highlighted path to it.
    const other = s.explore.tree.rows.findIndex((r) => !r.on_path);
    assert.ok(other > 0);
    await press(page, `tree_row_${other}`);
    s = await waitForState(page, (x) => x.explore.tree.chosen === x.explore.tree.rows[other].id &&
      x.explore.tree.rows[other].on_path, { what: 'another message chosen' });

    // Back to the hits, and dark theme.
    await press(page, 'explore_back');
    s = await waitForState(page, (x) => !x.explore.tree && x.widgets.explore_hit_0, { what: 'the hits again' });
    await press(page, 'theme_toggle');
    await waitForState(page, (x) => x.theme === 'dark', { what: 'dark theme' });
    await page.waitForTimeout(150);
    await screenshot(page, 'explore-search-desktop-dark');
  });
});

test('phone: search and read a tree by touch, inside the window', async () => {
  await withServerPage({ viewport: { width: 390, height: 844 }, scale: 3, touch: true, name: 'explore-phone' }, async ({ page }) => {
    const touch = { touch: true };
    await register(page, 'thumb', touch);
    await navigate(page, 'explore', touch);
    await waitForState(page, (x) => x.explore?.loaded && x.widgets.explore_tree_0, { what: 'the newest trees' });
    await page.waitForTimeout(150);
    await screenshot(page, 'explore-phone-light');
    let s = await search(page, 'Rayleigh', touch);
    checkInsideWindow(s, 390);
    await page.waitForTimeout(150);
    await screenshot(page, 'explore-search-phone-light');
    s = await openFirstHit(page, touch);
    checkInsideWindow(s, 390);
    await reveal(page, 'tree_row_0');
    await page.waitForTimeout(150);
    await screenshot(page, 'explore-tree-phone-light');
    await reveal(page, 'message_details');
    await page.waitForTimeout(150);
    await screenshot(page, 'explore-details-phone-light');
    s = await state(page);
    assert.ok(s.explore.details.labels_shown, 'an exported tree shows its labels');
    assert.ok(Object.keys(s.explore.details.labels).length > 0);
  });
});

test('admin: the Datasets screen counts the trees and downloads a file by a signed link', async () => {
  const prepare = (dataDir) => {
    execFileSync(process.env.ORCHARD_SERVER, ['user', 'add', '--username', 'root', '--role', 'admin', '--data', dataDir],
      { input: 'an admin password\n', stdio: ['pipe', 'ignore', 'ignore'] });
    return {};
  };
  await withServerPage({ viewport: { width: 1280, height: 800 }, name: 'datasets', prepare }, async ({ page }) => {
    await waitForState(page, (x) => x.ready && x.screen === 'sign_in', { what: 'sign-in screen' });
    await openSignInForm(page, 'login');
    await typeInto(page, 'login_username', 'root');
    await typeInto(page, 'login_password', 'an admin password');
    await page.keyboard.press('Enter');
    let s = await waitForState(page, (x) => x.screen === 'terms' || x.screen === 'dashboard', { what: 'signed in' });
    if (s.screen === 'terms') await press(page, 'accept_terms');
    await waitForState(page, (x) => x.screen === 'dashboard', { what: 'dashboard' });
    await navigate(page, 'explore');
    await press(page, 'open_datasets');
    s = await waitForState(page, (x) => x.screen === 'datasets' && x.datasets?.counts && x.widgets.download_oasst,
      { what: 'the Datasets screen' });
    assert.equal(s.datasets.counts.trees, 50); // assets/demo/sample_trees.json
    const ready = Object.values(s.datasets.counts.ready_for_export).reduce((n, t) => n + t.trees, 0);
    assert.equal(ready, 4);
    await page.waitForTimeout(150);
    await screenshot(page, 'datasets-desktop-light');

    const downloaded = page.waitForEvent('download');
    await press(page, 'download_oasst');
    const download = await downloaded;
    assert.match(download.suggestedFilename(), /^orchard-oasst-\d{4}-\d\d-\d\d\.jsonl\.gz$/);
    assert.ok(!download.url().includes('Bearer') && download.url().includes('link='));
    const lines = gunzipSync(await streamBytes(await download.createReadStream())).toString().trim().split('\n');
    assert.equal(lines.length, ready);
    for (const line of lines) assert.equal(JSON.parse(line).tree_state, 'ready_for_export');
    s = await waitForState(page, (x) => x.datasets.notice.includes('orchard-oasst'), { what: 'the notice' });
    assert.equal((await state(page)).screen, 'datasets'); // the page stays

    // At phone size the counts and buttons stay inside the window.
    await page.setViewportSize({ width: 390, height: 844 });
    // (The widgets are the last frame's: wait for one laid out at the phone's margin.)
    s = await waitForState(page, (x) => x.widgets.ready_de && x.widgets.ready_de.x < 60, { what: 'the phone layout' });
    for (const [id, r] of Object.entries(s.widgets))
      if (/^(ready_|state_|download_|datasets_)/.test(id)) assert.ok(r.x >= 0 && r.x + r.w <= 390.5, `${id} spills out: ${JSON.stringify(r)} ${JSON.stringify(s.widgets.download_oasst)}`);
    await page.waitForTimeout(150);
    await screenshot(page, 'datasets-phone-light');
  });
});

async function streamBytes(stream) {
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks);
}
