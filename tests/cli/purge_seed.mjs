// purge_seed.mjs - makes the data tests/cli/purge.sh purges: a real
// `ssp serve` on DIR (argument 1; `ssp init` makes DIR/ssp.db), users, and
// through the JSON API: people, hand-overs, referrals, decisions, a closed
// and an open concern, minutes, a closed § 115 meeting. Prints one JSON
// object with the ids and birth dates, then stops the server (SIGTERM).
import { addUser, createToken, startServer } from '../http/lib.mjs';

const dir = process.argv[2];
const srv = await startServer({ dir });
const tok = {};
for (const [u, role] of [['sofie', 'ssp'], ['per', 'politi'], ['kim', 'kontaktperson']]) {
  addUser(srv, u, role, role === 'kontaktperson' ? ['--institution', 'eksempel-skole-vest'] : []);
  tok[u] = createToken(srv, u);
}
async function api(who, method, p, json) {
  const headers = { authorization: 'Bearer ' + tok[who] };
  let body;
  if (json !== undefined) { headers['content-type'] = 'application/json'; body = JSON.stringify(json); }
  const r = await fetch(srv.base + p, { method, headers, body });
  const b = await r.json();
  if (r.status >= 300) throw new Error(`${method} ${p}: ${r.status} ${JSON.stringify(b)}`);
  return b;
}
function cprOfAge(age, serial) {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() - age);
  d.setUTCDate(d.getUTCDate() - 40);
  const dd = String(d.getUTCDate()).padStart(2, '0');
  const mm = String(d.getUTCMonth() + 1).padStart(2, '0');
  const yy = String(d.getUTCFullYear() % 100).padStart(2, '0');
  const seventh = d.getUTCFullYear() >= 2000 ? '4' : '1';
  return { cpr: `${dd}${mm}${yy}-${seventh}${serial}`, birth: d.toISOString().slice(0, 10) };
}
const today = new Date().toISOString().slice(0, 10);
const out = { today };
try {
  const ms = (await api('per', 'GET', `/api/v1/meetings?body=paragraf-115&from=${today}`)).meetings
    .filter((m) => m.status === 'planned');
  const [m1, m2] = [ms[0].id, ms[1].id];
  const A = cprOfAge(14, '001'), B = cprOfAge(20, '002'), C = cprOfAge(17, '003'), D = cprOfAge(16, '004');
  const pA = (await api('sofie', 'POST', '/api/v1/people', { name: 'Purgeperson Xylofonsen', cpr: A.cpr })).id;
  const pB = (await api('sofie', 'POST', '/api/v1/people', { name: 'Purgeperson Bratsch', cpr: B.cpr })).id;
  const pC = (await api('sofie', 'POST', '/api/v1/people', { name: 'Purgeperson Cembalo', cpr: C.cpr })).id;
  const pD = (await api('sofie', 'POST', '/api/v1/people', { name: 'Purgeperson Didgeridoo', cpr: D.cpr })).id;
  const h1 = (await api('per', 'POST', '/api/v1/handovers', { meeting: m1, person: pA, contact_date: today, summary: 'Antruffet ved Purgestationen.' })).id;
  const h2 = (await api('per', 'POST', '/api/v1/handovers', { meeting: m1, person: pB, contact_date: today, summary: 'Set i Purgegruppe.' })).id;
  const h3 = (await api('per', 'POST', '/api/v1/handovers', { meeting: m2, person: pC, contact_date: today, summary: 'Set ved Purgehallen.' })).id;
  const h4 = (await api('per', 'POST', '/api/v1/handovers', { meeting: m1, person: pD, contact_date: today, summary: 'Set ved Purgeskolen.' })).id;
  const r1 = (await api('sofie', 'POST', '/api/v1/referrals', { person: pA, summary: 'Purgefravær.', necessity: 'Purgenødvendigt.', legal_basis: 'ssp' })).id;
  await api('sofie', 'POST', `/api/v1/referrals/${r1}/screen`, { decision: 'agenda', meeting: m1 });
  const r2 = (await api('sofie', 'POST', '/api/v1/referrals', { person: pC, summary: 'Purgekonflikt.', necessity: 'Purgegrund.', legal_basis: 'ssp' })).id;
  await api('sofie', 'POST', `/api/v1/referrals/${r2}/screen`, { decision: 'other', reason: 'Purgeandetsteds.' });
  const base = { category: 2, legal_basis: 'ssp', necessity: true,
    actions: [{ type: 'bekymringssamtale', owner_org: 'ssp', owner_user: 'sofie' }] };
  const c1 = (await api('sofie', 'POST', `/api/v1/meetings/${m1}/items/handover-${h1}/decision`, base)).concern;
  await api('sofie', 'POST', `/api/v1/meetings/${m1}/items/referral-${r1}/decision`, base);
  const c2 = (await api('sofie', 'POST', `/api/v1/meetings/${m1}/items/handover-${h4}/decision`, base)).concern;
  await api('per', 'POST', `/api/v1/meetings/${m1}/minutes`, { text: 'Generelle tendenser i Purgeby.' });
  const closed = await api('per', 'POST', `/api/v1/meetings/${m1}/close`);
  await api('sofie', 'POST', `/api/v1/concerns/${c1}/close`, { reason: 'Purgeforløbet er afsluttet.' });
  Object.assign(out, { m1, m2, pA, pB, pC, pD, h1, h2, h3, h4, r1, r2, c1, c2,
    birthA: A.birth, cprA: A.cpr, handovers_deleted: closed.handovers_deleted });
} finally {
  srv.proc.kill('SIGTERM');
  const r = await srv.exited;
  if (r.code !== 0) { console.error(srv.stderr); process.exitCode = 1; }
}
console.log(JSON.stringify(out));
