// signin.test.mjs - two-factor sign-in end to end in Chromium: a user whose
// role requires TOTP signs in with the password, is sent to enrolment, reads
// the secret from the page as a person would, types the code an
// authenticator app would show (RFC 6238, computed here), lands on the
// front page, signs out, and signs in again with password + code. A
// replayed code is refused on the way.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { addUser, startServer, stopServer, totp } from '../http/lib.mjs';
import { Tab, enrol, ensureAssets, enterTotp, launch, signIn, tempDir } from './browser.mjs';

let srv, browser, ctx, tab, dir;
const sofie = { username: 'sofie' };

before(async () => {
  ensureAssets();
  dir = tempDir('signin');
  srv = await startServer({ totp: true });
  addUser(srv, 'sofie', 'ssp'); // ssp sees personal data: TOTP is required
  browser = await launch(dir);
  ctx = await browser.newContext();
  tab = await Tab.open(ctx, srv.base);
});

after(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
  const r = await stopServer(srv);
  assert.equal(r.code, 0, 'clean shutdown; server stderr:\n' + srv.stderr);
});

const h1 = () => tab.page.locator('h1').innerText();

test('password sign-in of a TOTP role leads to enrolment, and nowhere else', async () => {
  await signIn(tab, 'sofie');
  assert.equal(tab.path(), '/profil/totp', 'sent to enrolment');
  assert.equal(tab.status, 200);
  assert.equal(await h1(), 'Slå to-faktor-login til');
  assert.match(await tab.page.locator('main').innerText(), /Din rolle giver adgang til personoplysninger/);
  assert.equal(await tab.page.locator('main svg[role="img"]').count(), 1, 'the QR code is shown');
  await tab.goto('/organisation');
  assert.equal(tab.path(), '/profil/totp', 'the organisation is not reachable before enrolment');
  assert.deepEqual(tab.problems(), []);
});

test('enrolment with the secret from the page text lands on the front page', async () => {
  await tab.goto('/profil/totp');
  const e = await enrol(tab);
  sofie.secret = e.secret;
  sofie.step = e.step;
  assert.match(e.secret, /^[A-Z2-7]{16,}$/);
  assert.equal(tab.path(), '/', 'lands on the front page');
  assert.equal(tab.status, 200);
  assert.equal(await h1(), 'Forside');
  assert.match(await tab.page.locator('header').innerText(), /sofie/);
  assert.deepEqual(tab.problems(), []);
});

test('sign-out by the header button', async () => {
  await tab.submit('header form.app-logout button');
  assert.equal(tab.path(), '/logind?ok=logget-ud');
  assert.match(await tab.page.locator('main').innerText(), /Du er logget ud\./);
  const cookies = await ctx.cookies();
  assert.ok(!cookies.some((c) => c.name === 'ssp_session'), 'no session cookie left');
  await tab.goto('/');
  assert.equal(tab.path(), '/logind', 'the front page asks for sign-in again');
});

test('second sign-in: password, then a TOTP code; a replayed code is refused', async () => {
  await signIn(tab, 'sofie');
  assert.equal(tab.path(), '/logind/totp', 'asked for the code, not enrolment');
  assert.equal(await h1(), 'Tofaktorkode');

  // the code that was just used for enrolment
  await tab.page.fill('#code', totp(sofie.secret, sofie.step));
  await tab.submit('main form button[type=submit]');
  assert.equal(tab.status, 422, 'a replayed code is refused');
  assert.equal(tab.path(), '/logind/totp');
  assert.equal(await tab.page.locator('#code').getAttribute('aria-invalid'), 'true');

  const e = await enterTotp(tab, sofie.secret, sofie.step);
  assert.ok(e.step > sofie.step);
  assert.equal(tab.path(), '/', 'lands on the front page');
  assert.equal(tab.status, 200);
  assert.equal(await h1(), 'Forside');
  await tab.goto('/organisation');
  assert.equal(tab.path(), '/organisation', 'fully signed in');
  assert.deepEqual(tab.problems(), []);
});
