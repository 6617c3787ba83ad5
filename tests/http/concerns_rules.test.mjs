// concerns_rules.test.mjs - the rules of issue 9 that concerns.test.mjs
// does not reach, against the real `ssp serve`:
//   - named individuals only at the bodies that allow them (§ 115, ad hoc
//     § 115, Infohus kommune), elsewhere refused with the strategy's reason;
//   - the UKN-indstilling's age rules through the API (10-14: the
//     strategy's serious category or serious crime; 15-17: a prison
//     sentence recorded; never under 10 or over 17);
//   - a new hand-over about a person with an open concern, at a later
//     meeting, joins that concern; the category history shows escalation;
//   - a decision on an item of another meeting: 404, nothing written;
//   - a deadline the day before the meeting is refused, the meeting day
//     itself accepted; a named owner must be a user; the
//     bekymringssamtale's owner is the SSP-team;
//   - eight participants deciding the same item at the same moment: one
//     wins, the others are told (409), nothing half-written;
//   - an over-long summary, invalid UTF-8, 10 MB: refused, nothing stored;
//   - another municipality's strategy with three levels (the fixture
//     anderledes.ini, none marked serious) and one with five levels and
//     its own names (the serious one in the middle): categories,
//     deadlines, the UKN rule and the statistics follow the strategy;
//   - `ssp key rotate` while the server runs: the case flow's sealed data
//     stays readable, only the new key is left;
//   - an access-log entry of the case flow edited in the database file:
//     `ssp audit verify` fails naming it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SRC, addUser, cli, createToken, startServer, stopServer } from './lib.mjs';

const today = new Date().toISOString().slice(0, 10);
const YEAR = new Date().getFullYear();
const addDays = (day, n) => {
  const d = new Date(day + 'T12:00:00Z');
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

// A CPR number of someone `age` today (40 days past the birthday, so the
// same age at a meeting within the next weeks); serial distinct per person,
// failing modulus 11 on purpose.
let serial = 100;
function cprOfAge(age) {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() - age);
  d.setUTCDate(d.getUTCDate() - 40);
  const p = (n, w = 2) => String(n).padStart(w, '0');
  const seventh = d.getUTCFullYear() >= 2000 ? '4' : '1';
  return `${p(d.getUTCDate())}${p(d.getUTCMonth() + 1)}${p(d.getUTCFullYear() % 100)}-${seventh}${p(serial++, 3)}`;
}

// One server with its users; api(who, method, path, json | Buffer).
async function setup(opts = {}) {
  const srv = await startServer(opts);
  const tok = {};
  for (const [u, role] of [['sofie', 'ssp'], ['per', 'politi'], ['bente', 'boern-familier'],
    ['ulla', 'ungeenhed'], ['stine', 'styregruppe']]) {
    addUser(srv, u, role);
    tok[u] = createToken(srv, u);
  }
  const api = async (who, method, p, json) => {
    const headers = { authorization: 'Bearer ' + tok[who] };
    let body;
    if (json !== undefined) {
      headers['content-type'] = 'application/json';
      body = Buffer.isBuffer(json) || typeof json === 'string' ? json : JSON.stringify(json);
    }
    const r = await fetch(srv.base + p, { method, headers, body });
    const text = await r.text();
    let j = null;
    try { j = JSON.parse(text); } catch { j = text; }
    return { status: r.status, body: j };
  };
  const person = async (name, age) => {
    const r = await api('sofie', 'POST', '/api/v1/people', { name, cpr: cprOfAge(age) });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(r.body.age, age);
    return r.body.id;
  };
  const handover = async (meeting, p, extra = {}) => {
    const r = await api('per', 'POST', '/api/v1/handovers',
      { meeting, person: p, contact_date: today, summary: 'Antruffet af politiet.', ...extra });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    return r.body.id;
  };
  const decide = (who, meeting, item, body) =>
    api(who, 'POST', `/api/v1/meetings/${meeting}/items/${item}/decision`, body);
  return { srv, tok, api, person, handover, decide };
}

