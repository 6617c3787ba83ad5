// meetings.test.mjs - meetings in the browser and calendars, against the real
// `ssp serve` (whose `ssp init` saves this year's and next year's plan):
// the annual wheel (page, list view, SVG well-formed per xmllint), the
// meeting list and pages, minutes with a CPR-like number refused for a
// hotspot meeting (422, Danish explanation) and accepted for a § 115-møde,
// agenda, attendance, moving, cancelling and ad hoc meetings, who may run
// a meeting, participants, the front page, ICS per body, and the private
// calendar address (works without sign-in, replaced, revoked -> 404, each
// use in the access log).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { Client, addUser, cli, startServer, stopServer } from './lib.mjs';

let srv;
const c = {}; // username -> signed-in Client
const ids = {}; // username -> user id
// Next year: every meeting of it lies in the future, whatever today is.
const YEAR = new Date().getFullYear() + 1;

function sql(query) {
  const r = spawnSync('sqlite3', [path.join(srv.dir, 'ssp.db'), query], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.trim();
}

// The stored meetings of body in YEAR (from the CLI's JSON contract).
function stored(body) {
  const r = cli(srv, ['plan', String(YEAR), '--stored', '--body', body, '--format', 'json']);
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

function csrfOf(html) {
  return /<meta name="csrf-token" content="([^"]+)">/.exec(html)[1];
}

async function post(who, p, form) {
  const home = await c[who].get('/');
  return c[who].post(p, { form: { csrf: csrfOf(home.text_), ...form } });
}

