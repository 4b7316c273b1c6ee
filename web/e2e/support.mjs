// Shared harness of the browser specs: chromium (Debian's /usr/bin/chromium) driven by playwright-core,
// run with `node --test` by tests/Web.Tests, which starts the platform and passes its address.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const baseUrl = required('AUTOML_BASE_URL').replace(/\/$/, '');
export const screenshotDir = required('AUTOML_SCREENSHOTS');
export const testData = required('AUTOML_TEST_DATA');
export const password = 'correct horse battery staple';

/** The two widths every page must work at: a desktop and a phone. */
export const viewports = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 375, height: 812 },
];

/** Navigation to a page's main heading must take less than this on the local stack. */
export const renderBudgetMs = 1000;

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the specs through tests/Web.Tests (dotnet test).`);
  return value;
}

let browserPromise;
function browser() {
  browserPromise ??= chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return browserPromise;
}

after(async () => {
  if (browserPromise) await (await browserPromise).close();
});

const failedResource = /^Failed to load resource: the server responded with a status of (\d+)/;

/**
 * Registers one test per viewport, each in a fresh browser context. Any console error or uncaught page
 * error fails the test, except a failed response the spec declared with `ui.expectProblem(path, status)`
 * (the browser logs every 4xx/5xx answer, and the specs provoke some on purpose to check the message shown).
 */
export function pageTest(name, body, { viewportsToRun = viewports } = {}) {
  for (const viewport of viewportsToRun) {
    test(`${name} (${viewport.width} px)`, async () => {
      const context = await (await browser()).newContext({
        viewport: { width: viewport.width, height: viewport.height },
        baseURL: baseUrl,
        locale: 'en-US',
        timezoneId: 'UTC',
      });
      context.setDefaultTimeout(15_000);
      await context.addInitScript(headingClock);
      const page = await context.newPage();
      const errors = [];
      const expected = [];
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        const failed = failedResource.exec(message.text());
        const url = message.location().url ?? '';
        if (failed && expected.some((e) => e.status === Number(failed[1]) && url.includes(e.path))) return;
        errors.push(`console error: ${message.text()} ${url}`);
      });
      page.on('pageerror', (error) => errors.push(`page error: ${error.stack ?? error.message}`));
      const ui = {
        page,
        viewport,
        width: viewport.width,
        expectProblem: (pathPart, status) => expected.push({ path: pathPart, status }),
      };
      try {
        await body(ui);
        assert.deepEqual(errors, [], 'the page logged errors');
      } catch (e) {
        await screenshot(page, `FAILED-${slug(name)}`, viewport.width).catch(() => {});
        if (errors.length > 0 && !(e instanceof assert.AssertionError && e.message.includes('logged errors'))) {
          e.message += `\nPage errors:\n${errors.join('\n')}`;
        }
        throw e;
      } finally {
        await context.close();
      }
    });
  }
}

function slug(text) {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** Saves a full-page screenshot as AUTOML_SCREENSHOTS/<name>-<width>.png. */
export async function screenshot(page, name, width = page.viewportSize().width) {
  mkdirSync(screenshotDir, { recursive: true });
  // From the top: a full-page shot of a scrolled page would paint the sticky top bar mid-page.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(screenshotDir, `${name}-${width}.png`), fullPage: true });
}

/** The page's main heading (h1), optionally by its text. */
export function mainHeading(page, name) {
  return page.getByRole('heading', { level: 1, ...(name ? { name } : {}) });
}

/**
 * Records, inside the page, when each new main heading is about to be painted and when the last click
 * happened, so render times are the browser's own and not the test driver's round trips.
 */
const headingClock = () => {
  window.__headings = [];
  window.__clickAt = null;
  let last = null;
  document.addEventListener('click', () => { window.__clickAt = performance.now(); }, true);
  new MutationObserver(() => {
    const h1 = document.querySelector('h1');
    const text = h1 ? h1.textContent : null;
    if (text && text !== last) {
      last = text;
      requestAnimationFrame(() => window.__headings.push({ text, at: performance.now() }));
    } else if (!text) {
      last = null;
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
};

/** Matches a heading's text the way getByRole's name does: a RegExp, or a case-insensitive substring. */
async function headingTime(page, heading, since) {
  const matcher = heading instanceof RegExp ? { source: heading.source, flags: heading.flags } : { text: String(heading) };
  return page.evaluate(({ matcher, since }) => {
    const matches = (text) =>
      matcher.source !== undefined ? new RegExp(matcher.source, matcher.flags).test(text) : text.toLowerCase().includes(matcher.text.toLowerCase());
    const start = since === 'click' ? window.__clickAt : 0;
    const shown = window.__headings.find((h) => h.at >= start && matches(h.text));
    return shown ? Math.round(shown.at - start) : null;
  }, { matcher, since });
}

/** Navigates by URL or by a click, waits for the heading, and answers the browser's render time in ms. */
async function timeToHeading(page, heading, since, action) {
  const started = performance.now();
  await action();
  await mainHeading(page, heading).waitFor({ state: 'visible' });
  const driver = Math.round(performance.now() - started);
  // The driver's own clock (which adds its round trips) when the page recorded nothing, e.g. the same heading text.
  return (await headingTime(page, heading, since)) ?? driver;
}

/**
 * The render budget: from the start of a navigation (or the click) to the page's main heading painted.
 * The test machine is shared with builds and other suites, so a slow sample is measured again by loading
 * the same address afresh, twice at most; one sample must be within budget. Every sample is logged.
 */
async function withinBudget(page, heading, first, what) {
  const width = page.viewportSize().width;
  console.log(`render ${what} at ${width}px: ${first} ms`);
  const samples = [first];
  while (Math.min(...samples) >= renderBudgetMs && samples.length < 3) {
    const again = await timeToHeading(page, heading, 'load', () => page.goto(page.url(), { waitUntil: 'commit' }));
    console.log(`render ${what} at ${width}px, measured again: ${again} ms`);
    samples.push(again);
  }
  const best = Math.min(...samples);
  assert.ok(best < renderBudgetMs, `${what} took ${samples.join(' ms, ')} ms to show its heading "${heading}" (budget ${renderBudgetMs} ms)`);
  return best;
}

/** Loads a page by URL and asserts its main heading shows within the render budget. Returns the milliseconds. */
export async function openPage(page, url, heading) {
  const ms = await timeToHeading(page, heading, 'load', () => page.goto(url, { waitUntil: 'commit' }));
  return withinBudget(page, heading, ms, url);
}

/** Clicks something that navigates inside the app and asserts the new page's heading shows within budget. */
export async function clickToPage(page, locator, heading) {
  const ms = await timeToHeading(page, heading, 'click', () => locator.click());
  return withinBudget(page, heading, ms, `"${heading}" after a click`);
}

let counter = 0;
export function newEmail(prefix = 'web') {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${process.pid}-${counter}@example.com`;
}

