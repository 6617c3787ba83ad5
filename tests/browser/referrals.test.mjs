// referrals.test.mjs - referrals, screening, declining to share and the
// statistics (issue 9, pages_referrals.c) in Chromium with axe-core (WCAG
// 2.1 A and AA): a contact person refers a pupil through /indstillinger
// (an impossible CPR date first: named); the SSP-team screens it through
// /visitering onto the next § 115-møde (a missing reason first: named);
// the referral is then on the § 115 case page, reached from the meeting
// page's link, where Børn og Familier declines to share on it; the
// contact person sees the new status and never the pupil's case; the
// steering group reads the statistics. Every state of every new page
// passes axe-core with exactly one <h1>.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { addUser, createToken, startServer, stopServer } from '../http/lib.mjs';
import { Tab, ensureAssets, formatViolations, launch, signIn, tempDir } from './browser.mjs';

let srv, browser, dir, meeting;
const tabs = {};
const tok = {};
const today = new Date().toISOString().slice(0, 10);
const PUPIL = 'Browser Henvist';
const SUMMARY = 'Eleven udebliver og er set med ældre unge.';

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

const main = (tab) => tab.page.locator('main').innerText();

before(async () => {
  ensureAssets();
  dir = tempDir('referrals');
  srv = await startServer();
  for (const [u, role, extra] of [['sofie', 'ssp'], ['bente', 'boern-familier'], ['stine', 'styregruppe'],
    ['kim', 'kontaktperson', ['--institution', 'eksempel-skole-vest']]]) {
    addUser(srv, u, role, extra);
    tok[u] = createToken(srv, u);
  }
  browser = await launch(dir);
  for (const who of ['sofie', 'bente', 'stine', 'kim']) {
    tabs[who] = await Tab.open(await browser.newContext(), srv.base);
    await signIn(tabs[who], who);
  }
  const r = await fetch(`${srv.base}/api/v1/meetings?body=paragraf-115&from=${today}`,
    { headers: { authorization: 'Bearer ' + tok.sofie } });
  meeting = (await r.json()).meetings.find((m) => m.status === 'planned').id;
});

after(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
  const r = await stopServer(srv);
  assert.equal(r.code, 0, 'clean shutdown; server stderr:\n' + srv.stderr);
});

test('a contact person refers a pupil through the page', async () => {
  const tab = tabs.kim;
  await tab.goto('/');
  await tab.navigate(() => tab.page.click('nav a[href="/indstillinger"]'));
  await check(tab, { status: 200 });
  await tab.page.fill('#name', PUPIL);
  await tab.page.fill('#cpr', '310212-1234'); // no 31 February
  await tab.page.fill('#summary', SUMMARY);
  await tab.page.fill('#necessity', 'Skolen kan ikke løse det alene.');
  await tab.page.selectOption('#legal_basis', 'ssp');
  await tab.submit('form[action="/indstillinger"] button[type=submit]');
  await check(tab, { status: 422 });
  assert.equal(await tab.page.getAttribute('#cpr', 'aria-invalid'), 'true');
  assert.match(await main(tab), /gyldig dato/);
  assert.equal(await tab.page.inputValue('#summary'), SUMMARY, 'what was typed is kept');
  await tab.page.fill('#cpr', '');
  await tab.page.fill('#birth_date', '2012-02-03');
  await tab.submit('form[action="/indstillinger"] button[type=submit]');
  await check(tab, { status: 200 });
  const text = await main(tab);
  assert.match(text, /Indstillingen er sendt til SSP-teamet/);
  assert.match(text, /Afventer SSP-teamets visitering/);
  assert.ok(!text.includes(SUMMARY));
});

test('the SSP-team screens it onto the next § 115-møde', async () => {
  const tab = tabs.sofie;
  await tab.goto('/');
  await tab.navigate(() => tab.page.click('nav a[href="/visitering"]'));
  await check(tab, { status: 200 });
  assert.match(await main(tab), new RegExp(PUPIL));
  const form = tab.page.locator('form[action^="/visitering/"]').first();
  // handled otherwise, without a reason: the field is named
  await form.locator('input[value="other"]').check();
  await tab.navigate(() => form.locator('button[type=submit]').click());
  await check(tab, { status: 422 });
  assert.match(await main(tab), /Begrund/);
  const again = tab.page.locator('form[action^="/visitering/"]').first();
  await again.locator('input[value="agenda"]').check();
  assert.equal(await again.locator('select[name="meeting"]').inputValue(), String(meeting),
    'the next § 115-møde is chosen');
  await tab.navigate(() => again.locator('button[type=submit]').click());
  await check(tab, { status: 200 });
  const text = await main(tab);
  assert.match(text, /Indstillingen er visiteret/);
  assert.match(text, /Der er ingen indstillinger at visitere/);
});

test('the referral is on the § 115 case page; Børn og Familier declines to share', async () => {
  const tab = tabs.bente;
  await tab.goto(`/moeder/${meeting}`);
  await check(tab, { status: 200 });
  await tab.navigate(() => tab.page.click(`a[href="/sager/moede/${meeting}"]`));
  await check(tab, { status: 200 });
  assert.match(await main(tab), new RegExp(`Indstilling: ${PUPIL}`));
  await tab.submit('form[action$="/afstaa"] button[type=submit]');
  await check(tab, { status: 200 });
  assert.match(await main(tab), /Det er registreret, at du afstår fra at dele om punktet/);
  assert.match(await main(tab), new RegExp(`bente \\(boern-familier\\): ${PUPIL}`));
});

test('the contact person sees the status, not the case; no link to the case page', async () => {
  const tab = tabs.kim;
  await tab.goto('/indstillinger');
  await check(tab, { status: 200 });
  const text = await main(tab);
  assert.match(text, /Sat på dagsordenen til et § 115-møde/);
  assert.ok(!text.includes(PUPIL) && !text.includes(SUMMARY));
  await tab.goto(`/moeder/${meeting}`);
  assert.equal(await tab.page.locator(`a[href="/sager/moede/${meeting}"]`).count(), 0);
  await tab.goto(`/sager/moede/${meeting}`);
  assert.equal(tab.status, 403);
});

test('the steering group reads the statistics', async () => {
  const tab = tabs.stine;
  await tab.goto('/');
  await tab.navigate(() => tab.page.click('nav a[href="/statistik"]'));
  await check(tab, { status: 200 });
  assert.equal(await tab.page.locator('caption').count(), 4);
  await tab.page.fill('#aar', String(new Date().getFullYear() + 1));
  await tab.submit('form[action="/statistik"] button[type=submit]');
  await check(tab, { status: 200 });
  assert.match(tab.path(), /aar=\d{4}/);
});
