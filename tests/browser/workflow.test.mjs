// The whole contributor workflow in a real browser with real input: a newcomer registers,
// accepts the terms and completes one task of every type (writing with the keyboard, labeling in
// full and simple mode, ranking by dragging and by keyboard); the test then reads the
// server's database to check that exactly what was entered is stored. Also: a reload while
// writing restores the draft, skipping asks only when text was typed, the server stopped during
// a submission loses and duplicates nothing, and the flow works on a 390x844 phone at DPR 3.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { startServer, withServerPage, state, waitForState, center, screenshot } from './lib/orchard.mjs';
import { reveal, press, typeInto, register, openTask, openSignInForm } from './lib/actions.mjs';

function sql(dataDir, query) {
  const out = execFileSync('sqlite3', ['-readonly', '-json', join(dataDir, 'orchard.db'), query]).toString();
  return out.trim() ? JSON.parse(out) : [];
}

const quote = (text) => `'${text.replaceAll("'", "''")}'`;

async function submitted(page, before) {
  return waitForState(page, (s) => s.task && s.task.completed === before + 1, { what: 'the submission to be confirmed' });
}

async function writeAndSubmit(page, text, options = {}) {
  const before = (await state(page)).task.completed;
  await typeInto(page, 'reply_editor', text, options);
  await page.keyboard.press('Control+Enter'); // review
  // Reviewing, and the editor gone (the keyboard is the page's again).
  await waitForState(page, (s) => s.task.reviewing && !s.widgets.reply_editor, { what: 'review' });
  if (options.shot) await screenshot(page, options.shot);
  await page.keyboard.press('Control+Enter'); // submit
  return submitted(page, before);
}

// Answers every question, walking down the panel (widgets are in the state only while on
// screen): yes/no → No, scales → step 4 of 5, "Wrong language" → on, other flags left off.
async function label(page, options = {}) {
  const expected = {};
  const handled = new Set();
  const height = page.viewportSize().height;
  const visible = (r) => r && r.y >= 64 && r.y + r.h <= height - 4;
  for (let i = 0; i < 40; ++i) {
    const s = await state(page);
    for (const [id, r] of Object.entries(s.widgets)) {
      if (!visible(r)) continue;
      let m = id.match(/^label_(.+)_no$/);
      if (m && !handled.has(m[1])) {
        await press(page, id, options); expected[m[1]] = 0; handled.add(m[1]); continue;
      }
      m = id.match(/^label_(.+)_4$/);
      if (m && !handled.has(m[1])) {
        await press(page, id, options);
        expected[m[1]] = ['toxicity', 'violence'].includes(m[1]) ? 0.25 : 0.75;
        handled.add(m[1]); continue;
      }
      m = id.match(/^label_([a-z_]+)$/);
      if (m && m[1] !== 'mode' && !/_(yes|no)$/.test(m[1]) && !handled.has(m[1])) {
        if (m[1] === 'lang_mismatch') { await press(page, id, options); expected[m[1]] = 1; } else expected[m[1]] = 0;
        handled.add(m[1]);
      }
    }
    if (visible(s.widgets.submit)) break;
    await page.mouse.move(8, height / 2);
    await page.mouse.wheel(0, 200);
    await page.waitForTimeout(60);
  }
  return expected;
}

function storedLabels(dataDir, taskId) {
  return JSON.parse(sql(dataDir, `SELECT labels FROM text_labels WHERE task_id = ${quote(taskId)}`)[0].labels);
}

function replyIds(dataDir, taskId) {
  const payload = JSON.parse(sql(dataDir, `SELECT payload FROM task_payloads WHERE task_id = ${quote(taskId)}`)[0].payload);
  return payload.reply_messages.map((m) => m.id);
}

function storedRanking(dataDir, taskId) {
  return JSON.parse(sql(dataDir, `SELECT ranking FROM rankings WHERE task_id = ${quote(taskId)}`)[0].ranking);
}

// Sets the server's configuration through the admin API with a trusted key made beforehand.
async function configure(server, key, values) {
  const answer = await fetch(server.url + 'api/v1/admin/config', {
    method: 'PUT', headers: { 'X-API-Key': key, 'Content-Type': 'application/json' }, body: JSON.stringify(values),
  });
  assert.equal(answer.status, 200, await answer.text());
}

