// axe.test.mjs - every page in Chromium: axe-core (WCAG 2.1 A and AA) with
// zero violations, <html lang="da">, a <title>, exactly one <h1>, DKFDS's
// stylesheet in effect, no console error (CSP violations are console
// errors), no failed request; and a full-page screenshot of each.
//
// Pages: sign-in (plain, after sign-out, after a failed sign-in), forced
// enrolment (plain, wrong code), TOTP step (plain, wrong code), front page,
// organisation, a body page, profile (plain, failed password change), users
// as admin (plain, after a failed submission, after creating a user),
// access log as revisor, 403, 404 (unknown address, unknown body), the
// school network (list, a school page with an error, after adding a
// læseplan item, theme day, admin's forms), the compliance page, the
// annual wheel, the meeting list, a meeting page (plain and with refused
// minutes), the front page with meetings, the calendar address page, a body
// page as admin (participants), the offers directory (with an error and a
// search), the courses page, an event page before and after signing up,
// the duty roster (with an overlapping shift refused), the data page with
// its charts, the data import (form, preview, refused file), and 429.
//
// Screenshots go to a temporary folder named in the TAP output; it is kept
// when a test fails or SSP_KEEP_SCREENSHOTS=1, else deleted.
//
// Known src/web problem, found by this file (the tests below fail until it
// is fixed; do not skip them): every page with an error alert made by
// pages.c's alert() has role="&quot;alert&quot;" (axe aria-roles,
// critical), because alert() passes ` role="alert"` through html_printf's
// escaping %s. Affected: sign-in after a failed sign-in, enrolment and TOTP
// after a wrong code, profile after a failed password change, users after a
// failed submission.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { PASSWORD, addUser, cli, startServer, stopServer } from '../http/lib.mjs';
import {
  Tab, enrol, ensureAssets, enterTotp, formatViolations, launch, signIn, signInFully, tempDir,
} from './browser.mjs';

let srv, browser, dir;
let keep = process.env.SSP_KEEP_SCREENSHOTS === '1';
let shot = 0;
const tabs = {};
const sofie = { username: 'sofie' }; // ssp: TOTP required
const ada = { username: 'ada' };     // admin: no personal data, password only
const rita = { username: 'rita' };   // revisor: the access log

before(async () => {
  ensureAssets();
  dir = tempDir('axe');
  srv = await startServer({ totp: true });
  addUser(srv, 'sofie', 'ssp');
  addUser(srv, 'ada', 'admin');
  addUser(srv, 'rita', 'revisor');
  addUser(srv, 'tove', 'ssp');
  browser = await launch(dir);
  for (const who of ['anon', 'sofie', 'ada', 'rita'])
    tabs[who] = await Tab.open(await browser.newContext(), srv.base);
});

