// The moderators' review queue in a real browser (issue 19, docs/flag-moderation.md): people
// report and flag-label demo messages through a frontend; a moderator signs in, finds the
// Moderation tab (a guest has none), reads each message with what brought it in, and works
// through the queue with the keyboard: K keeps, X asks before removing, Enter keeps it listed,
// a click removes. Every decision lands in the audit log. Screenshots:
// tests/browser/screenshots/moderation-*.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { withServerPage, state, waitForState, screenshot } from './lib/orchard.mjs';
import { typeInto, press, navigate, enterAsGuest, toTop, reveal, signIn } from './lib/actions.mjs';

function sql(dataDir, query) {
  const out = execFileSync('sqlite3', ['-readonly', '-json', join(dataDir, 'orchard.db'), query]).toString();
  return out.trim() ? JSON.parse(out) : [];
}

const prepare = (dataDir) => {
  execFileSync(process.env.ORCHARD_SERVER, ['user', 'add', '--username', 'moder', '--role', 'moderator', '--data', dataDir],
    { input: 'a moderator password\n', stdio: ['pipe', 'ignore', 'ignore'] });
  const key = execFileSync(process.env.ORCHARD_SERVER,
    ['api-client', 'add', '--description', 'reporting frontend', '--data', dataDir]).toString().match(/orchard_[A-Za-z0-9_-]+/)[0];
  return { key };
};

// A person of the frontend labels the message; `report` sends it as a report with `text`.
async function label(server, key, who, messageId, labels, report = false, text = '') {
  const answer = await fetch(server.url + 'api/v1/text_labels', {
    method: 'POST',
    headers: { 'X-API-Key': key, 'Content-Type': 'application/json' },
    body: JSON.stringify({ user: { id: who, display_name: who, auth_method: 'local' }, message_id: messageId, labels, is_report: report, text }),
  });
  assert.equal(answer.status, 204, await answer.text());
}

