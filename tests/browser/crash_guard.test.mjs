// "Send report" at every size, many times over, as a person does it (it used to trap the
// WebAssembly module most of the time: a disabled-button scope popped a style it never pushed),
// and the crash guard: when the module traps, the page says so, the server's log gets the error,
// and a reload brings back the text that was being written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, state, waitForState, screenshot } from './lib/orchard.mjs';
import { press, reveal, typeInto, openTask, enterAsGuest } from './lib/actions.mjs';

// Software rendering at DPR 2 and 3 is slow here, so the loop is longest at desktop size.
const sizes = [
  { name: 'desktop', viewport: { width: 1280, height: 800 }, scale: 1, reports: 4 },
  { name: 'desktop-dpr2', viewport: { width: 1440, height: 900 }, scale: 2, reports: 2 },
  { name: 'phone', viewport: { width: 390, height: 844 }, scale: 3, touch: true, reports: 2 },
];

test('reports sent again and again at three sizes leave the screen whole, and a trap shows the crash guard', async () => {
  const server = await startServer({ args: ['--demo'] });
  const browser = await launchBrowser();
  try {
    for (const size of sizes) {
      const context = await browser.newContext({ viewport: size.viewport, deviceScaleFactor: size.scale,
        hasTouch: !!size.touch, isMobile: !!size.touch });
      const page = await context.newPage();
      const pageErrors = [];
      page.on('pageerror', (error) => pageErrors.push(String(error)));
      const options = { touch: !!size.touch };
      await page.goto(server.url);
      await enterAsGuest(page, `Reporter ${size.name}`, options);
      await openTask(page, 'label_prompter_reply', options);

      for (let i = 0; i < size.reports; ++i) {
        const reason = ['spam', 'not_appropriate', 'pii', 'hate_speech'][i];
        await press(page, `message_${i % 2}_report`, options);
        await press(page, `report_reason_${reason}`, options);
        await press(page, 'report_send', options);
        const s = await waitForState(page, (x) => x.task?.notice?.startsWith('Thank you') && !x.widgets.report_send,
          { what: `report ${i + 1} at ${size.name} to be sent` });
        assert.deepEqual(pageErrors, [], `no error on the page after report ${i + 1} at ${size.name}`);
        assert.equal(s.task.phase, 'working');
        // The screen is still whole and working: its submit button is there to be scrolled to.
        const after = await reveal(page, 'submit');
        assert.equal(after.widgets.report_send, undefined, `${size.name}: the report form closed`);
        await page.mouse.move(6, size.viewport.height / 2);
        await page.mouse.wheel(0, -10000); // back to the top, where the messages are
        if (i === 0) await screenshot(page, `crash-guard-report-sent-${size.name}`);
      }
      const crashGuardHidden = await page.locator('#crashed').isHidden();
      assert.ok(crashGuardHidden, `${size.name}: no crash message`);

      if (size.name === 'desktop') {
        // The crash guard: some text being written, then the module traps.
        await openTask(page, 'initial_prompt', options);
        const text = 'What makes sourdough rise without yeast from a packet?';
        await typeInto(page, 'reply_editor', text, options);
        await waitForState(page, (s) => s.task.text === text, { what: 'the text in the draft' });
        await page.evaluate(() => setTimeout(() => window.Module._orchard_trap_for_test(), 0));
        await page.locator('#crashed').waitFor({ state: 'visible' });
        assert.match(await page.locator('#crashed').innerText(), /Something went wrong[\s\S]*work is saved/);
        await screenshot(page, 'crash-guard-message-desktop');
        const deadline = Date.now() + 10000;
        while (!/error: client 127\.0\.0\.1 .*unreachable/.test(server.output) && Date.now() < deadline)
          await page.waitForTimeout(100);
        assert.match(server.output, /error: client 127\.0\.0\.1 \(version [^,]+, http:\/\/127\.0\.0\.1:\d+\/\): .*unreachable/);
        await page.locator('#crashed-reload').click();
        const back = await waitForState(page, (s) => s.ready && s.task?.phase === 'working', { what: 'the task after the reload' });
        assert.equal(back.task.text, text, 'the text came back after the reload');
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
});