after(async () => {
  await browser?.close();
  if (keep) console.log(`screenshots kept in ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
  const r = await stopServer(srv);
  assert.equal(r.code, 0, 'clean shutdown; server stderr:\n' + srv.stderr);
});

// A test whose failure keeps the screenshots.
function pageTest(name, fn) {
  test(name, async (t) => {
    try {
      await fn(t);
    } catch (e) {
      keep = true;
      throw e;
    }
  });
}

// Every check on the page the tab shows now. want: {status, path, h1}.
// All problems are collected, then reported together.
async function checkPage(t, tab, name, want) {
  const problems = [];
  if (want.status !== undefined && tab.status !== want.status)
    problems.push(`HTTP status ${tab.status}, expected ${want.status}`);
  if (want.path !== undefined && tab.path() !== want.path)
    problems.push(`address ${tab.path()}, expected ${want.path}`);

  const s = await tab.structure();
  if (s.lang !== 'da') problems.push(`<html lang="${s.lang}">, expected "da"`);
  if (!s.title.trim()) problems.push('no <title>');
  if (s.h1.length !== 1) problems.push(`${s.h1.length} <h1> elements (${JSON.stringify(s.h1)}), expected 1`);
  else if (want.h1 !== undefined && s.h1[0] !== want.h1) problems.push(`<h1> "${s.h1[0]}", expected "${want.h1}"`);
  if (!/IBM Plex Sans/i.test(s.font))
    problems.push(`DKFDS's stylesheet is not in effect (body font: ${s.font}; sheets: ${s.stylesheets.join(', ')})`);

  if (want.screenshot !== false) {
    const file = path.join(dir, `${String(++shot).padStart(2, '0')}-${name}.png`);
    await tab.screenshot(file);
    t.diagnostic(`screenshot: ${file}`);
  }

  const violations = await tab.axe();
  if (violations.length)
    problems.push(`axe-core: ${violations.length} WCAG 2.1 A/AA violation(s):\n${formatViolations(violations)}`);

  // after axe, so anything it provoked is counted too
  problems.push(...tab.problems());
  assert.ok(problems.length === 0,
    `${name} (${tab.path()}): ${problems.length} problem(s):\n` + problems.join('\n'));
}

// ---- the checks themselves can fail ----

pageTest('self-test: the checks catch an axe violation, a CSP violation and two h1s', async () => {
  const tab = tabs.anon;
  await tab.goto('/logind');
  await tab.page.evaluate(() => {
    const m = document.querySelector('main');
    m.insertAdjacentHTML('beforeend', '<input type="text" id="unlabelled"><h1>Two</h1>');
    const s = document.createElement('script');
    s.textContent = 'window.inlineRan = true;'; // refused by script-src 'self'
    m.appendChild(s);
  });
  await tab.page.waitForTimeout(100);
  await assert.rejects(checkPage(null, tab, 'self-test', { status: 200, screenshot: false }), (e) => {
    assert.match(e.message, /axe-core: .*violation/);
    assert.match(e.message, /- label \[critical\]/);
    assert.match(e.message, /#unlabelled/);
    assert.match(e.message, /2 <h1> elements/);
    assert.match(e.message, /console error: .*Content Security Policy|CSP violation/);
    return true;
  });
  assert.equal(await tab.page.evaluate(() => window.inlineRan), undefined, 'inline script did not run');
});

// ---- before sign-in ----

pageTest('sign-in page', async (t) => {
  const tab = tabs.anon;
  await tab.goto('/logind');
  await checkPage(t, tab, 'logind', { status: 200, path: '/logind', h1: 'Log ind' });
});

pageTest('sign-in page after a failed sign-in (error message)', async (t) => {
  const tab = tabs.anon;
  await signIn(tab, 'sofie', 'forkert-forkert-forkert');
  assert.match(await tab.page.locator('main .alert-error').innerText(), /\S/, 'an error message is shown');
  await checkPage(t, tab, 'logind-fejl', { status: 401, path: '/logind', h1: 'Log ind' });
});

pageTest('404 page (signed out)', async (t) => {
  const tab = tabs.anon;
  await tab.goto('/findes-ikke');
  await checkPage(t, tab, '404-anonym', { status: 404, h1: 'Siden findes ikke' });
});

// ---- sofie (ssp): enrolment, TOTP, the pages every role sees ----

pageTest('enrolment page (forced after the first sign-in)', async (t) => {
  const tab = tabs.sofie;
  await signIn(tab, 'sofie');
  await checkPage(t, tab, 'tilmeld-totp', { status: 200, path: '/profil/totp', h1: 'Slå to-faktor-login til' });
});

pageTest('enrolment page after a wrong code (error message)', async (t) => {
  const tab = tabs.sofie;
  await tab.page.fill('#code', '000000');
  await tab.submit('main form button[type=submit]');
  await checkPage(t, tab, 'tilmeld-totp-fejl', { status: 422, path: '/profil/totp', h1: 'Slå to-faktor-login til' });
});

pageTest('front page (after enrolment)', async (t) => {
  const tab = tabs.sofie;
  const e = await enrol(tab);
  sofie.secret = e.secret;
  sofie.step = e.step;
  await checkPage(t, tab, 'forside', { status: 200, path: '/', h1: 'Forside' });
});

pageTest('organisation page', async (t) => {
  const tab = tabs.sofie;
  await tab.goto('/organisation');
  await checkPage(t, tab, 'organisation', { status: 200, path: '/organisation', h1: 'Organisation' });
  const img = await tab.page.evaluate(() => {
    const i = document.querySelector('main img[src="/organisation/diagram.svg"]');
    return i && { ok: i.complete && i.naturalWidth > 0, alt: i.alt };
  });
  assert.ok(img?.ok, 'the diagram image loads');
});

pageTest('body page /organisation/paragraf-115', async (t) => {
  const tab = tabs.sofie;
  await tab.goto('/organisation/paragraf-115');
  await checkPage(t, tab, 'organ-paragraf-115', { status: 200, path: '/organisation/paragraf-115' });
});

pageTest('404 page for an unknown body (signed in)', async (t) => {
  const tab = tabs.sofie;
  await tab.goto('/organisation/findes-ikke');
  await checkPage(t, tab, '404-organ', { status: 404, h1: 'Siden findes ikke' });
});

pageTest('403 page (ssp user on the users page)', async (t) => {
  const tab = tabs.sofie;
  await tab.goto('/brugere');
  await checkPage(t, tab, '403', { status: 403, h1: 'Ingen adgang' });
});

pageTest('profile page', async (t) => {
  const tab = tabs.sofie;
  await tab.goto('/profil');
  await checkPage(t, tab, 'profil', { status: 200, path: '/profil', h1: 'Min profil' });
});

pageTest('profile page after a failed password change (error message)', async (t) => {
  const tab = tabs.sofie;
  await tab.page.fill('#old_password', PASSWORD);
  await tab.page.fill('#new_password', 'en-helt-ny-adgangskode');
  await tab.page.fill('#new_password2', 'en-anden-ny-adgangskode');
  await tab.submit('form[action="/profil/adgangskode"] button[type=submit]');
  assert.equal(await tab.page.locator('#new_password2').getAttribute('aria-invalid'), 'true');
  await checkPage(t, tab, 'profil-fejl', { status: 422, h1: 'Min profil' });
});

pageTest('sign-in page after sign-out (notice)', async (t) => {
  const tab = tabs.sofie;
  await tab.goto('/');
  await tab.submit('header form.app-logout button');
  await checkPage(t, tab, 'logget-ud', { status: 200, path: '/logind?ok=logget-ud', h1: 'Log ind' });
});

pageTest('TOTP page (second sign-in)', async (t) => {
  const tab = tabs.sofie;
  await signIn(tab, 'sofie');
  await checkPage(t, tab, 'totp', { status: 200, path: '/logind/totp', h1: 'Tofaktorkode' });
});

pageTest('TOTP page after a wrong code (error message)', async (t) => {
  const tab = tabs.sofie;
  await tab.page.fill('#code', '000000');
  await tab.submit('main form button[type=submit]');
  await checkPage(t, tab, 'totp-fejl', { status: 422, path: '/logind/totp', h1: 'Tofaktorkode' });
  const e = await enterTotp(tab, sofie.secret, sofie.step);
  sofie.step = e.step;
  assert.equal(tab.path(), '/', 'the right code still works');
});

// ---- ada (admin): users ----

pageTest('users page (admin)', async (t) => {
  const tab = tabs.ada;
  await signInFully(tab, ada);
  await tab.goto('/brugere');
  await checkPage(t, tab, 'brugere', { status: 200, path: '/brugere', h1: 'Brugere' });
});

pageTest('users page after a failed submission (error message)', async (t) => {
  const tab = tabs.ada;
  await tab.page.fill('#username', 'Ugyldigt Navn!');
  await tab.page.fill('#name', 'Ny Bruger');
  await tab.page.selectOption('#role', 'kontaktperson');
  await tab.page.fill('#password', 'kort');
  await tab.submit('form[action="/brugere"] button[type=submit]');
  assert.ok(await tab.page.locator('main .alert-error, main .form-error-message').count() > 0,
    'an error message is shown');
  await checkPage(t, tab, 'brugere-fejl', { status: 422, path: '/brugere', h1: 'Brugere' });
});

pageTest('users page after creating a user (notice)', async (t) => {
  const tab = tabs.ada;
  await tab.goto('/brugere');
  await tab.page.fill('#username', 'ny.bruger');
  await tab.page.fill('#name', 'Ny Bruger');
  await tab.page.selectOption('#role', 'styregruppe');
  await tab.page.fill('#password', 'en-lang-god-adgangskode');
  await tab.submit('form[action="/brugere"] button[type=submit]');
  await checkPage(t, tab, 'brugere-oprettet', { status: 200, path: '/brugere?ok=oprettet', h1: 'Brugere' });
});

// ---- rita (revisor): the access log ----

pageTest('access-log page (revisor)', async (t) => {
  const tab = tabs.rita;
  await signInFully(tab, rita);
  await tab.goto('/log');
  await checkPage(t, tab, 'adgangslog', { status: 200, path: '/log', h1: 'Adgangslog' });
  assert.ok(await tab.page.locator('main table tbody tr').count() > 0, 'the log has rows');
});

pageTest('access-log page filtered to nothing', async (t) => {
  const tab = tabs.rita;
  await tab.goto('/log?user=findes-ikke');
  await checkPage(t, tab, 'adgangslog-tom', { status: 200, h1: 'Adgangslog' });
});

// ---- the school network and compliance ----

pageTest('school network page /skoler (ssp)', async (t) => {
  const tab = tabs.sofie;
  await tab.goto('/skoler');
  await checkPage(t, tab, 'skoler', { status: 200, path: '/skoler', h1: 'Skolenetværket' });
  assert.ok(await tab.page.locator('main table .app-status').count() > 0, 'statuses are shown');
});

pageTest('school page with an error shown (læseplan item held in the future)', async (t) => {
  const tab = tabs.sofie;
  await tab.goto('/skoler/eksempel-skole-vest');
  await tab.page.selectOption('#grade', '8');
  await tab.page.fill('#theme', 'Rusmidler og fester');
  await tab.page.fill('#planned', '2026-09-15');
  await tab.page.fill('#held', '2099-12-31');
  await tab.submit('form[action="/skoler/eksempel-skole-vest/laeseplan"] button[type=submit]');
  assert.equal(await tab.page.locator('#held').getAttribute('aria-invalid'), 'true');
  await checkPage(t, tab, 'skole-fejl', { status: 422, h1: 'Eksempelskolen Vest' });
});

pageTest('school page after adding a læseplan item (notice, table)', async (t) => {
  const tab = tabs.sofie;
  await tab.page.fill('#held', '');
  await tab.submit('form[action="/skoler/eksempel-skole-vest/laeseplan"] button[type=submit]');
  await checkPage(t, tab, 'skole', { status: 200, path: '/skoler/eksempel-skole-vest?ok=punkt-tilfoejet', h1: 'Eksempelskolen Vest' });
  assert.equal(await tab.page.locator('main table tbody tr').count(), 1);
});

pageTest('theme-day page (ssp): attendance form, then saved (notice)', async (t) => {
  const tab = tabs.sofie;
  addUser(srv, 'kaja', 'kontaktperson', ['--institution', 'eksempel-skole-vest']);
  addUser(srv, 'karl', 'kontaktperson', ['--institution', 'eksempel-klub-oest']);
  const m = cli(srv, ['meeting', 'add', 'ssp-skolenetvaerk', '2024-09-12', '09:00']);
  assert.equal(m.status, 0, m.stderr);
  await tab.goto('/skoler/temadag?aar=2024');
  await checkPage(t, tab, 'temadag', { status: 200, h1: 'Temadag for SSP-kontaktpersoner 2024' });
  assert.equal(await tab.page.locator('main form input[type=checkbox]').count(), 2);
  await tab.page.locator('main form input[type=checkbox]').first().check();
  await tab.submit('form[action="/skoler/temadag"] button[type=submit]');
  await checkPage(t, tab, 'temadag-gemt', { status: 200, path: '/skoler/temadag?aar=2024&ok=temadag', h1: 'Temadag for SSP-kontaktpersoner 2024' });
});

pageTest('school network as admin (add and edit forms)', async (t) => {
  const tab = tabs.ada;
  await tab.goto('/skoler');
  await checkPage(t, tab, 'skoler-admin', { status: 200, path: '/skoler', h1: 'Skolenetværket' });
  await tab.goto('/skoler/eksempel-klub-oest');
  await checkPage(t, tab, 'skole-admin', { status: 200, h1: 'Ungdomsklubben Øst (eksempel)' });
});

pageTest('compliance page /overholdelse (revisor)', async (t) => {
  const tab = tabs.rita;
  await tab.goto('/overholdelse?aar=2027&pr=2027-06-30');
  await checkPage(t, tab, 'overholdelse', { status: 200, h1: 'Overholdelse af strategien' });
  for (const s of ['ok', 'behind'])
    assert.ok(await tab.page.locator(`main .app-status--${s}`).count() > 0, `a status ${s} is shown`);
});

// ---- meetings, the annual wheel and calendars ----

pageTest('annual wheel /aarshjul (ssp)', async (t) => {
  const tab = tabs.sofie;
  await tab.goto('/aarshjul');
  const year = new Date().getFullYear();
  await checkPage(t, tab, 'aarshjul', { status: 200, path: '/aarshjul', h1: `Årshjul ${year}` });
  const img = await tab.page.evaluate(() => {
    const i = document.querySelector('main img[src^="/aarshjul/"]');
    return i && { ok: i.complete && i.naturalWidth > 0, alt: i.alt };
  });
  assert.ok(img?.ok, 'the wheel image loads');
  assert.match(img.alt, /Årshjul for \d{4}/);
  assert.equal(await tab.page.locator('main h3').count(), 12, 'a heading per month');
});

pageTest('meeting list /moeder (ssp: with the ad hoc form)', async (t) => {
  const tab = tabs.sofie;
  const year = new Date().getFullYear() + 1;
  await tab.goto(`/moeder?aar=${year}&organ=hotspot`);
  await checkPage(t, tab, 'moeder', { status: 200, h1: `Møder ${year}` });
  assert.equal(await tab.page.locator('main table tbody tr').count(), 8);
  assert.equal(await tab.page.locator('form[action="/moeder"][method="post"]').count(), 1);
});

pageTest('meeting page, then minutes with a CPR-like number refused (error shown)', async (t) => {
  const tab = tabs.sofie;
  const href = await tab.page.locator('main table tbody tr a').first().getAttribute('href');
  await tab.goto(href);
  await checkPage(t, tab, 'moede', { status: 200, path: href, h1: undefined });
  await tab.page.fill('#minutes', 'Uro ved stationen.\nEn ung med cpr 150709-1234 blev nævnt.');
  await tab.submit(`form[action="${href}/referat"] button[type=submit]`);
  assert.equal(await tab.page.locator('#minutes').getAttribute('aria-invalid'), 'true');
  assert.match(await tab.page.locator('#minutes-error').innerText(), /CPR-nummer/);
  await checkPage(t, tab, 'moede-referat-fejl', { status: 422 });
});

pageTest('front page with upcoming meetings', async (t) => {
  const tab = tabs.sofie;
  const r = cli(srv, ['participant', 'add', 'hotspot', 'sofie']);
  assert.equal(r.status, 0, r.stderr);
  await tab.goto('/');
  await checkPage(t, tab, 'forside-moeder', { status: 200, path: '/', h1: 'Forside' });
  assert.ok(await tab.page.locator('main .app-upcoming li').count() > 0, 'meetings are listed');
});

pageTest('calendar address page (shown once)', async (t) => {
  const tab = tabs.sofie;
  await tab.goto('/profil');
  await tab.submit('form[action="/profil/kalender"] button[type=submit]');
  await checkPage(t, tab, 'kalenderadresse', { status: 200, h1: 'Din kalenderadresse' });
  assert.match(await tab.page.inputValue('#kalenderadresse'), /\/kalender\/[A-Za-z0-9_-]{43}\.ics$/);
});

pageTest('body page as admin (participants form)', async (t) => {
  const tab = tabs.ada;
  await tab.goto('/organisation/hotspot');
  await checkPage(t, tab, 'organ-admin-deltagere', { status: 200, path: '/organisation/hotspot', h1: 'Hotspotmøde' });
  assert.equal(await tab.page.locator('form[action="/organisation/hotspot/deltagere"]').count(), 1);
});

// ---- the SSP-team's daily work (issue 14): directory search, course
// registration, the duty roster ----

pageTest('offers directory /tilbud: an offer added, a refused one, then a search', async (t) => {
  const tab = tabs.sofie;
  await tab.goto('/tilbud');
  await checkPage(t, tab, 'tilbud', { status: 200, path: '/tilbud', h1: 'Tilbudsoversigt' });
  await tab.page.fill('#name', 'Familierådgivningen');
  await tab.page.fill('#provider', 'Børn og Familier');
  await tab.page.fill('#age_from', '10');
  await tab.page.fill('#age_to', '17');
  await tab.page.check('#themes-0');
  await tab.page.check('#districts-0');
  await tab.page.fill('#referral', 'Lærere og forældre ringer direkte.');
  await tab.submit('form[action="/tilbud"][method="post"] button[type=submit]');
  assert.equal(tab.path(), '/tilbud?ok=oprettet');
  // no way to refer: the error stands at the field
  await tab.page.fill('#name', 'Uden henvisning');
  await tab.page.fill('#provider', 'X');
  await tab.page.fill('#age_from', '10');
  await tab.page.fill('#age_to', '12');
  await tab.page.check('#themes-0');
  await tab.submit('form[action="/tilbud"][method="post"] button[type=submit]');
  assert.equal(await tab.page.locator('#referral').getAttribute('aria-invalid'), 'true');
  await checkPage(t, tab, 'tilbud-fejl', { status: 422, h1: 'Tilbudsoversigt' });
  await tab.page.fill('#alder', '14');
  await tab.page.selectOption('#distrikt', 'vest');
  await tab.submit('form[role=search] button[type=submit]');
  await checkPage(t, tab, 'tilbud-soegning', { status: 200, h1: 'Tilbudsoversigt' });
  assert.equal(await tab.page.locator('main table tbody tr').count(), 1);
  assert.match(await tab.page.locator('main table tbody th').innerText(), /Familierådgivningen/);
});

pageTest('course registration: a training created, then signed up for', async (t) => {
  const tab = tabs.sofie;
  const year = new Date().getFullYear() + 1;
  await tab.goto('/arrangementer');
  await checkPage(t, tab, 'arrangementer', { status: 200, path: '/arrangementer', h1: 'Kurser og arrangementer' });
  await tab.page.selectOption('#kind', 'training');
  await tab.page.fill('#name', 'Uddannelse af nye SSP-kontaktpersoner');
  await tab.page.fill('#start', `${year}-03-10T09:00`);
  await tab.page.fill('#end', `${year}-03-10T15:00`);
  await tab.page.fill('#place', 'Rådhuset');
  await tab.page.fill('#capacity', '20');
  await tab.submit('form[action="/arrangementer"] button[type=submit]');
  assert.match(tab.path(), /^\/arrangementer\/\d+\?ok=oprettet$/);
  await checkPage(t, tab, 'arrangement', { status: 200, h1: 'Uddannelse af nye SSP-kontaktpersoner' });
  await tab.submit('main form button.button-primary');
  assert.match(await tab.page.locator('main .alert-info').innerText(), /Du er tilmeldt/);
  await checkPage(t, tab, 'arrangement-tilmeldt', { status: 200 });
  assert.equal(await tab.page.locator('input[name^="present-"]').count(), 1, 'the registration is listed');
});

pageTest('duty roster: a larger event with a shift, then an overlapping one refused', async (t) => {
  const tab = tabs.sofie;
  const year = new Date().getFullYear() + 1;
  await tab.goto('/arrangementer');
  await tab.page.selectOption('#kind', 'event');
  await tab.page.fill('#name', 'Byfest');
  await tab.page.fill('#start', `${year}-06-19T12:00`);
  await tab.page.fill('#end', `${year}-06-21T23:00`);
  await tab.page.fill('#place', 'Torvet');
  await tab.page.fill('#risk_notes', 'Generelt: alkohol blandt de yngste om aftenen.');
  await tab.submit('form[action="/arrangementer"] button[type=submit]');
  await tab.page.fill('#username', 'sofie');
  await tab.page.fill('#start', `${year}-06-19T18:00`);
  await tab.page.fill('#end', `${year}-06-19T23:00`);
  await tab.page.fill('#task', 'Nattevandring');
  await tab.submit('form[action$="/vagter"] button[type=submit]');
  await checkPage(t, tab, 'vagtplan', { status: 200, h1: 'Byfest' });
  assert.equal(await tab.page.locator('main table tbody tr').count(), 1);
  await tab.page.fill('#username', 'sofie');
  await tab.page.fill('#start', `${year}-06-19T22:00`);
  await tab.page.fill('#end', `${year}-06-20T01:00`);
  await tab.submit('form[action$="/vagter"] button[type=submit]');
  assert.equal(await tab.page.locator('#start').getAttribute('aria-invalid'), 'true');
  await checkPage(t, tab, 'vagtplan-overlap', { status: 409, h1: 'Byfest' });
});

// editing (issue 14, continued): an offer edited with a refused age, then
// removed; a course edited on its own page, then cancelled
pageTest('offer edit /tilbud/{id}: a refused edit, a saved one, then removal', async (t) => {
  const tab = tabs.sofie;
  await tab.goto('/tilbud');
  await tab.navigate(() => tab.page.locator('main table a[href^="/tilbud/"]').first().click());
  assert.match(tab.path(), /^\/tilbud\/\d+$/);
  await checkPage(t, tab, 'tilbud-ret', { status: 200 });
  assert.equal(await tab.page.locator('#name').inputValue(), 'Familierådgivningen');
  assert.ok(await tab.page.locator('#themes-0').isChecked(), 'the themes are checked as stored');
  await tab.page.fill('#age_to', '5');
  await tab.submit('form[action^="/tilbud/"][method="post"]:not([action$="/fjern"]) button[type=submit]');
  assert.equal(await tab.page.locator('#age_to').getAttribute('aria-invalid'), 'true');
  await checkPage(t, tab, 'tilbud-ret-fejl', { status: 422 });
  await tab.page.fill('#age_to', '18');
  await tab.submit('form[action^="/tilbud/"][method="post"]:not([action$="/fjern"]) button[type=submit]');
  assert.equal(tab.path(), '/tilbud?ok=rettet');
  assert.match(await tab.page.locator('main table tbody').innerText(), /10-18/);
  await tab.navigate(() => tab.page.locator('main table a[href^="/tilbud/"]').first().click());
  await tab.submit('form[action$="/fjern"] button[type=submit]');
  assert.equal(tab.path(), '/tilbud?ok=fjernet');
});

pageTest('event edit /arrangementer/{id}/ret and cancellation', async (t) => {
  const tab = tabs.sofie;
  const year = new Date().getFullYear() + 1;
  await tab.goto('/arrangementer');
  await tab.page.selectOption('#kind', 'parent-evening');
  await tab.page.fill('#name', 'Forældremøde 7. klasse');
  await tab.page.fill('#start', `${year}-09-10T19:00`);
  await tab.page.fill('#end', `${year}-09-10T21:00`);
  await tab.page.fill('#place', 'Skolen');
  await tab.submit('form[action="/arrangementer"] button[type=submit]');
  const page = tab.path().replace(/\?.*$/, '');
  await tab.goto(page + '/ret');
  await checkPage(t, tab, 'arrangement-ret', { status: 200, h1: 'Ret arrangement: Forældremøde 7. klasse' });
  await tab.page.fill('#end', `${year}-09-10T18:00`);
  await tab.submit('main form button[type=submit]');
  assert.equal(await tab.page.locator('#end').getAttribute('aria-invalid'), 'true');
  await checkPage(t, tab, 'arrangement-ret-fejl', { status: 422 });
  await tab.page.fill('#end', `${year}-09-10T21:30`);
  await tab.page.fill('#place', 'Aulaen');
  await tab.submit('main form button[type=submit]');
  assert.equal(tab.path(), page + '?ok=rettet');
  assert.match(await tab.page.locator('main dl').innerText(), /Aulaen/);
  await tab.submit('form[action$="/aflys"] button[type=submit]');
  assert.equal(tab.path(), page + '?ok=aflyst');
  await checkPage(t, tab, 'arrangement-aflyst', { status: 200 });
  assert.match(await tab.page.locator('main').innerText(), /Arrangementet er aflyst/);
});

// ---- last: throttling (it counts failures per address too) ----

// ---- the data behind the strategy (issue 13) ----

pageTest('data page /data with charts and tables (ssp)', async (t) => {
  for (const kind of ['ungeprofil', 'kriminalitet']) {
    const r = cli(srv, ['data', 'import', kind, `${process.env.SRC}/docs/skabelon-${kind}.csv`]);
    assert.equal(r.status, 0, r.stderr);
  }
  const tab = tabs.sofie;
  await tab.goto('/data');
  await checkPage(t, tab, 'data', { status: 200, path: '/data', h1: 'Tallene bag strategien' });
  assert.ok(await tab.page.locator('main figure svg[role="img"]').count() >= 3, 'charts drawn');
  assert.ok(await tab.page.locator('main figure table').count() >= 3, 'a table beside each chart');
});

pageTest('data import: the form, a preview, and a refused file (ssp)', async (t) => {
  const tab = tabs.sofie;
  await tab.goto('/data/import');
  await checkPage(t, tab, 'data-import', { status: 200, path: '/data/import', h1: 'Importér tal' });
  await tab.page.selectOption('#kind', 'kriminalitet');
  await tab.page.fill('#csv', 'år;kategori;aldersgruppe;distrikt;antal\n2026;Tyveri;15-17;Vest;12\n');
  await tab.submit('form[action="/data/import"]:not([enctype]) button[type=submit]');
  await checkPage(t, tab, 'data-import-preview', { status: 200, h1: 'Importér tal' });
  assert.match(await tab.page.locator('main').innerText(), /Filen vil tilføje 1 rækker/);
  await tab.goto('/data/import');
  await tab.page.fill('#csv', 'år;kategori;aldersgruppe;distrikt;antal\n2026;Tyveri;15-17;Nord;12\n');
  await tab.submit('form[action="/data/import"]:not([enctype]) button[type=submit]');
  await checkPage(t, tab, 'data-import-fejl', { status: 422, h1: 'Importér tal' });
  assert.equal(await tab.page.locator('#csv').getAttribute('aria-invalid'), 'true');
});

pageTest('data import: upload a CSV file, see the preview, apply it (ssp)', async (t) => {
  const tab = tabs.sofie;
  const { execFileSync } = await import('node:child_process');
  const sql = (q) => execFileSync('sqlite3', [srv.env.SSP_DB, q], { encoding: 'utf8' }).trim();
  const fixture = new URL('../data/kriminalitet.csv', import.meta.url).pathname;
  await tab.goto('/data/import');
  await tab.page.selectOption('#upload-kind', 'kriminalitet');
  await tab.page.setInputFiles('#file', fixture);
  await tab.submit('#upload-form button[type=submit]');
  await checkPage(t, tab, 'data-import-fil-preview', { status: 200, h1: 'Importér tal' });
  const main = await tab.page.locator('main').innerText();
  assert.match(main, /Fil: »kriminalitet\.csv«/);
  const m = /Filen vil tilføje (\d+) rækker, erstatte (\d+)/.exec(main);
  assert.ok(m, main);
  assert.equal(sql("SELECT count(*) FROM crime_figure WHERE category = 'Hærværk'"), '0', 'nothing stored by the preview');
  await tab.submit('main form[enctype] button[type=submit]');
  await checkPage(t, tab, 'data-import-fil-importeret', { status: 200, h1: 'Tallene er importeret' });
  assert.match(await tab.page.locator('main').innerText(), new RegExp(`${m[1]} tilføjet, ${m[2]} erstattet`));
  assert.equal(sql("SELECT count(*) FROM crime_figure WHERE category = 'Hærværk'"), '1');
  await tab.goto('/data');
  const data = await tab.page.locator('main').innerText();
  assert.match(data, /Senest importeret: kriminalitet\.csv/);
  assert.match(data, /2025\s+980/);
});

// ---- focus areas, trends and the evaluation (issue 13) ----

pageTest('focus areas, trend tags, trends and the evaluation (ssp)', async (t) => {
  const { execFileSync } = await import('node:child_process');
  const sql = (q) => execFileSync('sqlite3', [srv.env.SSP_DB, q], { encoding: 'utf8' }).trim();
  const tab = tabs.sofie;
  const year = Number(sql("SELECT strftime('%Y', 'now')"));
  const focusYear = year % 2 ? year - 1 : year; // fokusomraader-aar = lige
  await tab.goto(`/indsatsomraader?aar=${focusYear}`);
  await checkPage(t, tab, 'indsatsomraader', { status: 200, h1: `Indsatsområder ${focusYear}` });
  await tab.page.fill('#title', 'Rusmidler i udskolingen');
  await tab.page.fill('#goal', 'Færre unge prøver hash');
  await tab.page.fill('#measure', 'Andelen i Ungeprofilundersøgelsen');
  await tab.page.fill('#indicators', 'EKSEMPEL Har prøvet hash');
  // no body chosen: refused, the form keeps what was typed
  await tab.submit('form[action="/indsatsomraader"] button[type=submit]');
  await checkPage(t, tab, 'indsatsomraader-fejl', { status: 422, h1: `Indsatsområder ${focusYear}` });
  assert.equal(await tab.page.locator('#title').inputValue(), 'Rusmidler i udskolingen');
  await tab.page.check('#body-ssp-styregruppe');
  await tab.page.check('#body-hotspot');
  await tab.submit('form[action="/indsatsomraader"] button[type=submit]');
  await checkPage(t, tab, 'indsatsomraader-ny', { status: 200, h1: `Indsatsområder ${focusYear}` });
  assert.match(await tab.page.locator('main').innerText(), /Rusmidler i udskolingen/);
  // the hotspot meeting's page: the focus area on its proposed agenda, tags
  const m = sql(`SELECT id FROM meeting WHERE body_id = 'hotspot' AND year = ${focusYear} ORDER BY start_at LIMIT 1`);
  await tab.goto(`/moeder/${m}`);
  assert.match(await tab.page.locator('main').innerText(), /Indsatsområde: Rusmidler i udskolingen/);
  await tab.page.check('#tema-0');
  await tab.submit('form[action$="/temaer"] button[type=submit]');
  await checkPage(t, tab, 'moede-temaer', { status: 200 });
  assert.equal(sql(`SELECT count(*) FROM minutes_tag WHERE meeting_id = ${m}`), '1');
  await tab.goto(`/tendenser?aar=${focusYear}`);
  await checkPage(t, tab, 'tendenser', { status: 200, h1: `Tendenser fra møderne ${focusYear}` });
  assert.equal(await tab.page.locator(`main a[href="/moeder/${m}#referat"]`).count(), 1, 'the minutes one click away');
  await tab.goto(`/evaluering?aar=${focusYear}`);
  await checkPage(t, tab, 'evaluering', { status: 200, h1: `Evaluering af SSP-samarbejdet ${focusYear}` });
  assert.ok(await tab.page.locator('main figure svg[role="img"]').count() >= 3, 'charts drawn');
  await tab.goto(`/aarshjul?aar=${focusYear}`);
  assert.match(await tab.page.locator('main').innerText(), /Indsatsområder i kraft/);
});

pageTest('429 page (too many failed sign-ins)', async (t) => {
  const tab = tabs.anon;
  for (let i = 0; i < 5; i++) {
    await signIn(tab, 'tove', 'forkert-forkert-forkert');
    assert.equal(tab.status, 401, `failure ${i + 1}`);
  }
  await signIn(tab, 'tove');
  await checkPage(t, tab, '429', { status: 429, h1: 'For mange forsøg' });
});
