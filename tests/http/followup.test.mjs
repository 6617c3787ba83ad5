// followup.test.mjs - following up a concern (issue 9, "Follow-up") through
// the JSON API against the real `ssp serve`: the concern's whole record,
// related people, case notes with the welfare flag and the underretning
// prompt nobody can suppress, the underretning's report and receipt (due 6
// working days later, overdue when late), the bekymringssamtale's planned
// and held dates, its minutes and a follow-up conversation, each owner's
// open actions (overdue first), closing; refusals per role with the
// success beside them; bad input 422 with the field named, unknown 404.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { addUser, cli, createToken, startServer, stopServer } from './lib.mjs';

let srv;
const tok = {};

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

const P115 = ['sofie', 'per', 'bente', 'ulla'];
const OTHERS = ['kim', 'stine', 'ada', 'rita'];

before(async () => {
  srv = await startServer();
  for (const [u, role, extra] of [['sofie', 'ssp'], ['per', 'politi'], ['bente', 'boern-familier'],
    ['ulla', 'ungeenhed'], ['stine', 'styregruppe'], ['ada', 'admin'], ['rita', 'revisor'],
    ['kim', 'kontaktperson', ['--institution', 'eksempel-skole-vest']]]) {
    addUser(srv, u, role, extra);
    tok[u] = createToken(srv, u);
  }
});

after(async () => {
  const r = await stopServer(srv);
  assert.equal(r.code, 0, 'clean shutdown; server stderr:\n' + srv.stderr);
});

function isoDaysAgo(n) {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
}
const today = isoDaysAgo(0);
const NAME = 'Followup Kvartsensen';
const NOTE = 'Mor fortæller om uro i hjemmet hver aften';
const MINUTES = 'Referat: samtalen gik roligt for sig';
const PARENT = 'Forælder Zinkografsen';
const PHONE = '+45 61 72 83 94';

