// per_institution.test.mjs - issue 11 in the browser's pages: a strategy
// whose rules are per institution ("4 om året på hver skole") shows each
// school under its district on /overholdelse, and a school's meeting page
// names the school and the chair the strategy gives for it (a role, from
// the school's own [institution] section).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { Client, SRC, addUser, cli, startServer, stopServer } from './lib.mjs';

let srv;
let sara;

before(async () => {
  process.env.SSP_TEST_NOW = '2028-01-01T00:00';
  srv = await startServer();
  const init = cli(srv, ['init', '--strategy', path.join(SRC, 'tests/fixtures/hver-skole.ini')]);
  assert.equal(init.status, 0, init.stderr);
  assert.equal(cli(srv, ['plan', '2027', '--save']).status, 0);
  addUser(srv, 'sara', 'ssp');
  sara = new Client(srv);
  assert.equal((await sara.login('sara')).status, 303);
});

after(() => stopServer(srv));

function meetings(body) {
  const r = cli(srv, ['plan', '2027', '--stored', '--body', body, '--format', 'json']);
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

test('compliance: each school under its district', async () => {
  for (const m of meetings('skolemoede').filter((x) => x.institution === 'sydskolen'))
    assert.equal(cli(srv, ['meeting', 'held', String(m.id)]).status, 0);
  const r = await sara.get('/overholdelse?aar=2027&pr=2027-12-31');
  assert.equal(r.status, 200);
  const html = r.text_;
  const nord = html.indexOf('distrikt Nord');
  const bakke = html.indexOf('– Bakkeskolen');
  const syd = html.indexOf('distrikt Syd');
  const sydskolen = html.indexOf('– Sydskolen');
  assert.ok(nord > 0 && bakke > nord && syd > bakke && sydskolen > syd, [nord, bakke, syd, sydskolen].join());
  // Sydskolen held its four: its row is ok; Bakkeskolen none: behind
  const row = (name) => html.slice(html.lastIndexOf('<tr', html.indexOf(name)), html.indexOf('</tr>', html.indexOf(name)));
  assert.match(row('– Sydskolen'), /app-status--ok/);
  assert.doesNotMatch(row('– Bakkeskolen'), /app-status--ok/);
});

test("a school's meeting names the school and its chair", async () => {
  const m = meetings('skolemoede').find((x) => x.institution === 'sydskolen');
  const r = await sara.get(`/moeder/${m.id}`);
  assert.equal(r.status, 200);
  assert.match(r.text_, /<dt>Skole eller klub<\/dt><dd>Sydskolen<\/dd>/);
  assert.match(r.text_, /<dt>Mødeleder<\/dt><dd>Skolelederen<\/dd>/);
  assert.match(r.text_, /<dt>Referent<\/dt><dd>Skolens AKT-lærer<\/dd>/);
  // Nord's schools: the district's chair
  const n = meetings('skolemoede').find((x) => x.institution === 'nordskolen');
  assert.match((await sara.get(`/moeder/${n.id}`)).text_, /<dt>Mødeleder<\/dt><dd>Distriktets SSP-konsulent<\/dd>/);
});
