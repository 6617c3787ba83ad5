// lib.mjs - helpers for the black-box HTTP tests: a real `ssp serve` on a
// temporary database on loopback, users made with the real CLI, a tiny
// cookie jar, CSRF scraping and RFC 6238 codes for two-factor tests.
//
// Environment (set by tests/http/meson.build): SSP = the ssp binary,
// SRC = the source tree.
import { spawn, spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const SSP = process.env.SSP;
export const SRC = process.env.SRC;
if (!SSP || !SRC) throw new Error('SSP and SRC must be set (run through meson test)');

export const ROLES = ['admin', 'ssp', 'politi', 'boern-familier', 'ungeenhed',
  'kontaktperson', 'styregruppe', 'revisor'];
export const PASSWORD = 'korrekt-hest-batteri-42';

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
  "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
export const SECURITY_HEADERS = {
  'content-security-policy': CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
};

// Runs the CLI against the server's database; returns {status, stdout, stderr}.
export function cli(srv, args, input) {
  const r = spawnSync(SSP, args, { env: srv.env, input: input ?? '', encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

// Starts a server on a fresh database. opts.config: extra lines for ssp.conf;
// opts.totp: keep the default two-factor roles (otherwise none need it);
// opts.serveArgs: more arguments for `ssp serve`; opts.dir: use this
// (empty) folder.
export async function startServer(opts = {}) {
  const dir = opts.dir ?? mkdtempSync(path.join(tmpdir(), 'ssp-http-'));
  // Fast password hashing comes from $SSP_TEST_FAST_HASHING (set by
  // tests/meson.build), which only a -Dtest_hooks=true build honours.
  const conf = [];
  if (!opts.totp) conf.push('[login]', 'totp-roles = ingen');
  if (opts.config) conf.push(...opts.config);
  writeFileSync(path.join(dir, 'ssp.conf'), conf.join('\n') + '\n');
  const env = { ...process.env, SSP_DB: path.join(dir, 'ssp.db'), SSP_CONFIG: path.join(dir, 'ssp.conf') };
  // The server serves BUILD/assets (made by `make`); a bare `meson test`
  // may not have it, so fall back to a copy of static/.
  const built = path.join(path.dirname(SSP), 'assets');
  if (!existsSync(path.join(built, 'app.css'))) {
    const assets = path.join(dir, 'assets');
    cpSync(path.join(SRC, 'static'), assets, { recursive: true });
    env.SSP_ASSET_DIR = assets;
  }
  const srv = { dir, env, stderr: '' };
  const init = cli(srv, ['init', ...(opts.initArgs ?? [])]);
  if (init.status !== 0) throw new Error('ssp init failed: ' + init.stderr);

  const args = ['serve', '--listen', '127.0.0.1:0', ...(opts.serveArgs ?? [])];
  const proc = spawn(SSP, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  proc.stderr.setEncoding('utf8');
  proc.stderr.on('data', (d) => { srv.stderr += d; });
  srv.proc = proc;
  srv.exited = new Promise((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal })));
  const first = await new Promise((resolve, reject) => {
    let buf = '';
    const timer = setTimeout(() => reject(new Error('server did not start: ' + srv.stderr)), 15000);
    proc.stdout.setEncoding('utf8');
    proc.stdout.on('data', (d) => {
      buf += d;
      const nl = buf.indexOf('\n');
      if (nl >= 0) { clearTimeout(timer); resolve(buf.slice(0, nl)); }
    });
    proc.on('exit', () => { clearTimeout(timer); reject(new Error('server exited: ' + srv.stderr)); });
  });
  const m = /(https?:\/\/\S+\/)$/.exec(first);
  if (!m) throw new Error('unexpected first line: ' + first);
  srv.base = m[1].replace(/\/$/, '');
  return srv;
}

// Stops the server with SIGTERM; resolves to its exit status (0 expected:
// a clean, leak-free shutdown under ASan).
export async function stopServer(srv) {
  srv.proc.kill('SIGTERM');
  const r = await srv.exited;
  rmSync(srv.dir, { recursive: true, force: true });
  return r;
}

export function addUser(srv, username, role, extra = []) {
  const r = cli(srv, ['user', 'add', username, '--name', 'Test ' + username, '--role', role,
    ...extra, '--password-stdin'], PASSWORD + '\n');
  if (r.status !== 0) throw new Error(`user add ${username}: ${r.stderr}`);
}

export function createToken(srv, username) {
  const r = cli(srv, ['token', 'create', username]);
  const m = /[A-Za-z0-9_-]{43}/.exec(r.stdout);
  if (r.status !== 0 || !m) throw new Error(`token create ${username}: ${r.stderr}`);
  return m[0];
}

// Every Set-Cookie header (Node 18 lacks getSetCookie; our cookies carry
// no Expires, so no comma inside one).
export function setCookies(res) {
  if (typeof res.headers.getSetCookie === 'function') return res.headers.getSetCookie();
  const all = res.headers.get('set-cookie');
  return all ? all.split(/,\s*(?=[A-Za-z_]+=)/) : [];
}

// A browser-like client: keeps cookies, never follows redirects.
export class Client {
  constructor(srv) { this.srv = srv; this.jar = new Map(); }

  cookieHeader() {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async req(method, p, { body, headers = {}, form } = {}) {
    const h = { ...headers };
    if (this.jar.size && !('cookie' in h)) h.cookie = this.cookieHeader();
    if (form) {
      body = new URLSearchParams(form).toString();
      h['content-type'] = 'application/x-www-form-urlencoded';
    }
    const res = await fetch(this.srv.base + p, { method, body, headers: h, redirect: 'manual' });
    for (const c of setCookies(res)) {
      const [pair, ...attrs] = c.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim(), value = pair.slice(eq + 1).trim();
      if (attrs.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '') this.jar.delete(name);
      else this.jar.set(name, value);
    }
    res.text_ = await res.text();
    return res;
  }

  get(p, o) { return this.req('GET', p, o); }
  post(p, o) { return this.req('POST', p, o); }

  // The csrf token of the first form on page p.
  async csrf(p) {
    const r = await this.get(p);
    const m = /name="csrf" value="([^"]+)"/.exec(r.text_);
    if (!m) throw new Error(`no csrf on ${p} (${r.status})`);
    return m[1];
  }

  // Signs in with username/password; returns the POST response.
  async login(username, password = PASSWORD) {
    const csrf = await this.csrf('/logind');
    return this.post('/logind', { form: { csrf, username, password } });
  }
}

// ---- RFC 6238 TOTP (SHA-1, 6 digits, 30 s) ----

function base32Decode(s) {
  const alpha = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0, value = 0;
  const out = [];
  for (const ch of s.replace(/[\s=]/g, '').toUpperCase()) {
    const i = alpha.indexOf(ch);
    if (i < 0) throw new Error('bad base32');
    value = (value << 5) | i;
    bits += 5;
    if (bits >= 8) { out.push((value >>> (bits - 8)) & 0xff); bits -= 8; }
  }
  return Buffer.from(out);
}

export function totpStep(t = Date.now()) { return Math.floor(t / 1000 / 30); }

export function totp(secret, step = totpStep()) {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(step));
  const h = createHmac('sha1', base32Decode(secret)).update(msg).digest();
  const o = h[h.length - 1] & 0xf;
  const n = ((h[o] & 0x7f) << 24) | (h[o + 1] << 16) | (h[o + 2] << 8) | h[o + 3];
  return String(n % 1000000).padStart(6, '0');
}