const ukn = (category, extra = {}) => ({ category, legal_basis: 'ssp', necessity: true,
  actions: [{ type: 'ukn-indstilling', owner_org: 'ssp' }], ...extra });

describe('Hedensted: the rules of a decision', () => {
  let h, m1, m2, m1Day, m2Day;

  before(async () => {
    h = await setup();
    const r = await h.api('per', 'GET', `/api/v1/meetings?body=paragraf-115&from=${today}`);
    const planned = r.body.meetings.filter((m) => m.status === 'planned');
    [m1, m2] = [planned[0].id, planned[1].id];
    m1Day = planned[0].start.slice(0, 10);
    m2Day = planned[1].start.slice(0, 10);
  });

  after(async () => {
    const r = await stopServer(h.srv);
    assert.equal(r.code, 0, 'clean shutdown; server stderr:\n' + h.srv.stderr);
  });

  test('UKN-indstilling 10-14: only the serious category of the strategy, or serious crime', async () => {
    const p13 = await h.person('Ukn Trettensen', 13);
    const item = `handover-${await h.handover(m1, p13)}`;
    let r = await h.decide('sofie', m1, item, ukn(2));
    assert.equal(r.status, 422, JSON.stringify(r.body));
    assert.equal(r.body.field, 'actions');
    assert.match(r.body.error, /10-14/);
    assert.equal((await h.api('sofie', 'GET', `/api/v1/handovers/${item.slice(9)}`)).body.concern, null,
      'nothing written');
    r = await h.decide('sofie', m1, item, ukn(2, { serious_crime: true }));
    assert.equal(r.status, 201, JSON.stringify(r.body));
    // Hedensted's 4 is the one marked `alvorlig = ja`
    const p14 = await h.person('Ukn Fjortensen', 14);
    r = await h.decide('sofie', m1, `handover-${await h.handover(m1, p14)}`, ukn(4));
    assert.equal(r.status, 201, JSON.stringify(r.body));
  });

  test('UKN-indstilling 15-17: only with a prison sentence recorded', async () => {
    const p16 = await h.person('Ukn Sekstensen', 16);
    const item = `handover-${await h.handover(m1, p16)}`;
    let r = await h.decide('sofie', m1, item, ukn(4, { serious_crime: true }));
    assert.equal(r.status, 422, JSON.stringify(r.body));
    assert.equal(r.body.field, 'actions');
    assert.match(r.body.error, /fængselsdom/);
    r = await h.decide('sofie', m1, item, ukn(1, { prison_sentence: true }));
    assert.equal(r.status, 201, JSON.stringify(r.body));
  });

  test('UKN-indstilling never under 10 or from 18', async () => {
    for (const [name, age, re] of [['Ukn Nisen', 9, /fra 10 år/], ['Ukn Attensen', 18, /under 18/]]) {
      const p = await h.person(name, age);
      const item = `handover-${await h.handover(m1, p)}`;
      const r = await h.decide('sofie', m1, item, ukn(4, { serious_crime: true, prison_sentence: true }));
      assert.equal(r.status, 422, name);
      assert.equal(r.body.field, 'actions');
      assert.match(r.body.error, re);
    }
  });

  test('named individuals only at the bodies that allow them; elsewhere the strategy\'s reason', async () => {
    const p = await h.person('Forum Navnesen', 15);
    // a Wednesday in the next year, well clear of holidays
    const d = new Date(Date.UTC(YEAR + 1, 2, 1));
    while (d.getUTCDay() !== 3) d.setUTCDate(d.getUTCDate() + 1);
    const day = d.toISOString().slice(0, 10);
    const first = async (body) => {
      let r = await h.api('per', 'GET', `/api/v1/meetings?body=${body}&year=${YEAR + 1}`);
      assert.equal(r.status, 200, body);
      if (!r.body.meetings.length) { // met when needed: the SSP-team adds one
        const c = cli(h.srv, ['meeting', 'add', body, day, '10:00']);
        assert.equal(c.status, 0, c.stderr);
        r = await h.api('per', 'GET', `/api/v1/meetings?body=${body}&year=${YEAR + 1}`);
      }
      assert.ok(r.body.meetings.length > 0, `${body} has a meeting`);
      return r.body.meetings[0].id;
    };
    for (const body of ['paragraf-115', 'paragraf-115-ad-hoc', 'infohus-kommune']) {
      const r = await h.api('per', 'POST', '/api/v1/handovers',
        { meeting: await first(body), person: p, contact_date: today, summary: 'Set i byen.' });
      assert.equal(r.status, 201, `${body}: ${JSON.stringify(r.body)}`);
    }
    for (const [body, reason] of [['hotspot', /ikke et forum for navngivne unge/],
      ['ssp-distriktsmoede', /Konkrete sager drøftes ikke her/],
      ['infohus-netvaerk', /Politi, kommunerne i politikredsen/],
      ['ssp-styregruppe', /ikke et forum for navngivne unge/],
      ['lokalraad', /ikke et forum for navngivne unge/]]) {
      const r = await h.api('per', 'POST', '/api/v1/handovers',
        { meeting: await first(body), person: p, contact_date: today, summary: 'Set i byen.' });
      assert.equal(r.status, 422, body);
      assert.equal(r.body.field, 'meeting');
      assert.match(r.body.error, reason, body);
    }
  });

  test('a new hand-over about a person with an open concern joins it: escalation in the history', async () => {
    const p = await h.person('Igen Gentagesen', 15);
    let r = await h.decide('bente', m1, `handover-${await h.handover(m1, p, { category: 1 })}`,
      { category: 1, legal_basis: 'ssp', necessity: true, actions: [{ type: 'bekymringssamtale', owner_org: 'ssp' }] });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    const concern = r.body.concern;
    // the police meet the young person again before the next meeting
    const h2 = await h.handover(m2, p, { category: 3 });
    r = await h.decide('per', m2, `handover-${h2}`,
      { category: 3, legal_basis: 'psp', necessity: true, actions: [{ type: 'netvaerksmoede', owner_org: 'politi' }] });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(r.body.concern, concern, 'the same concern, not a second one');
    r = await h.api('bente', 'GET', `/api/v1/concerns/${concern}`);
    assert.equal(r.body.category, 3);
    assert.deepEqual(r.body.category_history, [1, 3]);
    assert.deepEqual(r.body.actions.map((a) => a.type).sort(), ['bekymringssamtale', 'netvaerksmoede']);
    assert.equal((await h.api('per', 'GET', `/api/v1/handovers/${h2}`)).body.concern, concern);
  });

  test('the agenda lists the follow-ups due by the meeting; deciding one keeps the concern', async () => {
    const p = await h.person('Opfoelg Fristesen', 12);
    let r = await h.decide('sofie', m1, `handover-${await h.handover(m1, p)}`,
      { category: 1, legal_basis: 'ssp', necessity: true, actions: [{ type: 'hjemmebesoeg', owner_org: 'boern-familier', due: m2Day }] });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    const concern = r.body.concern;
    r = await h.api('bente', 'GET', `/api/v1/meetings/${m2}/agenda`);
    const item = r.body.items.find((i) => i.id === `followup-${concern}`);
    assert.ok(item, JSON.stringify(r.body.items.map((i) => i.id)));
    assert.equal(item.kind, 'followup');
    assert.equal(item.person, p);
    // not on the first meeting's agenda: nothing is due by then
    r = await h.api('bente', 'GET', `/api/v1/meetings/${m1}/agenda`);
    assert.ok(!r.body.items.some((i) => i.id === `followup-${concern}`));
    r = await h.decide('bente', m2, `followup-${concern}`,
      { category: 2, legal_basis: 'ssp', necessity: true, actions: [{ type: 'ingen', owner_org: 'ssp' }] });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(r.body.concern, concern);
    assert.deepEqual((await h.api('bente', 'GET', `/api/v1/concerns/${concern}`)).body.category_history, [1, 2]);
  });

  test('a decision on an item of another meeting: 404 naming the item, nothing written', async () => {
    const p = await h.person('Andet Moedesen', 13);
    const other = await h.handover(m2, p);
    const body = { category: 1, legal_basis: 'ssp', necessity: true, actions: [{ type: 'ingen', owner_org: 'ssp' }] };
    let r = await h.decide('sofie', m1, `handover-${other}`, body);
    assert.equal(r.status, 404, JSON.stringify(r.body));
    assert.equal(r.body.field, 'item');
    // a referral on the other meeting's agenda, too
    r = await h.api('sofie', 'POST', '/api/v1/referrals',
      { person: p, summary: 'Skolen er bekymret.', necessity: 'Skolen kan ikke alene.', legal_basis: 'ssp' });
    const ref = r.body.id;
    assert.equal((await h.api('sofie', 'POST', `/api/v1/referrals/${ref}/screen`, { decision: 'agenda', meeting: m2 })).status, 200);
    r = await h.decide('sofie', m1, `referral-${ref}`, body);
    assert.equal(r.status, 404);
    assert.equal(r.body.field, 'item');
    assert.equal((await h.api('sofie', 'GET', `/api/v1/handovers/${other}`)).body.concern, null);
    assert.equal((await h.api('sofie', 'GET', `/api/v1/referrals/${ref}`)).body.concern, null);
    // at its own meeting: decided
    r = await h.decide('sofie', m2, `handover-${other}`, body);
    assert.equal(r.status, 201);
  });

  test('a deadline the day before the meeting: 422; the meeting day itself: accepted', async () => {
    const p = await h.person('Frist Datosen', 14);
    const item = `handover-${await h.handover(m1, p)}`;
    const body = (due) => ({ category: 2, legal_basis: 'ssp', necessity: true,
      actions: [{ type: 'hjemmebesoeg', owner_org: 'boern-familier', due }] });
    let r = await h.decide('sofie', m1, item, body(addDays(m1Day, -1)));
    assert.equal(r.status, 422, JSON.stringify(r.body));
    assert.equal(r.body.field, 'actions');
    assert.match(r.body.error, /actions\[0\]\.due/);
    r = await h.decide('sofie', m1, item, body(m1Day));
    assert.equal(r.status, 201, JSON.stringify(r.body));
    r = await h.api('sofie', 'GET', `/api/v1/concerns/${r.body.concern}`);
    assert.equal(r.body.actions[0].due, m1Day);
  });

  test('a named owner must be a user; the bekymringssamtale is the SSP-team\'s', async () => {
    const p = await h.person('Ejer Navnesen', 14);
    const item = `handover-${await h.handover(m1, p)}`;
    const body = (action) => ({ category: 2, legal_basis: 'ssp', necessity: true, actions: [action] });
    let r = await h.decide('sofie', m1, item, body({ type: 'hjemmebesoeg', owner_org: 'boern-familier', owner_user: 'ingen-bruger' }));
    assert.equal(r.status, 422, JSON.stringify(r.body));
    assert.equal(r.body.field, 'actions');
    assert.match(r.body.error, /actions\[0\]\.owner_user/);
    r = await h.decide('sofie', m1, item, body({ type: 'bekymringssamtale', owner_org: 'politi' }));
    assert.equal(r.status, 422, JSON.stringify(r.body));
    assert.match(r.body.error, /actions\[0\]\.owner_org: SSP-teamet er tovholder/);
    assert.equal((await h.api('sofie', 'GET', `/api/v1/handovers/${item.slice(9)}`)).body.concern, null);
    r = await h.decide('sofie', m1, item, body({ type: 'hjemmebesoeg', owner_org: 'boern-familier', owner_user: 'bente' }));
    assert.equal(r.status, 201, JSON.stringify(r.body));
    r = await h.api('bente', 'GET', `/api/v1/concerns/${r.body.concern}`);
    assert.deepEqual(r.body.actions.map((a) => [a.owner_org, a.owner_user]), [['boern-familier', 'bente']]);
  });

  test('eight participants decide the same item at once: one wins, the rest 409, nothing half-written', async () => {
    const p = await h.person('Samtidig Kappesen', 15);
    const hid = await h.handover(m1, p);
    const who = ['sofie', 'per', 'bente', 'ulla'];
    // request k records k+1 actions, so the stored ones tell who won
    const bodies = Array.from({ length: 8 }, (_, k) => ({
      category: 1 + (k % 4), legal_basis: 'ssp', necessity: true,
      actions: Array.from({ length: k + 1 }, (_, i) => ({ type: 'netvaerksmoede', owner_org: 'ssp', due: addDays(m1Day, i + 1) })),
    }));
    const rs = await Promise.all(bodies.map((b, k) => h.decide(who[k % 4], m1, `handover-${hid}`, b)));
    const statuses = rs.map((r) => r.status);
    assert.equal(statuses.filter((s) => s === 201).length, 1, statuses.join());
    assert.equal(statuses.filter((s) => s === 409).length, 7, statuses.join());
    for (const r of rs.filter((x) => x.status === 409)) {
      assert.equal(r.body.field, 'item');
      assert.match(r.body.error, /allerede truffet beslutning/);
    }
    const k = statuses.indexOf(201);
    const c = await h.api('sofie', 'GET', `/api/v1/concerns/${rs[k].body.concern}`);
    assert.equal(c.body.actions.length, k + 1, 'exactly the winner\'s actions');
    assert.deepEqual(c.body.actions.map((a) => a.due).sort(), bodies[k].actions.map((a) => a.due));
    assert.deepEqual(c.body.category_history, [bodies[k].category]);
    assert.equal((await h.api('per', 'GET', `/api/v1/handovers/${hid}`)).body.concern, rs[k].body.concern);
  });

  test('an over-long summary, invalid UTF-8, 10 MB: refused with the field, nothing stored', async () => {
    const count = async () => (await h.api('sofie', 'GET', `/api/v1/meetings/${m1}/agenda`)).body.items.length;
    const before = await count();
    const p = await h.person('Stor Tekstesen', 14);
    const base = { meeting: m1, person: p, contact_date: today };
    // outside the target group at the contact date: not yet born then
    let r = await h.api('per', 'POST', '/api/v1/handovers', { ...base, contact_date: '2005-01-01', summary: 's' });
    assert.equal(r.status, 422, JSON.stringify(r.body));
    assert.equal(r.body.field, 'person');
    r = await h.api('per', 'POST', '/api/v1/handovers', { ...base, summary: 'x'.repeat(200 * 1024) });
    assert.equal(r.status, 422);
    assert.equal(r.body.field, 'summary');
    // a text value that is not UTF-8: 422 naming the member
    const raw = (prefix, suffix) => Buffer.concat([Buffer.from(prefix), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(suffix)]);
    r = await h.api('per', 'POST', '/api/v1/handovers',
      raw(`{"meeting": ${m1}, "person": ${p}, "contact_date": "${today}", "summary": "Set `, ' i byen."}'));
    assert.equal(r.status, 422, JSON.stringify(r.body));
    assert.equal(r.body.field, 'summary');
    assert.match(r.body.error, /UTF-8/);
    r = await h.api('sofie', 'POST', '/api/v1/people', raw('{"name": "Ugyldig ', '", "birth_date": "2012-01-01"}'));
    assert.equal(r.status, 422);
    assert.equal(r.body.field, 'name');
    r = await h.api('sofie', 'POST', `/api/v1/meetings/${m1}/items/handover-1/decision`,
      raw('{"category": 1, "legal_basis": "ssp", "necessity": true, "actions": [{"type": "', '", "owner_org": "ssp"}]}'));
    assert.equal(r.status, 422);
    assert.equal(r.body.field, 'actions');
    // 10 MB in the summary: the body is past [web] max-body-bytes, so only
    // its first part is kept, and the answer names the member it was cut
    // in (422 summary), not only that the body was too large
    r = await h.api('per', 'POST', '/api/v1/handovers', { ...base, summary: 'x'.repeat(10 * 1024 * 1024) });
    assert.equal(r.status, 422, JSON.stringify(r.body).slice(0, 200));
    assert.equal(r.body.field, 'summary');
    assert.match(r.body.error, /»summary« er for langt/);
    // past 16 times the limit the body is not read at all (413)
    try {
      r = await h.api('per', 'POST', '/api/v1/handovers', { ...base, summary: 'x'.repeat(17 * 1024 * 1024) });
      assert.equal(r.status, 413);
    } catch (e) {
      assert.match(String(e.cause ?? e), /SocketError|other side closed|ECONNRESET|EPIPE/, 'refused, not stored');
    }
    assert.equal(await count(), before, 'no hand-over stored');
  });

  test('`ssp key rotate` re-seals the case flow\'s data: still readable, only the new key left', async () => {
    const p = await h.person('Noegle Roterersen', 16);
    const hid = await h.handover(m1, p, { category: 2 });
    const before = await h.api('bente', 'GET', `/api/v1/handovers/${hid}`);
    const person = await h.api('bente', 'GET', `/api/v1/people/${p}`);
    const db = path.join(h.srv.dir, 'ssp.db');
    const keys = () => execFileSync('sqlite3', [db, 'SELECT group_concat(id) FROM data_key'], { encoding: 'utf8' }).trim();
    const old = keys();
    const r = cli(h.srv, ['key', 'rotate']);
    assert.equal(r.status, 0, r.stderr);
    assert.notEqual(keys(), old);
    assert.equal(keys().split(',').length, 1, 'the old key is gone');
    // the running server reads what was sealed under the old key
    assert.deepEqual((await h.api('bente', 'GET', `/api/v1/handovers/${hid}`)).body, before.body);
    assert.deepEqual((await h.api('bente', 'GET', `/api/v1/people/${p}`)).body, person.body);
    const full = await h.api('bente', 'POST', `/api/v1/people/${p}/cpr`);
    assert.equal(full.status, 200);
    assert.match(full.body.cpr, /^\d{6}-\d{4}$/);
  });

  test('an edited access-log entry of the case flow: `ssp audit verify` fails naming it', async () => {
    let r = cli(h.srv, ['audit', 'verify']);
    assert.equal(r.status, 0, r.stderr);
    const db = path.join(h.srv.dir, 'ssp.db');
    const seq = execFileSync('sqlite3', [db,
      "SELECT min(seq) FROM audit_log WHERE action = 'concern.decide' AND outcome = 'ok'"], { encoding: 'utf8' }).trim();
    assert.match(seq, /^\d+$/);
    // someone hides whose record was decided on
    execFileSync('sqlite3', [db, 'DROP TRIGGER audit_log_no_update; ' +
      `UPDATE audit_log SET subject = 'person:999999' WHERE seq = ${seq}`]);
    r = cli(h.srv, ['audit', 'verify']);
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.match(r.stderr, new RegExp(`post ${seq} passer ikke`));
  });
});

