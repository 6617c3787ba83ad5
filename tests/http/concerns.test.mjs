// concerns.test.mjs - the case flow's JSON API (issue 9) against the real
// `ssp serve` (whose `ssp init` stores this year's and next year's plan):
// the meeting list's from/to filters beside year.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { addUser, createToken, startServer, stopServer } from './lib.mjs';

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
  for (const [u, role] of [['sofie', 'ssp'], ['per', 'politi']]) {
    addUser(srv, u, role);
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
