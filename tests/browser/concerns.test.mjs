// concerns.test.mjs - the § 115-møde's case page (/sager/moede/{id}, issue
// 9) in Chromium with axe-core (WCAG 2.1 A and AA): the police hand over a
// young person through the page's form; a contact person's referral
// (through the API) is screened onto the meeting by the SSP-team; Børn og
// Familier sees the agenda; the SSP-team records a decision through the
// page and closes the meeting. Every state of the page passes axe-core
// with exactly one <h1>, and the contact person is refused the page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { addUser, createToken, startServer, stopServer } from '../http/lib.mjs';
import { Tab, ensureAssets, formatViolations, launch, signIn, tempDir } from './browser.mjs';

let srv, browser, dir, meeting;
const tabs = {};
const tok = {};
const today = new Date().toISOString().slice(0, 10);
const NAME = 'Browser Testung';

function api(who, method, p, json) {
  const headers = { authorization: 'Bearer ' + tok[who] };
  let body;
  if (json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(json);
  }
  return fetch(srv.base + p, { method, headers, body })
    .then(async (r) => ({ status: r.status, body: await r.json() }));
}

async function check(tab, want) {
  const problems = [];
  if (tab.status !== want.status) problems.push(`HTTP ${tab.status}, expected ${want.status}`);
  const s = await tab.structure();
  if (s.lang !== 'da') problems.push(`lang ${s.lang}`);
  if (s.h1.length !== 1) problems.push(`${s.h1.length} <h1>`);
  const v = await tab.axe();
  if (v.length) problems.push(formatViolations(v));
  problems.push(...tab.problems());
  assert.deepEqual(problems, [], problems.join('\n'));
}

before(async () => {
  ensureAssets();
  dir = tempDir('concerns');
  srv = await startServer();
  for (const [u, role, extra] of [['per', 'politi'], ['sofie', 'ssp'], ['bente', 'boern-familier'],
    ['kim', 'kontaktperson', ['--institution', 'eksempel-skole-vest']]]) {
    addUser(srv, u, role, extra);
    tok[u] = createToken(srv, u);
  }
  browser = await launch(dir);
  for (const who of ['per', 'sofie', 'bente', 'kim']) {
    tabs[who] = await Tab.open(await browser.newContext(), srv.base);
    await signIn(tabs[who], who);
  }
  const r = await api('per', 'GET', `/api/v1/meetings?body=paragraf-115&from=${today}`);
  meeting = r.body.meetings.find((m) => m.status === 'planned').id;
});

after(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
  const r = await stopServer(srv);
  assert.equal(r.code, 0, 'clean shutdown; server stderr:\n' + srv.stderr);
});

test('the police hand over through the page; a bad CPR number is named', async () => {
  const tab = tabs.per;
  await tab.goto(`/sager/moede/${meeting}`);
  await check(tab, { status: 200 });
  await tab.page.fill('#name', NAME);
  await tab.page.fill('#cpr', '310299-1234');
  await tab.page.fill('#contact_date', today);
  await tab.page.fill('#summary', 'Antruffet sent om aftenen.');
  await tab.submit('form[action$="/overlevering"] button[type=submit]');
  await check(tab, { status: 422 });
  assert.match(await tab.page.locator('main').innerText(), /gyldig dato/);
  await tab.page.fill('#name', NAME);
  await tab.page.fill('#cpr', '');
  await tab.page.fill('#birth_date', '2012-03-04');
  await tab.page.fill('#contact_date', today);
  await tab.page.fill('#summary', 'Antruffet sent om aftenen.');
  await tab.submit('form[action$="/overlevering"] button[type=submit]');
  await check(tab, { status: 200 });
  assert.match(await tab.page.locator('main').innerText(), /Overleveringen er gemt/);
  assert.match(await tab.page.locator('main').innerText(), new RegExp(NAME));
});

test('a referral screened onto the meeting shows on the agenda for Børn og Familier', async () => {
  let r = await api('kim', 'POST', '/api/v1/people', { name: 'Elev Testesen', birth_date: '2011-02-03' });
  assert.equal(r.status, 201);
  r = await api('kim', 'POST', '/api/v1/referrals',
    { person: r.body.id, summary: 'Bekymring fra skolen.', necessity: 'Skolen kan ikke alene.', legal_basis: 'ssp' });
  assert.equal(r.status, 201);
  r = await api('sofie', 'POST', `/api/v1/referrals/${r.body.id}/screen`, { decision: 'agenda', meeting });
  assert.equal(r.status, 200);
  const tab = tabs.bente;
  await tab.goto(`/sager/moede/${meeting}`);
  await check(tab, { status: 200 });
  const text = await tab.page.locator('main').innerText();
  assert.match(text, /Elev Testesen/);
  assert.match(text, new RegExp(NAME));
});

test('the contact person is refused the meeting\'s content', async () => {
  const tab = tabs.kim;
  await tab.goto(`/sager/moede/${meeting}`);
  assert.equal(tab.status, 403);
});

test('the SSP-team decides an item through the page and closes the meeting', async () => {
  const tab = tabs.sofie;
  // issue 14: the referral points at an offer of the help landscape
  const offer = await api('sofie', 'POST', '/api/v1/offers', { name: 'Familierådgivningen',
    provider: 'Børn og Familier', age_from: 10, age_to: 17, themes: ['Rusmidler'], districts: [],
    referral: 'Ring direkte.' });
  assert.equal(offer.status, 201);
  await tab.goto(`/sager/moede/${meeting}`);
  await check(tab, { status: 200 });
  const form = tab.page.locator('form[action*="/beslut/handover-"]').first();
  await form.locator('select[name^="type-"]').selectOption('henvisning');
  await form.locator('select[name^="offer-"]').selectOption({ label: 'Familierådgivningen' });
  await form.locator('input[name="necessity"]').check();
  await tab.navigate(() => form.locator('button[type=submit]').click());
  await check(tab, { status: 200 });
  assert.match(await tab.page.locator('main').innerText(), /Beslutningen er gemt/);
  const decided = /Besluttet: sag nr\. (\d+)/.exec(await tab.page.locator('main').innerText());
  assert.ok(decided);
  const c = await api('sofie', 'GET', `/api/v1/concerns/${decided[1]}`);
  assert.deepEqual(c.body.actions.find((x) => x.type === 'henvisning').offer,
    { id: offer.body.id, name: 'Familierådgivningen' });
  await tab.submit('form[action$="/luk"] button[type=submit]');
  await check(tab, { status: 200 });
  assert.match(await tab.page.locator('main').innerText(), /Mødet er lukket/);
});