async function withPage(viewport, scale, fn, { touch = false, serverArgs = ['--demo'] } = {}) {
  // A trusted API key, created before the server starts (the demo loads into an empty database).
  const prepare = (dataDir) => ({
    key: execFileSync(process.env.ORCHARD_SERVER,
      ['api-client', 'add', '--description', 'test admin', '--trusted', '--data', dataDir]).toString().match(/orchard_[A-Za-z0-9_-]+/)[0],
  });
  await withServerPage({ viewport, scale, touch, serverArgs, name: 'workflow', prepare }, fn);
}

test('a newcomer registers and completes one task of every type, stored exactly as entered', async () => {
  await withPage({ width: 1280, height: 800 }, 1, async ({ page, dataDir, server, key }) => {
    // Full mode for prompts and user replies, simple mode for assistant replies: both modes of
    // labeling are exercised.
    await configure(server, key, {
      p_full_labeling_review_prompt: 1, p_full_labeling_review_reply_assistant: 0, p_full_labeling_review_reply_prompter: 1,
    });
    await register(page, 'newcomer');
    await screenshot(page, 'workflow-dashboard-desktop-light');

    // Writing: the keyboard all the way, Ctrl+Enter to review, Ctrl+Enter to submit.
    const texts = {
      initial_prompt: 'How do I keep basil alive on a windowsill?\n\nIt keeps wilting after a week.',
      assistant_reply: 'Here is a **quick** way:\n\n1. Take 10% of the bill.\n2. Add half of that again.\n\nSo for 40 that is 4 + 2 = 6.',
      prompter_reply: "Thanks! And what if I want to tip 20% instead? Is there a trick for that too?",
    };
    for (const [type, text] of Object.entries(texts)) {
      const s = await openTask(page, type);
      if (type === 'assistant_reply') await screenshot(page, 'workflow-assistant-reply-desktop-light');
      await writeAndSubmit(page, text, { shot: type === 'assistant_reply' ? 'workflow-review-desktop-light' : undefined });
      const rows = sql(dataDir, `SELECT role, text FROM messages WHERE text = ${quote(text)}`);
      assert.equal(rows.length, 1, `${type}: exactly one message stored`);
      assert.equal(rows[0].role, type === 'assistant_reply' ? 'assistant' : 'prompter');
      assert.ok(s.task.id);
    }

    // Labeling: every kind, in full and in simple mode.
    for (const type of ['label_initial_prompt', 'label_assistant_reply', 'label_prompter_reply']) {
      const s = await openTask(page, type);
      if (type === 'label_assistant_reply') await screenshot(page, 'workflow-label-desktop-light');
      assert.equal(s.task.mode, type === 'label_assistant_reply' ? 'simple' : 'full', `${type} mode`);
      const expected = await label(page);
      const before = s.task.completed;
      await press(page, 'submit');
      await submitted(page, before);
      assert.deepEqual(storedLabels(dataDir, s.task.id), expected, `${type} (${s.task.mode} mode)`);
    }

    // Ranking by dragging: the first reply dragged below the last.
    {
      const s = await openTask(page, 'rank_assistant_replies');
      await screenshot(page, 'workflow-rank-desktop-light');
      const order = s.task.order;
      const handle = `reply_${order[0]}_handle`;
      const last = `rank_position_${order.length}`;
      const from = center(await reveal(page, handle), handle);
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      const lastRect = (await state(page)).widgets[last] ?? { y: from.y + 600, h: 0 };
      const targetY = Math.min(page.viewportSize().height - 10, lastRect.y + lastRect.h + 10);
      for (let i = 1; i <= 12; ++i) {
        await page.mouse.move(from.x, from.y + ((targetY - from.y) * i) / 12);
        await page.waitForTimeout(30);
      }
      // Held at the bottom edge, the page scrolls until the reply passes the last one.
      const moved = await waitForState(page, (x) => x.task.order[order.length - 1] === order[0],
        { what: 'the dragged reply to reach the last place' });
      await page.mouse.up();
      assert.notDeepEqual(moved.task.order, order);
      await page.keyboard.press('Control+Enter');
      await submitted(page, s.task.completed);
      const ids = replyIds(dataDir, s.task.id);
      assert.deepEqual(storedRanking(dataDir, s.task.id), moved.task.order.map((i) => ids[i]));
    }

    // Ranking by keyboard: select the second reply, press 1 to put it first.
    {
      const s = await openTask(page, 'rank_prompter_replies');
      const order = s.task.order;
      await page.mouse.click(8, 400); // the page has the focus, no field
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('1');
      const moved = await waitForState(page, (x) => x.task.order[0] === order[1], { what: 'the order to change by keyboard' });
      await page.keyboard.press('Shift+ArrowDown'); // and back down again, then up
      await page.keyboard.press('Shift+ArrowUp');
      await page.keyboard.press('Control+Enter');
      await submitted(page, s.task.completed);
      const ids = replyIds(dataDir, s.task.id);
      assert.deepEqual(storedRanking(dataDir, s.task.id), moved.task.order.map((i) => ids[i]));
    }

    // The guidelines panel, and the dark theme of the same screens. After the ranking the next task
    // is being asked for; the header is redrawn when it comes, so the press waits for that first.
    await waitForState(page, (x) => ['working', 'no_task'].includes(x.task?.phase), { what: 'the next task or none' });
    await press(page, 'open_guidelines');
    await waitForState(page, (s) => s.widgets.guidelines_panel, { what: 'guidelines' });
    await screenshot(page, 'workflow-guidelines-desktop-light');
    await page.keyboard.press('Escape');
    await press(page, 'theme_toggle');
    await waitForState(page, (s) => s.theme === 'dark');
    await screenshot(page, 'workflow-task-desktop-dark');
    await press(page, 'home');
    await waitForState(page, (s) => s.screen === 'dashboard' && s.dashboard_loaded);
    await screenshot(page, 'workflow-dashboard-desktop-dark');
  });
});

