// api_meetings.test.mjs - the JSON API of meetings, compliance and the
// school network (src/web/api_meetings.c, api_schools.c) against the real
// `ssp serve` (whose `ssp init` saves this year's and next year's plan):
// the meeting list and its filters (the CLI's JSON contract), a status
// change (bearer, and cookie with and without X-CSRF-Token), minutes with a
// CPR-like number refused (422, Danish reason, "field": "text", logged),
// § 115 minutes masked and only for who runs the meeting, an ad hoc meeting,
// the compliance object equal to `ssp compliance --format json-full`, and
// the læseplan's need-to-know rule (own institution 201, another's 403).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, addUser, cli, createToken, startServer, stopServer } from './lib.mjs';

let srv;
const tok = {}; // username -> bearer token
// Next year: every meeting of it lies in the future, whatever today is.
const YEAR = new Date().getFullYear() + 1;

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

// The stored meetings of body in YEAR, from the CLI's JSON contract.
function stored(body) {
  const r = cli(srv, ['plan', String(YEAR), '--stored', '--body', body, '--format', 'json']);
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

// A working day (Tuesday) in YEAR that is no holiday, and a Saturday.
function weekday(dow) {
  const d = new Date(Date.UTC(YEAR, 8, 8));
  while (d.getUTCDay() !== dow) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

before(async () => {
  // The test build's clock (issue 11: a meeting is held only once it has
  // started): 1 September of YEAR, after the hotspot meetings of March-August.
  process.env.SSP_TEST_NOW = `${YEAR}-09-01T00:00`;
  srv = await startServer();
  for (const [u, role, extra] of [['sofie', 'ssp'], ['per', 'politi'], ['kim', 'kontaktperson'],
    ['ada', 'admin'], ['stine', 'styregruppe'], ['rita', 'revisor'],
    ['anna', 'kontaktperson', ['--institution', 'eksempel-skole-vest']]]) {
    addUser(srv, u, role, extra);
    tok[u] = createToken(srv, u);
  }
});

after(async () => {
  const r = await stopServer(srv);
  assert.equal(r.code, 0, 'clean shutdown; server stderr:\n' + srv.stderr);
});

describe('meeting list', () => {
  test('the year of one body: the CLI contract, with id, status and uid', async () => {
    const r = await api('kim', 'GET', `/api/v1/meetings?year=${YEAR}&body=hotspot`);
    assert.equal(r.status, 200);
    assert.equal(r.body.year, YEAR);
    assert.equal(r.body.stored, true);
    assert.equal(r.body.meetings.length, 8, 'eight hotspot meetings, March to October');
    assert.deepEqual(r.body.meetings, stored('hotspot'));
    for (const m of r.body.meetings) {
      assert.equal(m.body, 'hotspot');
      assert.ok(m.id > 0 && m.uid && m.status === 'planned');
      assert.match(m.start, /^\d{4}-\d\d-\d\dT\d\d:\d\d:00[+-]\d\d:\d\d$/);
    }
  });

  test('every body, by district; the default year is this year', async () => {
    const all = await api('kim', 'GET', `/api/v1/meetings?year=${YEAR}`);
    assert.ok(all.body.meetings.length > 40);
    assert.ok(new Set(all.body.meetings.map((m) => m.body)).size > 5);
    assert.ok(all.body.meetings.some((m) => m.body === 'ssp-distriktsmoede' && m.district));
    const now = await api('kim', 'GET', '/api/v1/meetings');
    assert.equal(now.body.year, new Date().getFullYear());
  });

  test('a year not stored is the computed plan, without ids', async () => {
    const r = await api('kim', 'GET', `/api/v1/meetings?year=${YEAR + 3}&body=hotspot`);
    assert.equal(r.status, 200);
    assert.equal(r.body.stored, false);
    assert.equal(r.body.meetings.length, 8);
    assert.ok(r.body.meetings.every((m) => m.id === undefined));
  });

  test('bad filters', async () => {
    let r = await api('kim', 'GET', `/api/v1/meetings?year=${YEAR}&body=findes-ikke`);
    assert.equal(r.status, 404);
    assert.equal(r.body.field, 'body');
    for (const y of ['1999', '2101', '20x7']) {
      r = await api('kim', 'GET', `/api/v1/meetings?year=${y}`);
      assert.equal(r.status, 400, y);
      assert.equal(r.body.field, 'year');
      assert.match(r.body.error, /Året skal være et tal mellem 2000 og 2100/);
    }
    assert.equal((await fetch(`${srv.base}/api/v1/meetings`)).status, 401);
  });

  test('one meeting: facts, proposed agenda, attendance, minutes, rights', async () => {
    const m = stored('ssp-styregruppe')[0];
    const r = await api('kim', 'GET', `/api/v1/meetings/${m.id}`);
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.meeting, m);
    assert.equal(r.body.agenda.stored, false);
    assert.ok(r.body.agenda.items.includes(`Årshjulets tema: ${m.theme}`));
    assert.deepEqual(r.body.attendance, []);
    assert.deepEqual(r.body.minutes, { visible: true, text: null, updated_at: null, updated_by: null });
    assert.equal(r.body.can_plan, false);
    assert.equal(r.body.can_run, false);
    const s = await api('sofie', 'GET', `/api/v1/meetings/${m.id}`);
    assert.equal(s.body.can_plan, true);
    assert.equal(s.body.can_run, true);
    for (const p of ['999999', 'abc', '0']) assert.equal((await api('kim', 'GET', `/api/v1/meetings/${p}`)).status, 404);
  });
});

describe('status change', () => {
  test('the SSP-team cancels and reopens a meeting; the CLI sees it', async () => {
    const m = stored('hotspot')[3];
    let r = await api('sofie', 'POST', `/api/v1/meetings/${m.id}/status`, { status: 'cancelled' });
    assert.equal(r.status, 200);
    assert.deepEqual(r.body, { id: m.id, status: 'cancelled' });
    assert.equal(stored('hotspot').find((x) => x.id === m.id).status, 'cancelled');
    r = await api('ada', 'POST', `/api/v1/meetings/${m.id}/status`, { status: 'planned' });
    assert.equal(r.status, 200);
    assert.equal(stored('hotspot').find((x) => x.id === m.id).status, 'planned');
    const audit = await api('rita', 'GET', '/api/v1/audit?user=sofie');
    assert.ok(audit.body.entries.some((e) => e.action === 'meeting.status' && e.object === `${m.uid} cancelled`));
  });

  test('refused: other roles 403, bad status 422, unknown meeting 404', async () => {
    const m = stored('hotspot')[3];
    for (const who of ['kim', 'per', 'stine', 'rita'])
      assert.equal((await api(who, 'POST', `/api/v1/meetings/${m.id}/status`, { status: 'held' })).status, 403, who);
    for (const body of [{ status: 'moved' }, { status: 'afholdt' }, {}, { status: 'held', x: 1 }, { status: 1 }]) {
      const r = await api('sofie', 'POST', `/api/v1/meetings/${m.id}/status`, body);
      assert.equal(r.status, 422, JSON.stringify(body));
      assert.ok(r.body.error && r.body.field, JSON.stringify(r.body));
    }
    assert.equal((await api('sofie', 'POST', '/api/v1/meetings/999999/status', { status: 'held' })).status, 404);
    // issue 11: not held before it has started (October, after the test clock)
    const late = stored('hotspot').at(-1);
    const r = await api('sofie', 'POST', `/api/v1/meetings/${late.id}/status`, { status: 'held' });
    assert.equal(r.status, 422);
    assert.equal(r.body.field, 'status');
    assert.match(r.body.error, /før det er begyndt \(det begynder \d{4}-10-\d\d kl\. \d\d:\d\d\)/);
    assert.equal(stored('hotspot').find((x) => x.id === m.id).status, 'planned', 'nothing changed');
  });

  test('with the session cookie: X-CSRF-Token is required', async () => {
    const m = stored('hotspot')[4];
    const c = new Client(srv);
    assert.equal((await c.login('sofie')).status, 303);
    const csrf = /<meta name="csrf-token" content="([^"]+)">/.exec((await c.get('/')).text_)[1];
    const body = JSON.stringify({ status: 'held' });
    const json = { 'content-type': 'application/json' };
    let r = await c.post(`/api/v1/meetings/${m.id}/status`, { body, headers: json });
    assert.equal(r.status, 403);
    assert.equal(JSON.parse(r.text_).field, 'csrf');
    r = await c.post(`/api/v1/meetings/${m.id}/status`, { body, headers: { ...json, 'x-csrf-token': csrf } });
    assert.equal(r.status, 200);
    assert.equal(stored('hotspot').find((x) => x.id === m.id).status, 'held');
  });

  test('move: a weekend is refused, a working day accepted', async () => {
    const m = stored('hotspot')[2];
    const bad = await api('sofie', 'POST', `/api/v1/meetings/${m.id}/move`, { date: weekday(6) });
    assert.equal(bad.status, 422);
    assert.equal(bad.body.field, 'date');
    assert.match(bad.body.error, /er en weekenddag/);
    const r = await api('sofie', 'POST', `/api/v1/meetings/${m.id}/move`, { date: weekday(2), start: '10:30' });
    assert.equal(r.status, 200);
    assert.equal(r.body.id, m.id);
    assert.equal(r.body.status, 'moved');
    assert.equal(r.body.start.slice(0, 16), `${weekday(2)}T10:30`);
    assert.deepEqual(r.body, stored('hotspot').find((x) => x.id === m.id));
  });

  test('an ad hoc meeting: 201 with Location; the steering group as preparedness group', async () => {
    const r = await api('sofie', 'POST', '/api/v1/meetings',
      { body: 'ssp-styregruppe', date: weekday(2), preparedness: true, theme: 'Uro i midtbyen' });
    assert.equal(r.status, 201);
    assert.equal(r.headers.get('location'), `/api/v1/meetings/${r.body.id}`);
    assert.equal(r.body.ad_hoc, true);
    assert.equal(r.body.theme, 'Samlet som beredskabsgruppe: Uro i midtbyen');
    assert.ok(stored('ssp-styregruppe').some((x) => x.id === r.body.id));
    const bad = await api('sofie', 'POST', '/api/v1/meetings', { body: 'findes-ikke', date: weekday(2) });
    assert.equal(bad.status, 422);
    assert.equal(bad.body.field, 'body');
    assert.equal((await api('kim', 'POST', '/api/v1/meetings', { body: 'hotspot', date: weekday(2) })).status, 403);
  });
});

