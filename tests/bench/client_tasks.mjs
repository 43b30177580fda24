// Client figures of the contributor workflow in headless Chromium (software WebGL):
// - time from navigation to the first interactive frame (sign-in form ready), median of 5;
// - CPU time per frame on a rank task with three 2,000-character replies (median of 3 runs of
//   60 frames driven by pointer moves), against an idle dashboard frame measured the same way;
// - frames rendered during 10 s of idling on a task screen (target 0);
// - wasm heap size after 20 completed tasks.
// Prints figures; asserts nothing.
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, launchBrowser, state, waitForState } from '../browser/lib/orchard.mjs';
// Scrolls a widget into view first: the dashboard is taller than the window since the rewards cards.
import { enterAsGuest, press } from '../browser/lib/actions.mjs';

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

// A sample with one English tree waiting for ranking: a prompt and three accepted assistant
// replies of 2,000 characters of Markdown each, plus trees to write into for the heap run.
function longReply(seed) {
  const sentences = [
    'Recursion means a function solves a problem by calling itself on a smaller part of it.',
    'Every recursive function needs a **base case** that stops the calls.',
    'Think of a queue where each person asks the one in front of them for their position.',
    'In code, the call stack keeps track of every call that is still waiting for an answer.',
    'A missing base case leads to a *stack overflow*, because the calls never end.',
    'Many problems on trees and nested lists are easiest to express this way.',
  ];
  let text = `## Answer ${seed}\n\n`;
  let i = seed;
  while (text.length < 1900) {
    text += sentences[i % sentences.length] + ' ';
    if (i % 4 === 3) text += '\n\n- a list item with `code` in it\n- and another one\n\n';
    ++i;
  }
  return text.slice(0, 2000);
}

function demoFile(dir) {
  const users = ['ada_l', 'tomasz_k', 'mira_s', 'jonas_h'].map((u) => ({ username: u, display_name: u }));
  const trees = [{
    lang: 'en', state: 'ranking',
    prompt: {
      ref: 'r-1', author: 'ada_l', role: 'prompter', review: 'accepted',
      text: 'Can you explain recursion to a beginner programmer, with a simple example?',
      children: [1, 2, 3].map((n) => ({
        ref: `r-1-${n}`, author: users[n].username, role: 'assistant', review: 'accepted', text: longReply(n), children: [],
      })),
    },
  }];
  for (let n = 0; n < 30; ++n) {
    trees.push({
      lang: 'en', state: 'growing',
      prompt: { ref: `g-${n}`, author: users[n % 4].username, role: 'prompter', review: 'accepted',
        text: `Sample question number ${n}: how would you explain topic ${n} to a friend?`, children: [] },
    });
  }
  const path = join(dir, 'bench_demo.json');
  writeFileSync(path, JSON.stringify({ users, trees }));
  return path;
}

// CPU time the page's main thread spends per rendered frame while the pointer moves over it.
async function cpuPerFrame(page, cdp) {
  const runs = [];
  for (let run = 0; run < 3; ++run) {
    const before = (await state(page)).frames_rendered;
    const start = (await cdp.send('Performance.getMetrics')).metrics;
    for (let i = 0; i < 60; ++i) {
      await page.mouse.move(600 + (i % 20) * 5, 400 + (i % 7) * 3);
      await page.waitForTimeout(20);
    }
    await page.waitForTimeout(300);
    const end = (await cdp.send('Performance.getMetrics')).metrics;
    const frames = (await state(page)).frames_rendered - before;
    const metric = (list, name) => list.find((m) => m.name === name).value;
    const cpu = (metric(end, 'TaskDuration') - metric(start, 'TaskDuration')) * 1000;
    runs.push(cpu / Math.max(1, frames));
  }
  return median(runs);
}

const dir = mkdtempSync(join(tmpdir(), 'orchard-bench-'));
// A trusted key lifts the per-person task rate limits (4 assistant replies per 2 minutes): the
// heap run does 20 tasks in about a minute.
const key = execFileSync(process.env.ORCHARD_SERVER,
  ['api-client', 'add', '--description', 'bench', '--trusted', '--data', dir]).toString().match(/orchard_[A-Za-z0-9_-]+/)[0];
const server = await startServer({ dataDir: dir, args: ['--demo-file', demoFile(dir)] });
const configured = await fetch(server.url + 'api/v1/admin/config', {
  method: 'PUT', headers: { 'X-API-Key': key, 'Content-Type': 'application/json' },
  body: JSON.stringify({ task_requests_per_user: 1000000, assistant_reply_requests_per_user: 1000000 }),
});
if (!configured.ok) throw new Error(`config: ${configured.status} ${await configured.text()}`);
const browser = await launchBrowser();
try {
  // First interactive frame: navigation until the sign-in buttons are drawn, cold cache.
  const times = [];
  for (let run = 0; run < 5; ++run) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const t0 = Date.now();
    await page.goto(server.url);
    await waitForState(page, (s) => s.ready && s.widgets.choose_register, { what: 'sign-in', timeout: 60000 });
    times.push(Date.now() - t0);
    await context.close();
  }
  console.log(`First interactive frame (sign-in form), median of 5: ${median(times)} ms (runs ${times.join(', ')})`);

  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(server.url);
  await enterAsGuest(page, 'Bench');
  const dashboard = await cpuPerFrame(page, cdp);

  await press(page, 'start_rank_assistant_replies');
  await waitForState(page, (s) => s.task?.phase === 'working' && s.task.replies === 3, { what: 'the long rank task' });
  const rank = await cpuPerFrame(page, cdp);
  console.log(`CPU per frame, rank task with 3 x 2,000-character replies: ${rank.toFixed(2)} ms; ` +
    `dashboard in the same run: ${dashboard.toFixed(2)} ms (ratio ${(rank / dashboard).toFixed(2)}), median of 3 x 60 pointer moves`);

  // Idle: nothing happens for 10 s on the task screen.
  await page.waitForTimeout(1000);
  const idleStart = (await state(page)).frames_rendered;
  await page.waitForTimeout(10000);
  console.log(`Frames rendered while idle for 10 s on the rank task: ${(await state(page)).frames_rendered - idleStart}`);

  // Heap after 20 tasks: rank once, then write replies and prompts.
  await page.mouse.click(8, 400);
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Control+Enter');
  let done = 1;
  await waitForState(page, (s) => s.task?.completed === 1, { what: 'the ranking to be saved' });
  await press(page, 'home');
  await waitForState(page, (s) => s.screen === 'dashboard' && s.dashboard_loaded);
  await press(page, 'start_assistant_reply');
  while (done < 20) {
    // After each submission the next task of the same kind comes by itself.
    await waitForState(page, (s) => s.task?.phase === 'working', { what: 'a reply task' });
    await press(page, 'reply_editor');
    await page.keyboard.type(`Benchmark reply number ${done}: short, but a real answer.`);
    await page.keyboard.press('Control+Enter');
    await waitForState(page, (s) => s.task.reviewing && !s.widgets.reply_editor);
    await page.keyboard.press('Control+Enter');
    await waitForState(page, (s) => s.task?.completed === done + 1, { what: 'the reply to be saved' });
    ++done;
  }
  const heap = await page.evaluate(() => window.Module.HEAP8.length);
  console.log(`wasm heap after ${done} tasks: ${(heap / 1048576).toFixed(1)} MiB`);
} finally {
  await browser.close();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
