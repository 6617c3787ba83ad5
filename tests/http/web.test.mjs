// web.test.mjs - black-box tests of `ssp serve`: health, security headers,
// sign-in (ok, failed, throttled), sessions and cookies, CSRF, bearer
// tokens and revocation, body limits, bad input, unknown routes, wrong
// methods, and every page rendering.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  Client, PASSWORD, SECURITY_HEADERS, SRC, addUser, cli, createToken, setCookies,
  startServer, stopServer,
} from './lib.mjs';

let srv;

before(async () => {
  srv = await startServer();
  addUser(srv, 'ada', 'admin');
  addUser(srv, 'sara', 'ssp');
  addUser(srv, 'rita', 'revisor');
  addUser(srv, 'tina', 'ssp');
});

after(async () => {
  const r = await stopServer(srv);
  assert.equal(r.code, 0, 'clean shutdown on SIGTERM; server stderr:\n' + srv.stderr);
});

function assertSecurityHeaders(res, what) {
  for (const [k, v] of Object.entries(SECURITY_HEADERS))
    assert.equal(res.headers.get(k), v, `${what}: header ${k}`);
  assert.equal(res.headers.get('strict-transport-security'), null, 'no HSTS without TLS');
}

describe('server', () => {
  test('GET /healthz answers 200 ok', async () => {
    const r = await new Client(srv).get('/healthz');
    assert.equal(r.status, 200);
    assert.equal(r.text_, 'ok');
  });

  test('security headers on every kind of response', async () => {
    const c = new Client(srv);
    const cases = [
      ['GET', '/healthz', 200], ['GET', '/logind', 200], ['GET', '/', 303],
      ['GET', '/findes-ikke', 404], ['PUT', '/logind', 405], ['GET', '/api/v1/me', 401],
      ['POST', '/logind', 403], ['GET', '/static/app.css', 200],
    ];
    for (const [m, p, want] of cases) {
      const r = await c.req(m, p);
      assert.equal(r.status, want, `${m} ${p}`);
      assertSecurityHeaders(r, `${m} ${p}`);
      const cc = r.headers.get('cache-control');
      assert.equal(cc, p.startsWith('/static/') ? 'public, max-age=3600' : 'no-store', `${m} ${p} cache`);
    }
  });

  test('static files: own CSS and JS, exact types; no escape from the folder', async () => {
    const c = new Client(srv);
    let r = await c.get('/static/app.css');
    assert.match(r.headers.get('content-type'), /^text\/css/);
    r = await c.get('/static/app.js');
    assert.match(r.headers.get('content-type'), /^text\/javascript/);
    assert.match(r.text_, /DKFDS\.init\(\)/);
    for (const p of ['/static/../meson.build', '/static/%2e%2e/x.css', '/static/.hidden.css',
      '/static//app.css', '/static/app.exe', '/static/findes-ikke.css']) {
      r = await c.get(p);
      assert.equal(r.status, 404, p);
    }
  });

  test('unknown route: Danish 404 page in the layout', async () => {
    const r = await new Client(srv).get('/ingen/side/her');
    assert.equal(r.status, 404);
    assert.match(r.headers.get('content-type'), /^text\/html/);
    assert.match(r.text_, /<html lang="da">/);
    assert.match(r.text_, /Siden findes ikke/);
    assert.match(r.text_, /Gå til indhold/);
  });

  test('unknown API route: JSON 404', async () => {
    const r = await new Client(srv).get('/api/v1/findes-ikke');
    assert.equal(r.status, 404);
    assert.ok(JSON.parse(r.text_).error);
  });

  test('wrong method: 405 with Allow', async () => {
    const c = new Client(srv);
    let r = await c.req('DELETE', '/organisation');
    assert.equal(r.status, 405);
    assert.equal(r.headers.get('allow'), 'GET, HEAD');
    r = await c.req('PUT', '/logind');
    assert.equal(r.status, 405);
    assert.equal(r.headers.get('allow'), 'GET, HEAD, POST');
    r = await c.req('POST', '/api/v1/org');
    assert.equal(r.status, 405);
    assert.ok(JSON.parse(r.text_).error, 'API 405 is JSON');
  });
});