/** Signs a new user up through the sign-up page and waits for the data sets page. */
/**
 * Signs up through the form and, unless told not to, opens the confirmation link from the test mailbox as the user
 * would from their email (the welcome bonus waits for it); ends on the data sets page either way.
 */
/** Ticks the sign-up form's consent boxes: the terms and data-processing notice, and the minimum age. */
export async function acceptSignUpTerms(page) {
  await page.getByLabel('I accept the terms of service and the data-processing notice').check();
  await page.getByLabel('I am at least 16 years old').check();
}

export async function signUp(page, email = newEmail(), { confirm = true } = {}) {
  await openPage(page, '/signup', 'Create your account');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await acceptSignUpTerms(page);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await mainHeading(page, 'Data sets').waitFor();
  if (confirm) {
    const { path } = await (await fetch(`${mailboxUrl()}/confirmation-link?email=${encodeURIComponent(email)}`)).json();
    await openPage(page, path, 'Verify your email');
    await page.getByRole('status').getByText('Your email address is confirmed.').waitFor();
    await openPage(page, '/datasets', 'Data sets');
  }
  return { email, password };
}

const mailboxUrl = () => required('AUTOML_MAILBOX_URL').replace(/\/$/, '');

/**
 * Waits (15 s at most) until the platform's outbox holds a mail of `template` to `email`, created after `after` (a Date
 * or ISO string) when given, and returns the newest such mail: { to, template, subject, createdAt, links }, where each
 * link is a path and query to open on the base URL, as a user would click it in the mail.
 */
export async function mailTo(email, template, { after, timeoutMs = 15_000 } = {}) {
  const since = after ? new Date(after).getTime() : -Infinity;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetch(`${mailboxUrl()}/emails?email=${encodeURIComponent(email)}`);
    assert.equal(response.status, 200, `the test mailbox answered ${response.status}`);
    const found = (await response.json()).filter((m) => m.template === template && new Date(m.createdAt).getTime() > since);
    if (found.length > 0) return found[found.length - 1];
    if (Date.now() > deadline) throw new Error(`no "${template}" mail to ${email} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Every mail the platform queued for this address so far, oldest first (the same shape as mailTo's). */
export async function mailsTo(email) {
  const response = await fetch(`${mailboxUrl()}/emails?email=${encodeURIComponent(email)}`);
  assert.equal(response.status, 200, `the test mailbox answered ${response.status}`);
  return response.json();
}

/** Opens the main navigation (a menu button on phones) and follows one of its links. */
export async function navigate(page, linkName, heading) {
  const nav = page.getByRole('navigation', { name: 'Main' });
  const toggle = page.getByRole('button', { name: 'Menu' });
  if (await toggle.isVisible()) await toggle.click();
  return clickToPage(page, nav.getByRole('link', { name: linkName, exact: true }), heading);
}

/** Signs out through the navigation and waits for the sign-in page. */
export async function signOut(page) {
  const toggle = page.getByRole('button', { name: 'Menu' });
  if (await toggle.isVisible()) await toggle.click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Sign out' }).click();
  await mainHeading(page, 'Sign in').waitFor();
}

export { assert };