test('a reload in the middle of writing restores the draft; skip asks only when text was typed', async () => {
  await withPage({ width: 1280, height: 800 }, 1, async ({ page, dataDir }) => {
    await register(page, 'reloader');
    const first = await openTask(page, 'assistant_reply');
    await typeInto(page, 'reply_editor', 'Half a reply before the tab crashed');
    await page.reload();
    const restored = await waitForState(page, (s) => s.ready && s.task?.phase === 'working', { what: 'restored task' });
    assert.equal(restored.task.id, first.task.id);
    assert.equal(restored.task.text, 'Half a reply before the tab crashed');
    // The field's element is made when the editor is first drawn, a frame after the state.
    const field = await page.waitForSelector('[data-orchard-field="reply_editor"]', { state: 'attached' });
    assert.equal(await field.inputValue(), 'Half a reply before the tab crashed');

    // Skip with text: asks first; "Keep writing" keeps it; confirming skips.
    await press(page, 'skip');
    await waitForState(page, (s) => s.widgets.confirmation, { what: 'skip confirmation' });
    await screenshot(page, 'workflow-skip-confirm-desktop-light');
    await press(page, 'cancel_skip');
    await waitForState(page, (s) => !s.widgets.confirmation && s.task.text.length > 0);
    await press(page, 'skip');
    await press(page, 'confirm_skip');
    const next = await waitForState(page, (s) => s.task?.phase === 'working' && s.task.id !== first.task.id, { what: 'next task' });
    assert.equal(sql(dataDir, `SELECT skipped FROM tasks WHERE id = ${quote(first.task.id)}`)[0].skipped, 1);

    // Skip without text: no question.
    await press(page, 'skip');
    const third = await waitForState(page, (s) => s.task?.phase === 'working' && s.task.id !== next.task.id, { what: 'task after skip' });
    assert.equal(third.widgets.confirmation, undefined);
  });
});

// The canvas follows typing only when it pauses; the draft must not wait for it. A renderer
// crash runs no frame and no pagehide handler: what was typed is in storage already.
test('a crashed tab loses nothing typed: the draft is saved at every key', async () => {
  await withPage({ width: 1280, height: 800 }, 1, async ({ page, server }) => {
    await register(page, 'crasher');
    const first = await openTask(page, 'assistant_reply');
    await typeInto(page, 'reply_editor', 'Typed just before the crash');
    const cdp = await page.context().newCDPSession(page);
    const crashed = page.waitForEvent('crash');
    cdp.send('Page.crash').catch(() => {}); // never answered: the page is gone
    await crashed;
    const again = await page.context().newPage();
    await again.goto(server.url);
    const restored = await waitForState(again, (s) => s.ready && s.task?.phase === 'working', { what: 'restored task' });
    assert.equal(restored.task.id, first.task.id);
    assert.equal(restored.task.text, 'Typed just before the crash');
  });
});

