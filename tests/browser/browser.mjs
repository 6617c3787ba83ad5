// browser.mjs - helpers for the browser tests: playwright-core drives
// Debian's Chromium (/usr/bin/chromium, never a downloaded browser) against
// the real `ssp serve` that tests/http/lib.mjs starts on a temporary
// database. This file adds what only a browser needs: launching Chromium on
// a fresh profile, a page wrapper that records console errors, CSP
// violations and failed requests, axe-core, page-structure checks, and
// sign-in steps (password, enrolment, TOTP) done through the real forms.
//
// Environment (set by tests/browser/meson.build): SSP, SRC as for
// tests/http; CHROMIUM overrides /usr/bin/chromium.
import { chromium } from 'playwright-core';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PASSWORD, SRC, SSP, totp, totpStep } from '../http/lib.mjs';

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
// Exactly these; as root the sandbox must stay off.
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
  '--no-first-run', '--disable-background-networking', '--disable-component-update',
  '--disable-sync'];
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

// The pages need DKFDS under BUILD/assets/ (`make build` runs
// scripts/assets.sh; bare `ninja` does not): put it there when missing, so
// a failure below is about the pages, not about the set-up.
export function ensureAssets() {
  const build = path.dirname(SSP);
  if (existsSync(path.join(build, 'assets', 'dkfds', 'css', 'dkfds.min.css'))) return;
  const r = spawnSync('sh', [path.join(SRC, 'scripts', 'assets.sh'), build], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error('scripts/assets.sh failed: ' + r.stderr);
}

// A folder for this test file's screenshots and browser profile.
export function tempDir(name) {
  return mkdtempSync(path.join(tmpdir(), `ssp-browser-${name}-`));
}

// Launches Chromium on a fresh profile (DIR/profile-XXXXXX, deleted by
// close()). The browser's own persistent context is not used: every actor
// gets an isolated context (own cookies) from newContext().
export async function launch(dir) {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/deps.sh`);
  const profile = mkdtempSync(path.join(dir, 'profile-'));
  const persistent = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true,
  });
  const browser = persistent.browser();
  return {
    newContext: (opts = {}) => browser.newContext({ locale: 'da-DK', viewport: { width: 1280, height: 800 }, ...opts }),
    async close() {
      await persistent.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

// A tab that remembers everything that went wrong since the last
// navigation. Every navigation goes through goto/submit/press so that the
// status of the page being shown is known.
export class Tab {
  static async open(context, base) {
    const page = await context.newPage();
    const tab = new Tab(page, base);
    // CSP violations are console errors too; this catches them even if
    // Chromium stops logging them.
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}` +
          ` at ${e.sourceFile || '?'}:${e.lineNumber}`);
      });
    });
    return tab;
  }

  constructor(page, base) {
    this.page = page;
    this.base = base;
    this.reset();
    page.on('console', (m) => {
      if (m.type() === 'error') this.consoleErrors.push({ text: m.text(), url: m.location().url });
    });
    page.on('pageerror', (e) => this.consoleErrors.push({ text: 'uncaught exception: ' + e.message }));
    page.on('response', (r) => {
      if (r.status() >= 400 && r.request().resourceType() !== 'document')
        this.badRequests.push(`${r.status()} ${r.url()}`);
    });
    page.on('requestfailed', (r) => {
      this.badRequests.push(`failed ${r.url()}: ${r.failure()?.errorText}`);
    });
  }

  reset() {
    this.consoleErrors = [];
    this.badRequests = [];
    this.response = null;
  }

  get status() { return this.response ? this.response.status() : null; }
  path() { const u = new URL(this.page.url()); return u.pathname + u.search; }

  async goto(p) {
    this.reset();
    this.response = await this.page.goto(this.base + p, { waitUntil: 'load' });
    return this.response;
  }

  // Runs action (a click or key press that submits or follows a link) and
  // waits for the resulting page to load.
  async navigate(action) {
    this.reset();
    const [resp] = await Promise.all([
      this.page.waitForNavigation({ waitUntil: 'load' }),
      action(),
    ]);
    this.response = resp;
    return resp;
  }

  submit(selector) { return this.navigate(() => this.page.click(selector)); }
  press(key) { return this.navigate(() => this.page.keyboard.press(key)); }

  // Console errors (minus the browser's note about the page's own error
  // status, e.g. the 404 page's 404, which is intended), failed requests.
  problems() {
    const doc = this.response ? this.response.url() : null;
    const out = [];
    for (const e of this.consoleErrors) {
      if (e.url && e.url === doc && /^Failed to load resource: the server responded with a status of \d+/.test(e.text))
        continue;
      out.push(`console error: ${e.text}${e.url ? ` (${e.url})` : ''}`);
    }
    for (const r of this.badRequests) out.push(`request: ${r}`);
    return out;
  }

  // Runs axe-core (WCAG 2.1 A + AA) on the page. Injected through the
  // DevTools protocol, not a <script> tag, so the page's CSP is not bent.
  async axe() {
    const loaded = await this.page.evaluate(() => typeof window.axe === 'object');
    if (!loaded) await this.page.evaluate(AXE_SOURCE);
    const r = await this.page.evaluate((tags) => window.axe.run(document, {
      runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'],
    }), AXE_TAGS);
    return r.violations;
  }

  // lang, title, h1s, and whether DKFDS's stylesheet is in effect (its
  // font, IBM Plex Sans, on the body).
  async structure() {
    return this.page.evaluate(() => ({
      lang: document.documentElement.getAttribute('lang'),
      title: document.title,
      h1: [...document.querySelectorAll('h1')].map((h) => h.textContent.trim()),
      font: getComputedStyle(document.body).fontFamily,
      stylesheets: [...document.styleSheets].map((s) => s.href),
    }));
  }

  async screenshot(file) {
    await this.page.screenshot({ path: file, fullPage: true });
  }

  // What is focused: tag, text, id, href, and whether a focus indicator
  // (outline or box-shadow) is drawn and the element is on screen.
  async focused() {
    return this.page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return { tag: 'BODY' };
      const cs = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      return {
        tag: el.tagName,
        id: el.id,
        text: (el.innerText || el.value || '').trim(),
        href: el.getAttribute('href'),
        inHeader: !!el.closest('header'),
        inNav: !!el.closest('nav'),
        inMain: !!el.closest('main'),
        indicator: (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) ||
          cs.boxShadow !== 'none',
        visible: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 &&
          r.top < window.innerHeight && r.left < window.innerWidth,
      };
    });
  }
}

