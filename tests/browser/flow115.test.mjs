// flow115.test.mjs - the end-to-end proof of issue 9 ("Done when"): a
// police officer (politi), an SSP consultant (ssp), a social worker
// (boern-familier) and a school contact person (kontaktperson) run a real
// § 115-møde in Chromium, every step through the pages:
//   1. the contact person refers a pupil (/indstillinger);
//   2. the SSP-team screens it onto the next § 115-møde (/visitering);
//   3. the police hand over two other young people before the meeting
//      (/sager/moede/{id});
//   4. at the meeting Børn og Familier declines to share on one item; the
//      referral and one hand-over are decided (category, action with owner
//      and deadline, legal basis, necessity);
//   5. the meeting is closed: the undecided hand-over is deleted (the API
//      answers 404 for it);
//   6. the owners see their actions on the forside;
//   7. the SSP consultant records the bekymringssamtale as held, with
//      minutes (a case note);
//   8. the contact person sees only the status of the referral.
// axe-core (WCAG 2.1 A and AA) and one <h1> on every page visited.
// Elements are found by role and label, not by position.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { addUser, cli, createToken, startServer, stopServer } from '../http/lib.mjs';
import { Tab, ensureAssets, formatViolations, launch, signIn, tempDir } from './browser.mjs';

let srv, browser, dir, meeting, meetingDay, due;
const tabs = {};
const tok = {};
const today = new Date().toISOString().slice(0, 10);
const PUPIL = 'Elev Flowsen';
const PUPIL_SUMMARY = 'Eleven er ofte fraværende og set med ældre unge om aftenen.';
const YOUNG1 = 'Ung Overleversen';
const YOUNG2 = 'Ung Slettesen';
const H1_SUMMARY = 'Antruffet ved indbrudsforsøg i kolonihaverne.';
const H2_SUMMARY = 'Set i en gruppe ved stationen sent om aftenen.';
let concernPupil, concernYoung1;

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
  assert.deepEqual(problems, [], `${tab.path()}: ${problems.join('\n')}`);
}

const main = (tab) => tab.page.locator('main').innerText();
const addDays = (day, n) => {
  const d = new Date(day + 'T12:00:00Z');
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

before(async () => {
  ensureAssets();
  dir = tempDir('flow115');
  srv = await startServer();
  for (const [u, role, extra] of [['per', 'politi'], ['sofie', 'ssp'], ['bente', 'boern-familier'],
    ['kim', 'kontaktperson', ['--institution', 'eksempel-skole-vest']]]) {
    addUser(srv, u, role, extra);
    tok[u] = createToken(srv, u); // only to look behind the pages
  }
  browser = await launch(dir);
  for (const who of ['per', 'sofie', 'bente', 'kim']) {
    tabs[who] = await Tab.open(await browser.newContext(), srv.base);
    await signIn(tabs[who], who);
  }
});

after(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
  const r = await stopServer(srv);
  assert.equal(r.code, 0, 'clean shutdown; server stderr:\n' + srv.stderr);
});

test('1. the contact person refers a pupil', async () => {
  const tab = tabs.kim;
  await tab.goto('/');
  await check(tab, { status: 200 });
  await tab.navigate(() => tab.page.getByRole('navigation').getByRole('link', { name: /Indstillinger/ }).first().click());
  await check(tab, { status: 200 });
  await tab.page.getByLabel('Elevens navn').fill(PUPIL);
  await tab.page.getByLabel('Fødselsdato').fill('2013-05-06');
  await tab.page.locator('#summary').fill(PUPIL_SUMMARY);
  await tab.page.locator('#necessity').fill('Skolen kan ikke løse det alene; forældrene er inddraget.');
  await tab.page.locator('#legal_basis').selectOption('ssp');
  await tab.submit('form[action="/indstillinger"] button[type=submit]');
  await check(tab, { status: 200 });
  assert.match(await main(tab), /Indstillingen er sendt til SSP-teamet/);
  assert.match(await main(tab), /Afventer SSP-teamets visitering/);
});

test('2. the SSP-team screens it onto the next § 115-møde', async () => {
  const tab = tabs.sofie;
  await tab.goto('/');
  await check(tab, { status: 200 });
  await tab.navigate(() => tab.page.getByRole('navigation').getByRole('link', { name: /Visitering/ }).first().click());
  await check(tab, { status: 200 });
  assert.match(await main(tab), new RegExp(PUPIL));
  const form = tab.page.locator('form[action^="/visitering/"]').first();
  await form.locator('input[value="agenda"]').check();
  meeting = Number(await form.locator('select[name="meeting"]').inputValue());
  assert.ok(meeting > 0, 'the next § 115-møde is chosen');
  await tab.navigate(() => form.getByRole('button').click());
  await check(tab, { status: 200 });
  assert.match(await main(tab), /Indstillingen er visiteret/);
  // the meeting is one of the plan that `ssp init` stored
  const r = await api('per', 'GET', `/api/v1/meetings?body=paragraf-115&from=${today}`);
  const m = r.body.meetings.find((x) => x.id === meeting);
  assert.ok(m, 'a planned § 115-møde of the stored plan');
  meetingDay = m.start.slice(0, 10);
  due = addDays(meetingDay, 10);
});

