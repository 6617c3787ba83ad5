// security.test.mjs - findings of the security review, each kept fixed:
//
//  - the agenda of a § 115-møde may name young people (a CPR number is
//    not refused there): like the minutes it is shown only to who runs the
//    meeting, CPR numbers masked, each read logged; the roles that see no
//    personal data (admin, styregruppe) and the contact person get nothing
//    of it, through the page or the API;
//  - the per-user limit on failed sign-ins holds for two-factor codes too:
//    a correct password alone does not reset it, so knowing the password
//    does not give unlimited guesses at the code.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { Client, addUser, cli, createToken, startServer, stopServer, totp, totpStep } from './lib.mjs';

let srv;
const c = {}; // username -> signed-in Client
const tok = {}; // username -> API token
const YEAR = new Date().getFullYear() + 1;

function sql(query) {
  const r = spawnSync('sqlite3', [path.join(srv.dir, 'ssp.db'), query], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.trim();
}

function stored(body) {
  const r = cli(srv, ['plan', String(YEAR), '--stored', '--body', body, '--format', 'json']);
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

async function api(who, p) {
  const r = await fetch(srv.base + p, { headers: { authorization: 'Bearer ' + tok[who] } });
  return { status: r.status, body: await r.json() };
}

before(async () => {
  // a low per-user limit and a high per-address one: the test is about the
  // per-user limit (an attacker can have many addresses)
  srv = await startServer({ config: ['[login]', 'max-failures-user = 3', 'max-failures-address = 1000'] });
  for (const [u, role] of [['sofie', 'ssp'], ['per', 'politi'], ['kim', 'kontaktperson'],
    ['ada', 'admin'], ['stine', 'styregruppe'], ['rita', 'revisor'], ['tove', 'ssp']]) {
    addUser(srv, u, role);
    c[u] = new Client(srv);
    const r = await c[u].login(u);
    assert.equal(r.status, 303, `sign-in ${u}`);
    tok[u] = createToken(srv, u);
  }
  for (const u of ['sofie', 'per']) {
    const r = cli(srv, ['participant', 'add', 'paragraf-115', u]);
    assert.equal(r.status, 0, r.stderr);
  }
});

after(async () => {
  const r = await stopServer(srv);
  assert.equal(r.code, 0, 'clean shutdown; server stderr:\n' + srv.stderr);
});

describe('§ 115 agenda', () => {
  test('hidden from who does not run the meeting, masked and logged for who does', async () => {
    const m = stored('paragraf-115')[0];
    const home = await c.per.get('/');
    const csrf = /<meta name="csrf-token" content="([^"]+)">/.exec(home.text_)[1];
    const r = await c.per.post(`/moeder/${m.id}/dagsorden`,
      { form: { csrf, agenda: 'Sag om Emil, 150709-1234\r\nNæste møde' } });
    assert.equal(r.status, 303, 'a § 115 agenda may name a young person');

    for (const who of ['kim', 'ada', 'stine', 'rita']) {
      const page = await c[who].get(`/moeder/${m.id}`);
      assert.equal(page.status, 200, who);
      assert.doesNotMatch(page.text_, /150709|Emil/, `${who}: page`);
      assert.match(page.text_, /Dagsordenen for dette forum kan indeholde oplysninger om navngivne unge/, who);
      const a = await api(who, `/api/v1/meetings/${m.id}`);
      assert.equal(a.status, 200, who);
      assert.equal(a.body.agenda.visible, false, who);
      assert.deepEqual(a.body.agenda.items, [], who);
      assert.doesNotMatch(JSON.stringify(a.body), /150709|Emil/, `${who}: API`);
    }

    const page = await c.sofie.get(`/moeder/${m.id}`);
    assert.match(page.text_, /<li>Sag om Emil, 150709-xxxx<\/li>/, 'shown masked');
    const a = await api('sofie', `/api/v1/meetings/${m.id}`);
    assert.equal(a.body.agenda.visible, true);
    assert.deepEqual(a.body.agenda.items, ['Sag om Emil, 150709-xxxx', 'Næste møde']);
    const reads = Number(sql(`SELECT count(*) FROM audit_log WHERE action = 'meeting.agenda.view' ` +
      `AND username = 'sofie' AND object = '${m.uid}'`));
    assert.equal(reads, 2, 'each read is logged');
  });

  test('a body where named young people are not discussed: the agenda is for everyone', async () => {
    const m = stored('hotspot')[0];
    const a = await api('kim', `/api/v1/meetings/${m.id}`);
    assert.equal(a.status, 200);
    assert.equal(a.body.agenda.visible, true);
  });
});

describe('two-factor codes and the per-user limit', () => {
  test('signing in with the password again does not reset the count of wrong codes', async () => {
    // tove turns two-factor on
    const page = await c.tove.get('/profil/totp');
    assert.equal(page.status, 200);
    const secret = /data-secret="([A-Z2-7]+)"/.exec(page.text_)[1];
    const csrf = /name="csrf" value="([^"]+)"/.exec(page.text_)[1];
    const on = await c.tove.post('/profil/totp', { form: { csrf, secret, code: totp(secret) } });
    assert.equal(on.status, 303);

    const valid = new Set([-1, 0, 1].map((d) => totp(secret, totpStep() + d)));
    const wrong = ['000000', '111111', '222222', '333333'].find((x) => !valid.has(x));
    const seen = [];
    for (let round = 0; round < 3 && !seen.includes(429); round++) {
      const x = new Client(srv);
      const r = await x.login('tove');
      seen.push(r.status);
      if (r.status !== 303) continue;
      assert.equal(r.headers.get('location'), '/logind/totp');
      const code = await x.csrf('/logind/totp');
      for (let i = 0; i < 2; i++) {
        const t = await x.post('/logind/totp', { form: { csrf: code, code: wrong } });
        seen.push(t.status);
      }
    }
    assert.ok(seen.includes(429), 'throttled after 3 wrong codes; got ' + seen.join(' '));
  });
});
