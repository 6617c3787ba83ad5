// referrals.test.mjs - referrals, screening, statistics and declining to
// share (issue 9) through the pages and the API against the real `ssp
// serve`: a contact person refers a pupil through /indstillinger and sees
// the status only; the SSP-team screens it through /visitering onto the
// next § 115-møde, where it is on the agenda; a named person is refused
// at a district, hotspot and steering-group meeting with the strategy's
// own reason and the field named; participants decline to share (who,
// not what, is recorded); the steering group's /statistik shows every
// level the strategy defines with "<5"; the menu and the meeting page's
// link to the case page show only to the roles that may use them.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { Client, addUser, createToken, startServer, stopServer } from './lib.mjs';

let srv, meeting, referral;
const tok = {};
const web = {};
const YEAR = new Date().getFullYear();
const today = new Date().toISOString().slice(0, 10);
const PUPIL = 'Henvist Elevsen';
const SUMMARY = 'Eleven er set med ældre unge ved stationen.';

function api(who, method, p, json) {
  const headers = { authorization: 'Bearer ' + tok[who] };
  let body;
  if (json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(json);
  }
  return fetch(srv.base + p, { method, headers, body, redirect: 'manual' })
    .then(async (r) => ({ status: r.status, body: await r.json() }));
}

const sql = (q) => execFileSync('sqlite3', [srv.env.SSP_DB, q], { encoding: 'utf8' }).trim();

async function page(who, p) {
  const r = await web[who].client.get(p);
  return { status: r.status, text: r.text_, location: r.headers.get('location') };
}

async function post(who, p, form) {
  const r = await web[who].client.post(p, { form: { ...form, csrf: web[who].csrf } });
  return { status: r.status, text: r.text_, location: r.headers.get('location') };
}

before(async () => {
  srv = await startServer();
  for (const [u, role, extra] of [['sofie', 'ssp'], ['per', 'politi'], ['bente', 'boern-familier'],
    ['stine', 'styregruppe'], ['ada', 'admin'],
    ['kim', 'kontaktperson', ['--institution', 'eksempel-skole-vest']]]) {
    addUser(srv, u, role, extra);
    tok[u] = createToken(srv, u);
    const client = new Client(srv);
    assert.equal((await client.login(u)).status, 303, `sign-in ${u}`);
    const home = await client.get('/');
    web[u] = { client, csrf: /<meta name="csrf-token" content="([^"]+)">/.exec(home.text_)[1], home: home.text_ };
  }
  const r = await api('per', 'GET', `/api/v1/meetings?body=paragraf-115&from=${today}`);
  meeting = r.body.meetings.find((m) => m.status === 'planned').id;
});

after(async () => {
  const r = await stopServer(srv);
  assert.equal(r.code, 0, 'clean shutdown; server stderr:\n' + srv.stderr);
});

test('the menu shows the new pages only to the roles that may use them', () => {
  const has = (u, path) => web[u].home.includes(`<a href="${path}"`);
  const want = {
    kim: ['/indstillinger'], sofie: ['/indstillinger', '/visitering', '/statistik'],
    stine: ['/statistik'], per: ['/statistik'], bente: ['/statistik'], ada: [],
  };
  for (const [u, paths] of Object.entries(want))
    for (const p of ['/indstillinger', '/visitering', '/statistik'])
      assert.equal(has(u, p), paths.includes(p), `${u} ${p}`);
});

test('a contact person refers a pupil through the page; bad input is named', async () => {
  let r = await page('kim', '/indstillinger');
  assert.equal(r.status, 200);
  assert.match(r.text, /Mine indstillinger/);
  assert.match(r.text, /Du har ingen indstillinger/);
  // a birth date that does not exist: 422, the field named, nothing stored
  r = await post('kim', '/indstillinger', { name: PUPIL, cpr: '', birth_date: '2012-02-30',
    summary: SUMMARY, necessity: 'Skolen kan ikke alene.', legal_basis: 'ssp' });
  assert.equal(r.status, 422);
  assert.match(r.text, /id="birth_date"[^>]*aria-invalid="true"/);
  assert.equal(sql('SELECT count(*) FROM referral'), '0');
  // no necessity: the field named, the typed text kept
  r = await post('kim', '/indstillinger', { name: PUPIL, cpr: '', birth_date: '2012-02-03',
    summary: SUMMARY, necessity: '', legal_basis: 'ssp' });
  assert.equal(r.status, 422);
  assert.match(r.text, /id="necessity"[^>]*aria-invalid="true"/);
  assert.ok(r.text.includes(SUMMARY));
  assert.equal(sql('SELECT count(*) FROM referral'), '0');
  r = await post('kim', '/indstillinger', { name: PUPIL, cpr: '', birth_date: '2012-02-03',
    summary: SUMMARY, necessity: 'Skolen kan ikke alene.', legal_basis: 'ksp-a' });
  assert.equal(r.status, 303);
  assert.equal(r.location, '/indstillinger?ok=indstillet');
  r = await page('kim', r.location);
  assert.match(r.text, /Indstillingen er sendt til SSP-teamet/);
  assert.match(r.text, /Afventer SSP-teamets visitering/);
  referral = Number(/<th scope="row">(\d+)<\/th>/.exec(r.text)[1]);
  assert.ok(referral > 0);
  // the status only: neither the pupil's name nor the free text
  assert.ok(!r.text.includes(PUPIL) && !r.text.includes(SUMMARY));
  assert.equal(sql(`SELECT legal_basis || ' ' || status || ' ' || institution_id FROM referral WHERE id = ${referral}`),
    'ksp-a submitted eksempel-skole-vest');
});