describe('minutes', () => {
  const text = 'Uro ved stationen om aftenen.\nEn ung, 150709-1234, blev nævnt.';

  test('hotspot: a CPR-like number is refused with 422, the Danish reason and field "text"', async () => {
    const m = stored('hotspot')[0];
    const r = await api('sofie', 'POST', `/api/v1/meetings/${m.id}/minutes`, { text });
    assert.equal(r.status, 422);
    assert.equal(r.body.field, 'text');
    assert.match(r.body.error, /^Referatet ser ud til at indeholde et CPR-nummer \(linje 2\)\. I Hotspotmøde drøftes ikke konkrete sager om navngivne unge/);
    assert.match(r.body.error, /Konkrete sager henvises til et § 115-møde\./);
    const view = await api('sofie', 'GET', `/api/v1/meetings/${m.id}`);
    assert.equal(view.body.minutes.text, null, 'nothing stored');
    const audit = await api('rita', 'GET', '/api/v1/audit?user=sofie');
    assert.ok(audit.body.entries.some((e) => e.action === 'meeting.minutes' && e.outcome === 'refused'));
    // trends only: saved, and everyone who sees the meeting reads them
    const ok = await api('sofie', 'POST', `/api/v1/meetings/${m.id}/minutes`, { text: 'Uro ved stationen om aftenen.' });
    assert.deepEqual(ok.body, { id: m.id, saved: true });
    const kim = await api('kim', 'GET', `/api/v1/meetings/${m.id}`);
    assert.equal(kim.body.minutes.text, 'Uro ved stationen om aftenen.');
    assert.equal(kim.body.minutes.updated_by, 'sofie');
  });

  test('§ 115-møde: accepted, read masked and logged, hidden from who does not run it', async () => {
    const m = stored('paragraf-115')[0];
    assert.equal((await api('per', 'POST', `/api/v1/meetings/${m.id}/minutes`, { text })).status, 200);
    const s = await api('sofie', 'GET', `/api/v1/meetings/${m.id}`);
    assert.equal(s.body.named_individuals, true);
    assert.equal(s.body.minutes.visible, true);
    assert.match(s.body.minutes.text, /En ung, 150709-xxxx, blev nævnt/);
    assert.doesNotMatch(JSON.stringify(s.body), /150709-1234/);
    for (const who of ['kim', 'ada', 'stine']) {
      const r = await api(who, 'GET', `/api/v1/meetings/${m.id}`);
      assert.equal(r.status, 200);
      assert.deepEqual(r.body.minutes, { visible: false, text: null, updated_at: null, updated_by: null }, who);
    }
    const audit = await api('rita', 'GET', '/api/v1/audit?user=sofie');
    assert.ok(audit.body.entries.some((e) => e.action === 'meeting.minutes.view' && e.object === m.uid));
  });

  test('who may write minutes; bad bodies', async () => {
    const m = stored('hotspot')[5];
    for (const who of ['kim', 'ada', 'stine'])
      assert.equal((await api(who, 'POST', `/api/v1/meetings/${m.id}/minutes`, { text: 'x' })).status, 403, who);
    for (const body of [{}, { text: 5 }, { minutes: 'x' }]) {
      const r = await api('sofie', 'POST', `/api/v1/meetings/${m.id}/minutes`, body);
      assert.equal(r.status, 422, JSON.stringify(body));
    }
  });

  test('agenda and attendance', async () => {
    const m = stored('hotspot')[5];
    let r = await api('sofie', 'POST', `/api/v1/meetings/${m.id}/agenda`, { items: ['Byfest i juni', 'Sommerferien'] });
    assert.equal(r.status, 200);
    r = await api('sofie', 'POST', `/api/v1/meetings/${m.id}/agenda`, { items: ['a\nb'] });
    assert.equal(r.status, 422);
    assert.equal(r.body.field, 'items');
    r = await api('sofie', 'POST', `/api/v1/meetings/${m.id}/agenda`, { items: ['Sag om 150709-1234'] });
    assert.equal(r.status, 422);
    assert.equal(r.body.field, 'items');
    r = await api('sofie', 'POST', `/api/v1/meetings/${m.id}/attendance`,
      { guests: [{ name: 'Gitte Gæst', org: 'Byfestforeningen' }] });
    assert.equal(r.status, 200);
    r = await api('sofie', 'POST', `/api/v1/meetings/${m.id}/attendance`, { users: [{ user_id: 999999, present: true }] });
    assert.equal(r.status, 422);
    assert.equal(r.body.field, 'users');
    const view = await api('kim', 'GET', `/api/v1/meetings/${m.id}`);
    assert.deepEqual(view.body.agenda, { visible: true, stored: true, items: ['Byfest i juni', 'Sommerferien'] });
    assert.deepEqual(view.body.attendance, [{ user_id: null, name: 'Gitte Gæst', org: 'Byfestforeningen', present: true }]);
  });
});