test('3. the police hand over two young people before the meeting', async () => {
  const tab = tabs.per;
  await tab.goto(`/moeder/${meeting}`);
  await check(tab, { status: 200 });
  await tab.navigate(() => tab.page.locator(`a[href="/sager/moede/${meeting}"]`).first().click());
  await check(tab, { status: 200 });
  for (const [name, birth, summary] of [[YOUNG1, '2010-09-10', H1_SUMMARY], [YOUNG2, '2011-11-12', H2_SUMMARY]]) {
    const form = tab.page.locator('form[action$="/overlevering"]');
    await form.getByLabel('Navn', { exact: true }).fill(name);
    await form.getByLabel('Fødselsdato').fill(birth);
    await form.getByLabel('Kontaktdato').fill(today);
    await form.getByLabel('Kort resumé').fill(summary);
    await tab.navigate(() => form.getByRole('button', { name: 'Overlever' }).click());
    await check(tab, { status: 200 });
    assert.match(await main(tab), /Overleveringen er gemt/);
    assert.match(await main(tab), new RegExp(name));
  }
});

let h2; // the hand-over nobody decides

test('4. at the meeting: Børn og Familier declines on one item; two items are decided', async () => {
  const agenda = await api('bente', 'GET', `/api/v1/meetings/${meeting}/agenda`);
  assert.equal(agenda.status, 200);
  const byName = Object.fromEntries(agenda.body.items.map((i) => [i.name, i]));
  assert.deepEqual([byName[PUPIL]?.kind, byName[YOUNG1]?.kind, byName[YOUNG2]?.kind],
    ['referral', 'handover', 'handover']);
  h2 = byName[YOUNG2].id.replace('handover-', '');

  // Børn og Familier declines to share on the second hand-over
  const bt = tabs.bente;
  await bt.goto(`/sager/moede/${meeting}`);
  await check(bt, { status: 200 });
  const decline = bt.page.locator('form[action$="/afstaa"]');
  await decline.getByLabel('Punkt').selectOption({ label: `Overlevering: ${YOUNG2}` });
  await bt.navigate(() => decline.getByRole('button').click());
  await check(bt, { status: 200 });
  assert.match(await main(bt), /Det er registreret, at du afstår fra at dele om punktet/);
  assert.match(await main(bt), new RegExp(`bente \\(boern-familier\\): .*${YOUNG2}`));

  // the SSP consultant records the decisions
  const st = tabs.sofie;
  await st.goto(`/sager/moede/${meeting}`);
  await check(st, { status: 200 });
  const decide = async (name, { category, type, owner, user, basis }) => {
    const f = st.page.getByRole('form', { name: `Beslutning om ${name}` });
    await f.getByLabel('Kategori').selectOption(String(category));
    await f.getByLabel('Handling').selectOption(type);
    await f.getByLabel('Ansvarlig organisation').selectOption(owner);
    if (user) await f.getByLabel('Ansvarlig person').fill(user);
    await f.getByLabel('Frist').fill(due);
    await f.getByLabel('Hjemmel').selectOption(basis);
    await f.getByLabel('Det er nødvendigt at dele oplysningerne').check();
    await st.navigate(() => f.getByRole('button', { name: 'Gem beslutning' }).click());
    await check(st, { status: 200 });
    assert.match(await main(st), /Beslutningen er gemt/);
  };
  // without the necessity confirmation: refused, the field named
  {
    const f = st.page.getByRole('form', { name: `Beslutning om ${PUPIL}` });
    await st.navigate(() => f.getByRole('button', { name: 'Gem beslutning' }).click());
    await check(st, { status: 422 });
    assert.match(await main(st), /nødvendigheden/i);
  }
  await decide(PUPIL, { category: 3, type: 'bekymringssamtale', owner: 'ssp', basis: 'ssp' });
  await decide(YOUNG1, { category: 2, type: 'netvaerksmoede', owner: 'boern-familier', user: 'bente', basis: 'psp' });

  const after = await api('sofie', 'GET', `/api/v1/meetings/${meeting}/agenda`);
  const it = Object.fromEntries(after.body.items.map((i) => [i.name, i]));
  concernPupil = it[PUPIL].concern;
  concernYoung1 = it[YOUNG1].concern;
  assert.ok(concernPupil > 0 && concernYoung1 > 0 && it[YOUNG2].concern === null);
  let c = await api('bente', 'GET', `/api/v1/concerns/${concernPupil}`);
  assert.equal(c.body.category, 3);
  assert.equal(c.body.legal_basis, 'ssp');
  assert.deepEqual(c.body.actions.map((a) => [a.type, a.owner_org, a.due]), [['bekymringssamtale', 'ssp', due]]);
  c = await api('bente', 'GET', `/api/v1/concerns/${concernYoung1}`);
  assert.equal(c.body.legal_basis, 'psp');
  assert.deepEqual(c.body.actions.map((a) => [a.type, a.owner_org, a.owner_user, a.due]),
    [['netvaerksmoede', 'boern-familier', 'bente', due]]);
});