describe('concurrency', () => {
  // fewer than the per-address connection limit (max-connections-per-address,
  // 128): one client, many connections at once
  test('many parallel requests on all worker threads: no 5xx, every one answered', async () => {
    const token = createToken(srv, 'sara');
    const c = new Client(srv);
    await c.login('sara');
    const jobs = [];
    for (let i = 0; i < 100; i++) {
      if (i % 3 === 0) jobs.push(c.get('/organisation'));
      else if (i % 3 === 1) jobs.push(c.get('/api/v1/me', { headers: { authorization: 'Bearer ' + token } }));
      else jobs.push(c.get('/organisation/diagram.svg'));
    }
    const res = await Promise.all(jobs);
    assert.deepEqual([...new Set(res.map((r) => r.status))], [200]);
  });
});

describe('sign-in', () => {
  test('correct password: 303 to /, session cookie with the right attributes', async () => {
    const c = new Client(srv);
    const csrf = await c.csrf('/logind');
    const r = await c.post('/logind', { form: { csrf, username: 'sara', password: PASSWORD } });
    assert.equal(r.status, 303);
    assert.equal(r.headers.get('location'), '/');
    const sc = setCookies(r).find((s) => s.startsWith('ssp_session='));
    assert.ok(sc, 'sets ssp_session');
    assert.match(sc, /^ssp_session=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=\/$/);
    const home = await c.get('/');
    assert.equal(home.status, 200);
    assert.match(home.text_, /Du har ingen kommende møder/);
    assert.match(home.text_, /Du har ingen åbne opgaver/);
  });

  test('wrong password: 401 form again, no session, same message as unknown user', async () => {
    const c = new Client(srv);
    const a = await c.login('sara', 'forkert-forkert-forkert');
    assert.equal(a.status, 401);
    assert.ok(!c.jar.has('ssp_session'));
    const b = await c.login('findes-ikke', 'forkert-forkert-forkert');
    assert.equal(b.status, 401);
    const msg = (t) => /<p class="alert-text">([^<]*)</.exec(t)[1];
    assert.equal(msg(a.text_), msg(b.text_), 'does not reveal whether the user exists');
    assert.match(a.text_, /<div class="alert alert-error" role="alert">/, 'markup from the format, unescaped');
    assert.ok(!/sara/.test(msg(a.text_)));
  });

  test('too many failures: 429 with a Danish message, even with the right password', async () => {
    const c = new Client(srv);
    let r;
    for (let i = 0; i < 5; i++) {
      r = await c.login('tina', 'forkert-forkert-forkert');
      assert.equal(r.status, 401, `failure ${i + 1}`);
    }
    r = await c.login('tina', PASSWORD);
    assert.equal(r.status, 429);
    assert.match(r.text_, /<html lang="da">/);
    assert.match(r.text_, /For mange forsøg/);
    assert.ok(r.headers.get('retry-after'));
    assert.ok(!c.jar.has('ssp_session'));
  });

  test('sign-out ends the session', async () => {
    const c = new Client(srv);
    await c.login('sara');
    const old = c.jar.get('ssp_session');
    const csrf = await c.csrf('/');
    const r = await c.post('/logud', { form: { csrf } });
    assert.equal(r.status, 303);
    assert.equal(r.headers.get('location'), '/logind?ok=logget-ud');
    assert.ok(!c.jar.has('ssp_session'));
    const again = await c.get('/', { headers: { cookie: 'ssp_session=' + old } });
    assert.equal(again.status, 303, 'the old cookie no longer works');
  });

  test('tampered or unknown session cookie: redirected to /logind (page), 401 (API)', async () => {
    const c = new Client(srv);
    await c.login('sara');
    const good = c.jar.get('ssp_session');
    const bad = (good[0] === 'A' ? 'B' : 'A') + good.slice(1);
    let r = await c.get('/', { headers: { cookie: 'ssp_session=' + bad } });
    assert.equal(r.status, 303);
    assert.equal(r.headers.get('location'), '/logind');
    assert.ok(setCookies(r).some((s) => /^ssp_session=;.*Max-Age=0/.test(s)), 'clears the cookie');
    r = await c.get('/api/v1/me', { headers: { cookie: 'ssp_session=' + bad } });
    assert.equal(r.status, 401);
    assert.ok(JSON.parse(r.text_).error);
    r = await c.get('/', { headers: { cookie: 'ssp_session=' + good } });
    assert.equal(r.status, 200, 'the real cookie still works');
  });
});

