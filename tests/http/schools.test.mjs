// schools.test.mjs - the school network and compliance pages against the
// real server: institutions added, edited, deactivated and reactivated by
// the admin (never deleted); a læseplan edited by its own institution's
// contact person and the SSP-team, refused (403) for another institution's
// contact person; theme-day attendance recorded by the SSP-team; the
// steering group's compliance page with statuses in text and colour.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, addUser, cli, startServer, stopServer } from './lib.mjs';

let srv;
const as = {}; // username -> signed-in Client with .csrf

before(async () => {
  srv = await startServer();
  addUser(srv, 'ada', 'admin');
  addUser(srv, 'sara', 'ssp');
  addUser(srv, 'anna', 'kontaktperson', ['--institution', 'eksempel-skole-vest']);
  addUser(srv, 'bo', 'kontaktperson', ['--institution', 'eksempel-skole-midt']);
  addUser(srv, 'sten', 'styregruppe');
  addUser(srv, 'per', 'politi');
  // a theme day of the school network that has taken place
  const m = cli(srv, ['meeting', 'add', 'ssp-skolenetvaerk', '2024-09-12', '09:00']);
  assert.equal(m.status, 0, m.stderr);
  for (const u of ['ada', 'sara', 'anna', 'bo', 'sten', 'per']) {
    const c = new Client(srv);
    assert.equal((await c.login(u)).status, 303, `sign-in ${u}`);
    const home = await c.get('/');
    c.token = /<meta name="csrf-token" content="([^"]+)">/.exec(home.text_)[1];
    as[u] = c;
  }
});

after(async () => {
  const r = await stopServer(srv);
  assert.equal(r.code, 0, 'clean shutdown; server stderr:\n' + srv.stderr);
});

// `ssp audit show`: seq, at, username, org, action, object, subject,
// legal basis, client, outcome (tab-separated, newest first)
function auditLog() {
  const r = cli(srv, ['audit', 'show']);
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.trim().split('\n').map((l) => {
    const c = l.split('\t');
    return { username: c[2], action: c[4], object: c[5], outcome: c[9] };
  });
}

const post = (who, path, form) => as[who].post(path, { form: { csrf: as[who].token, ...form } });

describe('/skoler', () => {
  test('lists schools and clubs by district with their contact persons and status', async () => {
    const r = await as.per.get('/skoler');
    assert.equal(r.status, 200);
    for (const s of ['Distrikt Vest', 'Distrikt Midt', 'Distrikt Øst', 'Eksempelskolen Vest',
      'Ungdomsklubben Øst (eksempel)', 'Test anna', 'Test bo', 'SSP-læseplan'])
      assert.ok(r.text_.includes(s), `shows ${s}`);
    assert.match(r.text_, /<a href="\/skoler\/eksempel-skole-oest">Eksempelskolen Øst<\/a><\/th><td>Skole<\/td><td><span class="app-status app-status--at-risk">Ingen<\/span>/,
      'a school without contact person is marked in text and colour');
    assert.ok(!r.text_.includes('action="/skoler"'), 'no add form for the police');
    assert.match((await as.per.get('/')).text_, /href="\/skoler">Skolenetværket</, 'in the menu');
  });

  test('admin adds an institution; duplicates and bad input are refused; others may not', async () => {
    let r = await as.ada.get('/skoler');
    assert.match(r.text_, /action="\/skoler"/, 'the admin has the add form');
    r = await post('ada', '/skoler', { id: 'ny-skole', name: 'Ny Skole', kind: 'skole', district: 'vest' });
    assert.equal(r.status, 303);
    assert.equal(r.headers.get('location'), '/skoler/ny-skole?ok=oprettet');
    r = await as.ada.get('/skoler/ny-skole?ok=oprettet');
    assert.equal(r.status, 200);
    assert.match(r.text_, /<h1>Ny Skole<\/h1>/);
    assert.match(r.text_, /Institutionen er oprettet/);
    r = await post('ada', '/skoler', { id: 'ny-skole', name: 'Igen', kind: 'skole', district: 'vest' });
    assert.equal(r.status, 409);
    r = await post('ada', '/skoler', { id: 'Ikke Gyldig', name: 'X', kind: 'skole', district: 'vest' });
    assert.equal(r.status, 422);
    assert.match(r.text_, /id="id"[^>]*aria-invalid="true"/);
    r = await post('ada', '/skoler', { id: 'x', name: 'X', kind: 'skole', district: 'nord' });
    assert.equal(r.status, 422);
    assert.match(r.text_, /id="district"[^>]*aria-invalid="true"/);
    r = await post('sara', '/skoler', { id: 'y', name: 'Y', kind: 'skole', district: 'vest' });
    assert.equal(r.status, 403);
    assert.equal((await as.ada.get('/skoler/y')).status, 404);
  });

  test('admin edits and deactivates an institution; it is kept, never deleted', async () => {
    let r = await post('ada', '/skoler/ny-skole', { name: 'Ny Klub', kind: 'klub', district: 'oest' });
    assert.equal(r.status, 303);
    r = await as.per.get('/skoler/ny-skole');
    assert.match(r.text_, /<h1>Ny Klub<\/h1>/);
    assert.match(r.text_, /<dt>Type<\/dt><dd>Klub<\/dd>/);
    assert.match(r.text_, /<dt>Distrikt<\/dt><dd>Øst<\/dd>/);
    r = await post('ada', '/skoler/ny-skole', { name: '', kind: 'klub', district: 'oest' });
    assert.equal(r.status, 422);
    r = await post('ada', '/skoler/ny-skole/deaktiver', {});
    assert.equal(r.status, 303);
    assert.equal(r.headers.get('location'), '/skoler/ny-skole?ok=deaktiveret');
    r = await as.per.get('/skoler');
    assert.match(r.text_, /Deaktiverede institutioner[\s\S]*href="\/skoler\/ny-skole">Ny Klub/);
    r = await as.per.get('/skoler/ny-skole');
    assert.equal(r.status, 200, 'a deactivated institution still has its page');
    assert.match(r.text_, /<dd>Deaktiveret<\/dd>/);
    r = await post('sara', '/skoler/ny-skole/deaktiver', {});
    assert.equal(r.status, 403);
    r = await post('ada', '/skoler/ny-skole/aktiver', {});
    assert.equal(r.status, 303);
    assert.match((await as.per.get('/skoler/ny-skole')).text_, /<dd>Aktiv<\/dd>/);
    assert.equal((await post('ada', '/skoler/findes-ikke/deaktiver', {})).status, 404);
    const log = auditLog();
    for (const a of ['school.add', 'school.edit', 'school.deactivate', 'school.activate'])
      assert.ok(log.some((e) => e.action === a && e.username === 'ada' && e.outcome === 'ok'),
        `${a} is in the access log`);
  });
});

