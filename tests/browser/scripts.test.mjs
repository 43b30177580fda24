// Text in every script, as a person meets it: a name typed in Cyrillic, Chinese and Arabic shows
// as those letters in the top bar, the data language is chosen among languages named in their
// own scripts, and the sample conversations in Chinese, Arabic, Hebrew and Thai are drawn as the
// browser sets them. Cyrillic and Greek come from the font atlas; any other script is set by the
// browser's canvas (src/ui/text.h), which the tests see through the automation state's
// `browser_text` (each line the browser set in the last frame, where, and its advance). An Arabic
// screen fetches only the Arabic (and Latin) slices of Orchard's fonts; with only DejaVu on the
// machine, the slices still draw Arabic, Hebrew, Devanagari and Thai.
// Screenshots land in tests/browser/screenshots/scripts-*.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withServerPage, state, waitForState, screenshot } from './lib/orchard.mjs';
import { press, register, navigate } from './lib/actions.mjs';

const withPage = (viewport, scale, fn, { touch = false } = {}) =>
  withServerPage({ viewport, scale, touch, name: 'scripts' }, fn);

// The advance of `text` as the page itself sets it in a <span> with the same CSS font.
async function domWidth(page, text, font) {
  return page.evaluate(({ text, font }) => {
    const span = document.createElement('span');
    span.style.font = font;
    span.style.whiteSpace = 'pre';
    span.style.position = 'absolute';
    span.textContent = text;
    document.body.appendChild(span);
    const width = span.getBoundingClientRect().width;
    span.remove();
    return width;
  }, { text, font });
}

// How many pixels of a rectangle of the page differ clearly from its first pixel (the ground):
// ink, where a string was drawn.
async function inkIn(page, rect) {
  const clip = { x: Math.max(0, rect.x), y: Math.max(0, rect.y), width: Math.max(1, rect.w), height: Math.max(1, rect.h) };
  const png = await page.screenshot({ clip });
  return page.evaluate(async (bytes) => {
    const blob = new Blob([new Uint8Array(bytes)], { type: 'image/png' });
    const bitmap = await createImageBitmap(blob);
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(bitmap, 0, 0);
    const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) {
      const d = Math.abs(data[i] - data[0]) + Math.abs(data[i + 1] - data[1]) + Math.abs(data[i + 2] - data[2]);
      if (d > 120) ++ink;
    }
    return ink;
  }, [...png]);
}

const line = (s, pattern) => (s.browser_text ?? []).find((l) => pattern.test(l.text));

test('the atlas draws Latin, Greek and Cyrillic; the browser sets every other script', async () => {
  await withPage({ width: 1280, height: 800 }, 1, async ({ page }) => {
    await waitForState(page, (s) => s.ready, { what: 'the client' });
    const covers = (text) => page.evaluate((t) => window.orchard.atlasCovers(t), text);
    for (const text of ['Ada Lovelace', 'Łódź, Ærø', 'Иван Петров', 'Українська: ґ є ї', 'Ελληνικά'])
      assert.equal(await covers(text), true, text);
    for (const text of ['李雷', 'محمد', 'עברית', 'ไทย', 'हिन्दी', '한국어', 'Tiếng Việt', 'café 😀'])
      assert.equal(await covers(text), false, text);
  });
});

test('desktop: a name in Cyrillic, Chinese and Arabic shows as typed in the top bar', async () => {
  await withPage({ width: 1280, height: 800 }, 2, async ({ page }) => {
    const name = 'Иван 李雷 محمد';
    await register(page, 'ivan', { displayName: name });
    const s = await waitForState(page, (x) => line(x, /李雷/), { what: 'the name set by the browser' });
    const drawn = line(s, /李雷/);
    assert.equal(drawn.text, name, 'the whole name is one line, so the browser orders it');
    assert.ok(drawn.y < 64, `in the top bar: ${JSON.stringify(drawn)}`);
    // The same advance as the page gives the same text in the same font, within half a pixel.
    const dom = await domWidth(page, name, drawn.font);
    assert.ok(Math.abs(dom - drawn.w) <= 0.5, `canvas ${drawn.w} px, DOM ${dom} px`);
    assert.ok(await inkIn(page, { x: drawn.x, y: drawn.y, w: drawn.w, h: drawn.h }) > 40, 'the name is drawn');
    await screenshot(page, 'scripts-top-bar-desktop');
  });
});

