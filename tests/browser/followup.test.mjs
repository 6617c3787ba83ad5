// followup.test.mjs - a concern's page (/sager/{id}, issue 9 "Follow-up")
// in Chromium with axe-core (WCAG 2.1 A and AA): the SSP-team records a
// bekymringssamtale (planned, held, its minutes as a case note); a note
// with "bekymring for barnets trivsel" brings the underretning prompt,
// which the police see too and which only goes when the underretning is
// recorded; Børn og Familier sees its actions on the forside; a bad phone
// number is named; the contact person is refused. Every state passes
// axe-core with exactly one <h1>.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { addUser, createToken, startServer, stopServer } from '../http/lib.mjs';
import { Tab, ensureAssets, formatViolations, launch, signIn, tempDir } from './browser.mjs';

let srv, browser, dir, concern, talk;
const tabs = {};
const tok = {};
const today = new Date().toISOString().slice(0, 10);
// a CPR number of someone 13 today (the serial fails modulus 11: accepted)
const CPR = (() => {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() - 13);
  d.setUTCDate(d.getUTCDate() - 40);
  const p = (n) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}${p(d.getUTCMonth() + 1)}${p(d.getUTCFullYear() % 100)}-4001`;
})();

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

const text = (tab) => tab.page.locator('main').innerText();

before(async () => {
  ensureAssets();
  dir = tempDir('followup');
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
  let r = await api('sofie', 'POST', '/api/v1/people', { name: 'Browser Opfølgning', cpr: CPR });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  const person = r.body.id;
  r = await api('per', 'GET', `/api/v1/meetings?body=paragraf-115&from=${today}`);
  const meeting = r.body.meetings.find((m) => m.status === 'planned').id;
  r = await api('per', 'POST', '/api/v1/handovers', { meeting, person, contact_date: today, summary: 'Set sent.' });
  r = await api('sofie', 'POST', `/api/v1/meetings/${meeting}/items/handover-${r.body.id}/decision`,
    { category: 2, legal_basis: 'ssp', necessity: true,
      actions: [{ type: 'bekymringssamtale', owner_org: 'ssp' }, { type: 'netvaerksmoede', owner_org: 'boern-familier' }] });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  concern = r.body.concern;
  r = await api('sofie', 'GET', `/api/v1/concerns/${concern}/followup`);
  talk = r.body.actions.find((a) => a.type === 'bekymringssamtale').id;
});

after(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
  const r = await stopServer(srv);
  assert.equal(r.code, 0, 'clean shutdown; server stderr:\n' + srv.stderr);
});

test('the SSP-team records a bekymringssamtale: planned, held, minutes', async () => {
  const tab = tabs.sofie;
  await tab.goto(`/sager/${concern}`);
  await check(tab, { status: 200 });
  assert.match(await text(tab), /Browser Opfølgning/);
  assert.doesNotMatch(await text(tab), /Lav en underretning/);
  // the CPR number is masked; showing it in full is an action of its own
  assert.match(await text(tab), new RegExp(CPR.slice(0, 6) + '-xxxx'));
  assert.doesNotMatch(await text(tab), new RegExp(CPR));
  await tab.submit('form[action$="/cpr"] button[type=submit]');
  await check(tab, { status: 200 });
  assert.match(await text(tab), new RegExp(CPR));
  await tab.page.fill(`#planned-${talk}`, today);
  await tab.page.fill(`#held-${talk}`, today);
  await tab.page.selectOption(`#status-${talk}`, 'done');
  await tab.submit(`form[action$="/handling/${talk}"] button[type=submit]`);
  await check(tab, { status: 200 });
  assert.match(await text(tab), /Handlingen er opdateret/);
  assert.match(await text(tab), /Afholdt/);
  await tab.page.fill('#text', 'Referat: samtalen med familien gik godt.');
  await tab.page.selectOption('#action', String(talk));
  await tab.submit('form[action$="/notat"] button[type=submit]');
  await check(tab, { status: 200 });
  assert.match(await text(tab), /referat af handling/);
  // the follow-up conversation: a new bekymringssamtale
  await tab.page.selectOption('#type', 'bekymringssamtale');
  await tab.submit('form[action$="/handling"] button[type=submit]');
  await check(tab, { status: 200 });
  assert.match(await text(tab), /Handlingen er oprettet/);
});

test('a welfare note brings the underretning prompt, for everyone, until it is made', async () => {
  const tab = tabs.sofie;
  await tab.page.fill('#text', 'Barnet fortæller om vold i hjemmet.');
  await tab.page.check('#welfare');
  await tab.submit('form[action$="/notat"] button[type=submit]');
  await check(tab, { status: 200 });
  assert.match(await text(tab), /Lav en underretning til Børn og Familier/);
  await tabs.per.goto(`/sager/${concern}`);
  await check(tabs.per, { status: 200 });
  assert.match(await text(tabs.per), /Lav en underretning til Børn og Familier/);
  await tab.submit('form[action$="/underretning"] button[type=submit]');
  await check(tab, { status: 200 });
  assert.match(await text(tab), /Underretningen er registreret/);
  assert.doesNotMatch(await text(tab), /Lav en underretning til Børn og Familier/);
  assert.match(await text(tab), /Kvittering senest/);
});

test('Børn og Familier sees its actions on the forside', async () => {
  const tab = tabs.bente;
  await tab.goto('/');
  await check(tab, { status: 200 });
  const tasks = await tab.page.locator('section[aria-labelledby="opgaver"]').innerText();
  assert.match(tasks, new RegExp(`Sag nr. ${concern}: Netværksmøde`, 'i'));
  assert.match(tasks, /underretning/i);
  await tabs.per.goto('/');
  const none = await tabs.per.page.locator('section[aria-labelledby="opgaver"]').innerText();
  assert.match(none, /ingen åbne opgaver/);
});

test('a related person with a bad phone number is named; then added', async () => {
  const tab = tabs.bente;
  await tab.goto(`/sager/${concern}`);
  await tab.page.fill('#name', 'Mor Testesen');
  await tab.page.fill('#phone', 'ring efter kl. 16');
  await tab.submit('form[action$="/relateret"] button[type=submit]');
  await check(tab, { status: 422 });
  assert.match(await text(tab), /telefonnummeret/i);
  await tab.page.fill('#name', 'Mor Testesen');
  await tab.page.fill('#phone', '20 30 40 50');
  await tab.submit('form[action$="/relateret"] button[type=submit]');
  await check(tab, { status: 200 });
  assert.match(await text(tab), /Mor Testesen \(Forælder\), tlf\. 20 30 40 50/);
});

test('the contact person is refused the page', async () => {
  await tabs.kim.goto(`/sager/${concern}`);
  assert.equal(tabs.kim.status, 403);
});
