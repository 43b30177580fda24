// Shared helpers for the browser tests: start the real server, launch Debian's Chromium through
// playwright-core, read window.orchard.state(), and act with real input events at the
// rectangles it reports.
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const screenshotDir = join(here, '..', 'screenshots');
mkdirSync(screenshotDir, { recursive: true });

export async function startServer({ dataDir, args = [], port = 0 } = {}) {
  const serverBinary = process.env.ORCHARD_SERVER;
  const publicDir = process.env.ORCHARD_PUBLIC_DIR;
  if (!serverBinary || !publicDir) throw new Error('ORCHARD_SERVER and ORCHARD_PUBLIC_DIR must be set (ctest sets them)');
  const ownDir = !dataDir;
  dataDir = dataDir ?? mkdtempSync(join(tmpdir(), 'orchard-browser-'));
  const child = spawn(serverBinary, ['serve', '--port', String(port), '--data', dataDir, '--public', publicDir, '--quiet', ...args],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start:\n' + output)), 30000);
    const onData = (chunk) => {
      output += chunk;
      if (process.env.ORCHARD_SHOW_SERVER) process.stderr.write(chunk);
      const match = output.match(/running at (http:\/\/[^\s]+)/);
      if (match) { clearTimeout(timer); resolve(match[1]); }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited (${code}):\n${output}`)); });
  });
  return {
    url,
    dataDir,
    // Everything the server printed so far (its error log among it).
    get output() { return output; },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      if (ownDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// `env`: variables added to the browser's environment (e.g. FONTCONFIG_FILE for other fonts).
export async function launchBrowser(extraArgs = [], env = undefined) {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    env: env ? { ...process.env, ...env } : undefined,
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
      '--disable-background-networking', '--disable-component-update', '--no-first-run',
      '--disable-sync', '--disable-quic', ...extraArgs],
  });
}

export async function state(page) {
  return page.evaluate(() => window.orchard.state());
}

// Polls window.orchard.state() until `predicate` holds; fails with the last state otherwise.
export async function waitForState(page, predicate, { timeout = 20000, what = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    last = await state(page).catch(() => undefined);
    if (last && predicate(last)) return last;
    await page.waitForTimeout(50);
  }
  throw new Error(`timed out waiting for ${what}; last state: ${JSON.stringify(last)}`);
}

export function center(snapshot, id) {
  const rect = snapshot.widgets[id];
  if (!rect) throw new Error(`widget ${id} not on screen; widgets: ${Object.keys(snapshot.widgets).join(', ')}`);
  return { x: rect.x + rect.w / 2, y: rect.y + rect.h / 2 };
}

export async function clickWidget(page, id) {
  const { x, y } = center(await state(page), id);
  await page.mouse.click(x, y);
}

export async function tapWidget(page, id) {
  const { x, y } = center(await state(page), id);
  await page.touchscreen.tap(x, y);
}

export async function screenshot(page, name) {
  const path = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

// A fresh data folder, the real server on it (started with `serverArgs`) and a Chromium page
// opened at its address; runs `fn({ page, server, dataDir, ...prepared })` and removes everything
// afterwards. `prepare(dataDir)` runs before the server starts (e.g. to create an API key) and
// returns fields for `fn`. A test may replace `server` (a restart); the last one is stopped.
// `browserEnv` is added to the browser's environment; `colorScheme` ('light' or 'dark') is what the
// page's prefers-color-scheme reports, which picks the client's first theme.
export async function withServerPage({ viewport, scale = 1, touch = false, serverArgs = ['--demo'], name = 'browser', prepare, browserEnv, locale, colorScheme, path = '', beforeLoad }, fn) {
  const dataDir = mkdtempSync(join(tmpdir(), `orchard-${name}-`));
  const prepared = prepare ? prepare(dataDir) : {};
  let server = await startServer({ dataDir, args: serverArgs });
  const browser = await launchBrowser([], browserEnv);
  try {
    const context = await browser.newContext({ viewport, deviceScaleFactor: scale, hasTouch: touch, isMobile: touch, locale, colorScheme });
    const page = await context.newPage();
    if (beforeLoad) await beforeLoad(page);
    await page.goto(path ? new URL(path, server.url).href : server.url);
    await fn({ page, dataDir, ...prepared, get server() { return server; }, set server(s) { server = s; } });
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