// What a contributor (a fresh guest, through the API the client uses) finds of two prompts: the
// explorer's search by the prompt's own words, and its tree. Tasks are drawn from the same trees,
// which the removal ended (tests/integration/moderation_test.cpp follows them there).
async function assertContributorSees(server, prompts, { gone, kept }) {
  const call = async (method, path, token, body) => {
    const answer = await fetch(server.url + path.slice(1), {
      method,
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: answer.status, body: await answer.json().catch(() => null) };
  };
  const guest = await call('POST', '/api/v1/auth/guest', null, { display_name: 'Reader' });
  assert.equal(guest.status, 201, JSON.stringify(guest.body));
  const token = guest.body.token;
  await call('POST', '/api/v1/auth/accept_terms', token, {});
  const words = (id) => prompts.find((p) => p.id === id).text.split(/\s+/).slice(0, 4).join(' ');
  const found = async (id) => {
    const search = await call('GET', `/api/v1/explorer/search?q=${encodeURIComponent(words(id))}`, token);
    assert.equal(search.status, 200, JSON.stringify(search.body));
    return search.body.items.some((hit) => hit.message_id === id);
  };
  assert.equal(await found(gone), false, 'the removed prompt is not found');
  assert.equal(await found(kept), true, 'the kept prompt is found');
  assert.equal((await call('GET', `/api/v1/messages/${gone}/tree`, token)).status, 404, 'its tree does not open');
}

// Waits until the queue's frame is drawn with the selected item's outline in place.
async function settledQueue(page, predicate, what) {
  return waitForState(page, (x) => x.screen === 'moderation' && x.moderation?.loaded && !x.frame_pending && predicate(x), { what });
}

test('a moderator works through the review queue with the keyboard and the mouse', async () => {
  await withServerPage({ viewport: { width: 1280, height: 900 }, name: 'moderation', prepare }, async ({ page, server, dataDir, key }) => {
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    // Three English prompts of the demo, brought in by a report, flag labels and both.
    const prompts = sql(dataDir, "SELECT id, text FROM messages WHERE parent_id IS NULL AND lang = 'en' AND deleted = 0 ORDER BY created_ms LIMIT 3");
    assert.equal(prompts.length, 3);
    const [reported, labelled, both] = prompts.map((p) => p.id);
    await label(server, key, 'r1', reported, { spam: 1 }, true, 'This is an advertisement for watches.');
    for (const who of ['r2', 'r3', 'r5']) await label(server, key, who, labelled, { pii: 1 });
    await label(server, key, 'r4', both, { hate_speech: 1 }, true, 'Insults a group of people.');

    // A guest has no Moderation tab.
    await waitForState(page, (x) => x.ready && x.screen === 'sign_in', { what: 'the sign-in screen' });
    await enterAsGuest(page, 'Curious guest');
    let s = await waitForState(page, (x) => x.screen === 'dashboard' && (x.widgets.nav_dashboard || x.widgets.nav_menu), { what: 'the top bar' });
    assert.equal(s.widgets.nav_moderation, undefined, 'a guest has no Moderation tab');
    await page.evaluate(() => localStorage.clear());
    await page.reload();

    await waitForState(page, (x) => x.ready && x.screen === 'sign_in', { what: 'the sign-in screen again' });
    await signIn(page, 'moder', 'a moderator password');
    await navigate(page, 'moderation');
    s = await settledQueue(page, (x) => x.moderation.items.length === 3, 'the three flagged prompts');
    // The latest first, the first selected; each with what brought it in.
    assert.deepEqual(s.moderation.items.map((i) => i.id), [both, labelled, reported]);
    assert.equal(s.moderation.selected, both);
    const reasons = s.moderation.items.find((i) => i.id === reported);
    assert.equal(reasons.reports, 1);
    assert.deepEqual(reasons.labels, { spam: 1 });
    assert.match(s.widgets[`reasons_${labelled}`].text, /PII|personal/i);
    assert.match(s.widgets[`flagged_item_${both}`].text, /\(selected\)$/);
    await toTop(page);
    await page.waitForTimeout(200);
    await screenshot(page, 'moderation-queue-desktop-light');

    // Most flagged first: the two flag labels lead.
    await press(page, 'moderation_most');
    s = await settledQueue(page, (x) => x.moderation.most_flagged && x.moderation.items[0]?.id === labelled, 'the most flagged first');
    await press(page, 'moderation_recent');
    s = await settledQueue(page, (x) => !x.moderation.most_flagged && x.moderation.items[0]?.id === both, 'the latest first again');

    // K keeps the selected message: out of the queue, the next one selected.
    await page.mouse.move(6, 400);
    await page.keyboard.press('k');
    s = await settledQueue(page, (x) => x.moderation.items.length === 2 && x.moderation.selected === labelled, 'the first kept');
    assert.match(s.moderation.notice, /Kept/);
    // Down selects the next; X asks first, and Enter (the safe answer) keeps it listed.
    await page.keyboard.press('ArrowDown');
    s = await settledQueue(page, (x) => x.moderation.selected === reported, 'the last one selected');
    await page.keyboard.press('x');
    s = await settledQueue(page, (x) => x.moderation.confirm_remove === reported && x.widgets.confirm_remove, 'the question');
    await page.waitForTimeout(150);
    await screenshot(page, 'moderation-confirm-desktop-light');
    await page.keyboard.press('Enter');
    s = await settledQueue(page, (x) => x.moderation.confirm_remove === '' && x.moderation.items.length === 2, 'still listed');
    // The mouse removes: the button, then the confirmation.
    await press(page, `remove_${reported}`);
    await waitForState(page, (x) => x.widgets.confirm_remove, { what: 'the question again' });
    await press(page, 'confirm_remove');
    s = await settledQueue(page, (x) => x.moderation.items.length === 1 && x.moderation.items[0].id === labelled, 'the report removed');
    assert.equal(sql(dataDir, `SELECT deleted FROM messages WHERE id = '${reported}'`)[0].deleted, 1);
    assert.equal(sql(dataDir, `SELECT deleted FROM messages WHERE id = '${both}'`)[0].deleted, 0);
    // A contributor's explorer no longer finds it, nor opens its tree; the kept one it still does.
    await assertContributorSees(server, prompts, { gone: reported, kept: both });

    // "All" lists the decided ones too, with their decisions.
    await press(page, 'moderation_all');
    s = await settledQueue(page, (x) => !x.moderation.open_only && x.moderation.items.length === 3, 'every flagged message');
    assert.equal(s.moderation.items.find((i) => i.id === both).decision, 'keep');
    assert.equal(s.moderation.items.find((i) => i.id === reported).decision, 'remove');

    const audit = sql(dataDir, 'SELECT action, target_id FROM audit_log ORDER BY seq');
    assert.deepEqual(audit, [{ action: 'flag.keep', target_id: both }, { action: 'flag.remove', target_id: reported }]);

    // In the explorer, on the kept prompt: an edit keeps the text it had, and the tree halts.
    await navigate(page, 'explore');
    await typeInto(page, 'explore_search', prompts.find((p) => p.id === both).text.split(/\s+/).slice(0, 4).join(' '));
    await page.keyboard.press('Enter');
    s = await waitForState(page, (x) => x.explore.hits.some((h) => h.message === both), { what: 'the kept prompt found' });
    await press(page, `explore_hit_${s.explore.hits.findIndex((h) => h.message === both)}`);
    await waitForState(page, (x) => x.explore.details?.message === both, { what: 'its details' });
    await press(page, 'explore_edit'); // below the tree: scrolled to

    await waitForState(page, (x) => x.explore.editing, { what: 'the edit' });
    await press(page, 'explore_edit_text');
    await page.keyboard.press('End');
    await page.keyboard.type(' (edited by a moderator)');
    await press(page, 'explore_edit_save');
    await waitForState(page, (x) => !x.explore.editing && x.explore.revisions === 2, { what: 'the edit saved, with its history' });
    s = await reveal(page, 'revision_1');
    assert.match(s.widgets.revision_1.text, /\(edited by a moderator\)$/);
    assert.doesNotMatch(s.widgets.revision_0.text, /edited by a moderator/);
    await press(page, 'explore_halt');
    s = await waitForState(page, (x) => x.explore.details?.tree_state === 'halted_by_moderator' && x.explore.moderating === '' && !x.frame_pending, { what: 'the tree halted' });
    await reveal(page, 'revision_1');
    await screenshot(page, 'moderation-explorer-desktop-light');
    assert.deepEqual(sql(dataDir, 'SELECT action FROM audit_log WHERE seq > 2 ORDER BY seq').map((r) => r.action), ['message.edit', 'tree.halt']);

    // At phone size nothing spills out and the decisions stack.
    await navigate(page, 'moderation');
    await page.setViewportSize({ width: 390, height: 844 });
    s = await waitForState(page, (x) => x.widgets.moderation_open && x.widgets.moderation_open.x < 40 && !x.frame_pending, { what: 'the phone layout' });
    for (const [id, r] of Object.entries(s.widgets))
      assert.ok(r.x >= -0.5 && r.x + r.w <= 390.5, `${id} spills out: ${JSON.stringify(r)}`);
    await toTop(page);
    await page.waitForTimeout(200);
    await screenshot(page, 'moderation-queue-phone-light');
    assert.deepEqual(pageErrors, [], 'no error on the page');
  });
});
