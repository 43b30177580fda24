// The interface in the person's language (docs/i18n.md): chosen by the browser's languages, by a
// ?lang= parameter, or in the settings (and remembered); <html lang dir> follows; screen readers
// find controls by their translated names; an Arabic screen fetches only the font slices it
// needs. Texts are read from the catalogs the build merged, not written here again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withServerPage, waitForState, state, screenshot } from './lib/orchard.mjs';
import { enterAsGuest, navigate, press, reveal, openSignInForm, typeInto } from './lib/actions.mjs';

const publicDir = process.env.ORCHARD_PUBLIC_DIR;
const catalog = (tag) => JSON.parse(readFileSync(join(publicDir, 'locales', `${tag}.json`), 'utf8'));
const documentLanguage = (page) =>
  page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));

test('the browser\'s language chooses the interface, and screen readers hear it', async () => {
  const de = catalog('de');
  const requested = [];
  await withServerPage({
    viewport: { width: 1280, height: 800 }, locale: 'de-AT', name: 'languages',
    beforeLoad: (page) => page.on('request', (r) => requested.push(new URL(r.url()).pathname)),
  }, async ({ page }) => {
    await waitForState(page, (s) => s.ready && s.screen === 'sign_in', { what: 'the sign-in screen' });
    assert.equal((await state(page)).interface_language, 'de');
    assert.deepEqual(await documentLanguage(page), { lang: 'de', dir: 'ltr' });
    assert.ok(requested.includes('/locales/de.json'), requested.join(' '));
    await enterAsGuest(page, 'Grete');
    // The top bar's tabs and the dashboard's button, by their German names.
    await page.getByRole('tab', { name: de.screens.tasks, selected: true }).waitFor({ state: 'attached' });
    await page.getByRole('tab', { name: de.screens.leaderboard }).waitFor({ state: 'attached' });
    const s = await state(page);
    const texts = Object.values(s.widgets).map((w) => w.text ?? '');
    assert.ok(!texts.includes('Leaderboard'), 'no English tab left');
    await screenshot(page, 'languages-de-dashboard');
  });
});

test('?lang=ar sets the page right to left, in Arabic, with only the Arabic font slice', async () => {
  const ar = catalog('ar');
  const fonts = [];
  await withServerPage({
    viewport: { width: 1280, height: 800 }, path: '/?lang=ar', name: 'languages',
    beforeLoad: (page) => page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.startsWith('/fonts/')) fonts.push(path);
    }),
  }, async ({ page }) => {
    await enterAsGuest(page, 'Layla');
    assert.equal((await state(page)).interface_language, 'ar');
    assert.deepEqual(await documentLanguage(page), { lang: 'ar', dir: 'rtl' });
    // Arabic names are longer than English ones: the top bar's tabs fold into its menu.
    await page.getByRole('button', { name: ar.navigation.sign_out, exact: true }).first().waitFor({ state: 'attached' });
    await page.getByRole('button', { name: ar.dashboard.lucky.button }).first().waitFor({ state: 'attached' });
    // Arabic text is set by the browser (ui/text.h): its lines are in the automation state.
    const s = await waitForState(page, (x) => (x.browser_text ?? []).some((l) => l.text === ar.navigation.sign_out),
      { what: 'the Arabic names drawn by the browser' });
    assert.ok(s.browser_text.length > 5);
    await page.waitForTimeout(500);
    assert.ok(fonts.some((f) => f.includes('orchard-arabic-')), fonts.join(' '));
    for (const other of ['hebrew', 'devanagari', 'bengali', 'thai'])
      assert.ok(!fonts.some((f) => f.includes(`orchard-${other}-`)), `${other}: ${fonts.join(' ')}`);
    await screenshot(page, 'languages-ar-dashboard');
  });
});