// One line per node of every violation, for the test's failure message.
export function formatViolations(violations) {
  const lines = [];
  for (const v of violations) {
    lines.push(`- ${v.id} [${v.impact}] ${v.help} (${v.helpUrl})`);
    for (const n of v.nodes) {
      lines.push(`    at ${n.target.join(' ')}: ${n.html.slice(0, 160)}`);
      const why = (n.failureSummary || '').split('\n').map((s) => s.trim()).filter(Boolean);
      if (why.length) lines.push(`      ${why.join(' / ')}`);
    }
  }
  return lines.join('\n');
}

// ---- sign-in through the real forms ----

// Fills and submits the sign-in form; returns the tab's response.
export async function signIn(tab, username, password = PASSWORD) {
  await tab.goto('/logind');
  await tab.page.fill('#username', username);
  await tab.page.fill('#password', password);
  return tab.submit('main form button[type=submit]');
}

// The base32 secret as the enrolment page shows it to a person (groups of
// four after "Hemmelighed:"), spaces removed.
export async function secretFromPage(tab) {
  const text = await tab.page.locator('main').innerText();
  const m = /Hemmelighed:\s*([A-Z2-7][A-Z2-7 ]{15,})/.exec(text);
  if (!m) throw new Error('no secret on the page:\n' + text);
  return m[1].replace(/\s+/g, '');
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// The TOTP time step to use after lastStep: the current one, or the next
// one when the current one was just used (the server refuses a replayed
// step and accepts one step of clock drift either way; if even the next one
// is taken, wait for the clock).
export async function freshStep(lastStep = -1) {
  for (;;) {
    const now = totpStep();
    const step = Math.max(now, lastStep + 1);
    if (step <= now + 1) return step;
    await sleep(1000 * (30 - (Date.now() / 1000) % 30) + 50);
  }
}

// On the enrolment page: reads the secret, types the code, submits.
// Returns {secret, step, response}.
export async function enrol(tab) {
  const secret = await secretFromPage(tab);
  const step = await freshStep();
  await tab.page.fill('#code', totp(secret, step));
  const response = await tab.submit('main form button[type=submit]');
  return { secret, step, response };
}

// On the TOTP page: types a fresh code, submits. Returns {step, response}.
export async function enterTotp(tab, secret, lastStep) {
  const step = await freshStep(lastStep);
  await tab.page.fill('#code', totp(secret, step));
  const response = await tab.submit('main form button[type=submit]');
  return { step, response };
}

// Signs in all the way (password, then enrolment or TOTP as the server
// asks). who = {username, secret?, step?}; updates secret and step.
export async function signInFully(tab, who) {
  await signIn(tab, who.username);
  if (tab.path() === '/profil/totp') {
    const e = await enrol(tab);
    who.secret = e.secret;
    who.step = e.step;
  } else if (tab.path() === '/logind/totp') {
    const e = await enterTotp(tab, who.secret, who.step ?? -1);
    who.step = e.step;
  }
  if (tab.path() !== '/') throw new Error(`${who.username}: sign-in ended on ${tab.path()}`);
}