describe('læseplan', () => {
  const item = { grade: '8', theme: 'Rusmidler og fester', planned: '2026-09-15', held: '' };
  let id;

  test('its own contact person adds and edits items', async () => {
    let r = await as.anna.get('/skoler/eksempel-skole-vest');
    assert.match(r.text_, /action="\/skoler\/eksempel-skole-vest\/laeseplan"/, 'anna has the form');
    r = await post('anna', '/skoler/eksempel-skole-vest/laeseplan', item);
    assert.equal(r.status, 303);
    assert.equal(r.headers.get('location'), '/skoler/eksempel-skole-vest?ok=punkt-tilfoejet');
    r = await as.per.get('/skoler/eksempel-skole-vest');
    assert.match(r.text_, /<td>8\. klasse<\/td><td>Rusmidler og fester<\/td><td>15\. september 2026<\/td>/);
    assert.ok(!r.text_.includes('/laeseplan"'), 'others only read');
    id = /\/skoler\/eksempel-skole-vest\/laeseplan\/(\d+)\/slet/.exec((await as.anna.get('/skoler/eksempel-skole-vest')).text_)[1];
    r = await as.anna.get(`/skoler/eksempel-skole-vest?ret=${id}`);
    assert.match(r.text_, /Ret punkt i læseplanen/);
    assert.match(r.text_, /id="theme" name="theme" value="Rusmidler og fester"/);
    r = await post('anna', `/skoler/eksempel-skole-vest/laeseplan/${id}`, { ...item, grade: '9', held: '2026-09-15' });
    assert.equal(r.status, 303);
    assert.match((await as.per.get('/skoler/eksempel-skole-vest')).text_, /<td>9\. klasse<\/td>/);
  });

  test("another institution's contact person is refused (403), and it is logged", async () => {
    let r = await as.bo.get('/skoler/eksempel-skole-vest');
    assert.equal(r.status, 200, 'bo may read it');
    assert.ok(!r.text_.includes('/laeseplan"'), 'but has no form');
    r = await post('bo', '/skoler/eksempel-skole-vest/laeseplan', item);
    assert.equal(r.status, 403);
    assert.match(r.text_, /kun rette læseplanen for din egen institution/);
    r = await post('bo', `/skoler/eksempel-skole-vest/laeseplan/${id}`, item);
    assert.equal(r.status, 403);
    r = await post('bo', `/skoler/eksempel-skole-vest/laeseplan/${id}/slet`, {});
    assert.equal(r.status, 403);
    // his own school's item id reached through another school's address
    r = await post('bo', `/skoler/eksempel-skole-midt/laeseplan/${id}`, item);
    assert.equal(r.status, 404);
    // roles without the right at all
    assert.equal((await post('ada', '/skoler/eksempel-skole-vest/laeseplan', item)).status, 403);
    assert.equal((await post('sten', '/skoler/eksempel-skole-vest/laeseplan', item)).status, 403);
    const log = auditLog();
    assert.ok(log.some((e) => e.action === 'laeseplan.add' && e.outcome === 'refused' && e.username === 'bo'));
    assert.equal((await as.per.get('/skoler/eksempel-skole-vest')).text_.match(/<td>9\. klasse<\/td>/g).length, 1,
      'nothing changed');
  });

  test('bad input: the page again with the error at the field (422)', async () => {
    const r = await post('anna', '/skoler/eksempel-skole-vest/laeseplan', { ...item, held: '2099-12-31' });
    assert.equal(r.status, 422);
    assert.match(r.text_, /id="held"[^>]*aria-invalid="true"/);
    assert.match(r.text_, /Afholdt dato kan ikke ligge efter i dag/);
    assert.match(r.text_, /value="Rusmidler og fester"/, 'what was typed is kept');
    const c = await post('anna', '/skoler/eksempel-skole-vest/laeseplan', { ...item, grade: 'klub' });
    assert.equal(c.status, 422);
    assert.match(c.text_, /id="grade"[^>]*aria-invalid="true"/);
  });

  test('the SSP-team edits every læseplan; the contact person removes an item', async () => {
    let r = await post('sara', '/skoler/eksempel-skole-midt/laeseplan', { ...item, theme: 'Digital dannelse' });
    assert.equal(r.status, 303);
    r = await post('sara', `/skoler/eksempel-skole-vest/laeseplan/${id}`, { ...item, theme: 'Rettet af SSP' });
    assert.equal(r.status, 303);
    assert.match((await as.per.get('/skoler/eksempel-skole-vest')).text_, /Rettet af SSP/);
    r = await post('anna', `/skoler/eksempel-skole-vest/laeseplan/${id}/slet`, {});
    assert.equal(r.status, 303);
    assert.equal(r.headers.get('location'), '/skoler/eksempel-skole-vest?ok=punkt-slettet');
    assert.match((await as.per.get('/skoler/eksempel-skole-vest')).text_, /Læseplanen har ingen punkter endnu/);
    assert.equal((await post('anna', `/skoler/eksempel-skole-vest/laeseplan/${id}/slet`, {})).status, 404);
    assert.equal((await post('anna', '/skoler/eksempel-skole-vest/laeseplan/0/slet', {})).status, 404);
  });
});

