// concerns.test.mjs - the case flow's JSON API (issue 9) against the real
// `ssp serve` (whose `ssp init` stores this year's and next year's plan):
// the meeting list's from/to filters beside year; the whole § 115 flow
// with four users (police, SSP-team, Børn og Familier, a contact person):
// person, hand-over, referral and its screening, the agenda, decisions
// (one wins), closing the meeting (undecided hand-overs gone, 404), the
// concern and its closing, statistics with "<5"; refusals with the field
// named; and the database file and server log hold neither the test
// person's name nor CPR number.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { addUser, cli, createToken, startServer, stopServer } from './lib.mjs';

let srv;
const tok = {}; // username -> bearer token
const YEAR = new Date().getFullYear();

function api(who, method, p, json) {
  const headers = { authorization: 'Bearer ' + tok[who] };
  let body;
  if (json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(json);
  }
  return fetch(srv.base + p, { method, headers, body, redirect: 'manual' })
    .then(async (r) => ({ status: r.status, headers: r.headers, body: await r.json() }));
}

before(async () => {
  srv = await startServer();
  for (const [u, role, extra] of [['sofie', 'ssp'], ['per', 'politi'],
    ['bente', 'boern-familier'], ['stine', 'styregruppe'], ['ada', 'admin'],
    ['kim', 'kontaktperson', ['--institution', 'eksempel-skole-vest']],
    ['karl', 'kontaktperson', ['--institution', 'eksempel-skole-oest']]]) {
    addUser(srv, u, role, extra);
    tok[u] = createToken(srv, u);
  }
});

after(async () => {
  const r = await stopServer(srv);
  assert.equal(r.code, 0, 'clean shutdown; server stderr:\n' + srv.stderr);
});

describe('GET /api/v1/meetings with from/to', () => {
  test('a range across the new year holds the stored meetings of both years in it', async () => {
    const from = `${YEAR}-11-01`, to = `${YEAR + 1}-02-28`;
    const r = await api('per', 'GET', `/api/v1/meetings?body=paragraf-115&from=${from}&to=${to}`);
    assert.equal(r.status, 200);
    assert.equal(r.body.from, from);
    assert.equal(r.body.to, to);
    assert.equal(r.body.stored, true);
    assert.ok(r.body.meetings.length >= 8, 'every 14 days for four months');
    const years = new Set();
    for (const m of r.body.meetings) {
      assert.equal(m.body, "paragraf-115");
      assert.ok(m.id > 0);
      const day = m.start.slice(0, 10);
      assert.ok(day >= from && day <= to, day);
      years.add(day.slice(0, 4));
    }
    assert.deepEqual([...years].sort(), [String(YEAR), String(YEAR + 1)]);
    // the same meetings as year= gives for the part in each year
    const y1 = await api('per', 'GET', `/api/v1/meetings?year=${YEAR + 1}&body=paragraf-115`);
    const inRange = y1.body.meetings.filter((m) => m.start.slice(0, 10) <= to);
    assert.deepEqual(r.body.meetings.filter((m) => m.start.startsWith(String(YEAR + 1))), inRange);
  });

  test('from alone runs to the end of its year; to alone from the start of its year', async () => {
    let r = await api('per', 'GET', `/api/v1/meetings?from=${YEAR}-12-01`);
    assert.equal(r.status, 200);
    assert.equal(r.body.to, `${YEAR}-12-31`);
    assert.ok(r.body.meetings.every((m) => m.start >= `${YEAR}-12-01`));
    r = await api('per', 'GET', `/api/v1/meetings?to=${YEAR + 1}-01-31`);
    assert.equal(r.status, 200);
    assert.equal(r.body.from, `${YEAR + 1}-01-01`);
  });

  test('bad dates and ranges answer 400 naming the field', async () => {
    for (const [q, field] of [['from=2027-02-30', 'from'], ['to=igår', 'to'],
      [`from=${YEAR}-05-01&to=${YEAR}-04-01`, 'to'],
      [`from=${YEAR}-01-01&to=${YEAR + 5}-01-01`, 'from']]) {
      const r = await api('per', 'GET', `/api/v1/meetings?${q}`);
      assert.equal(r.status, 400, q);
      assert.equal(r.body.field, field, q);
    }
  });
});

