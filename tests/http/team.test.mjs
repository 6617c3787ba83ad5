// team.test.mjs - the SSP-team's daily work against the real server
// (issue 14): a new contact person finds the offers for a 14-year-old's
// family in their district, signs up for the next training and is listed
// on the compliance page until trained; the SSP-team maintains the
// directory (others get 403), plans its presence at the summer's town
// festival with a duty roster (no overlapping shifts), and bad input gets
// a Danish error naming the field and changes nothing. CSV and ICS exports.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { Client, addUser, cli, createToken, startServer, stopServer } from './lib.mjs';

let srv;
const as = {}; // username -> signed-in Client with .csrf
const tok = {}; // username -> API token
const NEXT = new Date().getFullYear() + 1;

before(async () => {
  srv = await startServer();
  addUser(srv, 'sara', 'ssp');
  addUser(srv, 'anna', 'kontaktperson', ['--institution', 'eksempel-skole-vest']);
  addUser(srv, 'per', 'politi');
  addUser(srv, 'sten', 'styregruppe');
  for (const u of ['sara', 'anna', 'per', 'sten']) {
    const c = new Client(srv);
    assert.equal((await c.login(u)).status, 303, `sign-in ${u}`);
    const home = await c.get('/');
    c.csrf = /<meta name="csrf-token" content="([^"]+)">/.exec(home.text_)[1];
    as[u] = c;
    tok[u] = createToken(srv, u);
  }
});

after(async () => {
  const r = await stopServer(srv);
  assert.equal(r.code, 0, 'clean shutdown; server stderr:\n' + srv.stderr);
});

const post = (who, path, form) => as[who].post(path, { form: { csrf: as[who].csrf, ...form } });
function api(who, method, path, json) {
  const headers = { authorization: 'Bearer ' + tok[who] };
  let body;
  if (json !== undefined) {
    headers['content-type'] = 'application/json';
    body = typeof json === 'string' || Buffer.isBuffer(json) ? json : JSON.stringify(json);
  }
  return fetch(srv.base + path, { method, headers, body });
}
function auditActions() {
  const r = cli(srv, ['audit', 'show']);
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.trim().split('\n').map((l) => l.split('\t')[4]);
}
async function offerCount() {
  const r = await api('sara', 'GET', '/api/v1/offers');
  return (await r.json()).offers.length;
}

