// smoke.test.mjs - the release binary (build/ssp: optimised, hardened, no
// sanitizers) works end to end: init, serve on 127.0.0.1:0, sign in, one
// page. `make test` runs it against build/ (suite "release"); every other
// test runs against build-asan/.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { Client, SECURITY_HEADERS, addUser, startServer, stopServer } from '../http/lib.mjs';

let srv;
before(async () => {
  srv = await startServer();
  addUser(srv, 'anna', 'ssp');
});
after(async () => {
  const r = await stopServer(srv);
  assert.deepEqual(r, { code: 0, signal: null }, 'clean shutdown');
});

test('sign in and fetch the organisation page', async () => {
  const c = new Client(srv);
  const r = await c.login('anna');
  assert.equal(r.status, 303);
  assert.equal(r.headers.get('location'), '/');
  const page = await c.get('/organisation');
  assert.equal(page.status, 200);
  assert.match(page.text_, /<html lang="da"/);
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) assert.equal(page.headers.get(k), v, k);
});

test('the release binary ignores SSP_TEST_FAST_HASHING: passwords get full Argon2id', () => {
  // tests/meson.build sets SSP_TEST_FAST_HASHING=1 for every test; only a
  // -Dtest_hooks=true build may honour it.
  assert.equal(process.env.SSP_TEST_FAST_HASHING, '1');
  const r = spawnSync('sqlite3', [path.join(srv.dir, 'ssp.db'),
    "SELECT password_hash FROM user WHERE username = 'anna'"], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^\$argon2id\$v=19\$m=65536,t=2,p=1\$/);
});
