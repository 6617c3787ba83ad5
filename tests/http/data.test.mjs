// data.test.mjs - the data behind the strategy over HTTP: the figures the
// SSP-team imported (`ssp data import`) as JSON for the steering group, the
// SSP-team and the police, with small counts "<5" and the secondary cell
// hidden; refused (403, logged) for the other roles; ?year filters.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { SRC, addUser, cli, createToken, startServer, stopServer } from './lib.mjs';

let srv;
const tok = {};

before(async () => {
  srv = await startServer();
  for (const [u, role] of [['sten', 'styregruppe'], ['sara', 'ssp'], ['per', 'politi'], ['ada', 'admin'], ['bo', 'boern-familier']]) {
    addUser(srv, u, role);
    tok[u] = createToken(srv, u);
  }
  for (const kind of ['ungeprofil', 'kriminalitet']) {
    const r = cli(srv, ['data', 'import', kind, `${SRC}/docs/skabelon-${kind}.csv`]);
    assert.equal(r.status, 0, r.stderr);
  }
});

after(async () => {
  const r = await stopServer(srv);
  assert.equal(r.code, 0, 'clean shutdown; server stderr:\n' + srv.stderr);
});

const get = (who, path) => fetch(srv.base + path, { headers: { authorization: 'Bearer ' + tok[who] } });

test('the police figures with small counts hidden, for the steering group, SSP-team and police', async () => {
  for (const who of ['sten', 'sara', 'per']) {
    const r = await get(who, '/api/v1/data/kriminalitet');
    assert.equal(r.status, 200, who);
    const rows = (await r.json()).rows;
    const theft = Object.fromEntries(rows.filter((x) => x.category === 'EKSEMPEL Tyveri').map((x) => [x.district, x.count]));
    // Vest 3 is under 5; Midt or Øst (60 each) too, else 123 - 60 - 60 gives 3
    assert.deepEqual(theft, { null: 123, vest: '<5', midt: '<5', oest: 60 });
    const march = rows.find((x) => x.month === 3);
    assert.equal(march.count, 12);
    assert.equal(march.age_band, '10-14');
  }
});

test('the survey: shares as numbers, unknown respondents null', async () => {
  const r = await get('sten', '/api/v1/data/ungeprofil?year=2025');
  assert.equal(r.status, 200);
  const rows = (await r.json()).rows;
  assert.equal(rows.length, 5);
  const vest = rows.find((x) => x.district === 'vest');
  assert.deepEqual([vest.share, vest.respondents, vest.national, vest.group], [10, 150, 11.3, '9. klasse']);
  const tryg = rows.find((x) => x.indicator.includes('tryg'));
  assert.deepEqual([tryg.share, tryg.respondents, tryg.national], [88.8, null, null]);
  assert.deepEqual((await (await get('sten', '/api/v1/data/ungeprofil?year=2024')).json()).rows, []);
  assert.equal((await get('sten', '/api/v1/data/ungeprofil?year=1999')).status, 400);
});

test('other roles are refused, and the refusal is logged', async () => {
  for (const who of ['ada', 'bo']) {
    const r = await get(who, '/api/v1/data/kriminalitet');
    assert.equal(r.status, 403, who);
  }
  const log = cli(srv, ['audit', 'show']);
  assert.equal(log.status, 0, log.stderr);
  const denied = log.stdout.split('\n').filter((l) => l.includes('\tdata.view\t') && l.endsWith('denied'));
  assert.equal(denied.length, 2);
});
