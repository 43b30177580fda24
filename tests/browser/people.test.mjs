// The moderation area's people and audit log screens in a real browser (issue 19,
// docs/moderation.md): an admin goes from the review queue's row of sections to People, finds
// a contributor, bans them with a reason (asked first; the person, signing in, is told the
// reason), lifts the ban, writes a note, purges a demo author's messages after reading the
// preview, and reads every one of those actions in the audit log, whose hash chain holds.
// Screenshots at desktop and phone size: tests/browser/screenshots/people-*, audit-*.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { withServerPage, waitForState, screenshot } from './lib/orchard.mjs';
import { typeInto, press, navigate, toTop, signIn } from './lib/actions.mjs';

function sql(dataDir, query) {
  const out = execFileSync('sqlite3', ['-readonly', '-json', join(dataDir, 'orchard.db'), query]).toString();
  return out.trim() ? JSON.parse(out) : [];
}

const addUser = (dataDir, username, role, password) =>
  execFileSync(process.env.ORCHARD_SERVER, ['user', 'add', '--username', username, '--role', role, '--data', dataDir],
    { input: `${password}\n`, stdio: ['pipe', 'ignore', 'ignore'] });

const prepare = (dataDir) => {
  addUser(dataDir, 'boss', 'admin', 'an admin password');
  addUser(dataDir, 'carla', 'contributor', 'carla password');
  return {};
};

const settledPeople = (page, predicate, what) =>
  waitForState(page, (x) => x.screen === 'people' && !x.frame_pending && predicate(x.people, x), { what });

// Nothing wider than the window: every widget inside it.
function assertFits(s, width) {
  for (const [id, r] of Object.entries(s.widgets))
    assert.ok(r.x >= -0.5 && r.x + r.w <= width + 0.5, `${id} spills out: ${JSON.stringify(r)}`);
}