describe('CSRF', () => {
  test('sign-in POST without the pre-session token: 403', async () => {
    const c = new Client(srv);
    await c.get('/logind'); // has the ssp_csrf cookie, but sends no field
    let r = await c.post('/logind', { form: { username: 'sara', password: PASSWORD } });
    assert.equal(r.status, 403);
    r = await c.post('/logind', { form: { csrf: 'x'.repeat(43), username: 'sara', password: PASSWORD } });
    assert.equal(r.status, 403, 'a token that does not match the cookie');
    assert.ok(!c.jar.has('ssp_session'));
  });

  test('signed-in POST without or with a wrong token: 403, nothing changes', async () => {
    const c = new Client(srv);
    await c.login('ada');
    let r = await c.post('/brugere', { form: { username: 'csrf-offer', name: 'X', role: 'styregruppe', password: PASSWORD } });
    assert.equal(r.status, 403);
    r = await c.post('/brugere', { form: { csrf: 'A'.repeat(43), username: 'csrf-offer', name: 'X', role: 'styregruppe', password: PASSWORD } });
    assert.equal(r.status, 403);
    const list = cli(srv, ['user', 'list']);
    assert.ok(!/csrf-offer/.test(list.stdout), 'no user was created');
    const csrf = await c.csrf('/brugere');
    r = await c.post('/brugere', { form: { csrf, username: 'csrf-ok', name: 'Y', role: 'styregruppe', password: PASSWORD } });
    assert.equal(r.status, 303, 'with the token it works');
  });

  test('API POST with the session cookie needs X-CSRF-Token', async () => {
    const c = new Client(srv);
    await c.login('ada');
    const body = JSON.stringify({ username: 'api-csrf', name: 'Z', role: 'styregruppe', password: PASSWORD });
    let r = await c.post('/api/v1/users', { body, headers: { 'content-type': 'application/json' } });
    assert.equal(r.status, 403);
    assert.equal(JSON.parse(r.text_).field, 'csrf');
    const page = await c.get('/');
    const token = /<meta name="csrf-token" content="([^"]+)">/.exec(page.text_)[1];
    r = await c.post('/api/v1/users', { body, headers: { 'content-type': 'application/json', 'x-csrf-token': token } });
    assert.equal(r.status, 201);
  });
});

describe('bearer tokens', () => {
  test('a token works, and after `ssp token revoke` gives 401', async () => {
    const token = createToken(srv, 'sara');
    const c = new Client(srv);
    let r = await c.get('/api/v1/me', { headers: { authorization: 'Bearer ' + token } });
    assert.equal(r.status, 200);
    assert.deepEqual(JSON.parse(r.text_), { username: 'sara', name: 'Test sara', role: 'ssp', org: null });
    const rev = cli(srv, ['token', 'revoke', 'sara']);
    assert.equal(rev.status, 0, rev.stderr);
    r = await c.get('/api/v1/me', { headers: { authorization: 'Bearer ' + token } });
    assert.equal(r.status, 401);
    assert.match(r.headers.get('www-authenticate'), /^Bearer/);
    assert.ok(JSON.parse(r.text_).error);
  });

  test('a bearer POST needs no CSRF token; a malformed Authorization is 401', async () => {
    const token = createToken(srv, 'ada');
    const c = new Client(srv);
    let r = await c.post('/api/v1/users', {
      body: JSON.stringify({ username: 'via-token', name: 'T', role: 'styregruppe', password: PASSWORD }),
      headers: { authorization: 'Bearer ' + token, 'content-type': 'application/json' },
    });
    assert.equal(r.status, 201);
    r = await c.get('/api/v1/me', { headers: { authorization: 'Basic YWRhOmFkYQ==' } });
    assert.equal(r.status, 401);
    r = await c.get('/api/v1/me', { headers: { authorization: 'Bearer ' + 'x'.repeat(43) } });
    assert.equal(r.status, 401);
  });
});

