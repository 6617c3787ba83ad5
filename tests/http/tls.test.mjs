// tls.test.mjs - `ssp serve --tls-cert --tls-key`: HTTPS through
// libmicrohttpd's GnuTLS support, HSTS on every response and Secure on
// every cookie. Uses curl -k against a throwaway self-signed certificate.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer, stopServer } from './lib.mjs';

let srv;

before(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ssp-tls-'));
  const cert = path.join(dir, 'cert.pem'), key = path.join(dir, 'key.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1',
    '-subj', '/CN=127.0.0.1', '-keyout', key, '-out', cert], { stdio: 'ignore' });
  srv = await startServer({ dir, serveArgs: ['--tls-cert', cert, '--tls-key', key] });
});

after(async () => {
  const r = await stopServer(srv);
  assert.equal(r.code, 0, 'clean shutdown; server stderr:\n' + srv.stderr);
});

function curl(p) {
  return execFileSync('curl', ['-k', '-s', '-i', srv.base + p], { encoding: 'utf8' });
}

test('serves HTTPS and announces an https address', () => {
  assert.match(srv.base, /^https:\/\/127\.0\.0\.1:\d+$/);
  const out = curl('/healthz');
  assert.match(out, /^HTTP\/1\.1 200/);
  assert.match(out, /\r\n\r\nok$/);
});

test('HSTS on every response, Secure on every cookie', () => {
  for (const p of ['/healthz', '/logind', '/findes-ikke', '/']) {
    const out = curl(p);
    assert.match(out, /\r\nStrict-Transport-Security: max-age=31536000; includeSubDomains\r\n/i, p);
  }
  const login = curl('/logind');
  const cookies = login.split('\r\n').filter((l) => /^set-cookie:/i.test(l));
  assert.ok(cookies.length > 0);
  for (const c of cookies) assert.match(c, /; HttpOnly; SameSite=Strict; Path=\/; Secure/);
  // issue 8: over TLS the cookies carry the __Host- prefix (no sibling
  // subdomain or plain-http page can plant them)
  for (const c of cookies) assert.match(c, /^set-cookie: __Host-ssp_(csrf|session)=/i);
});

test('plain HTTP to the TLS port gets no page', () => {
  const port = new URL(srv.base).port;
  let out = '';
  try {
    out = execFileSync('curl', ['-s', '-m', '5', `http://127.0.0.1:${port}/healthz`], { encoding: 'utf8' });
  } catch { /* refused: fine */ }
  assert.ok(!out.includes('ok'));
});