test('a language chosen in the settings redraws the interface and is remembered', async () => {
  const ru = catalog('ru');
  await withServerPage({ viewport: { width: 1280, height: 800 }, locale: 'en-US', name: 'languages' }, async ({ page }) => {
    await enterAsGuest(page, 'Ivan');
    assert.equal((await state(page)).interface_language, 'en');
    await navigate(page, 'settings');
    await reveal(page, 'settings_language_ru');
    await press(page, 'settings_language_ru');
    await waitForState(page, (s) => s.interface_language === 'ru' && s.widgets.sign_out?.text === ru.navigation.sign_out,
      { what: 'the settings in Russian' });
    await page.getByRole('button', { name: ru.navigation.sign_out, exact: true }).first().waitFor({ state: 'attached' });
    // The longer Russian texts moved the card: back into view, it shows its choice.
    await reveal(page, 'settings_language_ru');
    await page.getByRole('button', { name: 'Русский', pressed: true }).waitFor({ state: 'attached' });
    await page.getByRole('button', { name: 'English', pressed: false }).waitFor({ state: 'attached' });
    await screenshot(page, 'languages-ru-settings');
    await page.reload();
    await waitForState(page, (s) => s.ready && s.screen === 'settings', { what: 'the settings again', timeout: 60000 });
    assert.equal((await state(page)).interface_language, 'ru');
    assert.deepEqual(await documentLanguage(page), { lang: 'ru', dir: 'ltr' });
  });
});

test('errors are worded from their code in the interface\'s language, and announced', async () => {
  const fr = catalog('fr');
  const texts = [];
  const flatten = (o) => Object.values(o).forEach((v) => (typeof v === 'string' ? texts.push(v) : flatten(v)));
  flatten(fr);
  await withServerPage({ viewport: { width: 1280, height: 800 }, path: '/?lang=fr', name: 'languages' }, async ({ page }) => {
    await waitForState(page, (s) => s.ready && s.screen === 'sign_in', { what: 'the sign-in screen' });
    // A wrong password: the server refuses in English; the client says it in French, and the
    // page's alert region announces it.
    await openSignInForm(page, 'login');
    await typeInto(page, 'login_username', 'nobody-here');
    await typeInto(page, 'login_password', 'not the password');
    await press(page, 'login_submit');
    await page.waitForFunction(() => (document.getElementById('orchard-alert')?.textContent ?? '') !== '');
    const alert = await page.locator('#orchard-alert').textContent();
    assert.ok(texts.some((t) => t.length > 10 && alert.includes(t)), `a French sentence: ${alert}`);
    await screenshot(page, 'languages-fr-sign-in-error');
  });
});

test('Han characters take the font of their text\'s language: Japanese and Chinese differ', async () => {
  for (const [lang, face] of [['ja', 'Noto Sans CJK JP'], ['zh', 'Noto Sans CJK SC']]) {
    await withServerPage({
      viewport: { width: 1280, height: 800 }, locale: 'en-US', name: 'languages',
      beforeLoad: (page) => page.addInitScript((tag) => localStorage.setItem('orchard.lang', tag), lang),
    }, async ({ page }) => {
      await enterAsGuest(page, `Han ${lang}`);
      assert.equal((await state(page)).lang, lang);
      await navigate(page, 'explore');
      // The explorer's newest trees of the data language: their prompts are Han text.
      const s = await waitForState(page, (x) => (x.browser_text ?? []).some((l) => /[\u4e00-\u9fff]/.test(l.text)),
        { what: `${lang} text set by the browser` });
      const han = s.browser_text.filter((l) => /[\u4e00-\u9fff]/.test(l.text) && !/^\p{Script=Latin}/u.test(l.text));
      assert.ok(han.length > 0);
      for (const line of han)
        assert.ok(line.font.includes(`"${face}"`) && line.font.indexOf(`"${face}"`) < line.font.indexOf('system-ui'),
          `${lang}: ${line.text} in ${line.font}`);
      await screenshot(page, `languages-han-${lang}`);
    });
  }
});