test('the server stopped during a submission: nothing lost, nothing duplicated', async () => {
  await withPage({ width: 1280, height: 800 }, 1, async (ctx) => {
    const { page, dataDir } = ctx;
    await register(page, 'patient');
    await openTask(page, 'initial_prompt');
    const text = 'Written while the server restarts: what is the tallest tree on Earth?';
    await typeInto(page, 'reply_editor', text);
    await page.keyboard.press('Control+Enter');
    await waitForState(page, (s) => s.task.reviewing && !s.widgets.reply_editor);
    const port = new URL(ctx.server.url).port;
    await ctx.server.stop();
    await page.keyboard.press('Control+Enter');
    await waitForState(page, (s) => s.connection === 'unreachable' && s.widgets.connection_banner, { what: 'the banner' });
    await screenshot(page, 'workflow-offline-desktop-light');
    ctx.server = await startServer({ dataDir, args: ['--demo'], port: Number(port) });
    // The client also retries by itself with backoff, so on a slow machine it may be back before
    // the button can be pressed; the button only makes it sooner. Press it while it is shown.
    const back = await state(page);
    if (back.widgets.retry && back.connection === 'unreachable') {
      const { x, y } = center(back, 'retry');
      await page.mouse.click(x, y);
    }
    await waitForState(page, (s) => s.connection === 'connected' && s.task?.completed === 1, { what: 'the submission after the restart', timeout: 40000 });
    assert.equal(sql(dataDir, `SELECT count(*) AS n FROM messages WHERE text = ${quote(text)}`)[0].n, 1);
  });
});

test('phone 390x844 at DPR 3: guest, one task of each kind by touch', async () => {
  await withPage({ width: 390, height: 844 }, 3, async ({ page, dataDir }) => {
    const touch = { touch: true };
    await waitForState(page, (s) => s.ready && s.screen === 'sign_in');
    await screenshot(page, 'workflow-sign-in-phone-light');
    await openSignInForm(page, 'guest', touch);
    await typeInto(page, 'guest_display_name', 'Kiosk visitor', touch);
    await press(page, 'guest_submit', touch);
    await waitForState(page, (s) => s.screen === 'terms');
    await screenshot(page, 'workflow-terms-phone-light');
    await press(page, 'accept_terms', touch);
    const dash = await waitForState(page, (s) => s.screen === 'dashboard' && s.dashboard_loaded);
    await screenshot(page, 'workflow-dashboard-phone-light');
    for (const [id, rect] of Object.entries(dash.widgets))
      if (id.startsWith('start_') && rect.y > 60 && rect.y + 44 < 840)
        assert.ok(rect.h >= 44 && rect.w >= 44 && rect.x >= 0 && rect.x + rect.w <= 390, `${id} is a 44 px target on screen: ${JSON.stringify(rect)}`);

    await openTask(page, 'prompter_reply', touch);
    await screenshot(page, 'workflow-write-phone-light');
    const text = 'Typed on a phone: could you explain that once more, more slowly?';
    await typeInto(page, 'reply_editor', text, touch);
    await press(page, 'review', touch);
    await waitForState(page, (s) => s.task.reviewing);
    await press(page, 'submit', touch);
    await submitted(page, 0);
    assert.equal(sql(dataDir, `SELECT count(*) AS n FROM messages WHERE text = ${quote(text)}`)[0].n, 1);

    const labelTask = await openTask(page, 'label_prompter_reply', touch);
    await screenshot(page, 'workflow-label-phone-light');
    const expected = await label(page, touch);
    if (expected.lang_mismatch === 1) {
      // No hover on a phone: a tapped flag explains itself in a line under the flags.
      const help = await waitForState(page, (s) => s.widgets.flag_help, { what: 'the flag explained' });
      assert.match(help.widgets.flag_help.text, /^\S.*: \S/);
      await reveal(page, 'flag_help', touch);
      await screenshot(page, 'workflow-flag-help-phone-light');
    }
    await press(page, 'submit', touch);
    await submitted(page, 1);
    assert.deepEqual(storedLabels(dataDir, labelTask.task.id), expected);

    const rankTask = await openTask(page, 'rank_assistant_replies', touch);
    await screenshot(page, 'workflow-rank-phone-light');
    const order = rankTask.task.order;
    await press(page, `reply_${order[1]}_up`, touch);
    const moved = await waitForState(page, (s) => s.task.order[0] === order[1], { what: 'moved up by touch' });
    await press(page, 'submit', touch);
    await submitted(page, 2);
    const ids = replyIds(dataDir, rankTask.task.id);
    assert.deepEqual(storedRanking(dataDir, rankTask.task.id), moved.task.order.map((i) => ids[i]));

    await press(page, 'theme_toggle', touch);
    await waitForState(page, (s) => s.theme === 'dark');
    await screenshot(page, 'workflow-task-phone-dark');
  }, { touch: true });
});
