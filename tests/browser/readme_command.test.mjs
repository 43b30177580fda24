// The README's run command, exactly as a newcomer runs it: a fresh clone of this repository, the
// command from the README's "Two commands" block run there by bash (with `--port 0` so it takes
// a free port instead of 8080), then the printed address opened in Chromium. It catches what no
// test that starts the server its own way can: the build landing the client where the server
// does not look, a missing install step, the sample data not loading.
//
// The clone holds what is committed: run on a working copy, uncommitted changes are not tested.
// Building the clone from nothing takes minutes (the client's objects come from ccache when the
// test build already compiled them); ctest gives this test a long timeout of its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { readFileSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, waitForState, screenshot } from './lib/orchard.mjs';
import { openSignInForm, typeInto, press } from './lib/actions.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const buildMinutes = 40;

// The first line of the README's first ```sh block, without its comment.
function readmeRunCommand() {
  const readme = readFileSync(join(repo, 'README.md'), 'utf8');
  const block = readme.match(/```sh\n([^\n]*)\n/);
  assert.ok(block, 'the README has a ```sh block');
  const command = block[1].replace(/#.*$/, '').trim();
  assert.match(command, /^scripts\/run\.sh$/, 'the first README command is the run command');
  return command;
}

// Runs the command in `dir` as its own process group; resolves with the address it prints. It runs
// niced: ctest runs it beside the other tests, whose timing matters more than this build's.
function runUntilServing(command, dir, log) {
  const child = spawn('nice', ['-n', '10', 'bash', '-c', `${command} --port 0`], { cwd: dir, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const url = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no address after ${buildMinutes} minutes:\n${log.text}`)), buildMinutes * 60000);
    const onData = (chunk) => {
      log.text += chunk;
      const match = log.text.match(/running at (http:\/\/[^\s]+)/);
      if (match) { clearTimeout(timer); resolve(match[1]); }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`${command} exited (${code}):\n${log.text.slice(-4000)}`)); });
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.on('exit', resolve));
    process.kill(-child.pid, 'SIGTERM');
    await exited;
  };
  return { url, stop };
}

test('the README run command in a fresh clone serves the client, with sample tasks of every kind', { timeout: (buildMinutes + 5) * 60000 }, async () => {
  const command = readmeRunCommand();
  const clone = mkdtempSync(join(tmpdir(), 'orchard-readme-'));
  const log = { text: '' };
  let run;
  let browser;
  try {
    execFileSync('git', ['clone', '--quiet', repo, clone]);
    const started = Date.now();
    run = runUntilServing(command, clone, log);
    const url = await run.url;
    console.log(`${command} served ${url} after ${((Date.now() - started) / 1000).toFixed(0)} s`);

    const index = await fetch(url);
    assert.equal(index.status, 200);
    assert.match(await index.text(), /<canvas id="canvas"/);

    browser = await launchBrowser();
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 1800 } })).newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url);
    await waitForState(page, (s) => s.ready && s.connection === 'connected' && s.screen === 'sign_in', { timeout: 60000, what: 'the sign-in screen' });
    console.log('screenshot:', await screenshot(page, 'readme-command-sign-in'));

    // A guest sees every task kind with work waiting: the sample data loaded.
    await openSignInForm(page, 'guest');
    await typeInto(page, 'guest_display_name', 'Newcomer');
    await press(page, 'guest_submit');
    await waitForState(page, (s) => s.screen === 'terms', { what: 'the terms' });
    await press(page, 'accept_terms');
    // The widgets' texts are those of the frame drawn last: wait until it shows the counts.
    const countsOf = (s) => Object.entries(s.widgets).filter(([id]) => id.startsWith('count_'));
    const dashboard = await waitForState(
      page,
      (s) => s.screen === 'dashboard' && s.dashboard_loaded && countsOf(s).length > 0 && countsOf(s).every(([, w]) => w.text !== 'Counting…'),
      { what: 'the dashboard with its counts' },
    );
    const counts = countsOf(dashboard);
    assert.ok(counts.length >= 5, `task kinds on the dashboard: ${counts.map(([id]) => id)}`);
    for (const [id, widget] of counts) assert.match(widget.text, /^[1-9]/, `${id}: "${widget.text}"`);
    console.log('screenshot:', await screenshot(page, 'readme-command-dashboard'));
    assert.deepEqual(errors, []);
  } finally {
    await browser?.close();
    await run?.stop();
    rmSync(clone, { recursive: true, force: true });
  }
});
