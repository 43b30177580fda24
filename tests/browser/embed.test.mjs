// Orchard on another site (docs/embedding.md), as a project's website would have it: the example
// host page (examples/embed-host/index.html) served from one loopback origin, Orchard from
// another. A guest signs in and completes a task inside the frame with real mouse and keyboard
// input, the host page hears `ready`, `signed_in` and `task_done` with the points, the frame is
// as tall as Orchard's content, and nothing needed a cookie. A page on an origin the server was
// not told of cannot frame it. The public widgets draw the board and the news on the host page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, launchBrowser, state, waitForState, screenshot } from './lib/orchard.mjs';
import { enterAsGuest, openTask, openSignInForm, typeInto, press } from './lib/actions.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const hostPage = readFileSync(join(here, '..', '..', 'examples', 'embed-host', 'index.html'), 'utf8');

// Serves the example host page on localhost (a different site from Orchard's 127.0.0.1), on a
// free port; `point(url)` aims it at the Orchard server there (its port is known only later).
async function startHost({ loadTimeoutMs, attributes } = {}) {
  let page = '';
  const server = createServer((request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(page);
  });
  await new Promise((resolve) => server.listen(0, 'localhost', resolve));
  return {
    origin: `http://localhost:${server.address().port}`,
    point(orchardUrl) {
      page = hostPage.replaceAll('http://localhost:8080', orchardUrl.replace(/\/$/, ''));
      assert.notEqual(page, hostPage, 'the example names Orchard\'s address');
      if (loadTimeoutMs) page = page.replace('async data-theme', `async data-load-timeout-ms="${loadTimeoutMs}" data-theme`);
      if (attributes) page = page.replace('async data-theme="light"', `async ${attributes}`);
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

// The lines of the host page's event log, each "type {detail}".
async function hostEvents(page) {
  const text = await page.locator('#events').textContent();
  return text.split('\n').filter(Boolean).map((line) => {
    const space = line.indexOf(' ');
    return { type: line.slice(0, space), detail: JSON.parse(line.slice(space + 1).replace(/ {2}\(.*\)$/, '')) };
  });
}

async function waitForEvent(page, type, { timeout = 60000 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const found = (await hostEvents(page)).filter((e) => e.type === type);
    if (found.length) return found;
    if (Date.now() > deadline) throw new Error(`the host page never heard "${type}": ${JSON.stringify(await hostEvents(page))}`);
    await page.waitForTimeout(100);
  }
}

// The embedded Orchard as the shared actions see a page: its state from inside the frame, mouse
// and touch at the frame's place on the host page (scrolled so that the frame's top is at the top
// of the window), the keyboard of the page, and the frame's visible size as the viewport.
function framed(page, frame) {
  const element = page.locator('iframe[title="Orchard"]');
  let box = { x: 0, y: 0, width: 0, height: 0 };
  const place = async () => {
    await element.evaluate((e) => e.scrollIntoView({ block: 'start' }));
    box = await element.boundingBox();
    box.height = Math.min(box.height, page.viewportSize().height - box.y);
  };
  return {
    async evaluate(fn, arg) { await place(); return frame.evaluate(fn, arg); },
    mouse: {
      click: (x, y, o) => page.mouse.click(box.x + x, box.y + y, o),
      move: (x, y, o) => page.mouse.move(box.x + x, box.y + y, o),
      wheel: (dx, dy) => page.mouse.wheel(dx, dy),
    },
    keyboard: page.keyboard,
    viewportSize: () => ({ width: box.width, height: box.height }),
    waitForTimeout: (ms) => page.waitForTimeout(ms),
  };
}

test('a guest contributes inside another site\'s page, which hears of it; other sites cannot frame Orchard', async (t) => {
  const host = await startHost();
  const elsewhere = await startHost({ loadTimeoutMs: 8000 });
  const dark = await startHost({ attributes: 'data-theme="dark" data-task="assistant_reply"' });
  const orchard = await startServer({ args: ['--demo', '--embed-origin', host.origin, '--embed-origin', dark.origin] });
  host.point(orchard.url);
  dark.point(orchard.url);
  elsewhere.point(orchard.url);
  const hostOrigin = host.origin;
  const browser = await launchBrowser();
  try {
    await t.test('desktop: sign in, a task, the events, the frame\'s height, no cookies', async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(hostOrigin + '/');
      await waitForEvent(page, 'ready');
      const frame = page.frames().find((f) => f.url().startsWith(orchard.url) && f.url().includes('embed=1'));
      assert.ok(frame, 'Orchard is in a frame of the host page');
      const inside = framed(page, frame);
      let s = await state(inside);
      assert.equal(s.embedded, true, 'the app knows it is embedded');
      assert.ok(!s.widgets.theme_toggle && !s.widgets.sign_out, 'no top bar of Orchard\'s own');

      await enterAsGuest(inside, 'Framed Guest');
      const [signedIn] = await waitForEvent(page, 'signed_in');
      assert.deepEqual(signedIn.detail, { display_name: 'Framed Guest', guest: true });
      await screenshot(page, 'embed-host-dashboard');

      // A prompt: its field is at the top of the task, in view without scrolling inside the frame.
      await openTask(inside, 'initial_prompt');
      try {
        // Typed, reviewed with Ctrl+Enter and sent, as a person at a desk would.
        await typeInto(inside, 'reply_editor', 'How do I keep basil alive on a windowsill through the winter?');
        await page.keyboard.press('Control+Enter');
        await waitForState(inside, (x) => x.task.reviewing && x.widgets.submit, { what: 'the review' });
        // Sent with a click: the field that had the keyboard is gone in the review.
        await press(inside, 'submit');
        await waitForState(inside, (x) => x.task.completed === 1, { what: 'the prompt sent' });
      } catch (error) {
        await screenshot(page, 'embed-failure');
        const frameHeight = await page.locator('iframe[title="Orchard"]').evaluate((e) => e.getBoundingClientRect().top + ' ' + e.getBoundingClientRect().height);
        throw new Error(`${error.message}; frame top and height ${frameHeight}; state ${JSON.stringify((await state(inside)).widgets.reply_editor)} ${JSON.stringify((await state(inside)).values)}`);
      }
      const [done] = await waitForEvent(page, 'task_done');
      assert.equal(done.detail.task_type, 'initial_prompt');
      // A prompt is worth 0.1 points, rounded down per kind (docs/rewards.md): none yet.
      assert.equal(done.detail.points, 0);
      assert.equal(done.detail.score, 0);
      assert.equal(done.detail.tasks_done, 1);
      await screenshot(page, 'embed-host-task-done');

      // The frame is as tall as Orchard's content, within its bounds (560 px up to the window).
      s = await state(inside);
      const height = await page.locator('iframe[title="Orchard"]').evaluate((e) => e.getBoundingClientRect().height);
      const expected = Math.min(Math.max(Math.ceil(s.values.content_height), 560), 900);
      assert.ok(Math.abs(height - expected) <= 1, `frame ${height} px for content ${s.values.content_height} px`);

      // No cookie anywhere. This Chromium, as Playwright starts it, also denies a third-party
      // frame its storage (third-party cookies blocked, storage not partitioned): the host page
      // keeps the frame's storage then, and a reload finds the guest still signed in.
      assert.deepEqual(await context.cookies(), []);
      const own = await frame.evaluate(() => { try { localStorage.length; return 'allowed'; } catch (e) { return 'denied'; } });
      assert.equal(own, 'denied', 'the frame is denied storage of its own here');
      assert.ok(await page.evaluate((key) => JSON.parse(localStorage.getItem(key))['orchard.session'], `orchard-frame:${new URL(orchard.url).origin}`),
        'the host page keeps the frame\'s session');
      assert.deepEqual((await hostEvents(page)).filter((e) => e.type === 'error'), []);
      const guest = (await state(inside)).signed_in_as;
      await page.reload();
      const [again] = await waitForEvent(page, 'signed_in');
      assert.deepEqual(again.detail, { display_name: 'Framed Guest', guest: true });
      const reloaded = page.frames().find((f) => f.url().startsWith(orchard.url) && f.url().includes('embed=1'));
      // The same guest, back at work where they were.
      const back = await waitForState(framed(page, reloaded), (x) => x.screen === 'dashboard' || x.screen === 'task',
        { what: 'the guest back after the reload' });
      assert.equal(back.signed_in_as, guest);

      // The public widgets on the same page: the board as the public JSON has it (the sample's
      // contributors lead it), the news something, neither anything private.
      const top = await (await fetch(`${orchard.url.replace(/\/$/, '')}/api/v1/public/leaderboards/total?max_count=5`)).json();
      const boardFrame = page.frames().find((f) => f.url().includes('/widgets/leaderboard.html'));
      await boardFrame.waitForFunction(() => document.querySelectorAll('#list li .name').length > 0);
      const names = await boardFrame.evaluate(() => [...document.querySelectorAll('#list li .name')].map((e) => e.textContent));
      assert.deepEqual(names, top.leaderboard.map((row) => row.display_name));
      const news = page.frames().find((f) => f.url().includes('/widgets/news.html'));
      await news.waitForFunction(() => document.querySelectorAll('#list li .text').length > 0);
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, 'embed-host-widgets');
      // In the language the host asks for, from the interface's catalogs; right to left for Arabic.
      const de = JSON.parse(readFileSync(join(here, '..', '..', 'locales', 'de', 'widgets.json'), 'utf8'));
      const ar = JSON.parse(readFileSync(join(here, '..', '..', 'locales', 'ar', 'widgets.json'), 'utf8'));
      const en = JSON.parse(readFileSync(join(here, '..', '..', 'locales', 'en', 'widgets.json'), 'utf8'));
      for (const [path, title, dir] of [['widgets/news.html?lang=de', de.news_title, 'ltr'],
        ['widgets/leaderboard.html?lang=xx&frame=week', en.board_week, 'ltr'], // one Orchard lacks: English
        ['widgets/leaderboard.html?lang=ar&frame=week', ar.board_week, 'rtl']]) {
        const widget = await context.newPage();
        await widget.goto(new URL(path, orchard.url).href);
        await widget.waitForFunction((expected) => document.getElementById('title').textContent === expected, title);
        assert.equal(await widget.evaluate(() => document.documentElement.dir), dir);
        await screenshot(widget, `widget-${path.includes('news') ? 'news' : 'board'}-${new URL(path, orchard.url).searchParams.get('lang')}`);
        await widget.close();
      }
      await context.close();
    });

    await t.test('phone: the embedded client fits a narrow page', async () => {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
      const page = await context.newPage();
      await page.goto(hostOrigin + '/');
      await waitForEvent(page, 'ready');
      const frame = page.frames().find((f) => f.url().startsWith(orchard.url) && f.url().includes('embed=1'));
      const inside = framed(page, frame);
      const s = await waitForState(inside, (x) => x.screen === 'sign_in' && x.widgets.choose_guest, { what: 'the sign-in card' });
      assert.ok(!s.widgets.theme_toggle, 'no top bar');
      await screenshot(page, 'embed-host-phone');
      await context.close();
    });

    await t.test('the snippet\'s attributes: a dark theme, and a first task of the kind it names', async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(dark.origin + '/');
      await waitForEvent(page, 'ready');
      const frame = page.frames().find((f) => f.url().startsWith(orchard.url) && f.url().includes('embed=1'));
      const inside = framed(page, frame);
      let s = await state(inside);
      assert.equal(s.theme, 'dark');
      await waitForState(inside, (x) => x.ready && x.screen === 'sign_in', { what: 'the sign-in card' });
      await openSignInForm(inside, 'guest');
      await typeInto(inside, 'guest_display_name', 'Night Owl');
      await press(inside, 'guest_submit');
      await waitForState(inside, (x) => x.screen === 'terms', { what: 'the terms' });
      await press(inside, 'accept_terms');
      s = await waitForState(inside, (x) => x.task?.phase === 'working', { what: 'the first task' });
      assert.equal(s.task.type, 'assistant_reply', 'straight into the task kind data-task names');
      await screenshot(page, 'embed-host-dark-task');
      await context.close();
    });

    await t.test('a page of an origin the server was not told of cannot frame Orchard', async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const refused = page.waitForResponse((r) => r.url().startsWith(orchard.url) && r.url().includes('embed=1'));
      await page.goto(elsewhere.origin + '/');
      const answer = await refused;
      assert.equal(answer.headers()["content-security-policy"], `frame-ancestors ${hostOrigin} ${dark.origin}`);
      const [error] = await waitForEvent(page, 'error', { timeout: 30000 });
      assert.equal(error.detail.kind, 'not_loaded');
      assert.deepEqual((await hostEvents(page)).filter((e) => e.type === 'ready'), []);
      // Whatever the frame shows, it is not Orchard.
      for (const frame of page.frames().slice(1)) {
        if (frame.url().includes('/widgets/')) continue;
        assert.equal(await frame.evaluate(() => typeof window.orchard).catch(() => 'undefined'), 'undefined');
      }
      await context.close();
    });
  } finally {
    await browser.close();
    await host.close();
    await dark.close();
    await elsewhere.close();
    await orchard.stop();
  }
});