test('who may see the referral and screening pages', async () => {
  for (const [u, p, status] of [['sofie', '/indstillinger', 200], ['per', '/indstillinger', 403],
    ['stine', '/indstillinger', 403], ['ada', '/indstillinger', 403], ['kim', '/visitering', 403],
    ['per', '/visitering', 403], ['bente', '/visitering', 403], ['stine', '/visitering', 403]])
    assert.equal((await page(u, p)).status, status, `${u} ${p}`);
});

test('the SSP-team screens the referral onto the next § 115-møde; it is on the agenda', async () => {
  let r = await page('sofie', '/visitering');
  assert.equal(r.status, 200);
  assert.ok(r.text.includes(PUPIL) && r.text.includes(SUMMARY));
  assert.match(r.text, /§ 115, stk. 1, nr. 3/);
  // the next § 115-møde is chosen by default
  assert.match(r.text, new RegExp(`<option value="${meeting}" selected>`));
  // "other" without a reason: 422 with the field named, nothing changed
  r = await post('sofie', `/visitering/${referral}`, { decision: 'other', meeting: '', reason: '' });
  assert.equal(r.status, 422);
  assert.match(r.text, new RegExp(`id="reason-${referral}-fejl"`));
  assert.equal(sql(`SELECT status FROM referral WHERE id = ${referral}`), 'submitted');
  // a body without named individuals: refused with the strategy's reason
  const hot = (await api('per', 'GET', `/api/v1/meetings?body=hotspot&year=${YEAR + 1}`)).body.meetings[0].id;
  r = await post('sofie', `/visitering/${referral}`, { decision: 'agenda', meeting: String(hot), reason: '' });
  assert.equal(r.status, 422);
  assert.match(r.text, /Strategien: »Konkrete sager drøftes ikke her/);
  // the contact person may not screen
  assert.equal((await post('kim', `/visitering/${referral}`, { decision: 'agenda', meeting: String(meeting) })).status, 403);
  r = await post('sofie', `/visitering/${referral}`, { decision: 'agenda', meeting: String(meeting), reason: '' });
  assert.equal(r.status, 303);
  assert.equal(r.location, '/visitering?ok=visiteret');
  r = await page('sofie', r.location);
  assert.match(r.text, /Indstillingen er visiteret/);
  assert.ok(!r.text.includes(PUPIL), 'no longer awaiting screening');
  r = await api('bente', 'GET', `/api/v1/meetings/${meeting}/agenda`);
  assert.equal(r.status, 200);
  const item = r.body.items.find((i) => i.id === `referral-${referral}`);
  assert.ok(item, JSON.stringify(r.body));
  assert.equal(item.name, PUPIL);
  r = await page('kim', '/indstillinger');
  assert.match(r.text, /Sat på dagsordenen til et § 115-møde/);
  assert.ok(!r.text.includes(PUPIL) && !r.text.includes(SUMMARY));
});

test('a named person at a district, hotspot or steering-group meeting: the strategy\'s reason', async () => {
  const p = await api('per', 'POST', '/api/v1/people', { name: 'Anden Unge', birth_date: '2010-05-06' });
  assert.equal(p.status, 201);
  for (const [body, reason] of [
    ['ssp-distriktsmoede', /Strategien: »Konkrete sager drøftes ikke her, men henvises til fx § 115-møder,\s+ordinære netværksmøder eller underretninger\.«/],
    ['hotspot', /Strategien: »Konkrete sager drøftes ikke her, men henvises til fx § 115-møder, ordinære netværksmøder eller underretninger\.«/],
    ['ssp-styregruppe', /Strategien: »Konkrete sager drøftes ikke her/]]) {
    const m = (await api('per', 'GET', `/api/v1/meetings?body=${body}&year=${YEAR + 1}`)).body.meetings[0];
    const org = (await api('per', 'GET', `/api/v1/org/bodies/${body}`)).body;
    const r = await api('per', 'POST', '/api/v1/handovers',
      { meeting: m.id, person: p.body.id, contact_date: today, summary: 's' });
    assert.equal(r.status, 422, body);
    assert.equal(r.body.field, 'meeting', body);
    assert.match(r.body.error, reason, body);
    assert.ok(r.body.error.includes(org.name), `${body}: the body named: ${r.body.error}`);
  }
});