describe('compliance', () => {
  test('the object equals `ssp compliance --format json-full` for the same year and date', async () => {
    for (const [year, asOf] of [[YEAR, `${YEAR}-06-30`], [YEAR - 1, `${YEAR - 1}-12-31`], [YEAR + 3, `${YEAR + 3}-03-01`]]) {
      const r = await api('stine', 'GET', `/api/v1/compliance?year=${year}&as_of=${asOf}`);
      assert.equal(r.status, 200);
      const c = cli(srv, ['compliance', String(year), '--as-of', asOf, '--format', 'json-full']);
      assert.equal(c.status, 0, c.stderr);
      assert.deepEqual(r.body, JSON.parse(c.stdout), `${year} as of ${asOf}`);
      assert.equal(r.body.as_of, asOf);
    }
  });

  test('refused for roles without the page; a bad date is 400', async () => {
    for (const who of ['kim', 'per', 'anna'])
      assert.equal((await api(who, 'GET', '/api/v1/compliance')).status, 403, who);
    const r = await api('ada', 'GET', `/api/v1/compliance?year=${YEAR}&as_of=30-06-2027`);
    assert.equal(r.status, 400);
    assert.equal(r.body.field, 'as_of');
  });
});

describe('læseplan', () => {
  const item = { grade: '8', theme: 'Digital dannelse', planned: `${YEAR}-02-10` };

  test("own institution's contact person adds an item (201)", async () => {
    const r = await api('anna', 'POST', '/api/v1/schools/eksempel-skole-vest/laeseplan', item);
    assert.equal(r.status, 201);
    assert.equal(r.body.created, true);
    assert.equal(r.body.institution, 'eksempel-skole-vest');
    const d = await api('anna', 'GET', '/api/v1/schools/eksempel-skole-vest');
    assert.equal(d.body.may_edit, true);
    assert.deepEqual(d.body.laeseplan, [{ id: r.body.id, ...item, held: null }]);
    const e = await api('anna', 'POST', `/api/v1/schools/eksempel-skole-vest/laeseplan/${r.body.id}`,
      { ...item, theme: 'Rusmidler' });
    assert.equal(e.status, 200);
  });

  test("another institution's contact person is refused (403), and nothing is stored", async () => {
    const r = await api('anna', 'POST', '/api/v1/schools/eksempel-skole-midt/laeseplan', item);
    assert.equal(r.status, 403);
    assert.match(r.body.error, /kun rette læseplanen for din egen institution/);
    const d = await api('anna', 'GET', '/api/v1/schools/eksempel-skole-midt');
    assert.equal(d.status, 200);
    assert.equal(d.body.may_edit, false);
    assert.deepEqual(d.body.laeseplan, []);
    // a contact person without an institution, and roles without the right
    for (const who of ['kim', 'per', 'ada'])
      assert.equal((await api(who, 'POST', '/api/v1/schools/eksempel-skole-vest/laeseplan', item)).status, 403, who);
  });

  test('the SSP-team edits every læseplan; bad input is 422 on its field', async () => {
    const r = await api('sofie', 'POST', '/api/v1/schools/eksempel-skole-midt/laeseplan', item);
    assert.equal(r.status, 201);
    const bad = await api('sofie', 'POST', '/api/v1/schools/eksempel-skole-midt/laeseplan', { ...item, grade: '3' });
    assert.equal(bad.status, 422);
    assert.equal(bad.body.field, 'grade');
    const del = await api('sofie', 'POST', `/api/v1/schools/eksempel-skole-midt/laeseplan/${r.body.id}/delete`);
    assert.deepEqual(del.body, { id: r.body.id, institution: 'eksempel-skole-midt', deleted: true });
    assert.equal((await api('sofie', 'GET', '/api/v1/schools/findes-ikke')).status, 404);
  });

  test('the network list counts the læseplan and names the contact persons', async () => {
    const r = await api('kim', 'GET', `/api/v1/schools?year=${YEAR}`);
    assert.equal(r.status, 200);
    const vest = r.body.institutions.find((x) => x.id === 'eksempel-skole-vest');
    assert.deepEqual(vest.contact_persons, [{ name: 'Test anna' }]);
    assert.equal(vest.laeseplan_items, 1);
  });
});