describe('theme day', () => {
  let annaId, boId;

  test('the SSP-team records who attended', async () => {
    let r = await as.sara.get('/skoler/temadag?aar=2024');
    assert.equal(r.status, 200);
    assert.match(r.text_, /<h1>Temadag for SSP-kontaktpersoner 2024<\/h1>/);
    annaId = /name="deltog-(\d+)" value="ja">\n<label[^>]*>Test anna/.exec(r.text_)[1];
    boId = /name="deltog-(\d+)" value="ja">\n<label[^>]*>Test bo/.exec(r.text_)[1];
    const moede = /name="moede" value="(\d+)"/.exec(r.text_)[1];
    r = await post('sara', '/skoler/temadag', { aar: '2024', moede, [`deltog-${annaId}`]: 'ja' });
    assert.equal(r.status, 303);
    assert.equal(r.headers.get('location'), '/skoler/temadag?aar=2024&ok=temadag');
    r = await as.per.get('/skoler/temadag?aar=2024');
    assert.match(r.text_, /Test anna<\/th><td>[^\n]*app-status--ok">Ja</);
    assert.match(r.text_, /Test bo<\/th><td>[^\n]*app-status--at-risk">Nej</);
    assert.ok(!r.text_.includes('action="/skoler/temadag"'), 'only the SSP-team records');
    r = await as.sara.get('/skoler/temadag?aar=2024');
    assert.match(r.text_, new RegExp(`name="deltog-${annaId}" value="ja" checked`), 'the form shows what is stored');
    assert.match(r.text_, new RegExp(`name="deltog-${boId}" value="ja">`), 'bo is not ticked');

    // refusals
    assert.equal((await post('anna', '/skoler/temadag', { aar: '2024', moede, [`deltog-${annaId}`]: 'ja' })).status, 403);
    r = await post('sara', '/skoler/temadag', { aar: '2024', moede, 'deltog-99999': 'ja' });
    assert.equal(r.status, 422);
    assert.match(r.text_, /ikke SSP-kontaktperson/);
    assert.equal((await post('sara', '/skoler/temadag', { aar: '2024', moede: '99999' })).status, 404);
    assert.equal((await as.per.get('/skoler/temadag?aar=1999')).status, 400);
    assert.match((await as.per.get('/skoler?aar=2024')).text_, /app-status--ok">1 af 1 deltog/, '/skoler shows it');
  });

  test('the compliance page: statuses in text and colour, then the network findings', async () => {
    // record the theme day held, so the school network meets its minimum
    const plan = JSON.parse(cli(srv, ['plan', '2024', '--stored', '--format', 'json']).stdout);
    const td = plan.find((m) => m.body === 'ssp-skolenetvaerk');
    assert.equal(cli(srv, ['meeting', 'held', String(td.id)]).status, 0);

    const r = await as.sten.get('/overholdelse?aar=2024&pr=2024-12-31');
    assert.equal(r.status, 200);
    assert.match(r.text_, /<h1>Overholdelse af strategien<\/h1>/);
    assert.match(r.text_, /Mødekrav pr\. forum 2024, pr\. 31\. december 2024/);
    const row = (body) => new RegExp(`href="/organisation/${body}">[^<]*</a></th>(<td[^>]*>[^<]*</td>){4}<td><span class="app-status app-status--([a-z-]+)">([^<]+)</span>`).exec(r.text_);
    let m = row('ssp-skolenetvaerk');
    // issue 11: the theme day was added by hand (an ad hoc meeting), and ad
    // hoc meetings count towards the regular minimum only where the strategy
    // says so; the network findings below still see the theme day
    assert.deepEqual([m[2], m[3]], ['at-risk', 'i fare'], 'an ad hoc theme day does not count');
    m = row('paragraf-115');
    assert.deepEqual([m[2], m[3]], ['at-risk', 'i fare'], 'nothing else of 2024 is planned');
    m = row('ssp-team');
    assert.deepEqual([m[2], m[3]], ['ok', 'ok'], 'a continuous body');
    assert.match(r.text_, /<td class="app-num">26<\/td>/, '§ 115 requires 26');
    // the network
    assert.match(r.text_, /Skoler og klubber uden SSP-kontaktperson<\/h3>\n<ul>\n[\s\S]*Eksempelskolen Øst/);
    assert.match(r.text_, /1 af 2 SSP-kontaktpersoner deltog\./);
    assert.match(r.text_, /Deltog ikke:<\/p>\n<ul>\n<li>Test bo, <a href="\/skoler\/eksempel-skole-midt">/);
    assert.match(r.text_, /Skoler uden SSP-læseplan for skoleåret 2024\/25/);

    // others
    assert.equal((await as.sara.get('/overholdelse')).status, 200);
    assert.equal((await as.ada.get('/overholdelse?aar=2024')).status, 200);
    assert.equal((await as.anna.get('/overholdelse')).status, 403);
    assert.equal((await as.per.get('/overholdelse')).status, 403);
    assert.equal((await as.sten.get('/overholdelse?pr=31-12-2024')).status, 400);
    assert.equal((await as.sten.get('/overholdelse?aar=20244')).status, 400);
    assert.match((await as.sten.get('/')).text_, /href="\/overholdelse">Overholdelse</, 'in the menu');
  });
});

describe('re-loading the strategy', () => {
  test("`ssp init` keeps the admin's edits and says so", async () => {
    let r = await post('ada', '/skoler/eksempel-klub-vest',
      { name: 'Klubben i Vest', kind: 'klub', district: 'vest' });
    assert.equal(r.status, 303);
    r = await post('ada', '/skoler/eksempel-klub-oest/deaktiver', {});
    assert.equal(r.status, 303);
    const init = cli(srv, ['init', '--no-plan']);
    assert.equal(init.status, 0, init.stderr);
    for (const id of ['eksempel-klub-vest', 'eksempel-klub-oest'])
      assert.match(init.stdout, new RegExp(`Institutionen »${id}« er beholdt, som en administrator har efterladt den`),
        `init names ${id}`);
    assert.ok(!init.stdout.includes('»eksempel-skole-vest«'), 'an institution nobody edited is not named');
    r = await as.per.get('/skoler/eksempel-klub-vest');
    assert.match(r.text_, /<h1>Klubben i Vest<\/h1>/, 'the edited name stays');
    r = await as.per.get('/skoler/eksempel-klub-oest');
    assert.match(r.text_, /<dd>Deaktiveret<\/dd>/, 'the deactivated club stays deactivated');
    r = await as.ada.get('/skoler/eksempel-klub-vest');
    assert.match(r.text_, /En administrator har rettet institutionen her, så strategifilen ændrer den ikke længere/,
      'the form says so');
  });
});