// A working day (Tuesday) in YEAR that is no holiday: the second Tuesday
// of September.
function tuesday() {
  const d = new Date(Date.UTC(YEAR, 8, 8));
  while (d.getUTCDay() !== 2) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function saturday() {
  const d = new Date(Date.UTC(YEAR, 8, 8));
  while (d.getUTCDay() !== 6) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

before(async () => {
  // The test build's clock (issue 11: a meeting is held only once it has
  // started): 1 September of YEAR, after the hotspot meetings of March-August.
  process.env.SSP_TEST_NOW = `${YEAR}-09-01T00:00`;
  srv = await startServer();
  for (const [u, role] of [['sofie', 'ssp'], ['per', 'politi'], ['stine', 'styregruppe'],
    ['kim', 'kontaktperson'], ['ada', 'admin']]) {
    addUser(srv, u, role);
    c[u] = new Client(srv);
    const r = await c[u].login(u);
    assert.equal(r.status, 303, `sign-in ${u}`);
    ids[u] = sql(`SELECT id FROM user WHERE username = '${u}'`);
  }
  for (const [body, u] of [['hotspot', 'sofie'], ['paragraf-115', 'sofie'], ['paragraf-115', 'per'],
    ['hotspot', 'kim']]) {
    const r = cli(srv, ['participant', 'add', body, u]);
    assert.equal(r.status, 0, r.stderr);
  }
});

after(async () => {
  const r = await stopServer(srv);
  assert.equal(r.code, 0, 'clean shutdown; server stderr:\n' + srv.stderr);
});

describe('planning at init', () => {
  test('ssp init saved this year and next year', () => {
    const y = new Date().getFullYear();
    assert.ok(Number(sql(`SELECT count(*) FROM meeting WHERE year = ${y}`)) > 40);
    assert.ok(Number(sql(`SELECT count(*) FROM meeting WHERE year = ${y + 1}`)) > 40);
    assert.equal(sql(`SELECT count(*) FROM meeting WHERE year = ${y + 2}`), '0');
  });
});

describe('annual wheel', () => {
  test('page: the wheel as an image with alt text, twelve month tables beside it', async () => {
    const r = await c.kim.get(`/aarshjul?aar=${YEAR}`);
    assert.equal(r.status, 200);
    assert.match(r.text_, new RegExp(`<h1>Årshjul ${YEAR}</h1>`));
    assert.match(r.text_, new RegExp(`<img src="/aarshjul/${YEAR}.svg" width="760" alt="Årshjul for ${YEAR}[^"]+">`));
    const months = [...r.text_.matchAll(/<h3 id="maaned-(\d+)">([^<]+)<\/h3>/g)].map((m) => m[2]);
    assert.deepEqual(months, ['Januar', 'Februar', 'Marts', 'April', 'Maj', 'Juni', 'Juli',
      'August', 'September', 'Oktober', 'November', 'December']);
    assert.match(r.text_, /<th scope="col">Dato<\/th><th scope="col">Tid<\/th><th scope="col">Forum<\/th><th scope="col">Distrikt<\/th><th scope="col">Tema<\/th>/);
    assert.match(r.text_, /<td>SSP-styregruppen<\/td><td><\/td><td>SSP-læseplan<\/td>/);
    assert.match(r.text_, /SSP-styregruppen: årshjulets temaer/);
    assert.doesNotMatch(r.text_, /style=/);
  });

  test('SVG: well-formed (xmllint), twelve months, a mark per meeting', async () => {
    const r = await c.kim.get(`/aarshjul/${YEAR}.svg`);
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('content-type'), 'image/svg+xml; charset=utf-8');
    const x = spawnSync('xmllint', ['--noout', '-'], { input: r.text_, encoding: 'utf8' });
    assert.equal(x.status, 0, 'xmllint: ' + x.stderr);
    assert.equal((r.text_.match(/<g class="month">/g) || []).length, 12);
    const n = Number(sql(`SELECT count(*) FROM meeting WHERE year = ${YEAR}`));
    const marks = r.text_.slice(r.text_.indexOf('<g id="marks">'), r.text_.indexOf('<g id="legend"'));
    assert.equal((marks.match(/<g transform="rotate\(/g) || []).length, n);
    assert.doesNotMatch(r.text_, /style=/);
  });

  test('a year not stored is drawn from the computed plan, with a notice', async () => {
    const r = await c.kim.get(`/aarshjul?aar=${YEAR + 3}`);
    assert.equal(r.status, 200);
    assert.match(r.text_, /er ikke gemt endnu/);
    const svg = await c.kim.get(`/aarshjul/${YEAR + 3}.svg`);
    assert.equal(svg.status, 200);
  });

  test('bad years', async () => {
    for (const q of ['19x7', '1999', '2101', '']) {
      const r = await c.kim.get(`/aarshjul?aar=${q}`);
      assert.equal(r.status, q === '' ? 200 : 400, `aar=${q}`);
    }
    assert.equal((await c.kim.get('/aarshjul/27.svg')).status, 404);
    assert.equal((await c.kim.get('/aarshjul/1999.svg')).status, 422);
    assert.equal((await new Client(srv).get(`/aarshjul/${YEAR}.svg`)).status, 303);
  });
});

describe('meeting list and pages', () => {
  test('list, filtered by body; unknown body 404', async () => {
    const r = await c.kim.get(`/moeder?aar=${YEAR}&organ=hotspot`);
    assert.equal(r.status, 200);
    const rows = r.text_.match(/<tr><td class="app-nowrap"><a href="\/moeder\/\d+">/g) || [];
    assert.equal(rows.length, 8, 'eight hotspot meetings, March to October');
    assert.match(r.text_, /<a href="\/kalender\/organ\/hotspot.ics">/);
    assert.doesNotMatch(r.text_, /method="post" action="\/moeder"/, 'no add form for a kontaktperson');
    assert.equal((await c.kim.get(`/moeder?aar=${YEAR}&organ=findes-ikke`)).status, 404);
    const s = await c.sofie.get(`/moeder?aar=${YEAR}`);
    assert.match(s.text_, /<form method="post" action="\/moeder"/, 'the SSP-team adds meetings');
    assert.match(s.text_, /<option value="ssp-styregruppe:beredskab">SSP-styregruppen samlet som beredskabsgruppe<\/option>/);
  });

  test('a meeting page: facts, proposed agenda, attendance, minutes', async () => {
    const m = stored('ssp-styregruppe')[0];
    const r = await c.sofie.get(`/moeder/${m.id}`);
    assert.equal(r.status, 200);
    assert.match(r.text_, /<dt>Tema<\/dt><dd>SSP-læseplan<\/dd>/);
    assert.match(r.text_, /<li>Årshjulets tema: SSP-læseplan<\/li>/);
    assert.match(r.text_, /<li>Træde sammen som beredskabsgruppe ved situationer med særlig uro<\/li>/);
    assert.match(r.text_, /Konkrete sager om navngivne unge drøftes ikke i dette forum \(strategifilen: »navngivne-personer = nej«\)\./);
    // issue 11: the strategy's own reason is quoted where it gives one
    const dm = await c.sofie.get(`/moeder/${stored('ssp-distriktsmoede')[0].id}`);
    assert.match(dm.text_, /Strategien: »Konkrete sager drøftes ikke her, men henvises til fx § 115-møder/);
    assert.match(r.text_, /action="\/moeder\/\d+\/status"/);
    assert.equal((await c.sofie.get('/moeder/999999')).status, 404);
    assert.equal((await c.sofie.get('/moeder/abc')).status, 404);
    assert.equal((await c.sofie.get('/moeder/0')).status, 404);
  });
});

describe('minutes', () => {
  const text = 'Uro ved stationen om aftenen.\r\nEn ung, 150709-1234, blev nævnt.';

  test('hotspot: a CPR-like number is refused with 422 and a Danish reason', async () => {
    const m = stored('hotspot')[0];
    const r = await post('sofie', `/moeder/${m.id}/referat`, { minutes: text });
    assert.equal(r.status, 422);
    assert.match(r.text_, /Referatet ser ud til at indeholde et CPR-nummer \(linje 2\)\. I Hotspotmøde drøftes ikke konkrete sager om navngivne unge/);
    assert.match(r.text_, /Konkrete sager henvises til et § 115-møde\./);
    assert.match(r.text_, /<textarea class="form-input app-textarea" id="minutes" name="minutes" rows="10" aria-invalid="true" aria-describedby="minutes-hint minutes-error">/);
    assert.equal(sql(`SELECT count(*) FROM meeting_minutes WHERE meeting_id = ${m.id}`), '0');
    assert.equal(sql("SELECT count(*) FROM audit_log WHERE action = 'meeting.minutes' AND outcome = 'refused'"), '1');
    // a number failing modulus 11 is refused just the same
    const r2 = await post('sofie', `/moeder/${m.id}/referat`, { minutes: 'x 0102031234 y' });
    assert.equal(r2.status, 422);
    // trends only: saved
    const ok = await post('sofie', `/moeder/${m.id}/referat`, { minutes: 'Uro ved stationen om aftenen.' });
    assert.equal(ok.status, 303);
    assert.equal(ok.headers.get('location'), `/moeder/${m.id}?ok=referat`);
    const page = await c.kim.get(`/moeder/${m.id}`);
    assert.match(page.text_, /<p>Uro ved stationen om aftenen\.<\/p>/, 'general minutes: everyone sees them');
  });

  test('§ 115-møde: accepted, shown masked, only to who runs it', async () => {
    const m = stored('paragraf-115')[0];
    const r = await post('per', `/moeder/${m.id}/referat`, { minutes: text });
    assert.equal(r.status, 303);
    assert.equal(sql(`SELECT text FROM meeting_minutes WHERE meeting_id = ${m.id}`).includes('150709-1234'), true);
    const page = await c.sofie.get(`/moeder/${m.id}`);
    assert.match(page.text_, /En ung, 150709-xxxx, blev nævnt/);
    const kim = await c.kim.get(`/moeder/${m.id}`);
    assert.doesNotMatch(kim.text_, /150709/);
    assert.match(kim.text_, /vises kun for dem, der fører mødet/);
    assert.ok(Number(sql("SELECT count(*) FROM audit_log WHERE action = 'meeting.minutes.view'")) >= 1);
  });

  test('who may write minutes', async () => {
    const m = stored('ssp-styregruppe')[0];
    assert.equal((await post('kim', `/moeder/${m.id}/referat`, { minutes: 'x' })).status, 403);
    assert.equal((await post('ada', `/moeder/${m.id}/referat`, { minutes: 'x' })).status, 403);
    // the steering group: only for bodies it takes part in
    assert.equal((await post('stine', `/moeder/${m.id}/referat`, { minutes: 'x' })).status, 403);
    cli(srv, ['participant', 'add', 'ssp-styregruppe', 'stine']);
    assert.equal((await post('stine', `/moeder/${m.id}/referat`, { minutes: 'Temaer.' })).status, 303);
  });
});

describe('agenda and attendance', () => {
  test('agenda: saved line by line', async () => {
    const m = stored('hotspot')[1];
    const r = await post('sofie', `/moeder/${m.id}/dagsorden`, { agenda: 'Byfest i juni\r\n\r\nSommerferien\r\n' });
    assert.equal(r.status, 303);
    const page = await c.sofie.get(`/moeder/${m.id}`);
    assert.match(page.text_, /<ol class="app-agenda">\n<li>Byfest i juni<\/li>\n<li>Sommerferien<\/li>\n<\/ol>/);
    const bad = await post('sofie', `/moeder/${m.id}/dagsorden`, { agenda: 'Sag om 150709-1234' });
    assert.equal(bad.status, 422);
    assert.match(bad.text_, /Dagsordenen ser ud til at indeholde et CPR-nummer/);
  });

  test('attendance: participants ticked, a guest added', async () => {
    const m = stored('hotspot')[1];
    const before = await c.sofie.get(`/moeder/${m.id}`);
    assert.match(before.text_, new RegExp(`id="present-${ids.sofie}"`));
    assert.match(before.text_, new RegExp(`id="present-${ids.kim}"`));
    const r = await post('sofie', `/moeder/${m.id}/fremmoede`, {
      [`present-${ids.sofie}`]: '1', guest_name: 'Gitte Gæst', guest_org: 'Byfestforeningen',
    });
    assert.equal(r.status, 303);
    const rows = sql(`SELECT coalesce(user_id, name) || ':' || present FROM meeting_attendance WHERE meeting_id = ${m.id}`);
    assert.deepEqual(rows.split('\n').sort(), [`${ids.kim}:0`, `${ids.sofie}:1`, 'Gitte Gæst:1'].sort());
    const page = await c.kim.get(`/moeder/${m.id}`);
    assert.match(page.text_, /<li>Gitte Gæst \(Byfestforeningen\): til stede<\/li>/);
    // unticking the guest removes them
    const r2 = await post('sofie', `/moeder/${m.id}/fremmoede`, { [`present-${ids.kim}`]: '1' });
    assert.equal(r2.status, 303);
    assert.equal(sql(`SELECT count(*) FROM meeting_attendance WHERE meeting_id = ${m.id} AND name IS NOT NULL`), '0');
    const bad = await post('sofie', `/moeder/${m.id}/fremmoede`, { guest_org: 'Kun org' });
    assert.equal(bad.status, 422);
    assert.match(bad.text_, /skriv gæstens navn/);
  });
});

describe('moving, cancelling, ad hoc', () => {
  test('move: a weekend is refused, a working day accepted', async () => {
    const m = stored('hotspot')[2];
    const bad = await post('sofie', `/moeder/${m.id}/flyt`, { date: saturday(), start: '10:00' });
    assert.equal(bad.status, 422);
    assert.match(bad.text_, /er en weekenddag/);
    const r = await post('sofie', `/moeder/${m.id}/flyt`, { date: tuesday(), start: '10:30', duration: '' });
    assert.equal(r.status, 303);
    const after = stored('hotspot').find((x) => x.id === m.id);
    assert.equal(after.status, 'moved');
    assert.equal(after.start.slice(0, 16), `${tuesday()}T10:30`);
    assert.equal((await post('kim', `/moeder/${m.id}/flyt`, { date: tuesday() })).status, 403);
  });

  test('held and cancelled', async () => {
    const m = stored('hotspot')[3];
    assert.equal((await post('sofie', `/moeder/${m.id}/status`, { status: 'cancelled' })).status, 303);
    assert.equal(stored('hotspot').find((x) => x.id === m.id).status, 'cancelled');
    const page = await c.sofie.get(`/moeder/${m.id}`);
    assert.match(page.text_, /<dt>Status<\/dt><dd>aflyst<\/dd>/);
    assert.equal((await post('sofie', `/moeder/${m.id}/status`, { status: 'held' })).status, 303);
    assert.equal((await post('sofie', `/moeder/${m.id}/status`, { status: 'moved' })).status, 422);
    assert.equal((await post('sofie', `/moeder/${m.id}/status`, { status: 'x' })).status, 422);
    assert.equal((await post('per', `/moeder/${m.id}/status`, { status: 'held' })).status, 403);
  });

  test('a meeting that has not started cannot be marked held (422, Danish)', async () => {
    const m = stored('hotspot').at(-1); // October, after the test clock
    const r = await post('sofie', `/moeder/${m.id}/status`, { status: 'held' });
    assert.equal(r.status, 422);
    assert.match(r.text_, /mødet kan ikke markeres som afholdt, før det er begyndt/);
    assert.equal(stored('hotspot').at(-1).status, 'planned');
    // the page offers no held button before the start, and says why
    const page = (await c.sofie.get(`/moeder/${m.id}`)).text_;
    assert.match(page, /Mødet kan markeres som afholdt, når det er begyndt\./);
    assert.doesNotMatch(page, /Marker som afholdt/);
    const june = stored('hotspot').find((x) => x.start.slice(5, 7) === '06');
    if (june.status !== 'held')
      assert.match((await c.sofie.get(`/moeder/${june.id}`)).text_, /Marker som afholdt/);
  });

  test('ad hoc § 115, an extra steering-group meeting, the steering group as preparedness group', async () => {
    for (const [body, theme, want] of [
      ['paragraf-115-ad-hoc', '', null],
      ['ssp-styregruppe', 'Ekstra møde om rusmidler', 'Ekstra møde om rusmidler'],
      ['ssp-styregruppe:beredskab', 'Uro i midtbyen', 'Samlet som beredskabsgruppe: Uro i midtbyen'],
    ]) {
      const r = await post('sofie', '/moeder', { body, date: tuesday(), start: '15:00', district: '', theme });
      assert.equal(r.status, 303, `${body}: ${r.text_.slice(0, 200)}`);
      const id = /^\/moeder\/(\d+)\?ok=tilfoejet$/.exec(r.headers.get('location'))[1];
      const row = sql(`SELECT body_id || '|' || coalesce(theme, '') || '|' || ad_hoc FROM meeting WHERE id = ${id}`);
      assert.equal(row, `${body.replace(':beredskab', '')}|${want ?? ''}|1`);
      const page = await c.sofie.get(`/moeder/${id}?ok=tilfoejet`);
      assert.match(page.text_, /Mødet er tilføjet\./);
      assert.match(page.text_, /\(ad hoc-møde\)/);
    }
    const bad = await post('sofie', '/moeder', { body: 'paragraf-115-ad-hoc', date: saturday(), start: '10:00' });
    assert.equal(bad.status, 422);
    assert.match(bad.text_, /er en weekenddag/);
    assert.match(bad.text_, /aria-invalid="true" aria-describedby="date-hint date-error"/);
    const unknown = await post('sofie', '/moeder', { body: 'findes-ikke', date: tuesday() });
    assert.equal(unknown.status, 422);
    assert.equal((await post('kim', '/moeder', { body: 'hotspot', date: tuesday() })).status, 403);
    assert.equal(sql("SELECT count(*) FROM audit_log WHERE action = 'meeting.add' AND outcome = 'ok'"), '3');
  });
});

describe('participants and the front page', () => {
  test('admin adds and removes a participant on the body page', async () => {
    const page = await c.ada.get('/organisation/lokalraad');
    assert.match(page.text_, /<h2 id="deltagere">Deltagere og møder<\/h2>/);
    assert.match(page.text_, /<option value="kim">/);
    const r = await post('ada', '/organisation/lokalraad/deltagere', { username: 'kim' });
    assert.equal(r.status, 303);
    assert.equal(r.headers.get('location'), '/organisation/lokalraad?ok=deltager-tilfoejet#deltagere');
    const p2 = await c.kim.get('/organisation/lokalraad');
    assert.match(p2.text_, /<li>Test kim <span class="app-muted">SSP-kontaktperson<\/span><\/li>/);
    assert.doesNotMatch(p2.text_, /deltagere\/fjern/, 'only an admin sees the buttons');
    const r2 = await post('ada', '/organisation/lokalraad/deltagere/fjern', { username: 'kim' });
    assert.equal(r2.status, 303);
    assert.equal(sql("SELECT count(*) FROM body_participant WHERE body_id = 'lokalraad'"), '0');
    assert.equal((await post('ada', '/organisation/lokalraad/deltagere', { username: 'ingen' })).status, 404);
    assert.equal((await post('sofie', '/organisation/lokalraad/deltagere', { username: 'kim' })).status, 403);
  });

  test('front page: upcoming meetings of the bodies one takes part in', async () => {
    const s = await c.sofie.get('/');
    assert.match(s.text_, /<h2 id="moeder">Dine kommende møder<\/h2>/);
    const items = s.text_.match(/<li><a href="\/moeder\/\d+">/g) || [];
    assert.equal(items.length, 5);
    const a = await c.ada.get('/');
    assert.match(a.text_, /Du har ingen kommende møder, for du er ikke knyttet til noget forum/);
  });
});

describe('calendars', () => {
  function events(ics) {
    return ics.split('BEGIN:VEVENT').length - 1;
  }

  test('ICS per body: VCALENDAR, VTIMEZONE, unique UIDs, CRLF', async () => {
    assert.equal(cli(srv, ['meeting', 'cancel', String(stored('hotspot')[5].id)]).status, 0);
    const r = await c.kim.get('/kalender/organ/hotspot.ics');
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('content-type'), 'text/calendar; charset=utf-8');
    assert.match(r.text_, /^BEGIN:VCALENDAR\r\n/);
    assert.match(r.text_, /\r\nBEGIN:VTIMEZONE\r\nTZID:Europe\/Copenhagen\r\n/);
    assert.match(r.text_, /END:VCALENDAR\r\n$/);
    const uids = [...r.text_.matchAll(/\r\nUID:([^\r]+)\r\n/g)].map((m) => m[1]);
    assert.equal(uids.length, events(r.text_));
    assert.equal(new Set(uids).size, uids.length, 'UIDs are unique');
    assert.ok(uids.length >= 24, 'last, this and next year');
    assert.ok(uids.every((u) => u.startsWith('hotspot-')));
    assert.match(r.text_, /DTSTART;TZID=Europe\/Copenhagen:\d{8}T140000\r\n/);
    assert.match(r.text_, /STATUS:CANCELLED/, 'the cancelled meeting is in it, cancelled');
    assert.equal((await c.kim.get('/kalender/organ/findes-ikke.ics')).status, 404);
    assert.equal((await new Client(srv).get('/kalender/organ/hotspot.ics')).status, 303);
  });

  test('private address: made on the profile page, works without sign-in, replaced, revoked', async () => {
    const prof = await c.sofie.get('/profil');
    assert.match(prof.text_, /Du har ingen kalenderadresse\./);
    const r = await post('sofie', '/profil/kalender', {});
    assert.equal(r.status, 200);
    const url = /id="kalenderadresse" readonly value="([^"]+)"/.exec(r.text_)[1];
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/kalender\/[A-Za-z0-9_-]{43}\.ics$/);
    const feedPath = new URL(url).pathname;
    const anon = new Client(srv);
    const f = await anon.get(feedPath);
    assert.equal(f.status, 200);
    assert.match(f.text_, /X-WR-CALNAME:SSP-møder for Test sofie/);
    const bodies = new Set([...f.text_.matchAll(/\r\nX-SSP-BODY:([^\r]+)/g)].map((m) => m[1]));
    assert.deepEqual([...bodies].sort(), ['hotspot', 'paragraf-115']);
    assert.match(f.text_, /BEGIN:VTIMEZONE/);
    assert.equal(sql("SELECT count(*) FROM audit_log WHERE action = 'calendar.feed' AND outcome = 'ok' AND username = 'sofie'"), '1');
    // the token is stored only as a hash
    const tok = feedPath.slice('/kalender/'.length, -4);
    assert.equal(sql(`SELECT count(*) FROM calendar_token WHERE hash = '${tok}' OR hex(hash) = '${tok}'`), '0');
    // the profile shows that there is one, never the address again
    const prof2 = await c.sofie.get('/profil');
    assert.match(prof2.text_, /Du har en kalenderadresse, oprettet/);
    assert.ok(!prof2.text_.includes(tok));
    // a new address replaces the old one
    const r2 = await post('sofie', '/profil/kalender', {});
    const path2 = new URL(/id="kalenderadresse" readonly value="([^"]+)"/.exec(r2.text_)[1]).pathname;
    assert.equal((await anon.get(feedPath)).status, 404);
    assert.equal((await anon.get(path2)).status, 200);
    // revoked: 404 and nothing else
    const rv = await post('sofie', '/profil/kalender/tilbagekald', {});
    assert.equal(rv.status, 303);
    const gone = await anon.get(path2);
    assert.equal(gone.status, 404);
    assert.equal(gone.headers.get('content-type'), 'text/plain; charset=utf-8');
    assert.equal(gone.text_, 'Der findes ingen side med den adresse.');
    const wrong = await anon.get('/kalender/' + 'A'.repeat(43) + '.ics');
    assert.equal(wrong.status, 404);
    assert.equal(wrong.text_, gone.text_);
    assert.equal((await anon.get('/kalender/kort.ics')).text_, gone.text_);
    // failed anonymous attempts are counted per address and minute (one
    // access-log entry each, "anon.failed"), not logged one by one
    assert.ok(Number(sql("SELECT coalesce(sum(count), 0) FROM anon_failure WHERE action = 'calendar.feed'")) +
      Number(sql("SELECT count(*) FROM audit_log WHERE action = 'anon.failed'")) >= 1);
  });

  test('command line: ssp calendar token create|revoke', async () => {
    const r = cli(srv, ['calendar', 'token', 'create', 'per']);
    assert.equal(r.status, 0, r.stderr);
    const p = r.stdout.trim();
    assert.match(p, /^\/kalender\/[A-Za-z0-9_-]{43}\.ics$/);
    const anon = new Client(srv);
    const f = await anon.get(p);
    assert.equal(f.status, 200);
    assert.match(f.text_, /X-SSP-BODY:paragraf-115/);
    assert.doesNotMatch(f.text_, /X-SSP-BODY:hotspot/);
    const rv = cli(srv, ['calendar', 'token', 'revoke', 'per']);
    assert.equal(rv.status, 0);
    assert.match(rv.stdout, /1 kalenderadresse\(r\) tilbagekaldt for per/);
    assert.equal((await anon.get(p)).status, 404);
    assert.equal(cli(srv, ['calendar', 'token', 'create', 'ingen']).status, 1);
    assert.equal(cli(srv, ['calendar', 'token']).status, 2);
  });
});
