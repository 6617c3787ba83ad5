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
  const denied = log.stdout.split('\n').filter((l) => l.includes('\tdata.view\t') && l.endsWith('refused'));
  assert.equal(denied.length, 2);
});

// ---- the page /data, its CSV downloads and the import with preview ----

import { Client } from './lib.mjs';

async function signedIn(user) {
  const c = new Client(srv);
  assert.equal((await c.login(user)).status, 303, `sign-in ${user}`);
  const home = await c.get('/');
  c.csrf = /<meta name="csrf-token" content="([^"]+)">/.exec(home.text_)[1];
  return c;
}

test('/data draws each series as an SVG chart with its table; hidden cells are "<5"', async () => {
  const c = await signedIn('sten');
  const r = await c.get('/data');
  assert.equal(r.status, 200);
  const html = r.text_;
  const fig = /<figure class="app-figure" id="kriminalitet-1">([\s\S]*?)<\/figure>/.exec(html)[1];
  assert.match(fig, /<svg class="app-chart"[^>]*role="img"[^>]*aria-labelledby="kriminalitet-1-title kriminalitet-1-desc"/);
  assert.match(fig, /<title id="kriminalitet-1-title">EKSEMPEL Tyveri, 15-17 år: antal pr. år<\/title>/);
  // bars: Hele kommunen 123 and Øst 60 are drawn, in the series' order; the hidden ones are not
  const bars = [...fig.matchAll(/<rect [^>]*><title>([^<]*)<\/title><\/rect>/g)].map((m) => m[1]);
  assert.deepEqual(bars, ['Hele kommunen, 2025: 123', 'Øst, 2025: 60']);
  // the legend in the strategy's order, and the table beside it
  const legend = [...fig.matchAll(/<text x="\d+" y="\d+" class="app-chart-label">([^<]*)<\/text>/g)].map((m) => m[1]);
  assert.deepEqual(legend.slice(-4), ['Hele kommunen', 'Vest', 'Midt', 'Øst']);
  const cells = [...fig.matchAll(/<td class="app-num">([^<]*)<\/td>/g)].map((m) => m[1]);
  assert.deepEqual(cells, ['123', '&lt;5', '&lt;5', '60']);
  // the survey: shares with a decimal comma, against the national share
  const u = /<figure class="app-figure" id="ungeprofil-2">([\s\S]*?)<\/figure>/.exec(html)[1];
  assert.match(u, /EKSEMPEL Har prøvet hash – 9. klasse, andel i procent/);
  assert.match(u, /<title>Landsplan, 2025: 11,3%<\/title>/);
  assert.match(u, /<title>Hele kommunen, 2025: 12,5%<\/title>/);
  assert.ok(!html.includes('/data/import'), 'no import link for the steering group');
});

test('the CSV downloads are Danish Excel', async () => {
  const c = await signedIn('per');
  const r = await c.req('GET', '/data/kriminalitet.csv');
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /^text\/csv; charset=utf-8/);
  assert.match(r.headers.get('content-disposition'), /attachment; filename="kriminalitet.csv"/);
  // fetch's decoder drops the byte-order mark (tests/cli/data.sh checks it)
  const text = r.text_;
  assert.ok(text.startsWith('år;måned;kategori;aldersgruppe;distrikt;antal\r\n'));
  assert.ok(text.includes('2025;;EKSEMPEL Tyveri;15-17;Vest;<5\r\n'));
});