// Opens the data language list and chooses the language named `name` with the mouse, scrolling
// the list with the wheel until it shows; returns the state with the list open before the choice.
async function chooseLanguage(page, name, code) {
  await waitForState(page, (s) => s.widgets.language, { what: 'the language picker' });
  // A press on a busy machine can fall between frames and not be taken in: made again then.
  for (let attempt = 1; ; ++attempt) {
    await press(page, 'language');
    try {
      await waitForState(page, (s) => s.widgets.language_list, { timeout: 4000, what: 'the language list' });
      break;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
  const combo = (await state(page)).widgets.language;
  // The name's line, whole inside the list (a line half scrolled out is not there to click).
  const named = (s) => {
    const list = s.widgets.language_list;
    return list && (s.browser_text ?? []).find((l) => l.text === name && l.y >= list.y && l.y + l.h <= list.y + list.h);
  };
  let open = await state(page);
  for (let i = 0; i < 30 && !named(open); ++i) {
    await page.mouse.move(combo.x + 40, combo.y + combo.h + 60);
    await page.mouse.wheel(0, 100);
    await page.waitForTimeout(80);
    open = await state(page);
  }
  open = await waitForState(page, (s) => named(s), { what: `${name} in the list` });
  const choice = named(open);
  await page.mouse.click(choice.x + choice.w / 2, choice.y + choice.h / 2);
  await waitForState(page, (s) => s.lang === code && s.widgets.language?.text === name, { what: `${name} chosen` });
  return open;
}

test('desktop: languages named in their own scripts; a Chinese sample tree in the explorer', async () => {
  await withPage({ width: 1280, height: 800 }, 1, async ({ page }) => {
    await register(page, 'reader');
    const open = await chooseLanguage(page, '中文', 'zh');
    for (const name of [/^ไทย$/, /^日本語$/, /^한국어$/])
      assert.ok(line(open, name), `${name} in ${JSON.stringify(open.browser_text.map((l) => l.text))}`);
    await screenshot(page, 'scripts-language-chosen');
    await navigate(page, 'explore');
    const zh = await waitForState(page, (s) => line(s, /早起/), { what: 'the Chinese tree in the explorer' });
    const prompt = line(zh, /早起/);
    assert.ok(await inkIn(page, { x: prompt.x, y: prompt.y, w: prompt.w, h: prompt.h }) > 40);
    await screenshot(page, 'scripts-explore-zh');
  });
});

for (const [label, viewport, scale] of [['desktop', { width: 1280, height: 800 }, 2], ['phone', { width: 390, height: 844 }, 3]]) {
  test(`${label}: an Arabic conversation with Latin words and emoji, each line set as one string`, async () => {
    await withPage(viewport, scale, async ({ page }) => {
      await register(page, `reader_${label}`);
      await chooseLanguage(page, 'العربية', 'ar');
      await navigate(page, 'explore');
      await waitForState(page, (s) => s.explore?.loaded && s.widgets.explore_tree_0, { what: 'the Arabic tree' });
      await press(page, 'explore_tree_0');
      // The prompt mixes Arabic and "Python": one line, so the browser orders both directions.
      const s = await waitForState(page, (x) => x.explore?.tree && line(x, /Python/) && line(x, /شكرًا/), { what: 'the Arabic messages' });
      const mixed = line(s, /Python/);
      assert.match(mixed.text, /[\u0600-\u06FF]/, `Arabic and Latin in one line: ${mixed.text}`);
      for (const l of s.browser_text) assert.ok(l.x >= -1 && l.x + l.w <= viewport.width + 1, `inside the window: ${JSON.stringify(l)}`);
      assert.ok(await inkIn(page, { x: mixed.x, y: mixed.y, w: mixed.w, h: mixed.h }) > 40);
      await screenshot(page, `scripts-explore-ar-${label}`);
    });
  });
}

// The slices of Orchard's fonts the page fetches from now on, as "arabic-400" and the like.
function watchSlices(page) {
  const fetched = new Set();
  page.on('request', (request) => {
    const match = request.url().match(/fonts\/orchard-([a-z]+)-(\d+)\.woff2/);
    if (match) fetched.add(`${match[1]}-${match[2]}`);
  });
  return fetched;
}

test('an Arabic screen fetches the Arabic slice of Orchard\'s fonts and no other script\'s', async () => {
  await withPage({ width: 1280, height: 800 }, 1, async ({ page, server }) => {
    await register(page, 'slices');
    await page.evaluate(() => window.localStorage.setItem('orchard.lang', 'ar'));
    const fetched = watchSlices(page);
    // A fresh load (not a jump within the page), so that every font the screen needs is fetched.
    await page.goto('about:blank');
    await page.goto(new URL('#/explore', server.url).href);
    await waitForState(page, (s) => s.screen === 'explore' && line(s, /أفضل طريقة/), { what: 'the Arabic tree card' });
    await page.waitForFunction(() => document.fonts.status === 'loaded');
    assert.ok(fetched.has('arabic-400'), JSON.stringify([...fetched]));
    for (const slice of fetched) assert.match(slice, /^(arabic|latin)-/, JSON.stringify([...fetched]));
  });
});

test('with only DejaVu on the machine, Orchard\'s slices draw Arabic, Hebrew, Devanagari and Thai', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'orchard-fontconfig-'));
  writeFileSync(join(dir, 'fonts.conf'), `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>${dir}/cache</cachedir></fontconfig>
`);
  try {
    await withServerPage({ viewport: { width: 1280, height: 800 }, name: 'scripts', browserEnv: { FONTCONFIG_FILE: join(dir, 'fonts.conf') } }, async ({ page }) => {
      const name = 'محمد יעל प्रिया สมชาย';
      await register(page, 'dejavu', { displayName: name });
      await waitForState(page, (s) => line(s, /สมชาย/), { what: 'the name set by the browser' });
      await page.waitForFunction(() => document.fonts.status === 'loaded');
      const loaded = await page.evaluate(() => [...document.fonts].filter((f) => f.status === 'loaded' && f.family.includes('Orchard Sans')).map((f) => f.unicodeRange));
      for (const range of ['U+600-6FF', 'U+590-5FF', 'U+900-97F', 'U+E00-E7F'])
        assert.ok(loaded.some((r) => r.includes(range)), `${range} in ${JSON.stringify(loaded)}`);
      // The machine alone cannot draw Devanagari or Thai: its fallback gives other widths than the
      // slices do.
      const widths = await page.evaluate((text) => {
        const ctx = document.createElement('canvas').getContext('2d');
        ctx.font = '400 17px "Orchard Sans"';
        const ours = ctx.measureText(text).width;
        ctx.font = '400 17px "No Such Font"';
        return { ours, fallback: ctx.measureText(text).width };
      }, 'प्रिया สมชาย');
      assert.notEqual(Math.round(widths.ours), Math.round(widths.fallback), JSON.stringify(widths));
      await page.waitForTimeout(150);
      await screenshot(page, 'scripts-dejavu-only');
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