test('an admin bans, notes and purges from People, and reads it all in the audit log', async () => {
  await withServerPage({ viewport: { width: 1280, height: 900 }, name: 'people', prepare }, async ({ page, server, dataDir }) => {
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    // A demo author with prompts still in their trees: the purge's subject.
    const [author] = sql(dataDir, "SELECT m.user_id AS id, COUNT(*) AS n FROM messages m WHERE m.deleted = 0 AND m.parent_id IS NULL GROUP BY m.user_id ORDER BY n DESC LIMIT 1");
    assert.ok(author && author.n >= 1, 'a demo author with prompts');

    await waitForState(page, (x) => x.ready && x.screen === 'sign_in', { what: 'the sign-in screen' });
    await signIn(page, 'boss', 'an admin password');
    await navigate(page, 'moderation');
    await press(page, 'section_people');
    let s = await settledPeople(page, (p) => p.loaded && p.items.length >= 3, 'the newest accounts');
    await toTop(page);
    await screenshot(page, 'people-list-desktop-light');

    // Found by a part of the username; the card opens the page.
    await typeInto(page, 'people_search', 'carl');
    await page.keyboard.press('Enter');
    s = await settledPeople(page, (p) => p.searched === 'carl' && p.loaded && p.items.length === 1, 'carla found');
    await press(page, 'person_0');
    s = await settledPeople(page, (p) => p.person && p.person.display_name === 'carla', "carla's page");
    assert.equal(s.people.person.enabled, true);

    // A ban asks first and says what it does, with the reason.
    await typeInto(page, 'person_ban_reason_field', 'Spam in several prompts');
    await press(page, 'person_ban');
    s = await settledPeople(page, (p) => p.confirm === 'ban', 'the ban question');
    assert.match(s.widgets.confirmation.text, /Spam in several prompts/);
    await page.waitForTimeout(150);
    await screenshot(page, 'people-ban-confirm-desktop-light');
    await press(page, 'person_confirm');
    s = await settledPeople(page, (p) => p.person.enabled === false, 'carla banned');
    assert.equal(s.people.person.disabled_reason, 'Spam in several prompts');
    assert.match(s.widgets.person_ban_reason.text, /Spam in several prompts/);
    // Carla, signing in, is refused with the reason.
    const refused = await fetch(server.url + 'api/v1/auth/login', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'carla', password: 'carla password' }),
    });
    assert.equal((await refused.json()).reason, 'Spam in several prompts');
    await press(page, 'person_unban');
    s = await settledPeople(page, (p) => p.person.enabled === true && p.busy === '', 'the ban lifted');

    // A private note, typed and sent with Enter.
    await typeInto(page, 'person_note_field', 'Warned about spam by e-mail.');
    await page.keyboard.press('Enter');
    s = await settledPeople(page, (p) => p.person.notes.length === 1, 'the note');
    assert.equal(s.people.person.notes[0].author, 'boss');
    await toTop(page);
    await screenshot(page, 'people-person-desktop-light');

    // The demo author, found by id: the purge's preview says what would go; nothing goes yet.
    await press(page, 'people_back');
    await press(page, 'people_search');
    await page.keyboard.press('Control+A'); // the last search's words are still there
    await page.keyboard.type(author.id);
    await page.keyboard.press('Enter');
    await settledPeople(page, (p) => p.searched === author.id && p.items.length === 1, 'the author found');
    await press(page, 'person_0');
    await settledPeople(page, (p) => p.person && p.person.id === author.id, "the author's page");
    await press(page, 'person_purge');
    s = await settledPeople(page, (p) => p.confirm === 'purge' && p.purge_plan, 'the purge preview');
    const plan = s.people.purge_plan;
    assert.ok(plan.messages >= author.n, `the preview lists their messages (${plan.messages})`);
    assert.match(s.widgets.confirmation.text, /Purging deletes their/);
    const before = sql(dataDir, `SELECT COUNT(*) AS n FROM messages WHERE user_id = '${author.id}' AND deleted = 0`)[0].n;
    assert.equal(before, plan.messages, 'the preview changed nothing');
    await page.waitForTimeout(150);
    await screenshot(page, 'people-purge-preview-desktop-light');
    await press(page, 'person_confirm');
    s = await settledPeople(page, (p) => p.busy === '' && /Purged/.test(p.notice), 'the purge done');
    assert.equal(sql(dataDir, `SELECT COUNT(*) AS n FROM messages WHERE user_id = '${author.id}' AND deleted = 0`)[0].n, 0);

    // The audit log: every action above, newest first, and the chain holds.
    await toTop(page); // the sections are at the top of the page, not in the top bar
    await press(page, 'section_audit');
    s = await waitForState(page, (x) => x.screen === 'audit_log' && x.audit_log.loaded && x.audit_log.intact !== null && !x.frame_pending, { what: 'the audit log' });
    assert.deepEqual(s.audit_log.rows.map((r) => r.action), ['user.purge', 'user.note', 'user.unban', 'user.ban']);
    assert.equal(s.audit_log.intact, true);
    assert.equal(s.audit_log.chain_rows, 4);
    assert.match(s.widgets.audit_chain.text, /4 rows/);
    await screenshot(page, 'audit-desktop-light');
    await press(page, 'audit_kind_user.*');
    await waitForState(page, (x) => x.audit_log.kind === 'user.*' && x.audit_log.loaded, { what: 'the people actions' });
    await press(page, 'audit_kind_message.*');
    s = await waitForState(page, (x) => x.audit_log.kind === 'message.*' && x.audit_log.loaded && !x.frame_pending, { what: 'no message actions' });
    assert.equal(s.audit_log.rows.length, 0);
    await press(page, 'audit_kind_all');
    await waitForState(page, (x) => x.audit_log.kind === '' && x.audit_log.rows.length === 4, { what: 'every action again' });

    // The tree manager: the demo's trees by state, the tasks on offer, and a setting changed.
    await toTop(page);
    await press(page, 'section_trees');
    s = await waitForState(page, (x) => x.screen === 'trees' && x.trees.loaded && Object.keys(x.trees.config).length > 0 && !x.frame_pending, { what: 'the trees screen' });
    assert.ok(s.trees.counts.length > 0, 'trees by state and language');
    assert.match(s.widgets.available_en.text, /^en: /);
    await toTop(page);
    await screenshot(page, 'trees-desktop-light');
    await press(page, 'config_max_active_trees');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('12');
    await press(page, 'config_save');
    s = await waitForState(page, (x) => x.screen === 'trees' && x.trees.config.max_active_trees === 12, { what: 'the setting saved' });
    assert.match(s.trees.notice, /Saved/);
    await waitForState(page, (x) => !x.frame_pending, { what: 'drawn' });
    await screenshot(page, 'trees-settings-desktop-light'); // scrolled to the settings by the presses
    assert.equal(JSON.parse(sql(dataDir, "SELECT value FROM config WHERE key = 'max_active_trees'")[0].value), 12);

    // API keys: a new key is shown once, and copied; the frontend it is for can call with it.
    await toTop(page);
    await press(page, 'section_api_keys');
    await waitForState(page, (x) => x.screen === 'api_keys' && x.api_keys.loaded, { what: 'the API keys' });
    await typeInto(page, 'api_key_description', 'Discord bot');
    await press(page, 'api_key_create');
    s = await waitForState(page, (x) => x.screen === 'api_keys' && x.api_keys.issued_for && !x.frame_pending, { what: 'the key shown' });
    await toTop(page);
    await screenshot(page, 'api-keys-desktop-light');
    await press(page, 'dismiss_api_key');
    await waitForState(page, (x) => x.api_keys.issued_for === null, { what: 'the key put away' });

    // Phone size: the log, the list and a person's page fit, sections and all.
    await page.setViewportSize({ width: 390, height: 844 });
    s = await waitForState(page, (x) => x.widgets.section_queue && x.widgets.section_queue.x < 40 && !x.frame_pending, { what: 'the phone layout' });
    assertFits(s, 390);
    await toTop(page);
    await screenshot(page, 'audit-phone-light');
    await toTop(page);
    await press(page, 'section_people');
    s = await settledPeople(page, (p) => p.loaded, 'people at phone size');
    if (s.people.opened) await press(page, 'people_back'); // the author's page was still open
    s = await settledPeople(page, (p) => p.opened === '' && p.loaded && p.items.length >= 1, 'the list at phone size');
    assertFits(s, 390);
    await toTop(page);
    await screenshot(page, 'people-list-phone-light');
    await press(page, 'person_0');
    s = await settledPeople(page, (p) => p.person !== null, 'a page at phone size');
    assertFits(s, 390);
    await toTop(page);
    await screenshot(page, 'people-person-phone-light');
    for (const [section, screen] of [['section_trees', 'trees'], ['section_api_keys', 'api_keys']]) {
      await toTop(page);
      await press(page, section);
      s = await waitForState(page, (x) => x.screen === screen && x[screen].loaded && !x.frame_pending, { what: `${screen} at phone size` });
      await page.waitForTimeout(200);
      s = await waitForState(page, (x) => !x.frame_pending, { what: 'drawn' });
      assertFits(s, 390);
      await toTop(page);
      await screenshot(page, `${screen.replace('_', '-')}-phone-light`);
    }
    assert.deepEqual(pageErrors, [], 'no error on the page');
  });
});
