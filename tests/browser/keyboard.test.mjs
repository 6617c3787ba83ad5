// keyboard.test.mjs - the application with the keyboard alone (WCAG 2.1.1,
// 2.4.1, 2.4.3, 2.4.7): sign-in, the skip link first, the main menu reached
// with Tab and followed with Enter, links in the content, and sign-out.
// Every Tab stop must show a focus indicator and be on screen.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { PASSWORD, addUser, startServer, stopServer } from '../http/lib.mjs';
import { Tab, ensureAssets, launch, tempDir } from './browser.mjs';

let srv, browser, ctx, tab, dir;

before(async () => {
  ensureAssets();
  dir = tempDir('keyboard');
  srv = await startServer(); // no TOTP: this file is about the keyboard
  addUser(srv, 'sara', 'ssp');
  browser = await launch(dir);
  ctx = await browser.newContext();
  tab = await Tab.open(ctx, srv.base);
});

after(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
  const r = await stopServer(srv);
  assert.equal(r.code, 0, 'clean shutdown; server stderr:\n' + srv.stderr);
});

const MAX_TABS = 40;
const describe = (f) => `${f.tag}${f.id ? '#' + f.id : ''} "${f.text ?? ''}"${f.href ? ' ' + f.href : ''}`;

// Presses Tab until pred(focused) holds; every stop on the way must show a
// focus indicator and be visible. Returns the stops.
async function tabUntil(pred, what) {
  const stops = [];
  for (let i = 0; i < MAX_TABS; i++) {
    await tab.page.keyboard.press('Tab');
    const f = await tab.focused();
    stops.push(f);
    if (f.tag !== 'BODY') {
      assert.ok(f.indicator, `no visible focus indicator on ${describe(f)}`);
      assert.ok(f.visible, `focused element is off screen: ${describe(f)}`);
    }
    if (pred(f)) return stops;
  }
  assert.fail(`${what} not reached with ${MAX_TABS} presses of Tab; stops:\n` +
    stops.map(describe).join('\n'));
}

// A fresh load of p with nothing focused yet.
async function load(p) {
  await tab.goto(p);
  const f = await tab.focused();
  assert.equal(f.tag, 'BODY', `nothing focused after loading ${p}`);
}

test('sign-in form by keyboard: Tab to the fields, type, Enter', async () => {
  await load('/logind');
  await tabUntil((f) => f.id === 'username', 'the username field');
  await tab.page.keyboard.type('sara');
  await tab.page.keyboard.press('Tab');
  assert.equal((await tab.focused()).id, 'password', 'Tab goes from username to password');
  await tab.page.keyboard.type(PASSWORD);
  await tab.press('Enter');
  assert.equal(tab.path(), '/', 'signed in');
  assert.equal(await tab.page.locator('h1').innerText(), 'Forside');
  assert.deepEqual(tab.problems(), []);
});

test('the first Tab reaches the skip link; Enter moves focus to the main content', async () => {
  await load('/');
  await tab.page.keyboard.press('Tab');
  const f = await tab.focused();
  assert.equal(f.tag, 'A', 'first stop is a link: ' + describe(f));
  assert.equal(f.text, 'Gå til indhold');
  assert.equal(f.href, '#main-content');
  assert.ok(f.visible, 'the skip link is visible when focused');
  assert.ok(f.indicator, 'the skip link shows focus');

  await tab.page.keyboard.press('Enter');
  await tab.page.waitForFunction(() => location.hash === '#main-content');
  const main = await tab.page.evaluate(() => ({
    tag: document.activeElement.tagName, id: document.activeElement.id,
  }));
  assert.deepEqual(main, { tag: 'MAIN', id: 'main-content' }, 'focus is on <main>');

  // the next Tab continues inside the content, not back in the header
  await tab.page.keyboard.press('Tab');
  const next = await tab.focused();
  assert.ok(!next.inHeader, 'after the skip link, Tab does not return to the header: ' + describe(next));
  assert.deepEqual(tab.problems(), []);
});

test('the main menu is reached with Tab alone; Enter follows it to the organisation', async () => {
  await load('/');
  const stops = await tabUntil((f) => f.inNav && f.text === 'Organisation', 'menu item "Organisation"');
  const menu = stops.filter((s) => s.inNav).map((s) => s.text);
  assert.deepEqual(menu, ['Forside', 'Organisation'], 'menu items in reading order');
  await tab.press('Enter');
  assert.equal(tab.path(), '/organisation');
  assert.equal(tab.status, 200);
  assert.equal(await tab.page.locator('h1').innerText(), 'Organisation');
  assert.equal(await tab.page.locator('nav a[aria-current="page"]').innerText(), 'Organisation',
    'the menu marks the current page');
  assert.deepEqual(tab.problems(), []);
});

test('every menu item of the role is reachable by Tab, in order', async () => {
  await load('/organisation');
  const expected = await tab.page.locator('nav.app-nav a').allInnerTexts();
  assert.deepEqual(expected, ['Forside', 'Organisation', 'Årshjul', 'Møder', 'Skolenetværket',
    'Tilbud', 'Kurser og arrangementer', 'Viden', 'Rådgivning',
    'Overholdelse', 'Data', 'Indstillinger', 'Visitering', 'Statistik', 'Min profil'],
  'an ssp user\'s menu');
  const stops = await tabUntil((f) => f.inNav && f.text === expected[expected.length - 1], 'the last menu item');
  assert.deepEqual(stops.filter((s) => s.inNav).map((s) => s.text), expected);
  await tab.press('Enter');
  assert.equal(tab.path(), '/profil');
  assert.equal(await tab.page.locator('h1').innerText(), 'Min profil');
  assert.deepEqual(tab.problems(), []);
});

test('a body of the organisation is reached by keyboard from the organisation page', async () => {
  await load('/organisation');
  await tabUntil((f) => f.inMain && f.href === '/organisation/paragraf-115', 'the link to paragraf-115');
  await tab.press('Enter');
  assert.equal(tab.path(), '/organisation/paragraf-115');
  assert.equal(tab.status, 200);
  // and back through the breadcrumb
  await tabUntil((f) => f.inMain && f.href === '/organisation', 'the breadcrumb link');
  await tab.press('Enter');
  assert.equal(tab.path(), '/organisation');
  assert.deepEqual(tab.problems(), []);
});

test('sign-out by keyboard', async () => {
  await load('/');
  await tabUntil((f) => f.tag === 'BUTTON' && f.text === 'Log ud', 'the "Log ud" button');
  await tab.press('Enter');
  assert.equal(tab.path(), '/logind?ok=logget-ud');
  assert.match(await tab.page.locator('main').innerText(), /Du er logget ud\./);
  await tab.goto('/');
  assert.equal(tab.path(), '/logind', 'signed out: the front page asks for sign-in');
  assert.deepEqual(tab.problems(), []);
});