test('5. the meeting is closed: the undecided hand-over is deleted', async () => {
  assert.equal((await api('per', 'GET', `/api/v1/handovers/${h2}`)).status, 200);
  const st = tabs.sofie;
  await st.navigate(() => st.page.locator('form[action$="/luk"]').getByRole('button', { name: 'Luk mødet' }).click());
  await check(st, { status: 200 });
  assert.match(await main(st), /Mødet er lukket/);
  assert.doesNotMatch(await main(st), new RegExp(YOUNG2));
  const r = await api('per', 'GET', `/api/v1/handovers/${h2}`);
  assert.equal(r.status, 404);
  // the deletion is in the access log, without personal data
  const log = cli(srv, ['audit', 'show']);
  assert.equal(log.status, 0, log.stderr);
  assert.match(log.stdout, /meeting\.close/);
  for (const secret of [YOUNG1, YOUNG2, H2_SUMMARY]) assert.ok(!log.stdout.includes(secret), secret);
});

test('6. the owners see their actions on the forside', async () => {
  for (const [who, concern, label] of [['bente', concernYoung1, /Netværksmøde/i], ['sofie', concernPupil, /Bekymringssamtale/i]]) {
    const tab = tabs[who];
    await tab.goto('/');
    await check(tab, { status: 200 });
    const tasks = await tab.page.getByRole('region', { name: /opgaver/i }).innerText();
    assert.match(tasks, new RegExp(`Sag nr. ${concern}: ${label.source}`, 'i'), tasks);
  }
  await tabs.per.goto('/');
  await check(tabs.per, { status: 200 });
  assert.match(await tabs.per.page.getByRole('region', { name: /opgaver/i }).innerText(), /ingen åbne opgaver/);
});

test('7. the SSP consultant records the bekymringssamtale as held, with minutes', async () => {
  const tab = tabs.sofie;
  await tab.goto('/');
  await tab.navigate(() => tab.page.getByRole('region', { name: /opgaver/i })
    .getByRole('link', { name: new RegExp(`Sag nr. ${concernPupil}`) }).first().click());
  await check(tab, { status: 200 });
  assert.match(tab.path(), new RegExp(`^/sager/${concernPupil}`));
  const talk = (await api('sofie', 'GET', `/api/v1/concerns/${concernPupil}/followup`)).body
    .actions.find((a) => a.type === 'bekymringssamtale').id;
  const act = tab.page.locator(`form[action$="/handling/${talk}"]`);
  await act.getByLabel(/Planlagt/i).fill(today);
  await act.getByLabel(/Afholdt/i).fill(today);
  await act.getByLabel('Status').selectOption('done');
  await tab.navigate(() => act.getByRole('button').click());
  await check(tab, { status: 200 });
  assert.match(await main(tab), /Handlingen er opdateret/);
  const note = tab.page.locator('form[action$="/notat"]');
  await note.locator('#text').fill('Referat: samtale med eleven og forældrene; aftale om fremmøde.');
  await note.getByLabel('Referat af handling').selectOption(String(talk));
  await tab.navigate(() => note.getByRole('button').click());
  await check(tab, { status: 200 });
  assert.match(await main(tab), /referat af handling/);
  const f = await api('sofie', 'GET', `/api/v1/concerns/${concernPupil}/followup`);
  const a = f.body.actions.find((x) => x.id === talk);
  assert.equal(a.status, 'done');
  assert.equal(a.held_date, today);
  assert.ok(f.body.notes.some((n) => n.action === talk && /Referat/.test(n.text)));
});

test('8. the contact person sees only the status of the referral', async () => {
  const tab = tabs.kim;
  await tab.goto('/indstillinger');
  await check(tab, { status: 200 });
  const text = await main(tab);
  assert.match(text, /Drøftet på § 115-mødet/);
  assert.ok(!text.includes(PUPIL_SUMMARY), 'not the description');
  for (const secret of [YOUNG1, YOUNG2, H1_SUMMARY, 'Bekymringssamtale', 'Referat'])
    assert.ok(!text.includes(secret), secret);
  await tab.goto(`/sager/moede/${meeting}`);
  assert.equal(tab.status, 403);
  await tab.goto(`/sager/${concernPupil}`);
  assert.equal(tab.status, 403);
});
