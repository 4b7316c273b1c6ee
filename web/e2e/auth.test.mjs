import { test } from 'node:test';
import {
  acceptSignUpTerms, assert, baseUrl, mainHeading, newEmail, openPage, pageTest, password, screenshot, signOut, signUp,
} from './support.mjs';

const consent = { acceptTerms: true, confirmAge: true };

/** What the API itself answers to a request, to check the page shows the API's own message. */
async function apiProblem(path, body) {
  const response = await fetch(baseUrl + '/api/v1' + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  assert.ok(response.status >= 400, `${path} answered ${response.status}`);
  return response.json();
}

pageTest('sign up, sign out, sign in again', async ({ page, expectProblem }) => {
  await openPage(page, '/signup', 'Create your account');
  await screenshot(page, 'signup');
  const { email } = await signUp(page);
  await screenshot(page, 'datasets-empty');

  await signOut(page);
  await screenshot(page, 'login');
  // The session is gone: a signed-in page sends the visitor back to sign in.
  expectProblem('/api/v1/me', 401);
  await openPage(page, '/credits', 'Sign in');

  expectProblem('/api/v1/auth/login', 401);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('not the password at all');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('alert').getByText('The email or password is incorrect.').waitFor();

  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Back where the visitor was going before signing in.
  await mainHeading(page, 'Credits').waitFor();
});

pageTest('sign-up asks for the terms and the minimum age, and says which is missing', async ({ page, expectProblem }) => {
  const email = newEmail('consent');
  const terms = await apiProblem('/auth/signup', { email, password, confirmAge: true });
  const age = await apiProblem('/auth/signup', { email, password, acceptTerms: true });

  await openPage(page, '/signup', 'Create your account');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  expectProblem('/api/v1/auth/signup', 400);
  await page.getByLabel('I am at least 16 years old').check();
  await page.getByRole('button', { name: 'Sign up' }).click();
  await page.getByRole('alert').getByText(Object.values(terms.errors)[0][0]).waitFor();
  await screenshot(page, 'signup-consent-missing');

  await page.getByLabel('I am at least 16 years old').uncheck();
  await page.getByLabel('I accept the terms of service and the data-processing notice').check();
  await page.getByRole('button', { name: 'Sign up' }).click();
  await page.getByRole('alert').getByText(Object.values(age.errors)[0][0]).waitFor();
  await mainHeading(page, 'Create your account').waitFor();

  await page.getByLabel('I am at least 16 years old').check();
  await page.getByRole('button', { name: 'Sign up' }).click();
  await mainHeading(page, 'Data sets').waitFor();
});

pageTest('a password the API refuses shows its problem message', async ({ page, expectProblem }) => {
  const email = newEmail('weak');
  const problem = await apiProblem('/auth/signup', { email, password: 'short', ...consent });
  const message = Object.values(problem.errors)[0][0];
  assert.ok(message.length > 10);

  expectProblem('/api/v1/auth/signup', 400);
  await openPage(page, '/signup', 'Create your account');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('short');
  await acceptSignUpTerms(page);
  await page.getByRole('button', { name: 'Sign up' }).click();
  const alert = page.getByRole('alert');
  await alert.getByText(message).waitFor();
  assert.equal(await alert.getByText(problem.title).count(), 1);
  await screenshot(page, 'signup-problem');
  // Still on the form, nothing created: signing in with it fails.
  await mainHeading(page, 'Create your account').waitFor();

  expectProblem('/api/v1/auth/signup', 400);
  await page.getByLabel('Email').fill('not-an-email');
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign up' }).click();
  const emailProblem = await apiProblem('/auth/signup', { email: 'not-an-email', password, ...consent });
  await page.getByRole('alert').getByText(Object.values(emailProblem.errors)[0][0]).waitFor();
});

pageTest('verify email: resend the link, and a bad link shows the problem', async ({ page, expectProblem }) => {
  await signUp(page, undefined, { confirm: false });
  await page.getByText('Confirm your email address').waitFor();
  await page.getByRole('link', { name: 'Resend it' }).click();
  await mainHeading(page, 'Verify your email').waitFor();
  await page.getByRole('button', { name: 'Resend the confirmation email' }).click();
  await page.getByRole('status').getByText('A new confirmation link is on its way').waitFor();
  await screenshot(page, 'verify-email');

  expectProblem('/api/v1/auth/confirm-email', 400);
  const bad = await apiProblem('/auth/confirm-email', { userId: '00000000-0000-0000-0000-000000000001', token: 'bm90LWEtdG9rZW4' });
  await openPage(page, '/verify-email?userId=00000000-0000-0000-0000-000000000001&token=bm90LWEtdG9rZW4', 'Verify your email');
  await page.getByRole('alert').getByText(bad.detail).waitFor();
  await screenshot(page, 'verify-email-bad-link');
});

test('client routes get the dashboard, unknown API paths get a problem', async () => {
  const page = await fetch(baseUrl + '/datasets/00000000-0000-0000-0000-000000000001');
  assert.equal(page.status, 200);
  assert.match(page.headers.get('content-type'), /text\/html/);
  assert.match(await page.text(), /<div id="root">/);
  assert.equal(page.headers.get('cache-control'), 'no-cache');

  const api = await fetch(baseUrl + '/api/v1/no-such-endpoint');
  assert.equal(api.status, 404);
  assert.match(api.headers.get('content-type'), /application\/problem\+json/);
});