// A strategy with five levels of its own names: anderledes.ini with its
// three categories replaced; the serious one is level 3, not the highest.
function fiveLevels(dir) {
  const src = readFileSync(path.join(SRC, 'tests', 'fixtures', 'anderledes.ini'), 'utf8');
  const start = src.indexOf('[kategori "gul"]');
  const end = src.indexOf('[organ ', start);
  const five = [
    ['hvid', 'Hvid: opmærksomhed', 30, false],
    ['gul', 'Gul: bekymring', 21, false],
    ['orange', 'Orange: vold og trusler', 3, true],
    ['roed', 'Rød: gentagen berigelse', 10, false],
    ['sort', 'Sort: organiseret miljø', 5, false],
  ].map(([id, name, days, serious]) =>
    `[kategori "${id}"]\nnavn = ${name}\nfrist-dage = ${days}\n${serious ? 'alvorlig = ja\n' : ''}`).join('\n');
  const f = path.join(dir, 'fem-niveauer.ini');
  writeFileSync(f, src.slice(0, start) + five + '\n' + src.slice(end));
  return f;
}

for (const variant of [
  { label: 'three levels (anderledes.ini, none marked serious: the highest is)', levels: 3,
    names: ['Gul: bekymring', 'Orange: kriminalitet', 'Rød: alvorlig kriminalitet'],
    deadline: [14, 14, 14], serious: 3, notSerious: 2 },
  { label: 'five levels of its own names (the serious one in the middle)', levels: 5,
    names: ['Hvid: opmærksomhed', 'Gul: bekymring', 'Orange: vold og trusler', 'Rød: gentagen berigelse', 'Sort: organiseret miljø'],
    deadline: [30, 21, 3, 10, 5], serious: 3, notSerious: 5 },
]) {
  describe(`another municipality: ${variant.label}`, () => {
    let h, meeting, mDay;

    before(async () => {
      const dir = execFileSync('mktemp', ['-d']).toString().trim();
      const file = variant.levels === 3 ? path.join(SRC, 'tests', 'fixtures', 'anderledes.ini') : fiveLevels(dir);
      const check = execFileSync(process.env.SSP, ['strategy', 'check', file], { encoding: 'utf8' });
      assert.ok(check !== undefined);
      h = await setup({ dir, initArgs: ['--strategy', file] });
      const r = await h.api('per', 'GET', `/api/v1/meetings?body=koordination&from=${today}`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const m = r.body.meetings.find((x) => x.status === 'planned');
      meeting = m.id;
      mDay = m.start.slice(0, 10);
    });

    after(async () => {
      const r = await stopServer(h.srv);
      assert.equal(r.code, 0, 'clean shutdown; server stderr:\n' + h.srv.stderr);
    });

    test('every level is a category; one past the last is refused; deadlines from the strategy', async () => {
      const r0 = await h.api('per', 'POST', '/api/v1/handovers',
        { meeting, person: await h.person('Niveau Udenforsen', 14), contact_date: today, summary: 's', category: variant.levels + 1 });
      assert.equal(r0.status, 422);
      assert.equal(r0.body.field, 'category');
      for (let level = 1; level <= variant.levels; level++) {
        const p = await h.person(`Niveau Nummer${'x'.repeat(level)}`, 14);
        const hid = await h.handover(meeting, p, { category: level });
        let r = await h.decide('sofie', meeting, `handover-${hid}`, { category: variant.levels + 1, legal_basis: 'ssp',
          necessity: true, actions: [{ type: 'bekymringssamtale', owner_org: 'ssp' }] });
        assert.equal(r.status, 422);
        assert.equal(r.body.field, 'category');
        r = await h.decide('sofie', meeting, `handover-${hid}`, { category: level, legal_basis: 'ssp',
          necessity: true, actions: [{ type: 'bekymringssamtale', owner_org: 'ssp' }] });
        assert.equal(r.status, 201, JSON.stringify(r.body));
        const c = await h.api('sofie', 'GET', `/api/v1/concerns/${r.body.concern}`);
        assert.equal(c.body.category, level);
        assert.equal(c.body.actions[0].due, addDays(mDay, variant.deadline[level - 1]), `level ${level}`);
      }
    });

    test('the UKN rule follows the strategy\'s serious level, not a number', async () => {
      const p = await h.person('Ukn Andetstedsen', 13);
      const item = `handover-${await h.handover(meeting, p)}`;
      let r = await h.decide('sofie', meeting, item, ukn(variant.notSerious));
      assert.equal(r.status, 422, JSON.stringify(r.body));
      assert.equal(r.body.field, 'actions');
      if (variant.levels >= 4) {
        r = await h.decide('sofie', meeting, item, ukn(4));
        assert.equal(r.status, 422, 'level 4 is not this strategy\'s serious one');
      }
      r = await h.decide('sofie', meeting, item, ukn(variant.serious));
      assert.equal(r.status, 201, JSON.stringify(r.body));
    });

    test('the statistics show the strategy\'s levels and names', async () => {
      const r = await h.api('stine', 'GET', `/api/v1/stats/concerns?year=${YEAR}`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.deepEqual(r.body.by_category.map((c) => c.level), variant.names.map((_, i) => i + 1));
      assert.deepEqual(r.body.by_category.map((c) => c.name), variant.names);
      assert.ok(r.body.by_category.every((c) => c.count === '<5'), JSON.stringify(r.body.by_category));
    });
  });
}
