import { assert, clickToPage, mainHeading, navigate, openPage, pageTest, screenshot, signUp } from './support.mjs';

pageTest('the credits page shows the balance, history and ad rewards, and links to billing to buy', async ({ page }) => {
  await signUp(page);
  await navigate(page, 'Credits', 'Credits');

  const api = await (await page.request.get('/api/v1/credits')).json();
  assert.ok(api.balance > 0, 'a new account starts with its sign-up bonus');
  const stat = (label) => page.locator('.stat').filter({ hasText: label }).locator('.value');
  await stat('Balance').getByText(api.balance.toLocaleString('en-US'), { exact: true }).waitFor();
  assert.equal((await stat('Available').textContent()).trim(), api.available.toLocaleString('en-US'));
  assert.equal((await stat('Held by running jobs').textContent()).trim(), api.held.toLocaleString('en-US'));

  const entries = page.getByTestId('credit-entry');
  await entries.first().waitFor();
  assert.equal(await entries.count(), 1);
  assert.match(await entries.first().textContent(), /Sign-up bonus/);
  assert.match(await entries.first().textContent(), new RegExp(`\\+${api.balance}`));
  // One entry: no further page to load.
  assert.equal(await page.getByRole('button', { name: 'Load more' }).count(), 0);

  await page.getByText('have earned you 0 credits from 0 ads').waitFor();
  await screenshot(page, 'credits');

  // Buying moved to the billing page; the credits page says so and links to it.
  await clickToPage(page, page.getByRole('main').getByRole('link', { name: 'Billing', exact: true }), 'Billing');
  await page.getByRole('button', { name: 'Buy 500 credits' }).waitFor();
  await page.getByRole('main').getByRole('link', { name: 'Credits', exact: true }).waitFor();
});

pageTest('a long history loads page by page with Load more', async ({ page }) => {
  const email = process.env.AUTOML_SEEDED_EMAIL;
  assert.ok(email, 'AUTOML_SEEDED_EMAIL is set by tests/Web.Tests (an account with 31 ledger entries)');
  await openPage(page, '/login', 'Sign in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(process.env.AUTOML_SEEDED_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await mainHeading(page, 'Data sets').waitFor();
  await navigate(page, 'Credits', 'Credits');

  const entries = page.getByTestId('credit-entry');
  await entries.first().waitFor();
  assert.equal(await entries.count(), 25);
  // Newest first: the last seeded grant heads the list.
  assert.match(await entries.first().textContent(), /Seeded grant 30/);
  await page.getByRole('button', { name: 'Load more' }).click();
  await entries.nth(30).waitFor();
  assert.equal(await entries.count(), 31);
  assert.match(await entries.nth(30).textContent(), /Sign-up bonus/);
  assert.equal(await page.getByRole('button', { name: 'Load more' }).count(), 0);
  await screenshot(page, 'credits-history');
});