// A CPR number of someone 14 today, with a serial that fails modulus 11.
function cprOfAge(age) {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() - age);
  d.setUTCDate(d.getUTCDate() - 40);
  const dd = String(d.getUTCDate()).padStart(2, '0');
  const mm = String(d.getUTCMonth() + 1).padStart(2, '0');
  const yy = String(d.getUTCFullYear() % 100).padStart(2, '0');
  const seventh = d.getUTCFullYear() >= 2000 ? '4' : '1';
  return { cpr: `${dd}${mm}${yy}-${seventh}001`, birth: d.toISOString().slice(0, 10) };
}

const NAME = 'Testperson Xylofonsen';
const NOTE_TEXT = 'Sagsnotat om Xylofonsens hjemlige forhold';
const PARENT_NAME = 'Forælder Trombonesen';
const PARENT_PHONE = '+45 71 82 93 04';
const { cpr: CPR } = cprOfAge(14);
const today = new Date().toISOString().slice(0, 10);

describe('the § 115 flow', () => {
  let meeting, person, person2, h1, h2, ref, concern, offerId;

  test('a § 115 meeting of the plan and one of a body without named individuals', async () => {
    const r = await api('per', 'GET', `/api/v1/meetings?body=paragraf-115&from=${today}`);
    assert.equal(r.status, 200);
    meeting = r.body.meetings.find((m) => m.status === 'planned').id;
    assert.ok(meeting > 0);
  });

  test('people: CPR parsed, flags, masked; bad input 422 with the field', async () => {
    let r = await api('kim', 'POST', '/api/v1/people', { name: NAME, cpr: CPR });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(r.body.age, 14);
    assert.deepEqual(r.body.flags, []);
    person = r.body.id;
    // the same CPR number is the same person
    r = await api('sofie', 'POST', '/api/v1/people', { name: NAME, cpr: CPR.replace('-', '') });
    assert.equal(r.status, 201);
    assert.equal(r.body.id, person);
    assert.equal(r.body.existing, true);
    const young = cprOfAge(8);
    r = await api('sofie', 'POST', '/api/v1/people', { name: 'Lille Testbarn', birth_date: young.birth });
    assert.equal(r.status, 201);
    assert.deepEqual(r.body.flags, ['under-10']);
    const plus = cprOfAge(20);
    r = await api('sofie', 'POST', '/api/v1/people', { name: 'Voksen Testung', cpr: plus.cpr });
    assert.equal(r.status, 201);
    assert.deepEqual(r.body.flags, ['ssp-plus']);
    person2 = r.body.id;
    for (const [body, field] of [
      [{ name: 'X', cpr: '310299-1234' }, 'cpr'],
      [{ name: 'X', cpr: cprOfAge(30).cpr }, 'cpr'],
      [{ name: 'X', birth_date: '2999-01-01' }, 'birth_date'],
      [{ name: 'X' }, 'cpr'],
      [{ name: 'X\u0007', birth_date: young.birth }, 'name'],
      [{ name: 'X', cpr: CPR, foo: 1 }, 'foo'],
    ]) {
      r = await api('sofie', 'POST', '/api/v1/people', body);
      assert.equal(r.status, 422, JSON.stringify(body));
      assert.equal(r.body.field, field, JSON.stringify(body));
    }
    // a contact person registers only pupils of their own institution
    r = await api('karl', 'POST', '/api/v1/people', { name: 'X', cpr: CPR, institution: 'eksempel-skole-vest' });
    assert.equal(r.status, 403);
    // admin and the steering group see no personal data
    assert.equal((await api('ada', 'POST', '/api/v1/people', { name: 'X', cpr: CPR })).status, 403);
    r = await api('sofie', 'GET', `/api/v1/people/${person}`);
    assert.equal(r.status, 200);
    assert.equal(r.body.name, NAME);
    assert.equal(r.body.cpr, CPR.slice(0, 6) + '-xxxx');
    assert.equal(r.body.institution, 'eksempel-skole-vest');
    assert.equal((await api('stine', 'GET', `/api/v1/people/${person}`)).status, 403);
    assert.equal((await api('kim', 'GET', `/api/v1/people/${person}`)).status, 403);
    // showing the CPR number in full is an action of its own, logged
    r = await api('bente', 'POST', `/api/v1/people/${person}/cpr`);
    assert.equal(r.status, 200);
    assert.equal(r.body.cpr, CPR);
    assert.equal((await api('kim', 'POST', `/api/v1/people/${person}/cpr`)).status, 403);
  });

  test('hand-overs: the police, at a § 115 meeting, within the target group', async () => {
    let r = await api('per', 'POST', '/api/v1/handovers',
      { meeting, person, contact_date: today, summary: 'Antruffet ved stationen.', category: 2 });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    h1 = r.body.id;
    r = await api('per', 'POST', '/api/v1/handovers',
      { meeting, person: person2, contact_date: today, summary: 'Set i gruppe.' });
    assert.equal(r.status, 201);
    h2 = r.body.id;
    assert.equal((await api('sofie', 'POST', '/api/v1/handovers',
      { meeting, person, contact_date: today, summary: 's' })).status, 403);
    const hot = (await api('per', 'GET', `/api/v1/meetings?body=hotspot&year=${YEAR + 1}`)).body.meetings[0].id;
    for (const [body, status, field] of [
      [{ meeting: hot, person, contact_date: today, summary: 's' }, 422, 'meeting'],
      [{ meeting: 999999, person, contact_date: today, summary: 's' }, 404, 'meeting'],
      [{ meeting, person: 999999, contact_date: today, summary: 's' }, 404, 'person'],
      [{ meeting, person, contact_date: '2999-01-01', summary: 's' }, 422, 'contact_date'],
      [{ meeting, person, contact_date: today, summary: 's', category: 9 }, 422, 'category'],
      [{ meeting, person, contact_date: today, summary: '' }, 422, 'summary'],
    ]) {
      r = await api('per', 'POST', '/api/v1/handovers', body);
      assert.equal(r.status, status, JSON.stringify(body) + JSON.stringify(r.body));
      assert.equal(r.body.field, field, JSON.stringify(body));
    }
    r = await api('bente', 'GET', `/api/v1/handovers/${h1}`);
    assert.equal(r.status, 200);
    assert.equal(r.body.summary, 'Antruffet ved stationen.');
    assert.equal(r.body.category, 2);
    assert.equal((await api('kim', 'GET', `/api/v1/handovers/${h1}`)).status, 403);
  });

  test('referral: the contact person refers, the SSP-team screens, the contact sees status only', async () => {
    let r = await api('kim', 'POST', '/api/v1/referrals',
      { person, summary: 'Fravær og konflikter.', necessity: 'Skolen kan ikke alene.', legal_basis: 'ssp' });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    ref = r.body.id;
    r = await api('kim', 'POST', '/api/v1/referrals',
      { person, summary: 's', necessity: 'n', legal_basis: 'efterforskning' });
    assert.equal(r.status, 422);
    assert.equal(r.body.field, 'legal_basis');
    assert.equal((await api('karl', 'POST', '/api/v1/referrals',
      { person, summary: 's', necessity: 'n', legal_basis: 'ssp' })).status, 403);
    assert.equal((await api('kim', 'POST', `/api/v1/referrals/${ref}/screen`, { decision: 'agenda', meeting })).status, 403);
    r = await api('sofie', 'POST', `/api/v1/referrals/${ref}/screen`, { decision: 'other' });
    assert.equal(r.status, 422);
    assert.equal(r.body.field, 'reason');
    r = await api('sofie', 'POST', `/api/v1/referrals/${ref}/screen`, { decision: 'agenda', meeting });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    r = await api('sofie', 'POST', `/api/v1/referrals/${ref}/screen`, { decision: 'adhoc', meeting });
    assert.equal(r.status, 409);
    r = await api('kim', 'GET', `/api/v1/referrals/${ref}`);
    assert.equal(r.status, 200);
    assert.equal(r.body.status, 'agenda');
    assert.equal(r.body.summary, undefined, 'status only');
    assert.equal((await api('karl', 'GET', `/api/v1/referrals/${ref}`)).status, 403);
  });

  test('the agenda lists hand-overs and the accepted referral', async () => {
    const r = await api('bente', 'GET', `/api/v1/meetings/${meeting}/agenda`);
    assert.equal(r.status, 200);
    const ids = r.body.items.map((i) => i.id);
    assert.ok(ids.includes(`handover-${h1}`) && ids.includes(`handover-${h2}`) && ids.includes(`referral-${ref}`), ids.join());
    const it = r.body.items.find((i) => i.id === `handover-${h1}`);
    assert.equal(it.kind, 'handover');
    assert.equal(it.person, person);
    assert.equal(it.name, NAME);
    assert.equal((await api('kim', 'GET', `/api/v1/meetings/${meeting}/agenda`)).status, 403);
    assert.equal((await api('stine', 'GET', `/api/v1/meetings/${meeting}/agenda`)).status, 403);
  });

  test('decisions: validated with the field named; the same item twice: one wins', async () => {
    const base = { category: 2, legal_basis: 'ssp', necessity: true,
      actions: [{ type: 'bekymringssamtale', owner_org: 'ssp', owner_user: 'sofie' },
        { type: 'underretning', owner_org: 'boern-familier' }] };
    for (const [patch, field] of [[{ category: 9 }, 'category'], [{ legal_basis: 'x' }, 'legal_basis'],
      [{ necessity: false }, 'necessity'],
      [{ actions: [{ type: 'efterforskning', owner_org: 'ssp' }] }, 'actions'],
      [{ actions: [{ type: 'ingen', owner_org: 'ukendt' }] }, 'actions'],
      [{ actions: [{ type: 'ingen', owner_org: 'ssp', due: '2000-01-01' }] }, 'actions'],
      [{ actions: [{ type: 'ukn-indstilling', owner_org: 'ssp' }] }, 'actions'],
      // issue 14: only a referral (henvisning) points at an offer of the directory
      [{ actions: [{ type: 'ingen', owner_org: 'ssp', offer: 1 }] }, 'actions'],
      [{ actions: [{ type: 'henvisning', owner_org: 'ssp', offer: 999999 }] }, 'actions']]) {
      const r = await api('sofie', 'POST', `/api/v1/meetings/${meeting}/items/handover-${h1}/decision`, { ...base, ...patch });
      assert.equal(r.status, 422, JSON.stringify(patch) + JSON.stringify(r.body));
      assert.equal(r.body.field, field, JSON.stringify(patch));
    }
    // an item of another meeting, an unknown item
    assert.equal((await api('sofie', 'POST', `/api/v1/meetings/${meeting}/items/handover-999999/decision`, base)).status, 404);
    assert.equal((await api('sofie', 'POST', `/api/v1/meetings/${meeting}/items/nonsense/decision`, base)).status, 404);
    const [a, b] = await Promise.all([
      api('sofie', 'POST', `/api/v1/meetings/${meeting}/items/handover-${h1}/decision`, base),
      api('per', 'POST', `/api/v1/meetings/${meeting}/items/handover-${h1}/decision`, base)]);
    assert.deepEqual([a.status, b.status].sort(), [201, 409], JSON.stringify([a.body, b.body]));
    concern = (a.status === 201 ? a : b).body.concern;
    assert.ok(concern > 0);
    // the referral about the same person joins the open concern, escalated,
    // with a referral to an offer of the help landscape (issue 14)
    const offer = await api('sofie', 'POST', '/api/v1/offers', { name: 'Familierådgivningen',
      provider: 'Børn og Familier', age_from: 10, age_to: 17, themes: ['Familie og forældre'],
      districts: [], referral: 'Ring direkte.' });
    assert.equal(offer.status, 201);
    offerId = offer.body.id;
    const r = await api('bente', 'POST', `/api/v1/meetings/${meeting}/items/referral-${ref}/decision`,
      { ...base, category: 4, actions: [{ type: 'ukn-indstilling', owner_org: 'boern-familier' },
        { type: 'henvisning', owner_org: 'boern-familier', offer: offerId }] });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(r.body.concern, concern);
    assert.equal((await api('kim', 'POST', `/api/v1/meetings/${meeting}/items/handover-${h2}/decision`, base)).status, 403);
  });

  test('closing the meeting deletes the undecided hand-over: 404 afterwards', async () => {
    assert.equal((await api('kim', 'POST', `/api/v1/meetings/${meeting}/close`)).status, 403);
    let r = await api('per', 'POST', `/api/v1/meetings/${meeting}/close`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.handovers_deleted, 1);
    assert.equal((await api('per', 'GET', `/api/v1/handovers/${h2}`)).status, 404);
    assert.equal((await api('per', 'GET', `/api/v1/handovers/${h1}`)).status, 200);
    r = await api('per', 'POST', '/api/v1/handovers', { meeting, person, contact_date: today, summary: 's' });
    assert.equal(r.status, 422);
    assert.equal(r.body.field, 'meeting');
    assert.equal((await api('per', 'POST', `/api/v1/meetings/${meeting}/close`)).status, 409);
  });

  test('follow-up: a case note and a related person on the concern (sealed, see the grep below)', async () => {
    let r = await api('bente', 'POST', `/api/v1/concerns/${concern}/notes`, { text: NOTE_TEXT, welfare: true });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    r = await api('sofie', 'POST', `/api/v1/concerns/${concern}/related`, { name: PARENT_NAME, relation: 'forælder', phone: PARENT_PHONE });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    r = await api('per', 'GET', `/api/v1/concerns/${concern}/followup`);
    assert.equal(r.body.notes[0].text, NOTE_TEXT);
    assert.equal(r.body.related[0].phone, PARENT_PHONE);
  });

  test('the concern: category history, actions with owners and deadlines, closing', async () => {
    let r = await api('bente', 'GET', `/api/v1/concerns/${concern}`);
    assert.equal(r.status, 200);
    assert.equal(r.body.name, NAME);
    assert.equal(r.body.category, 4);
    assert.deepEqual(r.body.category_history, [2, 4]);
    assert.equal(r.body.actions.length, 4);
    const h = r.body.actions.find((x) => x.type === 'henvisning');
    assert.deepEqual(h.offer, { id: offerId, name: 'Familierådgivningen' });
    assert.ok(r.body.actions.filter((x) => x.type !== 'henvisning').every((x) => !('offer' in x)));
    const u = r.body.actions.find((x) => x.type === 'underretning');
    assert.ok(u.receipt_due, 'the receipt of an underretning is due');
    assert.ok(r.body.actions.every((x) => x.due));
    assert.equal((await api('kim', 'GET', `/api/v1/concerns/${concern}`)).status, 403);
    assert.equal((await api('stine', 'GET', `/api/v1/concerns/${concern}`)).status, 403);
    r = await api('sofie', 'POST', `/api/v1/concerns/${concern}/close`, {});
    assert.equal(r.status, 422);
    assert.equal(r.body.field, 'reason');
    r = await api('sofie', 'POST', `/api/v1/concerns/${concern}/close`, { reason: 'Forløbet er afsluttet.' });
    assert.equal(r.status, 200);
    r = await api('sofie', 'GET', `/api/v1/concerns/${concern}`);
    assert.equal(r.body.status, 'closed');
    assert.equal(r.body.close_reason, 'Forløbet er afsluttet.');
    assert.equal((await api('sofie', 'GET', '/api/v1/concerns/999999')).status, 404);
  });

  test('statistics: the strategy\'s levels, small cells as "<5"; steering yes, contact no', async () => {
    const r = await api('stine', 'GET', `/api/v1/stats/concerns?year=${YEAR}`);
    assert.equal(r.status, 200);
    assert.equal(r.body.by_category.length, 4);
    assert.equal(r.body.total, '<5');
    assert.equal(r.body.by_category[3].count, '<5');
    assert.equal(r.body.by_category[0].count, '0');
    assert.equal((await api('kim', 'GET', `/api/v1/stats/concerns?year=${YEAR}`)).status, 403);
    assert.equal((await api('ada', 'GET', `/api/v1/stats/concerns?year=${YEAR}`)).status, 403);
  });

  test('the access log names the data subject and the legal basis, never the name', async () => {
    const r = cli(srv, ['audit', 'show', '--subject', `person:${person}`]);
    assert.equal(r.status, 0, r.stderr);
    assert.ok(!r.stdout.includes(NAME));
    assert.ok(!r.stdout.includes(CPR));
    for (const a of ['person.add', 'person.cpr.reveal', 'handover.add', 'referral.add', 'concern.decide', 'concern.read'])
      assert.ok(r.stdout.includes(a), a);
    assert.ok(r.stdout.includes('ssp'), 'legal basis');
  });

  test('neither the database file nor the server log holds the name or the CPR number', async () => {
    const needles = [NAME, CPR, CPR.replace('-', ''), 'Antruffet ved stationen', 'Fravær og konflikter',
      NOTE_TEXT, PARENT_NAME, PARENT_PHONE];
    for (const f of readdirSync(srv.dir)) {
      if (!f.startsWith('ssp.db')) continue;
      const bytes = readFileSync(path.join(srv.dir, f));
      for (const n of needles)
        assert.equal(bytes.indexOf(Buffer.from(n, 'utf8')), -1, `${n} in ${f}`);
    }
    for (const n of needles) assert.ok(!srv.stderr.includes(n), `${n} in the server log`);
  });
});
