// indsigt.test.mjs - the revisor's right-of-access page (issue 12) in
// Chromium: axe-core (WCAG 2.1 A and AA) with zero violations, one <h1>,
// lang="da", DKFDS in effect, no console error, on the request list
// (empty and with a request), the search by CPR with an unknown number
// (404 with the error shown), the answer page for a person with a
// referral, after a restriction (withheld parts and justification shown),
// and the CPR number never in an address.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { addUser, createToken, startServer, stopServer } from '../http/lib.mjs';
import { Tab, ensureAssets, formatViolations, launch, signIn, tempDir } from './browser.mjs';

let srv, browser, dir, tab, person;
const d = new Date();
d.setUTCFullYear(d.getUTCFullYear() - 15);
const CPR = `${String(d.getUTCDate()).padStart(2, '0')}${String(d.getUTCMonth() + 1).padStart(2, '0')}` +
  `${String(d.getUTCFullYear() % 100).padStart(2, '0')}-${d.getUTCFullYear() >= 2000 ? 4 : 1}555`;
const NAME = 'Browser Indsigtsen';

before(async () => {
  ensureAssets();
  dir = tempDir('indsigt');
  srv = await startServer(); // no two-factor step: this file is about the page
  addUser(srv, 'rita', 'revisor');
  addUser(srv, 'sofie', 'ssp');
  const token = createToken(srv, 'sofie');
  const api = async (p, json) => {
    const r = await fetch(srv.base + p, { method: 'POST', body: JSON.stringify(json),
      headers: { authorization: 'Bearer ' + token, 'content-type': 'application/json' } });
    const text = await r.text();
    assert.equal(r.status, 201, text);
    return JSON.parse(text);
  };
  person = (await api('/api/v1/people', { name: NAME, cpr: CPR })).id;
  await api('/api/v1/referrals', { person, summary: 'Bekymrende fravær.', necessity: 'Skolen alene rækker ikke.', legal_basis: 'ssp' });
  browser = await launch(dir);
  tab = await Tab.open(await browser.newContext(), srv.base);
  await signIn(tab, 'rita');
  assert.equal(tab.path(), '/');
});

after(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
  const r = await stopServer(srv);
  assert.equal(r.code, 0, 'clean shutdown; server stderr:\n' + srv.stderr);
});

async function check(want) {
  const problems = [];
  if (tab.status !== want.status) problems.push(`HTTP status ${tab.status}, expected ${want.status}`);
  const s = await tab.structure();
  if (s.lang !== 'da') problems.push(`lang ${s.lang}`);
  if (s.h1.length !== 1) problems.push(`${s.h1.length} <h1>`);
  else if (want.h1 && s.h1[0] !== want.h1) problems.push(`<h1> "${s.h1[0]}", expected "${want.h1}"`);
  if (!/IBM Plex Sans/i.test(s.font)) problems.push('DKFDS not in effect');
  const v = await tab.axe();
  if (v.length) problems.push(`axe-core: ${v.length} violation(s):\n${formatViolations(v)}`);
  problems.push(...tab.problems());
  assert.ok(problems.length === 0, `${tab.path()}: ` + problems.join('\n'));
  assert.ok(!tab.path().includes(CPR.slice(0, 6)), 'no CPR number in the address');
}

test('the request list, empty', async () => {
  await tab.goto('/indsigt');
  await check({ status: 200, h1: 'Indsigt' });
  assert.match(await tab.page.locator('main').innerText(), /Der er ingen anmodninger/);
});

test('an unknown CPR number: 404, the error at the field', async () => {
  await tab.page.fill('#cpr', '010203-4321');
  await tab.submit('form[action="/indsigt/soeg"] button[type=submit]');
  await check({ status: 404, h1: 'Indsigt' });
  assert.match(await tab.page.locator('main').innerText(), /Der findes ingen person med dette CPR-nummer/);
});

test('a request registered: listed with its deadline', async () => {
  await tab.goto('/indsigt');
  await tab.page.fill('#request_cpr', CPR);
  await tab.submit('form[action="/indsigt/anmodning"] button[type=submit]');
  await check({ status: 200, h1: 'Indsigt' });
  const text = await tab.page.locator('main').innerText();
  assert.match(text, /Anmodningen er registreret/);
  assert.match(text, /åben, \d+ dage tilbage/);
});

test('the front page names the open request', async () => {
  await tab.goto('/');
  await check({ status: 200, h1: 'Forside' });
  assert.match(await tab.page.locator('main').innerText(), /1 åbne anmodninger om indsigt, heraf 0 med overskredet frist/);
  await tab.goto('/indsigt');
});

test('the answer page found by CPR', async () => {
  await tab.page.fill('#cpr', CPR);
  await tab.submit('form[action="/indsigt/soeg"] button[type=submit]');
  await check({ status: 200, h1: `Indsigt: person ${person}` });
  const text = await tab.page.locator('main').innerText();
  for (const s of [NAME, CPR, 'Bekymrende fravær.', 'Hvem har set oplysningerne', 'Hent svaret som PDF'])
    assert.ok(text.includes(s), s);
});

test('a restriction: withheld parts and the justification shown', async () => {
  await tab.goto(`/indsigt/person/${person}`);
  await tab.page.check('#part_referrals');
  await tab.page.fill('#justification', 'Hensyn til en verserende sag om tredjemand.');
  await tab.submit('form[action$="/begraensning"] button[type=submit]');
  await check({ status: 200, h1: 'Indsigt' });
  await tab.goto(`/indsigt/person/${person}`);
  await check({ status: 200, h1: `Indsigt: person ${person}` });
  const text = await tab.page.locator('main').innerText();
  assert.match(text, /Begrænsning af indsigten/);
  assert.match(text, /verserende sag om tredjemand/);
  assert.ok(!text.includes('Bekymrende fravær.'), 'the withheld referral is not shown');
});
