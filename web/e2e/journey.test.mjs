// A paying user's whole journey, as one person would walk it: sign up and confirm through the mailed link, train on
// the bundled sample, predict, find the model on the Models page, buy credits through (fake) Stripe Checkout, change
// the password, forget it and reset it through the mailed link, and delete the account. Every link the platform
// mailed on the way, and every address it redirects to, is opened and must be a real page.
import {
  acceptSignUpTerms, assert, clickToPage, mailTo, mailsTo, mainHeading, navigate, newEmail, openPage, pageTest, password, screenshot, signOut,
} from './support.mjs';

const newPassword = 'a much longer passphrase 42';

/** Fails when the page shown is the not-found page, whatever the address. */
async function assertRealPage(page, url) {
  await page.goto(url);
  const heading = mainHeading(page);
  await heading.first().waitFor();
  const text = (await heading.first().textContent()) ?? '';
  assert.ok(!/page not found/i.test(text), `${url} opens the not-found page`);
}

async function signIn(page, email, pass) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(pass);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

pageTest('the whole journey: sign up to deleting the account, with every mailed link opened', async ({ page, width, expectProblem }) => {
  const email = newEmail('journey');

  // Sign up, then confirm the address through the link in the real outbox email.
  await openPage(page, '/signup', 'Create your account');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await acceptSignUpTerms(page);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await mainHeading(page, 'Data sets').waitFor();
  const verify = await mailTo(email, 'verify-email');
  await openPage(page, verify.links[0], 'Verify your email');
  await page.getByRole('status').getByText('Your email address is confirmed.').waitFor();

  // The empty data sets page offers the sample; it lands on training with the data set and target chosen.
  await openPage(page, '/datasets', 'Data sets');
  await screenshot(page, 'journey-empty-datasets', width);
  await clickToPage(page, page.getByRole('button', { name: 'Try it with a sample' }), 'New training');
  assert.match(page.url(), /\/train\?dataset=[0-9a-f-]{36}&target=/);
  assert.notEqual(await page.getByLabel('Target column').inputValue(), '');
  await page.getByLabel('Budget in seconds').fill('10');
  await page.getByTestId('quote-credits').filter({ hasText: /^1 credit$/ }).waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Start training' }).click();
  await mainHeading(page, 'Training job').waitFor({ timeout: 30_000 });
  const jobPath = new URL(page.url()).pathname;
  const { datasetId } = await (await page.request.get(`/api/v1${jobPath}`)).json();
  const openModel = page.getByRole('link', { name: 'Open the model' });
  await openModel.waitFor({ timeout: 120_000 });
  await clickToPage(page, openModel, 'Model');
  const modelPath = new URL(page.url()).pathname;

  // Predict the prefilled row.
  await page.getByRole('button', { name: 'Predict', exact: true }).click();
  await page.getByTestId('prediction-label').or(page.getByTestId('prediction-value')).first().waitFor();
  await screenshot(page, 'journey-model', width);

  // The Models page lists it.
  await navigate(page, 'Models', 'Models');
  await page.locator(`a[href="${modelPath}"]`).first().waitFor();
  await screenshot(page, 'journey-models', width);

  // Buy the smallest pack through Checkout; back on /billing the new balance shows once the webhook lands.
  await navigate(page, 'Billing', 'Billing');
  const before = (await (await page.request.get('/api/v1/credits')).json()).balance;
  const catalog = await (await page.request.get('/api/v1/billing/catalog')).json();
  const pack = [...catalog.packs].sort((a, b) => a.credits - b.credits)[0];
  await page.getByRole('button', { name: `Buy ${pack.name}` }).click();
  await page.getByRole('button', { name: 'Pay' }).click();
  await page.waitForURL(/\/billing\?checkout=success/);
  const checkoutReturn = new URL(page.url());
  await page.getByText(/Payment received/).first().waitFor();
  const after = before + pack.credits;
  await page.getByText(after.toLocaleString('en-US')).first().waitFor({ timeout: 30_000 });
  assert.equal((await (await page.request.get('/api/v1/credits')).json()).balance, after);
  await screenshot(page, 'journey-billing', width);

  // Change the password in Settings.
  await navigate(page, 'Settings', 'Settings');
  await page.getByLabel('Current password').fill(password);
  await page.getByLabel('New password', { exact: true }).fill('an interim passphrase 17');
  await page.getByRole('button', { name: 'Change password' }).click();
  await page.getByText('Password changed.').waitFor();
  await screenshot(page, 'journey-settings', width);

  // Sign out, forget it, reset it through the mailed link, sign in with the new one.
  await signOut(page);
  await clickToPage(page, page.getByRole('link', { name: 'Forgot your password?' }), 'Reset your password');
  const resetAsked = new Date();
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await page.getByText(/If an account exists for/).waitFor();
  const reset = await mailTo(email, 'password-reset', { after: resetAsked });
  await openPage(page, reset.links[0], /password/i);
  await page.getByLabel('New password', { exact: true }).fill(newPassword);
  await page.getByRole('button', { name: 'Set new password' }).click();
  await mainHeading(page, 'Sign in').waitFor();
  await page.getByText('Your password was changed. Sign in with the new one.').waitFor();
  await signIn(page, email, newPassword);
  await mainHeading(page, 'Data sets').waitFor();

  // Every link the platform mailed this user, and every address it sends a browser back to, is a real page.
  const mailed = (await mailsTo(email)).flatMap((m) => m.links);
  expectProblem('/api/v1/auth/confirm-email', 400); // the confirmation link opened a second time
  assert.ok(mailed.length >= 3, `mails with links were sent: ${mailed.join(', ')}`);
  const redirects = [
    checkoutReturn.pathname + checkoutReturn.search,
    '/billing?checkout=cancelled',
    '/billing', // the billing portal's return address, and the low-balance and receipt emails' link
    jobPath, // the job finished / failed emails' link
    modelPath,
    `/datasets/${datasetId}`, // the data set deletion warning's link
  ];
  for (const url of [...new Set([...mailed, ...redirects])]) {
    await assertRealPage(page, url);
  }

  // Delete the account from Settings; signing in again fails.
  await openPage(page, '/settings', 'Settings');
  await page.getByLabel('Password to confirm').fill(newPassword);
  await page.getByRole('button', { name: 'Delete my account permanently' }).click();
  await mainHeading(page, 'Sign in').waitFor({ timeout: 30_000 });
  await page.getByText('Your account was deleted.').waitFor();
  expectProblem('/api/v1/auth/login', 401);
  await signIn(page, email, newPassword);
  await page.getByRole('alert').getByText('The email or password is incorrect.').waitFor();
  await screenshot(page, 'journey-deleted', width);
});
