import { assert, clickToPage, mainHeading, navigate, pageTest, screenshot, signUp } from './support.mjs';

const stat = (page, label) => page.locator('.stat').filter({ hasText: label }).locator('.value');
const status = (page, text) => page.getByRole('status').getByText(text, { exact: true });

/** Follows a button to the fake Stripe's hosted page (another origin) and answers that origin. */
async function toStripe(page, button, heading) {
  await button.click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  return new URL(page.url()).origin;
}

pageTest('a pack bought through Stripe Checkout shows on /billing the moment the webhook lands, and a cancelled one charges nothing', async ({ page }) => {
  await signUp(page);
  await navigate(page, 'Billing', 'Billing');
  for (const section of ['Plan', 'Balance', 'Storage', 'Credit packs', 'Purchase history']) {
    await page.getByRole('heading', { level: 2, name: section, exact: true }).waitFor();
  }
  assert.equal(await page.title(), 'Billing · AutoMl');
  await page.getByTestId('tier').getByText('Free', { exact: true }).waitFor();
  await page.getByRole('button', { name: 'Upgrade to Pro' }).waitFor();
  await stat(page, 'Balance').getByText('100', { exact: true }).waitFor();
  await page.getByText('No purchases yet.').waitFor();
  // The free tier's storage: nothing stored yet, and its retention rule.
  await page.getByTestId('storage-used').getByText('0 B of 2.0 GB used').waitFor();
  await page.getByText('Data sets unused for 30 days are deleted; we email you a week before.').waitFor();
  assert.equal(await page.getByRole('progressbar', { name: 'Storage used' }).getAttribute('aria-valuenow'), '0');
  await screenshot(page, 'billing');

  // Changing one's mind on Stripe's page: back on /billing, nothing charged, nothing credited.
  await toStripe(page, page.getByRole('button', { name: 'Buy 500 credits' }), 'Checkout (test)');
  await page.getByText('500 credits for 5.00 USD').waitFor();
  await clickToPage(page, page.getByRole('link', { name: 'Cancel' }), 'Billing');
  assert.match(page.url(), /\/billing\?checkout=cancelled$/);
  await status(page, 'Checkout cancelled: nothing was charged.').waitFor();
  await stat(page, 'Balance').getByText('100', { exact: true }).waitFor();
  await page.getByText('No purchases yet.').waitFor();
  await screenshot(page, 'billing-cancelled');

  // Paying: Stripe sends the browser back at once and the webhook on its own time, held here until the page is seen.
  const stripe = await toStripe(page, page.getByRole('button', { name: 'Buy 500 credits' }), 'Checkout (test)');
  await page.request.post(`${stripe}/test/hold`);
  try {
    await clickToPage(page, page.getByRole('button', { name: 'Pay' }), 'Billing');
    assert.match(page.url(), /\/billing\?checkout=success&session_id=cs_test_\w+$/);
    await status(page, 'Payment received, adding credits…').waitFor();
    await stat(page, 'Balance').getByText('100', { exact: true }).waitFor();
    await screenshot(page, 'billing-adding-credits');
    await page.evaluate(() => {
      window.__beforeWebhook = true;
    });
  } finally {
    await page.request.post(`${stripe}/test/release`);
  }
  await status(page, 'Payment received: 500 credits added.').waitFor();
  await stat(page, 'Balance').getByText('600', { exact: true }).waitFor();
  await stat(page, 'Available').getByText('600', { exact: true }).waitFor();
  const purchases = page.getByTestId('purchase');
  await purchases.first().waitFor();
  assert.equal(await purchases.count(), 1);
  assert.match(await purchases.first().textContent(), /Purchase: 500 credits/);
  assert.match(await purchases.first().textContent(), /\+500/);
  assert.equal(await page.evaluate(() => window.__beforeWebhook), true, 'the page showed the purchase without a reload');
  await screenshot(page, 'billing-paid');

  // The Credits page's full ledger has it too, and links back here.
  await clickToPage(page, page.getByRole('main').getByRole('link', { name: 'Credits', exact: true }), 'Credits');
  await page.getByTestId('credit-entry').filter({ hasText: 'Purchase' }).waitFor();
});