describe('the help landscape', () => {
  test('the SSP-team adds offers through the page and the API; others get 403', async () => {
    const form = new URLSearchParams({ csrf: as.sara.csrf, name: 'Familierådgivningen', provider: 'Børn og Familier',
      age_from: '10', age_to: '17', referral: 'Lærere og forældre ringer direkte.', contact: 'Fællesnummeret' });
    // a checkbox group: the form refuses a repeated key, so KEY-0, KEY-1 ...
    form.append('themes-0', 'Rusmidler');
    form.append('themes-5', 'Familie og forældre');
    form.append('districts-0', 'vest');
    const r = await as.sara.post('/tilbud', { body: form.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(r.status, 303);
    assert.equal(r.headers.get('location'), '/tilbud?ok=oprettet');
    const a = await api('sara', 'POST', '/api/v1/offers', { name: 'Klubben Øst', provider: 'Ungdomsklubben',
      age_from: 13, age_to: 18, themes: ['Fællesskaber og fritid'], districts: ['oest'], referral: 'Mød op.' });
    assert.equal(a.status, 201);
    assert.ok((await a.json()).id > 0);
    const all = await api('sara', 'POST', '/api/v1/offers', { name: 'Politiets forebyggere', provider: 'Politiet',
      age_from: 10, age_to: 25, themes: ['Kriminalitet'], districts: [], referral: 'Ring til lokalpolitiet.' });
    assert.equal(all.status, 201);
    // refused for everyone else, through both doors
    assert.equal((await api('per', 'POST', '/api/v1/offers', { name: 'X' })).status, 403);
    assert.equal((await post('anna', '/tilbud', { name: 'X' })).status, 403);
    assert.equal(await offerCount(), 3);
  });

  test('a contact person finds the offers for a 14-year-old in their district', async () => {
    const r = await as.anna.get('/tilbud?alder=14&distrikt=vest&tema=&q=');
    assert.equal(r.status, 200);
    assert.ok(r.text_.includes('Familierådgivningen'));
    assert.ok(r.text_.includes('Politiets forebyggere'), 'an offer for the whole municipality');
    assert.ok(!r.text_.includes('Klubben Øst'), 'not another district\'s offer');
    const j = await (await api('anna', 'GET', '/api/v1/offers?age=14&district=vest&theme=Rusmidler')).json();
    assert.deepEqual(j.offers.map((o) => o.name), ['Familierådgivningen']);
    const o = j.offers[0];
    for (const k of ['id', 'name', 'provider', 'age_from', 'age_to', 'themes', 'districts', 'referral', 'confirmed'])
      assert.ok(k in o, `offer has ${k}`);
    assert.deepEqual(o.districts, ['vest']);
    assert.equal(o.stale, false);
    // a bad filter names its field
    const bad = await api('anna', 'GET', '/api/v1/offers?age=200');
    assert.equal(bad.status, 422);
    assert.equal((await bad.json()).field, 'age');
  });

  test('the directory as CSV', async () => {
    const r = await as.per.get('/tilbud.csv?alder=14&distrikt=vest&tema=&q=familie');
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type'), /^text\/csv/);
    const lines = r.text_.trim().split('\r\n');
    assert.equal(lines.length, 2);
    assert.match(lines[0], /^"id","navn","udbyder"/);
    assert.match(lines[1], /"Familierådgivningen","Børn og Familier","10","17"/);
  });

  test('bad input gets an error naming the field and changes nothing', async () => {
    const ok = { name: 'N', provider: 'P', age_from: 10, age_to: 12, themes: ['Rusmidler'], districts: [], referral: 'R' };
    const cases = [
      [{ ...ok, referral: '' }, 'referral'],
      [{ ...ok, name: 'Linje\u0001' }, 'name'],
      [{ ...ok, referral: 'Ring om 010203-1234' }, 'referral'],
      [{ ...ok, age_to: 5 }, 'age_to'],
      [{ ...ok, age_from: 'ti' }, 'age_from'],
      [{ ...ok, themes: ['Ukendt'] }, 'themes'],
      [{ ...ok, districts: ['nord'] }, 'districts'],
      [{ ...ok, referral: 'x'.repeat(20000) }, 'referral'],
    ];
    for (const [body, field] of cases) {
      const r = await api('sara', 'POST', '/api/v1/offers', body);
      assert.equal(r.status, 422, JSON.stringify(body).slice(0, 80));
      const j = await r.json();
      assert.equal(j.field, field);
      assert.ok(j.error.length > 5);
    }
    // invalid UTF-8 and 10 MB of text never reach the service
    const raw = Buffer.concat([Buffer.from('{"name": "'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
    assert.ok((await api('sara', 'POST', '/api/v1/offers', raw)).status >= 400);
    const big = JSON.stringify({ ...ok, referral: 'x'.repeat(10 * 1024 * 1024) });
    try {
      assert.ok((await api('sara', 'POST', '/api/v1/offers', big)).status >= 400);
    } catch (e) {
      assert.match(String(e.cause ?? e), /SocketError|other side closed|ECONNRESET|EPIPE/, 'refused, not stored');
    }
    // the page shows the error at the field
    const p = await post('sara', '/tilbud', { name: '', provider: 'P', age_from: '1', age_to: '2', referral: 'R' });
    assert.equal(p.status, 422);
    assert.match(p.text_, /id="name-error"/);
    assert.equal(await offerCount(), 3);
  });
});

describe('courses and training', () => {
  let training;
  test('the SSP-team creates the next training; dates in the past are refused', async () => {
    const r = await post('sara', '/arrangementer', { kind: 'training', name: 'Uddannelse af nye SSP-kontaktpersoner',
      start: `${NEXT}-03-10T09:00`, end: `${NEXT}-03-10T15:00`, place: 'Rådhuset', audience: 'Nye kontaktpersoner', capacity: '1' });
    assert.equal(r.status, 303);
    training = /\/arrangementer\/(\d+)\?ok=oprettet/.exec(r.headers.get('location'))[1];
    const past = await post('sara', '/arrangementer', { kind: 'course', name: 'Kursus', start: '2001-03-10T09:00',
      end: '2001-03-10T15:00', place: 'Rådhuset' });
    assert.equal(past.status, 422);
    assert.match(past.text_, /id="start-error"/);
    const shift = await api('sara', 'POST', '/api/v1/events', { kind: 'course', name: 'K', start: `${NEXT}-03-10T09:00`,
      end: `${NEXT}-03-10T08:00`, place: 'R' });
    assert.equal(shift.status, 422);
    assert.equal((await shift.json()).field, 'end');
    assert.equal((await api('anna', 'POST', '/api/v1/events', { kind: 'course' })).status, 403);
    const list = await (await api('anna', 'GET', `/api/v1/events?year=${NEXT}`)).json();
    assert.equal(list.events.length, 1);
    for (const k of ['id', 'kind', 'name', 'start', 'end', 'place']) assert.ok(k in list.events[0]);
  });

  test('a contact person signs up; more registrations than places are refused', async () => {
    const page = await as.anna.get(`/arrangementer/${training}`);
    assert.equal(page.status, 200);
    assert.ok(page.text_.includes('Tilmeld mig'));
    const r = await post('anna', `/arrangementer/${training}/tilmeld`, {});
    assert.equal(r.status, 303);
    const again = await as.anna.get(`/arrangementer/${training}`);
    assert.ok(again.text_.includes('Du er tilmeldt.'));
    const full = await api('per', 'POST', `/api/v1/events/${training}/registrations`, {});
    assert.equal(full.status, 409);
    assert.equal((await full.json()).field, 'capacity');
    const j = await (await api('sara', 'GET', `/api/v1/events/${training}`)).json();
    assert.equal(j.registered, 1);
    assert.deepEqual(j.registrations.map((x) => x.username), ['anna']);
    // others do not see who signed up
    assert.ok(!('registrations' in await (await api('per', 'GET', `/api/v1/events/${training}`)).json()));
  });

  test('the compliance page lists the contact person who is not yet trained', async () => {
    const r = await as.sten.get('/overholdelse');
    assert.equal(r.status, 200);
    assert.ok(r.text_.includes('Uddannelse af nye SSP-kontaktpersoner'));
    assert.ok(r.text_.includes('inden for 6 måneder'));
    assert.match(r.text_, /Test anna<\/th><td>eksempel-skole-vest<\/td><td>[^<]+<\/td><td><span class="app-status app-status--behind">Mangler uddannelse/);
  });

  test('the courses as ICS', async () => {
    const r = await as.anna.get(`/arrangementer.ics?aar=${NEXT}`);
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type'), /^text\/calendar/);
    assert.match(r.text_, /BEGIN:VEVENT/);
    assert.match(r.text_, /SUMMARY:Uddannelse af nye SSP-kontaktpersoner/);
    assert.match(r.text_, new RegExp(`DTSTART;TZID=Europe/Copenhagen:${NEXT}0310T090000`));
  });
});

describe('knowledge to the network', () => {
  test('a note to the contact persons is on their front page until read', async () => {
    const r = await post('sara', '/viden', { title: 'Ny viden om rusmidler', body: 'Læs mere: https://example.org/rus\nKort fortalt.',
      'roles-5': 'kontaktperson' });
    assert.equal(r.status, 303);
    assert.equal(r.headers.get('location'), '/viden?ok=oprettet');
    let home = await as.anna.get('/');
    assert.ok(home.text_.includes('Ny viden om rusmidler'));
    assert.ok(home.text_.includes('<a href="https://example.org/rus">https://example.org/rus</a>'), 'links, escaped');
    assert.ok(!(await as.per.get('/')).text_.includes('Ny viden om rusmidler'), 'not addressed to the police');
    const id = /action="\/viden\/(\d+)\/laest"/.exec(home.text_)[1];
    assert.equal((await post('per', `/viden/${id}/laest`, {})).status, 404);
    const read = await post('anna', `/viden/${id}/laest`, {});
    assert.equal(read.status, 303);
    home = await as.anna.get('/');
    assert.ok(!home.text_.includes('Ny viden om rusmidler'), 'gone from the front page once read');
    assert.ok((await as.anna.get('/viden')).text_.includes('Ny viden om rusmidler'), 'still in the list of earlier notes');
    // a CPR-like number is refused and nothing is sent
    const bad = await post('sara', '/viden', { title: 'T', body: 'Om 010203-1234', 'roles-5': 'kontaktperson' });
    assert.equal(bad.status, 422);
    assert.match(bad.text_, /id="body-error"/);
    assert.equal((await post('anna', '/viden', { title: 'T', body: 'B' })).status, 403);
  });

  test('an offer not confirmed for a year is flagged to its owner', async () => {
    // a year ago, written straight into the database (time cannot be moved)
    const db = spawnSync('sqlite3', [srv.env.SSP_DB, "UPDATE offer SET confirmed = '2020-01-01' WHERE id = 1"]);
    assert.equal(db.status, 0, String(db.stderr));
    const home = await as.sara.get('/');
    assert.ok(home.text_.includes('Tilbud, der skal bekræftes'));
    assert.ok(home.text_.includes('Familierådgivningen'));
    assert.ok(!(await as.per.get('/')).text_.includes('Tilbud, der skal bekræftes'), 'only to its owner');
    const dir = await as.sara.get('/tilbud');
    assert.ok(dir.text_.includes('Ikke bekræftet i over et år'));
    assert.equal((await post('sara', '/tilbud/1/bekraeft', {})).status, 303);
    assert.ok(!(await as.sara.get('/')).text_.includes('Tilbud, der skal bekræftes'));
  });
});

describe('advice given', () => {
  test('recorded without names; yearly counts by theme and district, as CSV', async () => {
    const day = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' });
    let r = await post('sara', '/raadgivning', { day, asker: 'laerer', theme: 'Rusmidler', district: 'vest', minutes: '30', referral: 'ja' });
    assert.equal(r.status, 303);
    r = await post('sara', '/raadgivning', { day, asker: 'foraelder', theme: 'Rusmidler', district: '', minutes: '20' });
    assert.equal(r.status, 303);
    const bad = await post('sara', '/raadgivning', { day: '2099-01-01', asker: 'laerer', theme: 'Rusmidler', minutes: '30' });
    assert.equal(bad.status, 422);
    assert.match(bad.text_, /id="day-error"/);
    assert.equal((await post('sten', '/raadgivning', { day, asker: 'laerer' })).status, 403);
    const page = await as.sten.get('/raadgivning');
    assert.equal(page.status, 200);
    assert.match(page.text_, /<th scope="row">Rusmidler<\/th><td>Vest<\/td><td>1<\/td><td>30<\/td><td>1<\/td><td>0<\/td>/);
    const csv = await as.sten.get(`/raadgivning.csv?aar=${day.slice(0, 4)}`);
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type'), /^text\/csv/);
    const lines = csv.text_.trim().split('\r\n');
    assert.equal(lines.length, 3);
    assert.ok(lines.includes(`"${day.slice(0, 4)}","Rusmidler","vest","1","30","1","0"`));
    assert.equal((await as.anna.get('/raadgivning')).status, 403);
  });
});

describe('event preparedness', () => {
  let fest;
  test('the recurring town festival is planned from the strategy file, once', async () => {
    const r = await post('sara', '/arrangementer/tilbagevendende', { aar: String(NEXT) });
    assert.equal(r.status, 303);
    const j = await (await api('sara', 'GET', `/api/v1/events?year=${NEXT}`)).json();
    const e = j.events.find((x) => x.name === 'Byfest (eksempel)');
    assert.ok(e, 'the town festival is planned');
    assert.equal(e.kind, 'event');
    assert.equal(e.start, `${NEXT}-06-19T12:00`);
    fest = e.id;
    const again = await (await api('sara', 'POST', '/api/v1/events/recurring', { year: NEXT })).json();
    assert.equal(again.created, 0);
  });

  test('the duty roster: shifts, no overlap for one person, end after start', async () => {
    let r = await post('sara', `/arrangementer/${fest}/vagter`, { username: 'sara', start: `${NEXT}-06-19T18:00`,
      end: `${NEXT}-06-19T23:00`, task: 'Nattevandring' });
    assert.equal(r.status, 303);
    r = await post('sara', `/arrangementer/${fest}/vagter`, { username: 'sara', start: `${NEXT}-06-19T22:00`,
      end: `${NEXT}-06-20T01:00`, task: '' });
    assert.equal(r.status, 409);
    assert.match(r.text_, /overlapper/);
    const bad = await api('sara', 'POST', `/api/v1/events/${fest}/shifts`, { username: 'sara',
      start: `${NEXT}-06-20T18:00`, end: `${NEXT}-06-20T17:00` });
    assert.equal(bad.status, 422);
    assert.equal((await bad.json()).field, 'end');
    assert.equal((await api('per', 'POST', `/api/v1/events/${fest}/shifts`, { username: 'sara',
      start: `${NEXT}-06-20T18:00`, end: `${NEXT}-06-20T19:00` })).status, 403);
    const page = await as.per.get(`/arrangementer/${fest}`);
    assert.equal(page.status, 200);
    assert.ok(page.text_.includes('Vagtplan'));
    // offered for the agenda of the hotspot meeting before it (`ssp init`
    // stored this year's and next year's meeting plan)
    const m = /Beredskabet tages op på <a href="\/moeder\/(\d+)">Hotspotmøde den [^<]+<\/a>\. Begivenheden står som foreslået punkt/.exec(page.text_);
    assert.ok(m, 'the hotspot meeting before it is named');
    // ... and the event is on that meeting's proposed agenda, on no other
    const meeting = await as.per.get(`/moeder/${m[1]}`);
    assert.match(meeting.text_, /<li>SSP-beredskab ved Byfest \(eksempel\) \(19\/6–21\/6\)<\/li>/);
    const all = await (await api('per', 'GET', `/api/v1/meetings?year=${NEXT}&body=hotspot`)).json();
    let elsewhere = 0;
    for (const x of all.meetings.filter((x) => String(x.id) !== m[1]))
      elsewhere += (await as.per.get(`/moeder/${x.id}`)).text_.includes('SSP-beredskab ved Byfest') ? 1 : 0;
    assert.equal(elsewhere, 0);
    // once the agenda is stored without it, the page still offers it
    const saved = await api('sara', 'POST', `/api/v1/meetings/${m[1]}/agenda`, { items: ['Velkomst', 'Tendenser'] });
    assert.equal(saved.status, 200, await saved.text());
    const again = await as.per.get(`/moeder/${m[1]}`);
    assert.match(again.text_, /Foreslåede punkter, der ikke står på dagsordenen[^<]*<\/p>\n<ul class="app-offered">\n<li>SSP-beredskab ved Byfest \(eksempel\)/);
    assert.ok(!/<li>SSP-beredskab ved Byfest[^<]*<\/li>\n<\/ol>/.test(again.text_), 'not on the stored agenda');
    assert.match(page.text_, /Test sara<\/th><td>[^<]+kl\. 18\.00<\/td>/);
    const j = await (await api('per', 'GET', `/api/v1/events/${fest}`)).json();
    assert.equal(j.shifts.length, 1);
  });

  test('every change is in the access log', () => {
    const acts = auditActions();
    for (const a of ['offer.add', 'offer.confirm', 'event.add', 'event.register', 'event.recurring',
      'event.shift', 'note.add', 'note.read', 'advice.add'])
      assert.ok(acts.includes(a), `logged ${a}`);
  });
});

describe('editing offers and events', () => {
  test('the SSP-team edits and removes an offer; others get 403; bad input changes nothing', async () => {
    const add = await api('sara', 'POST', '/api/v1/offers', { name: 'Gadeplan', provider: 'UNG', age_from: 13,
      age_to: 17, themes: ['Kriminalitet'], districts: ['vest'], referral: 'Ring til vagttelefonen.' });
    assert.equal(add.status, 201);
    const { id } = await add.json();
    assert.equal(add.headers.get('location'), `/api/v1/offers/${id}`);
    const body = { name: 'Gadeplan Vest', provider: 'UNG', age_from: 12, age_to: 18, themes: ['Kriminalitet'],
      districts: [], referral: 'Ring til vagttelefonen.' };
    assert.equal((await api('per', 'POST', `/api/v1/offers/${id}`, body)).status, 403);
    const bad = await api('sara', 'POST', `/api/v1/offers/${id}`, { ...body, referral: '' });
    assert.equal(bad.status, 422);
    assert.equal((await bad.json()).field, 'referral');
    let o = await (await api('anna', 'GET', `/api/v1/offers/${id}`)).json();
    assert.equal(o.name, 'Gadeplan');
    assert.equal((await api('sara', 'POST', `/api/v1/offers/${id}`, body)).status, 200);
    o = await (await api('anna', 'GET', `/api/v1/offers/${id}`)).json();
    assert.equal(o.name, 'Gadeplan Vest');
    assert.deepEqual(o.districts, []);
    // the page: a form with what is stored; a refused age names the field
    assert.equal((await as.anna.get(`/tilbud/${id}`)).status, 403);
    const page = await as.sara.get(`/tilbud/${id}`);
    assert.equal(page.status, 200);
    assert.match(page.text_, /id="name" name="name" value="Gadeplan Vest"/);
    const form = new URLSearchParams({ csrf: as.sara.csrf, name: 'Gadeplan', provider: 'UNG', age_from: '15',
      age_to: '12', referral: 'Ring.' });
    form.append('themes-0', 'Kriminalitet');
    const hdr = { 'content-type': 'application/x-www-form-urlencoded' };
    let r = await as.sara.post(`/tilbud/${id}`, { body: form.toString(), headers: hdr });
    assert.equal(r.status, 422);
    assert.match(r.text_, /id="age_to-error"/);
    form.set('age_to', '19');
    r = await as.sara.post(`/tilbud/${id}`, { body: form.toString(), headers: hdr });
    assert.equal(r.status, 303);
    assert.equal(r.headers.get('location'), '/tilbud?ok=rettet');
    assert.equal((await post('anna', `/tilbud/${id}/fjern`, {})).status, 403);
    r = await post('sara', `/tilbud/${id}/fjern`, {});
    assert.equal(r.headers.get('location'), '/tilbud?ok=fjernet');
    assert.equal((await api('anna', 'GET', `/api/v1/offers/${id}`)).status, 404);
    assert.equal((await api('sara', 'POST', `/api/v1/offers/${id}/remove`, {})).status, 404);
  });

  test('an event is edited and cancelled; registration closes; ICS says cancelled', async () => {
    const add = await api('sara', 'POST', '/api/v1/events', { kind: 'parent-evening', name: 'Forældremøde',
      start: `${NEXT}-09-10T19:00`, end: `${NEXT}-09-10T21:00`, place: 'Skolen', capacity: 2 });
    const { id } = await add.json();
    assert.equal((await api('anna', 'POST', `/api/v1/events/${id}/registrations`, {})).status, 201);
    assert.equal((await api('per', 'POST', `/api/v1/events/${id}/registrations`, {})).status, 201);
    const ev = { kind: 'parent-evening', name: 'Forældremøde 7. klasse', start: `${NEXT}-09-10T19:00`,
      end: `${NEXT}-09-10T21:30`, place: 'Aulaen', capacity: 1 };
    let r = await api('sara', 'POST', `/api/v1/events/${id}`, ev);
    assert.equal(r.status, 422);
    assert.equal((await r.json()).field, 'capacity');
    assert.equal((await api('anna', 'POST', `/api/v1/events/${id}`, { ...ev, capacity: 5 })).status, 403);
    assert.equal((await api('sara', 'POST', `/api/v1/events/${id}`, { ...ev, capacity: 5 })).status, 200);
    let j = await (await api('anna', 'GET', `/api/v1/events/${id}`)).json();
    assert.equal(j.place, 'Aulaen');
    assert.equal(j.capacity, 5);
    // the page form, on its own page
    const page = await as.sara.get(`/arrangementer/${id}/ret`);
    assert.equal(page.status, 200);
    assert.match(page.text_, /value="Forældremøde 7. klasse"/);
    r = await post('sara', `/arrangementer/${id}/ret`, { ...ev, capacity: '5', start: '2001-01-01T10:00', end: '2001-01-01T11:00' });
    assert.equal(r.status, 422);
    assert.match(r.text_, /id="start-error"/);
    assert.equal((await post('anna', `/arrangementer/${id}/aflys`, {})).status, 403);
    r = await post('sara', `/arrangementer/${id}/aflys`, {});
    assert.equal(r.status, 303);
    assert.equal(r.headers.get('location'), `/arrangementer/${id}?ok=aflyst`);
    r = await post('sara', `/arrangementer/${id}/aflys`, {});
    assert.equal(r.status, 409);
    assert.match(r.text_, /allerede aflyst/);
    j = await (await api('anna', 'GET', `/api/v1/events/${id}`)).json();
    assert.equal(j.cancelled, true);
    assert.equal(j.may_register, false);
    assert.equal((await api('sten', 'POST', `/api/v1/events/${id}/registrations`, {})).status, 422);
    const ics = await as.anna.get(`/arrangementer.ics?aar=${NEXT}`);
    assert.match(ics.text_, /SUMMARY:Forældremøde 7\. klasse\r\n(?:[^\r]*\r\n)*?STATUS:CANCELLED/);
  });

  test('the annual wheel shows the year\'s courses and events', async () => {
    const svg = await as.anna.get(`/aarshjul/${NEXT}.svg`);
    assert.equal(svg.status, 200);
    assert.match(svg.text_, /data-ring="events"/);
    assert.match(svg.text_, /<title>Byfest \(eksempel\) \(19\/6-21\/6\)<\/title>/);
    const page = await as.anna.get(`/aarshjul?aar=${NEXT}`);
    assert.match(page.text_, /Kurser og begivenheder \(yderste ring\)/);
    assert.match(page.text_, /<a href="\/arrangementer\/\d+">Byfest \(eksempel\)<\/a>/);
  });
});

describe('the JSON API for knowledge notes and advice', () => {
  test('notes: the SSP-team writes, the addressees list and mark them read', async () => {
    assert.equal((await api('per', 'POST', '/api/v1/notes', { title: 'T', body: 'B', roles: ['politi'] })).status, 403);
    let r = await api('sara', 'POST', '/api/v1/notes', { title: 'Ny lov', body: 'Kort om loven.', roles: [], bodies: [] });
    assert.equal(r.status, 422);
    assert.equal((await r.json()).field, 'roles');
    r = await api('sara', 'POST', '/api/v1/notes', { title: 'Ny lov', body: 'Kort om loven.', roles: ['politi'] });
    assert.equal(r.status, 201);
    const { id } = await r.json();
    let l = await (await api('per', 'GET', '/api/v1/notes?unread=1')).json();
    assert.ok(l.notes.some((n) => n.id === id && n.title === 'Ny lov' && !n.read));
    l = await (await api('anna', 'GET', '/api/v1/notes')).json();
    assert.ok(!l.notes.some((n) => n.id === id), 'not addressed to the contact persons');
    assert.equal((await api('anna', 'POST', `/api/v1/notes/${id}/read`, {})).status, 404);
    assert.equal((await api('per', 'POST', `/api/v1/notes/${id}/read`, {})).status, 200);
    l = await (await api('per', 'GET', '/api/v1/notes?unread=1')).json();
    assert.ok(!l.notes.some((n) => n.id === id));
    assert.equal((await api('per', 'GET', '/api/v1/notes?unread=ja')).status, 400);
  });

  test('advice: the SSP-team records and lists; the steering group reads counts only', async () => {
    const day = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' });
    const y = day.slice(0, 4);
    const a = { day, asker: 'klubmedarbejder', theme: 'Trivsel og mistrivsel', district: 'oest', minutes: 45,
      referral: false, underretning: true };
    assert.equal((await api('sten', 'POST', '/api/v1/advice', a)).status, 403);
    let r = await api('sara', 'POST', '/api/v1/advice', { ...a, asker: 'Hans Hansen' });
    assert.equal(r.status, 422);
    assert.equal((await r.json()).field, 'asker');
    r = await api('sara', 'POST', '/api/v1/advice', a);
    assert.equal(r.status, 201);
    const l = await (await api('sara', 'GET', `/api/v1/advice?year=${y}`)).json();
    assert.ok(l.advice.some((x) => x.asker === 'klubmedarbejder' && x.district === 'oest' && x.underretning));
    assert.equal((await api('sten', 'GET', `/api/v1/advice?year=${y}`)).status, 403);
    const c = await (await api('sten', 'GET', `/api/v1/advice/counts?year=${y}`)).json();
    const cell = c.counts.find((x) => x.theme === 'Trivsel og mistrivsel' && x.district === 'oest');
    assert.deepEqual(cell, { theme: 'Trivsel og mistrivsel', district: 'oest', count: 1, minutes: 45,
      referrals: 0, underretninger: 1 });
    assert.equal((await api('anna', 'GET', `/api/v1/advice/counts?year=${y}`)).status, 403);
  });

  test('each of these changes is in the access log', () => {
    const acts = auditActions();
    for (const a of ['offer.edit', 'offer.remove', 'event.edit', 'event.cancel', 'note.add', 'note.read', 'advice.add'])
      assert.ok(acts.includes(a), `logged ${a}`);
  });
});