describe('bad input', () => {
  test('413 from Content-Length before the body is read', async () => {
    // Only the headers are sent: the answer must come without the body.
    const out = execFileSync('bash', ['-c', `
      exec 3<>/dev/tcp/127.0.0.1/${new URL(srv.base).port}
      printf 'POST /logind HTTP/1.1\\r\\nHost: x\\r\\nContent-Type: application/x-www-form-urlencoded\\r\\nContent-Length: 999999999\\r\\n\\r\\n' >&3
      timeout 5 head -n 1 <&3`], { encoding: 'utf8' });
    assert.match(out, /^HTTP\/1\.1 413/);
  });

  test('413 for a chunked body that grows past the limit', async () => {
    const big = 'a='.concat('x'.repeat(1024 * 1024 + 10));
    const stream = new ReadableStream({
      start(ctl) { ctl.enqueue(new TextEncoder().encode(big)); ctl.close(); },
    });
    const r = await fetch(srv.base + '/logind', {
      method: 'POST', body: stream, duplex: 'half',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(r.status, 413);
    assert.match(await r.text(), /for stort|større end/);
  });

  test('invalid UTF-8 in a form field: 400 in Danish, naming the field', async () => {
    const c = new Client(srv);
    await c.login('ada');
    const csrf = await c.csrf('/brugere');
    const r = await c.post('/brugere', {
      body: `csrf=${csrf}&username=x&name=%C3%28&role=ssp&password=x`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(r.status, 400);
    assert.match(r.text_, /Feltet »name« er ikke gyldig UTF-8-tekst/);
  });

  test('overlong field, bad escape, duplicate key, too many fields: 400', async () => {
    const c = new Client(srv);
    const csrf = await c.csrf('/logind');
    const post = (body) => c.post('/logind', { body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    let r = await post(`csrf=${csrf}&username=${'u'.repeat(10001)}&password=x`);
    assert.equal(r.status, 400);
    assert.match(r.text_, /Feltet »username« er for langt/);
    r = await post(`csrf=${csrf}&username=%zz&password=x`);
    assert.equal(r.status, 400);
    assert.match(r.text_, /ugyldig %-kode/);
    r = await post(`csrf=${csrf}&username=a&username=b&password=x`);
    assert.equal(r.status, 400);
    assert.match(r.text_, /mere end én gang/);
    r = await post(Array.from({ length: 100 }, (_, i) => `f${i}=1`).join('&'));
    assert.equal(r.status, 400);
    assert.match(r.text_, /for mange felter/);
    r = await c.get('/logind?x=%FF');
    assert.equal(r.status, 400, 'query strings are parsed as strictly');
  });

  test('API: bad JSON 400, wrong content type 415, unknown field 422, conflict 409', async () => {
    const token = createToken(srv, 'ada');
    const c = new Client(srv);
    const h = { authorization: 'Bearer ' + token, 'content-type': 'application/json' };
    let r = await c.post('/api/v1/users', { body: '{"username": "a",', headers: h });
    assert.equal(r.status, 400);
    assert.match(JSON.parse(r.text_).error, /JSON/);
    r = await c.post('/api/v1/users', { body: '{"username":"a","username":"b"}', headers: h });
    assert.equal(r.status, 400, 'duplicate keys');
    r = await c.post('/api/v1/users', { body: '[1,2]', headers: h });
    assert.equal(r.status, 400, 'not an object');
    r = await c.post('/api/v1/users', { body: 'username=a', headers: { ...h, 'content-type': 'text/plain' } });
    assert.equal(r.status, 415);
    r = await c.post('/api/v1/users', { body: JSON.stringify({ username: 'q', name: 'Q', role: 'styregruppe', password: PASSWORD, admin: true }), headers: h });
    assert.equal(r.status, 422);
    assert.equal(JSON.parse(r.text_).field, 'admin');
    r = await c.post('/api/v1/users', { body: JSON.stringify({ username: 'q', name: 'Q', role: 'styregruppe' }), headers: h });
    assert.equal(r.status, 422);
    assert.equal(JSON.parse(r.text_).field, 'password');
    r = await c.post('/api/v1/users', { body: JSON.stringify({ username: 'q', name: 'Q', role: 'styregruppe', password: 'kort' }), headers: h });
    assert.equal(r.status, 422);
    assert.equal(JSON.parse(r.text_).field, 'password');
    r = await c.post('/api/v1/users', { body: JSON.stringify({ username: 'sara', name: 'S', role: 'styregruppe', password: PASSWORD }), headers: h });
    assert.equal(r.status, 409);
    assert.equal(JSON.parse(r.text_).field, 'username');
  });

  test('HTML in data is escaped', async () => {
    const token = createToken(srv, 'ada');
    const c = new Client(srv);
    let r = await c.post('/api/v1/users', {
      body: JSON.stringify({ username: 'xss', name: '<script>alert("x")</script>', role: 'styregruppe', org: '"><img src=x>', password: PASSWORD }),
      headers: { authorization: 'Bearer ' + token, 'content-type': 'application/json' },
    });
    assert.equal(r.status, 201);
    await c.login('ada');
    r = await c.get('/brugere');
    assert.ok(!r.text_.includes('<script>alert'), 'no raw script');
    assert.ok(r.text_.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'));
    assert.ok(r.text_.includes('&quot;&gt;&lt;img src=x&gt;'));
    assert.ok(!/ style=/.test(r.text_), 'no inline style attribute');
    assert.ok(!/<script>/.test(r.text_), 'no inline script');
  });
});

describe('pages', () => {
  test('organisation: list, body page, diagram', async () => {
    const c = new Client(srv);
    await c.login('sara');
    let r = await c.get('/organisation');
    assert.equal(r.status, 200);
    assert.match(r.text_, /<img src="\/organisation\/diagram.svg" alt="[^"]+">/);
    const m = /href="\/organisation\/([a-z0-9-]+)"/.exec(r.text_);
    assert.ok(m, 'links to a body');
    r = await c.get('/organisation/' + m[1]);
    assert.equal(r.status, 200);
    assert.match(r.text_, /Formål/);
    assert.match(r.text_, /Mødefrekvens/);
    r = await c.get('/organisation/findes-ikke');
    assert.equal(r.status, 404);
    r = await c.get('/organisation/diagram.svg');
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('content-type'), 'image/svg+xml');
    assert.match(r.text_, /<svg/);
  });

  // The page's main part is kept rendered per server thread (pages.c,
  // issue 10): a new organisation shows on the next request, on every
  // thread, and the frame around it stays the reader's own.
  test('organisation: a changed organisation shows at once', async () => {
    const c = new Client(srv);
    await c.login('sara');
    for (let i = 0; i < 40; i++) { // reach every worker thread
      const r = await c.get('/organisation');
      assert.match(r.text_, /SSP-samarbejdet i Hedensted Kommune/);
    }
    const file = path.join(srv.dir, 'renamed.ini');
    const text = readFileSync(path.join(SRC, 'strategies', 'hedensted.ini'), 'utf8');
    writeFileSync(file, text.replace('navn = Hedensted Kommune', 'navn = Prøvested Kommune'));
    const init = cli(srv, ['init', '--strategy', file, '--no-plan']);
    assert.equal(init.status, 0, init.stderr);
    for (let i = 0; i < 40; i++) {
      const r = await c.get('/organisation');
      assert.match(r.text_, /SSP-samarbejdet i Prøvested Kommune/, `request ${i}`);
      assert.match(r.text_, /<span class="sr-only">Logget ind som <\/span>sara /);
    }
    const ada = new Client(srv);
    await ada.login('ada');
    const r = await ada.get('/organisation');
    assert.match(r.text_, /Prøvested Kommune/);
    assert.match(r.text_, /<span class="sr-only">Logget ind som <\/span>ada /);
    writeFileSync(file, text);
    assert.equal(cli(srv, ['init', '--strategy', file, '--no-plan']).status, 0);
  });

  test('API org equals `ssp org --format json`', async () => {
    const token = createToken(srv, 'sara');
    const r = await new Client(srv).get('/api/v1/org', { headers: { authorization: 'Bearer ' + token } });
    assert.equal(r.status, 200);
    const want = cli(srv, ['org', '--format', 'json']);
    assert.equal(r.text_, want.stdout);
    const body = JSON.parse(r.text_).bodies[0];
    const one = await new Client(srv).get('/api/v1/org/bodies/' + body.id, { headers: { authorization: 'Bearer ' + token } });
    assert.deepEqual(JSON.parse(one.text_), body);
  });

  test('API org: a changed organisation shows at once (the JSON kept per thread)', async () => {
    const token = createToken(srv, 'sara');
    const auth = { headers: { authorization: 'Bearer ' + token } };
    const c = new Client(srv);
    for (let i = 0; i < 40; i++) { // reach every worker thread
      const r = await c.get('/api/v1/org', auth);
      assert.equal(JSON.parse(r.text_).municipality, 'Hedensted Kommune');
    }
    const file = path.join(srv.dir, 'renamed-api.ini');
    const text = readFileSync(path.join(SRC, 'strategies', 'hedensted.ini'), 'utf8');
    writeFileSync(file, text.replace('navn = Hedensted Kommune', 'navn = Prøvested Kommune'));
    assert.equal(cli(srv, ['init', '--strategy', file, '--no-plan']).status, 0);
    const want = cli(srv, ['org', '--format', 'json']).stdout;
    for (let i = 0; i < 40; i++) {
      const r = await c.get('/api/v1/org', auth);
      assert.equal(r.text_, want, `request ${i}`);
    }
    writeFileSync(file, text);
    assert.equal(cli(srv, ['init', '--strategy', file, '--no-plan']).status, 0);
  });

  test('users page: add (422 with the field marked), disable', async () => {
    const c = new Client(srv);
    await c.login('ada');
    let csrf = await c.csrf('/brugere');
    let r = await c.post('/brugere', { form: { csrf, username: 'Ugyldig Navn', name: 'X', role: 'styregruppe', password: PASSWORD } });
    assert.equal(r.status, 422);
    assert.match(r.text_, /id="username-error"/);
    assert.match(r.text_, /aria-invalid="true"/);
    assert.match(r.text_, /value="Ugyldig Navn"/, 'keeps what was typed');
    r = await c.post('/brugere', { form: { csrf, username: 'per', name: 'Per', role: 'styregruppe', password: PASSWORD } });
    assert.equal(r.status, 303);
    r = await c.post('/brugere/per/deaktiver', { form: { csrf } });
    assert.equal(r.status, 303);
    assert.equal(r.headers.get('location'), '/brugere?ok=deaktiveret');
    const p = new Client(srv);
    r = await p.login('per');
    assert.equal(r.status, 401, 'a disabled user cannot sign in');
    r = await c.post('/brugere/ingen-saadan/deaktiver', { form: { csrf } });
    assert.equal(r.status, 404);
  });

  test('profile and password change', async () => {
    addUser(srv, 'pia', 'politi');
    const c = new Client(srv);
    await c.login('pia');
    let r = await c.get('/profil');
    assert.equal(r.status, 200);
    assert.match(r.text_, /Test pia/);
    const csrf = await c.csrf('/profil');
    r = await c.post('/profil/adgangskode', { form: { csrf, old_password: 'forkert-forkert', new_password: 'ny-adgangskode-123', new_password2: 'ny-adgangskode-123' } });
    assert.equal(r.status, 422);
    assert.match(r.text_, /id="old_password-error"/);
    r = await c.post('/profil/adgangskode', { form: { csrf, old_password: PASSWORD, new_password: 'ny-adgangskode-123', new_password2: 'noget-andet-123' } });
    assert.equal(r.status, 422);
    r = await c.post('/profil/adgangskode', { form: { csrf, old_password: PASSWORD, new_password: 'ny-adgangskode-123', new_password2: 'ny-adgangskode-123' } });
    assert.equal(r.status, 303);
    const d = new Client(srv);
    assert.equal((await d.login('pia', 'ny-adgangskode-123')).status, 303);
  });

  test('access log page and API for the auditor; verify is intact', async () => {
    const c = new Client(srv);
    await c.login('rita');
    let r = await c.get('/log');
    assert.equal(r.status, 200);
    assert.match(r.text_, /kæde er intakt/);
    assert.match(r.text_, /login/);
    r = await c.get('/log?user=sara');
    assert.equal(r.status, 200);
    const token = createToken(srv, 'rita');
    r = await c.get('/api/v1/audit/verify', { headers: { authorization: 'Bearer ' + token } });
    const v = JSON.parse(r.text_);
    assert.equal(v.intact, true);
    assert.ok(v.entries > 0);
    r = await c.get('/api/v1/audit?user=sara&limit=5', { headers: { authorization: 'Bearer ' + token } });
    const e = JSON.parse(r.text_).entries;
    assert.ok(e.length > 0 && e.length <= 5);
    assert.ok(e.every((x) => x.username === 'sara'));
  });

  test('an access-log row edited in the database is detected', async () => {
    const db = srv.env.SSP_DB;
    // The triggers refuse UPDATE; someone with the file can drop them.
    const triggers = execFileSync('sqlite3', [db, "SELECT name FROM sqlite_master WHERE type='trigger' AND tbl_name='audit_log'"], { encoding: 'utf8' }).trim().split('\n').filter(Boolean);
    const drops = triggers.map((t) => `DROP TRIGGER ${t};`).join(' ');
    execFileSync('sqlite3', [db, `${drops} UPDATE audit_log SET username='mallory' WHERE seq=2;`]);
    const token = createToken(srv, 'rita');
    const r = await new Client(srv).get('/api/v1/audit/verify', { headers: { authorization: 'Bearer ' + token } });
    const v = JSON.parse(r.text_);
    assert.equal(v.intact, false);
    assert.equal(v.first_bad, 2);
    const c = new Client(srv);
    await c.login('rita');
    const page = await c.get('/log');
    assert.match(page.text_, /kæde er brudt ved post 2/);
  });
});