test('the SSP-team pastes a file, sees what it would change, then imports it', async () => {
  const c = await signedIn('sara');
  const csv = 'år;kategori;aldersgruppe;distrikt;antal\n2025;EKSEMPEL Tyveri;15-17;Øst;61\n2026;EKSEMPEL Tyveri;15-17;;99\n';
  let r = await c.post('/data/import', { form: { csrf: c.csrf, kind: 'kriminalitet', csv, step: 'preview' } });
  assert.equal(r.status, 200);
  assert.match(r.text_, /Filen vil tilføje 1 rækker, erstatte 1 og lade 0 være uændrede\./);
  let rows = (await (await get('sara', '/api/v1/data/kriminalitet?year=2026')).json()).rows;
  assert.equal(rows.length, 0, 'the preview stored nothing');
  r = await c.post('/data/import', { form: { csrf: c.csrf, kind: 'kriminalitet', csv, step: 'apply' } });
  assert.equal(r.status, 200);
  assert.match(r.text_, /1 tilføjet, 1 erstattet, 0 uændrede\./);
  rows = (await (await get('sara', '/api/v1/data/kriminalitet?year=2026')).json()).rows;
  assert.equal(rows[0].count, 99);
  // a bad file: the line and column, nothing stored, the text kept in the form
  r = await c.post('/data/import', { form: { csrf: c.csrf, kind: 'kriminalitet', csv: csv.replace('99', '9x'), step: 'apply' } });
  assert.equal(r.status, 422);
  assert.match(r.text_, /Linje 3: kolonne 5 \(antal\): »9x«/);
  assert.match(r.text_, /<textarea[^>]*>år;kategori/);
});

// ---- the same import as a file upload (multipart/form-data, issue 13) ----

import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

// POSTs a multipart/form-data body built by fetch's FormData: fields, and
// the file (bytes, name) when given.
async function postFile(c, fields, file) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  if (file) fd.append('file', new Blob([file.bytes], { type: file.type || 'text/csv' }), file.name);
  const res = await fetch(srv.base + '/data/import', {
    method: 'POST', body: fd, headers: { cookie: c.cookieHeader() }, redirect: 'manual',
  });
  res.text_ = await res.text();
  return res;
}