pageTest('Pro through Checkout, then Manage subscription opens the portal and returns to /billing, where cancelling ends Pro', async ({ page }) => {
  await signUp(page);
  await navigate(page, 'Billing', 'Billing');
  await page.getByTestId('tier').getByText('Free', { exact: true }).waitFor();

  await toStripe(page, page.getByRole('button', { name: 'Upgrade to Pro' }), 'Checkout (test)');
  await page.getByText('Pro plan, monthly for 10.00 USD').waitFor();
  await clickToPage(page, page.getByRole('button', { name: 'Pay' }), 'Billing');
  assert.match(page.url(), /\/billing\?checkout=success&session_id=cs_test_\w+&plan=pro$/);
  await status(page, 'Payment received: 1,000 credits added.').waitFor();
  await page.getByTestId('tier').getByText('Pro', { exact: true }).waitFor();
  await stat(page, 'Balance').getByText('1,100', { exact: true }).waitFor();
  await page.getByTestId('purchase').filter({ hasText: 'Grant: AutoMl Pro monthly credits' }).waitFor();
  // Pro's storage and retention.
  await page.getByTestId('storage-used').getByText('0 B of 100 GB used').waitFor();
  await page.getByText('Data sets unused for 180 days are deleted; we email you a week before.').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Upgrade to Pro' }).count(), 0);
  await screenshot(page, 'billing-pro');

  // The portal's way back is the billing page, a real page.
  await toStripe(page, page.getByRole('button', { name: 'Manage subscription' }), 'Billing portal (test)');
  await screenshot(page, 'billing-portal');
  await clickToPage(page, page.getByRole('link', { name: 'Return' }), 'Billing');
  assert.match(page.url(), /\/billing$/);
  await page.getByTestId('tier').getByText('Pro', { exact: true }).waitFor();

  await toStripe(page, page.getByRole('button', { name: 'Manage subscription' }), 'Billing portal (test)');
  await clickToPage(page, page.getByRole('button', { name: 'Cancel plan' }), 'Billing');
  await page.getByTestId('tier').getByText('Free', { exact: true }).waitFor();
  await page.getByRole('button', { name: 'Upgrade to Pro' }).waitFor();
  // Credits already granted stay.
  await stat(page, 'Balance').getByText('1,100', { exact: true }).waitFor();
  assert.equal(await mainHeading(page).textContent(), 'Billing');
});

pageTest('a sign-in that is not recent is asked again before paying, and comes back to /billing', async ({ page, expectProblem }) => {
  const { email, password } = await signUp(page);
  await navigate(page, 'Billing', 'Billing');
  // A session signed in more than 10 minutes ago gets this answer from the API (its own tests cover when); the
  // browser test stands in for the clock by answering the first checkout so.
  expectProblem('/api/v1/billing/checkout', 403);
  await page.route('**/api/v1/billing/checkout', (route) =>
    route.fulfill({
      status: 403,
      contentType: 'application/problem+json',
      body: JSON.stringify({
        type: 'urn:automl:problem:sign-in-again',
        title: 'Sign in again',
        status: 403,
        detail: 'Sign in again: this needs a sign-in in the last 10 minutes. Your session is still open; enter your password to continue.',
      }),
    }),
    { times: 1 },
  );
  await page.getByRole('button', { name: 'Buy 500 credits' }).click();
  await mainHeading(page, 'Sign in').waitFor();
  assert.match(page.url(), /\/login\?next=%2Fbilling$/);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await clickToPage(page, page.getByRole('button', { name: 'Sign in' }), 'Billing');
  assert.match(page.url(), /\/billing$/);
  await toStripe(page, page.getByRole('button', { name: 'Buy 500 credits' }), 'Checkout (test)');
});
