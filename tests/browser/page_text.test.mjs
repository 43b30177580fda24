// Message text as page text (src/platform/page_text.h): the text of a message is in the page,
// over the glyphs the canvas draws, in the message's language and direction. Playwright finds it
// by its words as a person's find would; a real mouse drag across an Arabic message with a Latin
// word in it selects a piece of the message in its logical order; its lines end at the right
// edge; the texts being judged are kept from the browser's translator; the layer hides under a
// popup.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withServerPage, waitForState, screenshot } from './lib/orchard.mjs';
import { enterAsGuest, navigate, press } from './lib/actions.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const sample = JSON.parse(readFileSync(join(here, '..', '..', 'assets', 'demo', 'sample_trees.json'), 'utf8'));
const promptOf = (lang) => sample.trees.find((t) => t.lang === lang).prompt.text;

// Opens the explorer's newest tree in `lang` (the data language), whose prompt is then shown.
async function openTreeIn(page, lang) {
  await enterAsGuest(page, `Reader ${lang}`);
  await navigate(page, 'explore');
  await press(page, 'explore_tree_0');
  await waitForState(page, (s) => s.widgets.chosen_message || Object.keys(s.widgets).some((k) => k.startsWith('explore_row')),
    { what: 'the tree' });
}

for (const lang of ['ru', 'zh', 'ar']) {
  test(`a ${lang} message is page text: found by its words, in its language`, async () => {
    await withServerPage({
      viewport: { width: 1280, height: 900 }, locale: 'en-US', name: 'page-text',
      beforeLoad: (page) => page.addInitScript((tag) => localStorage.setItem('orchard.lang', tag), lang),
    }, async ({ page }) => {
      await openTreeIn(page, lang);
      const prompt = promptOf(lang);
      const words = prompt.slice(0, Math.min(prompt.length, 12));
      const found = page.getByText(words, { exact: false }).first();
      await found.waitFor({ state: 'attached' });
      const block = page.locator(`.orchard-page-block[lang="${lang}"]`).first();
      assert.equal(await block.getAttribute('translate'), 'no');
      assert.equal(await block.getAttribute('dir'), lang === 'ar' ? 'rtl' : 'ltr');
      // Where the canvas draws it: inside the window, on screen.
      const box = await found.boundingBox();
      assert.ok(box && box.width > 10 && box.y > 60 && box.y < 900, JSON.stringify(box));
      await screenshot(page, `page-text-${lang}`);
    });
  });
}

test('a mouse drag across an Arabic message selects its words in logical order; its lines end at the right edge', async () => {
  await withServerPage({
    viewport: { width: 1280, height: 900 }, locale: 'en-US', name: 'page-text',
    beforeLoad: (page) => page.addInitScript(() => localStorage.setItem('orchard.lang', 'ar')),
  }, async ({ page }) => {
    await openTreeIn(page, 'ar');
    const prompt = promptOf('ar');
    const block = page.locator('.orchard-page-block[lang="ar"]').filter({ hasText: prompt.slice(0, 10) }).first();
    await block.waitFor({ state: 'attached' });
    const lines = await block.locator('.orchard-page-line').evaluateAll((rows) => rows.map((row) => {
      const r = row.getBoundingClientRect();
      const first = row.firstElementChild.getBoundingClientRect();
      return { right: r.right, firstRight: first.right, left: r.left, top: r.top, bottom: r.bottom, dir: row.dir };
    }));
    assert.ok(lines.length >= 1);
    for (const line of lines) {
      assert.equal(line.dir, 'rtl');
      assert.ok(Math.abs(line.right - line.firstRight) <= 2, `a line starts at the right edge: ${JSON.stringify(line)}`);
    }
    // A real drag over the first line, from its right end (where it starts) leftwards.
    const first = lines[0];
    const spans = await block.locator('.orchard-page-line').first().locator('.orchard-page-span').evaluateAll((els) =>
      els.map((e) => { const r = e.getBoundingClientRect(); return { left: r.left, right: r.right }; }));
    const leftmost = Math.min(...spans.map((s) => s.left));
    const y = (first.top + first.bottom) / 2;
    await page.mouse.move(first.firstRight - 1, y);
    await page.mouse.down();
    await page.mouse.move((first.firstRight + leftmost) / 2, y, { steps: 5 });
    await page.mouse.move(leftmost + 1, y, { steps: 5 });
    await page.mouse.up();
    const selected = (await page.evaluate(() => window.getSelection().toString())).replace(/\s+/g, ' ').trim();
    assert.ok(selected.length >= 10, `selected: "${selected}"`);
    assert.ok(prompt.replace(/\s+/g, ' ').includes(selected), `"${selected}" is a piece of "${prompt}"`);
    await screenshot(page, 'page-text-ar-selected');
  });
});

test('the guidelines panel is page text too, shown over the page it covers', async () => {
  const { openTask } = await import('./lib/actions.mjs');
  const guide = readFileSync(join(here, '..', '..', 'assets', 'guidelines', 'initial_prompt.md'), 'utf8');
  // A sentence of the guide's first paragraph (not a heading), as a person would look for it.
  const sentence = guide.split('\n').find((l) => l.length > 40 && !l.startsWith('#')).split(/[.:]/)[0].slice(0, 30);
  await withServerPage({ viewport: { width: 1280, height: 900 }, locale: 'en-US', name: 'page-text' }, async ({ page }) => {
    await enterAsGuest(page, 'Guide reader');
    await openTask(page, 'initial_prompt');
    await press(page, 'open_guidelines');
    await waitForState(page, (s) => s.widgets.guidelines_panel, { what: 'the guidelines panel' });
    const found = page.getByText(sentence, { exact: false }).first();
    await found.waitFor({ state: 'visible' });
    const block = page.locator('.orchard-page-block', { hasText: sentence }).first();
    assert.equal(await block.getAttribute('translate'), 'yes', 'a guide may be translated by the browser');
    assert.equal(await block.isVisible(), true);
  });
});
