// totp.test.mjs - two-factor sign-in through the browser door, with the
// default configuration (roles that see personal data must use TOTP):
// forced enrolment, the code step, session id renewal, no replay, and that
// a half-signed-in session reaches nothing else.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, addUser, startServer, stopServer, totp, totpStep } from './lib.mjs';

let srv;
let secret;
let usedStep;

before(async () => {
  srv = await startServer({ totp: true });
  addUser(srv, 'sofie', 'ssp');
  addUser(srv, 'adam', 'admin');
  addUser(srv, 'stig', 'styregruppe');
});

after(async () => {
  const r = await stopServer(srv);
  assert.equal(r.code, 0, 'clean shutdown; server stderr:\n' + srv.stderr);
});

test('a role without personal data signs in with the password alone', async () => {
  const c = new Client(srv);
  const r = await c.login('stig');
  assert.equal(r.status, 303);
  assert.equal(r.headers.get('location'), '/');
});

test('an administrator must enrol two-factor by default (creates users of every role)', async () => {
  const c = new Client(srv);
  const r = await c.login('adam');
  assert.equal(r.status, 303);
  assert.equal(r.headers.get('location'), '/profil/totp');
  const x = await c.get('/brugere');
  assert.equal(x.status, 303);
});

test('first sign-in of a TOTP role forces enrolment; nothing else is reachable', async () => {
  const c = new Client(srv);
  const r = await c.login('sofie');
  assert.equal(r.status, 303);
  assert.equal(r.headers.get('location'), '/profil/totp');
  for (const p of ['/', '/organisation', '/profil', '/logind/totp']) {
    const x = await c.get(p);
    assert.equal(x.status, 303, p);
    assert.equal(x.headers.get('location'), p === '/logind/totp' ? '/profil/totp' : '/profil/totp', p);
  }
  const api = await c.get('/api/v1/me');
  assert.equal(api.status, 401);

  const page = await c.get('/profil/totp');
  assert.equal(page.status, 200);
  assert.match(page.text_, /<svg [^>]*role="img"/, 'QR code as inline SVG');
  assert.match(page.text_, /<path fill="#000000" d="M/);
  assert.ok(!/ style=/.test(page.text_), 'no style attribute');
  secret = /data-secret="([A-Z2-7]+)"/.exec(page.text_)[1];
  const csrf = /name="csrf" value="([^"]+)"/.exec(page.text_)[1];

  let x = await c.post('/profil/totp', { form: { csrf, secret, code: '000000' } });
  assert.equal(x.status, 422, 'a wrong code');
  assert.match(x.text_, /id="code-error"/);
  assert.ok(x.text_.includes(`data-secret="${secret}"`), 'the same secret is shown again');

  usedStep = totpStep();
  x = await c.post('/profil/totp', { form: { csrf, secret, code: totp(secret, usedStep) } });
  assert.equal(x.status, 303);
  assert.equal(x.headers.get('location'), '/');
  x = await c.get('/');
  assert.equal(x.status, 200, 'signed in after enrolment');
});

test('later sign-ins ask for the code; enrolment is not reachable in between', async () => {
  const c = new Client(srv);
  let r = await c.login('sofie');
  assert.equal(r.status, 303);
  assert.equal(r.headers.get('location'), '/logind/totp');
  const half = c.jar.get('ssp_session');
  for (const p of ['/', '/profil/totp', '/profil']) {
    const x = await c.get(p);
    assert.equal(x.status, 303, p);
    assert.equal(x.headers.get('location'), '/logind/totp', p);
  }
  const csrf = await c.csrf('/logind/totp');
  r = await c.post('/logind/totp', { form: { csrf, code: totp(secret, usedStep) } });
  assert.equal(r.status, 422, 'the code used for enrolment is not accepted again');
  r = await c.post('/logind/totp', { form: { csrf, code: totp(secret, usedStep + 1) } });
  assert.equal(r.status, 303);
  assert.equal(r.headers.get('location'), '/');
  assert.notEqual(c.jar.get('ssp_session'), half, 'a new session id after the second step');
  const home = await c.get('/');
  assert.equal(home.status, 200);
  const old = await new Client(srv).get('/', { headers: { cookie: 'ssp_session=' + half } });
  assert.equal(old.status, 303, 'the half-way session id is dead');
});