test('declining to share: who and which organisation, not what', async () => {
  const item = `referral-${referral}`;
  let r = await api('per', 'POST', `/api/v1/meetings/${meeting}/items/${item}/decline`);
  assert.equal(r.status, 201, JSON.stringify(r.body));
  assert.equal(r.body.declined, true);
  for (const [who, p, status] of [
    ['kim', `/api/v1/meetings/${meeting}/items/${item}/decline`, 403],
    ['stine', `/api/v1/meetings/${meeting}/items/${item}/decline`, 403],
    ['per', `/api/v1/meetings/${meeting}/items/referral-999999/decline`, 404],
    ['per', `/api/v1/meetings/${meeting}/items/nonsense/decline`, 404],
    ['per', `/api/v1/meetings/999999/items/${item}/decline`, 404]])
    assert.equal((await api(who, 'POST', p)).status, status, `${who} ${p}`);
  // through the case page
  r = await page('bente', `/sager/moede/${meeting}`);
  assert.equal(r.status, 200);
  assert.match(r.text, /Afstå fra at dele \(§ 115, stk. 4\)/);
  r = await post('bente', `/sager/moede/${meeting}/afstaa`, { 'decline-item': item });
  assert.equal(r.status, 303);
  r = await page('bente', r.location);
  assert.match(r.text, /Det er registreret, at du afstår fra at dele om punktet/);
  // who declined on which item, for the participants; never what
  assert.ok(r.text.includes(`<li>per (politi): ${PUPIL}</li>`), 'the police\'s decline listed');
  assert.ok(r.text.includes(`<li>bente (boern-familier): ${PUPIL}</li>`));
  assert.equal(sql(`SELECT group_concat(username || ':' || org || ':' || item_kind || ':' || item_id, ' ')
    FROM (SELECT * FROM share_declined WHERE meeting_id = ${meeting} ORDER BY username)`),
  `bente:boern-familier:referral:${referral} per:politi:referral:${referral}`);
  assert.equal((await post('kim', `/sager/moede/${meeting}/afstaa`, { 'decline-item': item })).status, 403);
  assert.equal(sql('SELECT count(*) FROM audit_log WHERE action = \'share.decline\' AND outcome = \'ok\''), '2');
});

test('the meeting page links to the case page for the roles that may read it', async () => {
  const link = `href="/sager/moede/${meeting}"`;
  for (const [u, shown] of [['per', true], ['sofie', true], ['bente', true], ['stine', false],
    ['kim', false], ['ada', false]]) {
    const r = await page(u, `/moeder/${meeting}`);
    assert.equal(r.status, 200);
    assert.equal(r.text.includes(link), shown, u);
  }
  const hot = (await api('per', 'GET', `/api/v1/meetings?body=hotspot&year=${YEAR + 1}`)).body.meetings[0].id;
  assert.ok(!(await page('per', `/moeder/${hot}`)).text.includes('/sager/moede/'));
});

test('statistics: every level the strategy defines, "<5", for the steering group', async () => {
  let r = await api('sofie', 'POST', `/api/v1/meetings/${meeting}/items/referral-${referral}/decision`,
    { category: 2, actions: [{ type: 'bekymringssamtale', owner_org: 'ssp' }], legal_basis: 'ssp', necessity: true });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  const stats = (await api('stine', 'GET', `/api/v1/stats/concerns?year=${YEAR}`)).body;
  r = await page('stine', `/statistik?aar=${YEAR}`);
  assert.equal(r.status, 200);
  const table = (id) => {
    const at = r.text.indexOf(`<h2 id="${id}">`);
    assert.ok(at >= 0, id);
    const t = r.text.slice(at, r.text.indexOf('</table>', at));
    return [...t.matchAll(/<tr><th scope="row">([^<]*)<\/th><td class="app-num">([^<]*)<\/td><\/tr>/g)]
      .map((m) => [m[1], m[2]]);
  };
  const cats = table('kategori');
  assert.equal(cats.length, stats.by_category.length, 'the strategy\'s levels, not four by assumption');
  cats.forEach(([label, n], i) => {
    assert.ok(label.includes(stats.by_category[i].name));
    assert.equal(n.replace('&lt;', '<'), stats.by_category[i].count);
  });
  assert.equal(cats[1][1], '&lt;5');
  assert.equal(table('alder').length, stats.by_age.length);
  assert.equal(table('distrikt').length, stats.by_district.length);
  assert.equal(table('maaned').length, 12);
  assert.match(r.text, /<caption>Sager \d{4} efter kategori<\/caption>/);
  assert.ok(!r.text.includes(PUPIL));
  // another year, and a year out of range
  assert.equal((await page('stine', `/statistik?aar=${YEAR - 1}`)).status, 200);
  assert.equal((await page('stine', '/statistik?aar=abc')).status, 400);
  for (const [u, status] of [['per', 200], ['kim', 403], ['ada', 403]])
    assert.equal((await page(u, '/statistik')).status, status, u);
});