describe('following up a concern', () => {
  let person, concern, talk, other, report;

  before(async () => {
    const d = new Date();
    d.setUTCFullYear(d.getUTCFullYear() - 15);
    const birth = d.toISOString().slice(0, 10);
    let r = await api('sofie', 'POST', '/api/v1/people', { name: NAME, birth_date: birth });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    person = r.body.id;
    r = await api('per', 'GET', `/api/v1/meetings?body=paragraf-115&from=${today}`);
    const meeting = r.body.meetings.find((m) => m.status === 'planned').id;
    r = await api('per', 'POST', '/api/v1/handovers', { meeting, person, contact_date: today, summary: 'Set sent.' });
    assert.equal(r.status, 201);
    r = await api('sofie', 'POST', `/api/v1/meetings/${meeting}/items/handover-${r.body.id}/decision`,
      { category: 2, legal_basis: 'ssp', necessity: true,
        actions: [{ type: 'bekymringssamtale', owner_org: 'ssp', owner_user: 'sofie' },
          { type: 'henvisning', owner_org: 'ungeenhed' }] });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    concern = r.body.concern;
    r = await api('sofie', 'GET', `/api/v1/concerns/${concern}/followup`);
    talk = r.body.actions.find((a) => a.type === 'bekymringssamtale').id;
    other = r.body.actions.find((a) => a.type === 'henvisning').id;
  });

  test('the record: the § 115 participants yes, every other role no, unknown 404', async () => {
    for (const u of P115) {
      const r = await api(u, 'GET', `/api/v1/concerns/${concern}/followup`);
      assert.equal(r.status, 200, u);
      assert.equal(r.body.person.name, NAME);
      assert.equal(r.body.person.age, 15);
      assert.deepEqual(r.body.category_history, [2]);
      assert.equal(r.body.actions.length, 2);
      assert.equal(r.body.report_prompt, false);
    }
    for (const u of OTHERS)
      assert.equal((await api(u, 'GET', `/api/v1/concerns/${concern}/followup`)).status, 403, u);
    assert.equal((await api('sofie', 'GET', '/api/v1/concerns/999999/followup')).status, 404);
  });

  test('related people: sealed, the CHECK list of relations, a phone; refused to others', async () => {
    for (const [body, field] of [[{ relation: 'forælder' }, 'name'], [{ name: 'X', relation: 'nabo' }, 'relation'],
      [{ name: 'X', relation: 'værge', phone: 'ring til mig' }, 'phone'], [{ name: 'X', relation: 'værge', foo: 1 }, 'foo'],
      [{ name: 'X\u0007', relation: 'værge' }, 'name'], [{ name: 7, relation: 'værge' }, 'name']]) {
      const r = await api('sofie', 'POST', `/api/v1/concerns/${concern}/related`, body);
      assert.equal(r.status, 422, JSON.stringify(body));
      assert.equal(r.body.field, field, JSON.stringify(body));
    }
    for (const u of OTHERS)
      assert.equal((await api(u, 'POST', `/api/v1/concerns/${concern}/related`, { name: PARENT, relation: 'forælder' })).status, 403, u);
    assert.equal((await api('sofie', 'POST', '/api/v1/concerns/999999/related', { name: PARENT, relation: 'forælder' })).status, 404);
    let r = await api('bente', 'POST', `/api/v1/concerns/${concern}/related`, { name: PARENT, relation: 'forælder', phone: PHONE });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    r = await api('per', 'POST', `/api/v1/concerns/${concern}/related`, { name: 'Anden Voksen', relation: 'anden-voksen' });
    assert.equal(r.status, 201);
    r = await api('ulla', 'GET', `/api/v1/concerns/${concern}/followup`);
    assert.deepEqual(r.body.related.map((p) => [p.name, p.relation, p.phone]),
      [[PARENT, 'forælder', PHONE], ['Anden Voksen', 'anden-voksen', null]]);
  });

  test('a welfare note prompts for an underretning, for everyone, until one is made', async () => {
    for (const [body, field] of [[{}, 'text'], [{ text: '' }, 'text'], [{ text: 'x', welfare: 'ja' }, 'welfare'],
      [{ text: 'x', action: 999999 }, 'action'], [{ text: 'x', action: 'a' }, 'action'],
      [{ text: 'x', report_prompt: false }, 'report_prompt'], [{ text: 'x'.repeat(10001) }, 'text']]) {
      const r = await api('sofie', 'POST', `/api/v1/concerns/${concern}/notes`, body);
      assert.equal(r.status, 422, JSON.stringify(body).slice(0, 80));
      assert.equal(r.body.field, field, JSON.stringify(body).slice(0, 80));
    }
    for (const u of OTHERS)
      assert.equal((await api(u, 'POST', `/api/v1/concerns/${concern}/notes`, { text: NOTE })).status, 403, u);
    let r = await api('sofie', 'POST', `/api/v1/concerns/${concern}/notes`, { text: 'Almindeligt notat.' });
    assert.equal(r.status, 201);
    assert.equal(r.body.report_prompt, false);
    r = await api('per', 'POST', `/api/v1/concerns/${concern}/notes`, { text: NOTE, welfare: true });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(r.body.report_prompt, true);
    for (const u of P115) {
      r = await api(u, 'GET', `/api/v1/concerns/${concern}/followup`);
      assert.equal(r.body.report_prompt, true, u);
    }
    assert.deepEqual(r.body.notes.map((n) => [n.text, n.welfare]), [['Almindeligt notat.', false], [NOTE, true]]);
    // an underretning action alone does not end the prompt; its report does
    r = await api('sofie', 'POST', `/api/v1/concerns/${concern}/actions`, { type: 'underretning', owner_org: 'boern-familier' });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    report = r.body.id;
    assert.equal((await api('bente', 'GET', `/api/v1/concerns/${concern}/followup`)).body.report_prompt, true);
  });

  test('the underretning: report date, receipt due 6 working days later, overdue, received', async () => {
    const tomorrow = new Date(Date.now() + 86400e3).toISOString().slice(0, 10);
    for (const [body, field] of [[{ reported_at: tomorrow }, 'reported_at'], [{ reported_at: '2027-02-30' }, 'reported_at'],
      [{ receipt_at: today }, 'receipt_at'], [{ held_date: today }, 'held_date'], [{}, 'status'],
      [{ status: 'paused' }, 'status'], [{ reported_at: 5 }, 'reported_at']]) {
      const r = await api('sofie', 'POST', `/api/v1/actions/${report}`, body);
      assert.equal(r.status, 422, JSON.stringify(body));
      assert.equal(r.body.field, field, JSON.stringify(body));
    }
    for (const u of OTHERS)
      assert.equal((await api(u, 'POST', `/api/v1/actions/${report}`, { reported_at: today })).status, 403, u);
    assert.equal((await api('sofie', 'POST', '/api/v1/actions/999999', { status: 'done' })).status, 404);
    const made = isoDaysAgo(30);
    let r = await api('sofie', 'POST', `/api/v1/actions/${report}`, { reported_at: made });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.reported_at, made);
    assert.ok(r.body.receipt_due > made, 'the receipt is due after the report');
    const gap = (Date.parse(r.body.receipt_due) - Date.parse(made)) / 86400e3;
    assert.ok(gap >= 8 && gap <= 14, `6 working days are 8 to 14 calendar days (${gap})`);
    assert.equal(r.body.receipt_overdue, true, 'no receipt 30 days after: overdue');
    assert.equal(r.body.overdue, true);
    assert.equal(r.body.report_prompt, false, 'the prompt ends when the report is made');
    // Børn og Familier sees it among its open actions, overdue first
    r = await api('bente', 'GET', '/api/v1/actions?mine=1');
    assert.equal(r.status, 200);
    assert.equal(r.body.actions[0].id, report);
    assert.equal(r.body.actions[0].overdue, true);
    assert.equal((await api('bente', 'GET', '/api/v1/actions?mine=2')).status, 400);
    // the receipt: not before the report
    r = await api('bente', 'POST', `/api/v1/actions/${report}`, { receipt_at: isoDaysAgo(31) });
    assert.equal(r.status, 422);
    assert.equal(r.body.field, 'receipt_at');
    r = await api('bente', 'POST', `/api/v1/actions/${report}`, { receipt_at: isoDaysAgo(25) });
    assert.equal(r.status, 200);
    assert.equal(r.body.receipt_overdue, false);
    r = await api('bente', 'POST', `/api/v1/actions/${report}`, { status: 'done' });
    assert.equal(r.body.status, 'done');
    r = await api('bente', 'GET', '/api/v1/actions?mine=1');
    assert.ok(!r.body.actions.some((a) => a.id === report), 'done: gone from the forside');
  });

  test('the bekymringssamtale: planned, held, minutes, a follow-up conversation', async () => {
    const tomorrow = new Date(Date.now() + 86400e3).toISOString().slice(0, 10);
    let r = await api('sofie', 'POST', `/api/v1/actions/${other}`, { planned_date: today });
    assert.equal(r.status, 422);
    assert.equal(r.body.field, 'planned_date');
    r = await api('sofie', 'POST', `/api/v1/actions/${talk}`, { held_date: tomorrow });
    assert.equal(r.status, 422);
    assert.equal(r.body.field, 'held_date');
    r = await api('sofie', 'POST', `/api/v1/actions/${talk}`, { planned_date: tomorrow });
    assert.equal(r.status, 200);
    assert.equal(r.body.planned_date, tomorrow);
    r = await api('sofie', 'POST', `/api/v1/actions/${talk}`, { held_date: today, status: 'done' });
    assert.equal(r.status, 200);
    assert.equal(r.body.held_date, today);
    assert.equal(r.body.planned_date, tomorrow, 'a change leaves what it does not name');
    r = await api('sofie', 'POST', `/api/v1/concerns/${concern}/notes`, { text: MINUTES, action: talk });
    assert.equal(r.status, 201);
    // the follow-up conversation: the SSP-team is tovholder by default
    for (const [body, field] of [[{ type: 'efterforskning' }, 'type'], [{ type: 'netvaerksmoede' }, 'owner_org'],
      [{ type: 'ingen', owner_org: 'ukendt' }, 'owner_org'], [{ type: 'ingen', owner_org: 'ssp', due: '2000-01-01' }, 'due'],
      [{ type: 'ingen', owner_org: 'ssp', planned_date: today }, 'planned_date'],
      [{ type: 'ingen', owner_org: 'ssp', owner_user: 'ingen-bruger' }, 'owner_user'],
      [{ type: 'ingen', owner_org: 'ssp', reported_at: today }, 'reported_at'],
      [{ type: 'bekymringssamtale', owner_org: 'politi' }, 'owner_org'],
      [{ type: 'underretning', owner_org: 'boern-familier', reported_at: tomorrow }, 'reported_at']]) {
      r = await api('sofie', 'POST', `/api/v1/concerns/${concern}/actions`, body);
      assert.equal(r.status, 422, JSON.stringify(body));
      assert.equal(r.body.field, field, JSON.stringify(body));
    }
    for (const u of OTHERS)
      assert.equal((await api(u, 'POST', `/api/v1/concerns/${concern}/actions`, { type: 'bekymringssamtale' })).status, 403, u);
    // an underretning made today, in one call: its receipt is due
    r = await api('per', 'POST', `/api/v1/concerns/${concern}/actions`,
      { type: 'underretning', owner_org: 'boern-familier', reported_at: today });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    const made = (await api('per', 'GET', `/api/v1/concerns/${concern}/followup`)).body.actions.find((x) => x.id === r.body.id);
    assert.equal(made.reported_at, today);
    assert.ok(made.receipt_due > today);
    assert.equal(made.receipt_overdue, false);
    r = await api('sofie', 'POST', `/api/v1/concerns/${concern}/actions`, { type: 'bekymringssamtale', planned_date: tomorrow });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    const next = r.body.id;
    r = await api('per', 'GET', `/api/v1/concerns/${concern}/followup`);
    const a = r.body.actions.find((x) => x.id === next);
    assert.equal(a.owner_org, 'ssp');
    assert.equal(a.planned_date, tomorrow);
    assert.ok(a.due > today, 'the default deadline comes from the category');
    assert.equal(r.body.notes.find((n) => n.text === MINUTES).action, talk);
    // the SSP-team sees it on the forside; the police do not
    assert.ok((await api('sofie', 'GET', '/api/v1/actions?mine=1')).body.actions.some((x) => x.id === next));
    assert.ok(!(await api('per', 'GET', '/api/v1/actions?mine=1')).body.actions.some((x) => x.id === next));
    assert.ok((await api('ulla', 'GET', '/api/v1/actions?mine=1')).body.actions.some((x) => x.id === other));
    for (const u of OTHERS) assert.equal((await api(u, 'GET', '/api/v1/actions?mine=1')).status, 403, u);
  });

  test('every § 115 participant may follow up; every other role is refused', async () => {
    for (const u of P115) {
      let r = await api(u, 'POST', `/api/v1/concerns/${concern}/notes`, { text: `Notat fra ${u}.` });
      assert.equal(r.status, 201, u);
      r = await api(u, 'POST', `/api/v1/concerns/${concern}/related`, { name: `Voksen ${u}`, relation: 'familie' });
      assert.equal(r.status, 201, u);
      r = await api(u, 'POST', `/api/v1/concerns/${concern}/actions`, { type: 'netvaerksmoede', owner_org: 'ungeenhed' });
      assert.equal(r.status, 201, u);
      r = await api(u, 'POST', `/api/v1/actions/${r.body.id}`, { status: 'cancelled' });
      assert.equal(r.status, 200, u);
      assert.equal(r.body.status, 'cancelled');
    }
    for (const u of OTHERS) {
      assert.equal((await api(u, 'POST', `/api/v1/actions/${other}`, { status: 'cancelled' })).status, 403, u);
      assert.equal((await api(u, 'POST', `/api/v1/concerns/${concern}/close`, { reason: 'x' })).status, 403, u);
    }
    const r = await api('ulla', 'GET', `/api/v1/concerns/${concern}/followup`);
    assert.equal(r.body.notes.filter((n) => n.text.startsWith('Notat fra')).length, 4);
    assert.equal(r.body.related.filter((p) => p.name.startsWith('Voksen ')).length, 4);
  });

  test('a closed concern takes no more follow-up: 409', async () => {
    let r = await api('sofie', 'POST', `/api/v1/concerns/${concern}/close`, { reason: 'Forløbet er slut.' });
    assert.equal(r.status, 200);
    r = await api('sofie', 'POST', `/api/v1/concerns/${concern}/notes`, { text: 'for sent' });
    assert.equal(r.status, 409);
    r = await api('sofie', 'POST', `/api/v1/actions/${other}`, { status: 'done' });
    assert.equal(r.status, 409);
    r = await api('ulla', 'GET', '/api/v1/actions?mine=1');
    assert.ok(!r.body.actions.some((x) => x.id === other), 'a closed concern\'s actions leave the forside');
  });

  test('the access log names the data subject and the legal basis for each call', async () => {
    const r = cli(srv, ['audit', 'show', '--subject', `person:${person}`]);
    assert.equal(r.status, 0, r.stderr);
    for (const a of ['concern.followup.read', 'concern.note.add', 'concern.related.add',
      'concern.action.add', 'concern.action.update'])
      assert.ok(r.stdout.includes(a), a);
    for (const n of [NAME, NOTE, PARENT, PHONE]) assert.ok(!r.stdout.includes(n), n);
  });

  test('neither the database file nor the server log holds note text, names or phones', async () => {
    const needles = [NAME, NOTE, MINUTES, PARENT, PHONE, 'Anden Voksen'];
    for (const f of readdirSync(srv.dir)) {
      if (!f.startsWith('ssp.db')) continue;
      const bytes = readFileSync(path.join(srv.dir, f));
      for (const n of needles) assert.equal(bytes.indexOf(Buffer.from(n, 'utf8')), -1, `${n} in ${f}`);
    }
    for (const n of needles) assert.ok(!srv.stderr.includes(n), `${n} in the server log`);
  });
});
