// apidoc.test.mjs - runs every example of docs/api.md against a live server,
// so that the document cannot drift from the program.
//
// Each ```sh block runs in bash (set -euo pipefail) with BASE, TOKEN (an
// admin's token), REVISOR_TOKEN, SSP_TOKEN (the SSP-team's), KONTAKT_TOKEN
// and KONTAKT_ID (the contact person of eksempel-skole-vest), MEETING (the
// first hotspot meeting of the stored 2030 plan) and THEME_DAY (a school
// network meeting held on 2025-09-09); blocks run in document order on one
// fresh database. When a ```json block follows, the output must be JSON of
// the same shape: the same keys in every object, recursively, where the
// documented object or array is not empty (an empty {} or [] in the
// document means "contents not shown"). Every /api/v1/ route of
// src/web/router.c must have a "## METHOD PATH" section.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { SRC, addUser, cli, createToken, startServer, stopServer } from './lib.mjs';

const doc = readFileSync(`${SRC}/docs/api.md`, 'utf8');

// [{lang, text, heading}] in order
function fences(md) {
  const out = [];
  let heading = '';
  const re = /^(#{1,3} .*)$|^```(\w*)\n([\s\S]*?)^```$/gm;
  for (const m of md.matchAll(re)) {
    if (m[1]) heading = m[1];
    else out.push({ lang: m[2], text: m[3], heading });
  }
  return out;
}

function sameShape(doc, got, where) {
  if (Array.isArray(doc)) {
    assert.ok(Array.isArray(got), `${where}: expected an array`);
    if (doc.length) {
      assert.ok(got.length > 0, `${where}: expected a non-empty array`);
      sameShape(doc[0], got[0], where + '[0]');
    }
  } else if (doc && typeof doc === 'object') {
    assert.ok(got && typeof got === 'object' && !Array.isArray(got), `${where}: expected an object`);
    if (Object.keys(doc).length) {
      assert.deepEqual(Object.keys(got).sort(), Object.keys(doc).sort(), `${where}: keys`);
      for (const k of Object.keys(doc)) sameShape(doc[k], got[k], `${where}.${k}`);
    }
  } else if (doc !== null) {
    assert.equal(typeof got, typeof doc, `${where}: type`);
  }
}

let srv, env;

before(async () => {
  // the test build's clock after 2030: the example marks a 2030 meeting
  // held, and a meeting is held only once it has started (issue 11)
  process.env.SSP_TEST_NOW = '2031-01-01T00:00';
  srv = await startServer();
  addUser(srv, 'ada', 'admin');
  addUser(srv, 'rita', 'revisor');
  addUser(srv, 'sara', 'ssp');
  addUser(srv, 'anna', 'kontaktperson', ['--institution', 'eksempel-skole-vest']);
  // the meeting examples use a fixed year, so that their dates hold
  const run = (args) => {
    const r = cli(srv, args);
    assert.equal(r.status, 0, `ssp ${args.join(' ')}: ${r.stderr}`);
    return r.stdout;
  };
  run(['plan', '2030', '--save']);
  const meeting = JSON.parse(run(['plan', '2030', '--stored', '--body', 'hotspot', '--format', 'json']))[0].id;
  const themeDay = /id (\d+)/.exec(run(['meeting', 'add', 'ssp-skolenetvaerk', '2025-09-09', '09:00']))[1];
  env = {
    ...srv.env, BASE: srv.base, TOKEN: createToken(srv, 'ada'), REVISOR_TOKEN: createToken(srv, 'rita'),
    SSP_TOKEN: createToken(srv, 'sara'), KONTAKT_TOKEN: createToken(srv, 'anna'),
    MEETING: String(meeting), THEME_DAY: themeDay,
  };
  // the contact person's user id, as the API shows it
  const res = await fetch(`${srv.base}/api/v1/schools/theme-day?year=2025`,
    { headers: { authorization: 'Bearer ' + env.SSP_TOKEN } });
  env.KONTAKT_ID = String((await res.json()).contact_persons.find((c) => c.institution === 'eksempel-skole-vest').user_id);
});

after(async () => {
  const r = await stopServer(srv);
  assert.equal(r.code, 0, 'clean shutdown; server stderr:\n' + srv.stderr);
});

test('docs/api.md documents every /api/v1/ route', () => {
  const router = readFileSync(`${SRC}/src/web/router.c`, 'utf8');
  const routes = [...router.matchAll(/\{R_(GET|POST), "(\/api\/[^"]+)"/g)].map((m) => `## ${m[1]} ${m[2]}`);
  assert.ok(routes.length >= 8);
  for (const r of routes) assert.ok(doc.includes(r + '\n'), `missing section "${r}"`);
});

test('every example in docs/api.md runs and answers as documented', () => {
  const blocks = fences(doc);
  let ran = 0;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.lang !== 'sh') continue;
    const r = spawnSync('bash', ['-euo', 'pipefail', '-c', b.text], { env, encoding: 'utf8' });
    const where = `${b.heading}: ${b.text.split('\n')[0]}`;
    assert.equal(r.status, 0, `${where}\n${r.stderr}`);
    ran++;
    const next = blocks[i + 1];
    if (next && next.lang === 'json') {
      let got;
      assert.doesNotThrow(() => { got = JSON.parse(r.stdout); }, `${where}: output is not JSON:\n${r.stdout}`);
      sameShape(JSON.parse(next.text), got, where);
    }
  }
  assert.ok(ran >= 9, `ran ${ran} examples`);
});