test('the SSP-team uploads a file: preview with its name, nothing stored until applied', async () => {
  const c = await signedIn('sara');
  const bytes = readFileSync(`${SRC}/tests/data/ungeprofil-cp1252.csv`);
  const file = { bytes, name: 'C:\\Users\\sara\\ungeprofil <2024>.csv' };
  // without the token: 403, nothing read
  let r = await postFile(c, { 'upload-kind': 'ungeprofil', step: 'preview' }, file);
  assert.equal(r.status, 403);
  r = await postFile(c, { csrf: 'x'.repeat(43), 'upload-kind': 'ungeprofil', step: 'preview' }, file);
  assert.equal(r.status, 403);
  // with it: the preview names the file (escaped, without its folder) and notes Windows-1252
  r = await postFile(c, { csrf: c.csrf, 'upload-kind': 'ungeprofil', step: 'preview' }, file);
  assert.equal(r.status, 200, r.text_);
  assert.match(r.text_, /Fil: »ungeprofil &lt;2024&gt;\.csv«/);
  assert.ok(!r.text_.includes('Users'), 'no folder shown');
  assert.match(r.text_, /læst som Windows-1252/);
  const m = /Filen vil tilføje (\d+) rækker, erstatte (\d+)/.exec(r.text_);
  assert.ok(m && Number(m[1]) + Number(m[2]) > 0, r.text_);
  // the apply form: multipart, the text as UTF-8, the file's name along
  const form = /<form[^>]*enctype="multipart\/form-data">([\s\S]*?)<\/form>/.exec(r.text_)[1];
  const hidden = Object.fromEntries([...form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)]
    .map((x) => [x[1], x[2].replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&#39;', "'").replaceAll('&amp;', '&')]));
  assert.equal(hidden.step, 'apply');
  assert.equal(hidden.name, 'ungeprofil <2024>.csv');
  assert.match(hidden.csv, /prøvet/);
  const before = (await (await get('sara', '/api/v1/data/ungeprofil')).json()).rows.length;
  r = await postFile(c, hidden);
  assert.equal(r.status, 200, r.text_);
  assert.match(r.text_, new RegExp(`${m[1]} tilføjet, ${m[2]} erstattet`));
  const after = (await (await get('sara', '/api/v1/data/ungeprofil')).json()).rows.length;
  assert.equal(after, before + Number(m[1]), 'the rows are stored on apply');
});

test('an upload that is not a CSV file, a bad cell, a missing file part, and a too large file', async () => {
  const c = await signedIn('sara');
  // a binary file (a PNG's first bytes): 422 naming the file
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
  let r = await postFile(c, { csrf: c.csrf, 'upload-kind': 'kriminalitet', step: 'preview' }, { bytes: png, name: 'billede.png', type: 'image/png' });
  assert.equal(r.status, 422);
  assert.match(r.text_, /billede\.png, linje \d+: filen indeholder en NUL-byte; den er ikke en CSV-tekstfil/);
  assert.match(r.text_, /Filen »billede\.png« kan ikke importeres/);
  // a bad cell: file, line and column
  const bad = 'år;kategori;aldersgruppe;distrikt;antal\n2026;EKSEMPEL Tyveri;15-17;Øst;9x\n';
  r = await postFile(c, { csrf: c.csrf, 'upload-kind': 'kriminalitet', step: 'preview' }, { bytes: Buffer.from(bad), name: 'tal.csv' });
  assert.equal(r.status, 422);
  assert.match(r.text_, /tal\.csv, linje 2: kolonne 5 \(antal\): »9x«/);
  // no file part at all, and an empty file: 422 on the file field
  r = await postFile(c, { csrf: c.csrf, 'upload-kind': 'kriminalitet', step: 'preview' });
  assert.equal(r.status, 422);
  assert.match(r.text_, /Vælg en CSV-fil\./);
  r = await postFile(c, { csrf: c.csrf, 'upload-kind': 'kriminalitet', step: 'preview' }, { bytes: Buffer.alloc(0), name: 'tom.csv' });
  assert.equal(r.status, 422);
  assert.match(r.text_, /Filen »tom\.csv« er tom\./);
  // a file past max-body-bytes (1 MiB): 413 in Danish, nothing read
  // (only the headers are sent: the answer comes before the body is read)
  const out = execFileSync('bash', ['-c', `
    exec 3<>/dev/tcp/127.0.0.1/${new URL(srv.base).port}
    printf 'POST /data/import HTTP/1.1\\r\\nHost: x\\r\\nCookie: ${c.cookieHeader()}\\r\\nContent-Type: multipart/form-data; boundary=b\\r\\nContent-Length: ${1024 * 1024 + 10}\\r\\n\\r\\n' >&3
    timeout 5 cat <&3`], { encoding: 'utf8' });
  assert.match(out, /^HTTP\/1\.1 413/);
  assert.match(out, /Filen er for stor: en fil må højst fylde 1048576 byte/);
  // a body that is not multipart at all under a multipart Content-Type: 400
  const res = await fetch(srv.base + '/data/import', {
    method: 'POST', body: `csrf=${c.csrf}`, redirect: 'manual',
    headers: { cookie: c.cookieHeader(), 'content-type': 'multipart/form-data; boundary=xyz' },
  });
  assert.equal(res.status, 400);
  // multipart elsewhere is still 415
  const fd = new FormData();
  fd.append('csrf', c.csrf);
  const other = await fetch(srv.base + '/logud', { method: 'POST', body: fd, redirect: 'manual', headers: { cookie: c.cookieHeader() } });
  assert.equal(other.status, 415);
});

test('a file near max-body-bytes previews and applies (the apply form carries it unescaped)', async (t) => {
  const c = await signedIn('sara');
  let csv = 'år;kategori;aldersgruppe;distrikt;antal\n';
  for (let i = 0; csv.length < 900 * 1024; i++) csv += `2027;Kategori nummer ${i} med et langt navn;15-17;Øst;${i % 97}\n`;
  const rows = csv.split('\n').length - 2;
  const t0 = Date.now();
  let r = await postFile(c, { csrf: c.csrf, 'upload-kind': 'kriminalitet', step: 'preview' }, { bytes: Buffer.from(csv), name: 'stor.csv' });
  assert.equal(r.status, 200, (/<p class="alert-text">([^<]*)/.exec(r.text_) || [])[1]);
  assert.match(r.text_, new RegExp(`Filen vil tilføje ${rows} rækker`));
  const form = /<form[^>]*enctype="multipart\/form-data">([\s\S]*?)<\/form>/.exec(r.text_)[1];
  const hidden = Object.fromEntries([...form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((x) => [x[1], x[2]]));
  r = await postFile(c, hidden);
  assert.equal(r.status, 200);
  assert.match(r.text_, new RegExp(`${rows} tilføjet`));
  t.diagnostic(`${csv.length} bytes, ${rows} rows: preview + apply in ${Date.now() - t0} ms (ASan)`);
});
