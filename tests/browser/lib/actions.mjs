// A contributor's actions with real input, shared by browser tests: scroll a widget into view,
// press it (mouse or touch), type into a field, register and accept the terms, open a task from
// the dashboard, write and submit a text, and move between screens through the top bar.
import { state, waitForState, center } from './orchard.mjs';

// Scrolls the page with the wheel (over the left margin, where no text field is) until the
// widget is fully on screen, and returns the fresh state. Top-bar widgets count as on screen.
export async function reveal(page, id) {
  const viewport = page.viewportSize();
  const same = (a, b) => a && b && a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h;
  let steady = 0;
  for (let i = 0; i < 40; ++i) {
    const s = await state(page);
    const r = s.widgets[id];
    // (The top bar is 64 px high at the interface's usual scale, and grows with it.)
    const bar = 64 * (s.ui_zoom ?? 1);
    const onScreen = r && ((r.y >= bar && r.y + r.h <= viewport.height - 4) || r.y + r.h <= bar - 4);
    if (onScreen) {
      // Settled: the same place a moment later, with no frame left to draw (a new screen lays
      // out over a few frames, and on a loaded machine one frame can take longer than the wait).
      await page.waitForTimeout(80);
      const again = await state(page);
      // (An animated screen always has a frame due: there, the same place three times will do.)
      if (same(r, again.widgets[id]) && (!again.frame_pending || ++steady >= 3)) return again;
      continue;
    }
    const down = !r || r.y + r.h > viewport.height - 4;
    await page.mouse.move(6, viewport.height / 2);
    await page.mouse.wheel(0, down ? 250 : -250);
    await page.waitForTimeout(60);
  }
  throw new Error(`widget ${id} never came into view`);
}

// Scrolls the page back to the top (reveal looks downwards for a widget it cannot see, and the
// screenshots start there).
export async function toTop(page) {
  for (let i = 0; i < 30; ++i) {
    const s = await state(page);
    if (!s.values.main_scroll_y) return;
    await page.mouse.move(6, page.viewportSize().height / 2);
    await page.mouse.wheel(0, -400);
    await page.waitForTimeout(60);
  }
}

export async function press(page, id, { touch = false } = {}) {
  const s = await reveal(page, id);
  const { x, y } = center(s, id);
  if (touch) await page.touchscreen.tap(x, y);
  else await page.mouse.click(x, y);
}

export async function typeInto(page, id, text, options = {}) {
  await press(page, id, options);
  // A press that lands on the canvas (the field's element not yet moved where the field is now
  // drawn) focuses the field a frame later: keys typed before then would go nowhere.
  await waitForState(page, (s) => s.focused === id, { what: `${id} focused` });
  await page.keyboard.type(text, { delay: 0 });
}

// Opens one of the sign-in card's forms ('register', 'login', 'guest', 'email') and waits until
// it is shown. On a busy machine a frame can take long enough that a press is not taken in; it is
// made again then, which is harmless: the choice buttons only open their form.
export async function openSignInForm(page, mode, options = {}) {
  for (let attempt = 1; ; ++attempt) {
    await press(page, `choose_${mode}`, options);
    try {
      return await waitForState(page, (s) => s.sign_in_mode === mode, { timeout: 5000, what: `the ${mode} form` });
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

// Registers `username` through the sign-in screen and accepts the terms; `options.displayName`
// (default "Tester <username>") is typed as the display name.
export async function register(page, username, options = {}) {
  await waitForState(page, (s) => s.ready && s.screen === 'sign_in', { what: 'sign-in screen' });
  await openSignInForm(page, 'register', options);
  await typeInto(page, 'register_username', username, options);
  await typeInto(page, 'register_display_name', options.displayName ?? `Tester ${username}`, options);
  await typeInto(page, 'register_password', 'a long enough password', options);
  await press(page, 'register_submit', options);
  await waitForState(page, (s) => s.screen === 'terms', { what: 'terms' });
  await press(page, 'accept_terms', options);
  return waitForState(page, (s) => s.screen === 'dashboard' && s.dashboard_loaded, { what: 'dashboard' });
}

// Enters as a guest named `name` from the sign-in screen and accepts the terms; returns the state
// on the dashboard.
export async function enterAsGuest(page, name, options = {}) {
  await waitForState(page, (s) => s.ready && s.screen === 'sign_in', { what: 'sign-in screen', timeout: 60000 });
  await openSignInForm(page, 'guest', options);
  await typeInto(page, 'guest_display_name', name, options);
  await press(page, 'guest_submit', options);
  await waitForState(page, (s) => s.screen === 'terms', { what: 'terms' });
  // On a busy machine a press can fall between frames and not be taken in: made again then.
  for (let attempt = 1; ; ++attempt) {
    await press(page, 'accept_terms', options);
    try {
      return await waitForState(page, (s) => s.screen === 'dashboard' && s.dashboard_loaded, { what: 'dashboard', timeout: 10000 });
    } catch (error) {
      if (attempt === 3 || (await state(page)).screen !== 'terms') throw error;
    }
  }
}

export async function openTask(page, type, options = {}) {
  const current = await state(page);
  if (current.screen !== 'dashboard') {
    await press(page, 'home', options);
    await waitForState(page, (s) => s.screen === 'dashboard' && s.dashboard_loaded, { what: 'dashboard' });
  }
  await press(page, `start_${type}`, options);
  return waitForState(page, (s) => s.task?.phase === 'working' && s.task.type === type, { what: `a ${type} task` });
}

// Types the text, shows it for review and submits it (the buttons by touch, Ctrl+Enter with a
// keyboard); returns the state once the server confirmed it.
export async function writeAndSubmit(page, text, options = {}) {
  const before = (await state(page)).task.completed;
  await typeInto(page, 'reply_editor', text, options);
  if (options.touch) await press(page, 'review', options);
  else await page.keyboard.press('Control+Enter');
  await waitForState(page, (s) => s.task.reviewing && !s.widgets.reply_editor, { what: 'review' });
  if (options.touch) await press(page, 'submit', options);
  else await page.keyboard.press('Control+Enter');
  return waitForState(page, (s) => s.task && s.task.completed === before + 1, { what: 'the submission to be confirmed' });
}

// Goes to a signed-in screen ('dashboard', 'leaderboard', 'profile', 'contributions', 'prizes')
// through the top bar: its tab on wide windows, the menu on narrow ones.
export async function navigate(page, screen, options = {}) {
  // The state can still be the previous screen's frame (the top bar is drawn from the next one
  // on): wait for the tab or the menu button before choosing between them.
  const s = await waitForState(page, (x) => x.widgets[`nav_${screen}`] || x.widgets.nav_menu, {
    what: 'the top bar',
  });
  if (!s.widgets[`nav_${screen}`]) {
    await press(page, 'nav_menu', options);
    await waitForState(page, (x) => x.widgets[`nav_${screen}`], { what: 'the menu' });
  }
  await press(page, `nav_${screen}`, options);
  return waitForState(page, (x) => x.screen === screen, { what: `the ${screen} screen` });
}

// Signs in with a username and password through the sign-in card, accepting the terms when
// asked: on the dashboard.
export async function signIn(page, username, password) {
  await openSignInForm(page, 'login');
  await typeInto(page, 'login_username', username);
  await typeInto(page, 'login_password', password);
  await page.keyboard.press('Enter');
  const s = await waitForState(page, (x) => x.screen === 'terms' || x.screen === 'dashboard', { what: 'signed in' });
  if (s.screen === 'terms') await press(page, 'accept_terms');
  await waitForState(page, (x) => x.screen === 'dashboard', { what: 'the dashboard' });
}
