import { assert, mainHeading, navigate, openPage, pageTest, screenshot, signUp } from './support.mjs';

/** tests/Web.Tests seeds an admin, and per viewport a user with an ad claim held for review (the spec changes both). */
function seeded(viewport) {
  const admin = process.env.AUTOML_ADMIN_EMAIL;
  assert.ok(admin, 'AUTOML_ADMIN_EMAIL is set by tests/Web.Tests (SeededAccount.ForAdminConsoleAsync)');
  const index = viewport.name === 'desktop' ? 0 : 1;
  return {
    admin,
    password: process.env.AUTOML_ADMIN_PASSWORD,
    user: process.env.AUTOML_ADMIN_TARGETS.split(',')[index],
    claim: process.env.AUTOML_ADMIN_CLAIMS.split(',')[index],
  };
}

/** An admin page's section (an h2-labelled region) by its title. */
const section = (page, title) => page.getByRole('region', { name: title, exact: true });

async function adminNav(page, name, heading) {
  await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name, exact: true }).click();
  await mainHeading(page, heading).waitFor();
}

pageTest('an admin finds a user, sets the plan, grants credits, suspends and unsuspends, reviews an ad claim and reads the figures', async ({ page, viewport }) => {
  const { admin, password, user, claim } = seeded(viewport);
  await openPage(page, '/login', 'Sign in');
  await page.getByLabel('Email').fill(admin);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await mainHeading(page, 'Data sets').waitFor();

  await navigate(page, 'Admin', 'Admin');
  // A part of the address is enough to find the account.
  await page.getByLabel('Email or account id').fill(user.split('@')[0]);
  await page.getByRole('button', { name: 'Find', exact: true }).click();
  const found = page.getByRole('link', { name: user, exact: true });
  await found.waitFor();
  await screenshot(page, 'admin-users');
  await found.click();
  await mainHeading(page, user).waitFor();

  const account = section(page, 'Account');
  const fact = (label) => account.locator(`dt:text-is("${label}") + dd`);
  assert.equal((await fact('Plan').textContent()).trim(), 'Free');
  assert.equal((await fact('Status').textContent()).trim(), 'Active');
  const balanceBefore = Number((await fact('Balance').textContent()).replace(/[^0-9]/g, ''));

  const plan = section(page, 'Plan');
  await plan.getByRole('combobox', { name: /^Plan/ }).selectOption('enterprise');
  await plan.getByLabel('Reason', { exact: true }).fill('Enterprise contract signed');
  await plan.getByRole('button', { name: 'Set plan' }).click();
  await plan.getByRole('status').getByText('The plan is now Enterprise.').waitFor();
  await account.locator('dt:text-is("Plan") + dd').getByText('Enterprise', { exact: true }).waitFor();

  const grant = section(page, 'Grant credits');
  await grant.getByLabel('Credits', { exact: true }).fill('250');
  await grant.getByLabel('Reason', { exact: true }).fill('Goodwill for the outage');
  await grant.getByRole('button', { name: 'Grant credits' }).click();
  const balanceAfter = (balanceBefore + 250).toLocaleString('en-US');
  await grant.getByRole('status').getByText(`Done: the balance is now ${balanceAfter} credits.`).waitFor();
  await fact('Balance').getByText(`${balanceAfter} credits`).waitFor();
  await section(page, 'Ledger').getByRole('cell', { name: '+250', exact: true }).first().waitFor();

  const suspension = section(page, 'Suspension');
  await suspension.getByLabel('Reason', { exact: true }).fill('Chargeback under review');
  await suspension.getByRole('button', { name: 'Suspend account' }).click();
  await page.getByRole('dialog', { name: 'Suspend' }).getByRole('button', { name: 'Suspend' }).click();
  await suspension.getByRole('status').getByText('The account is suspended.').waitFor();
  await fact('Status').getByText(/^Suspended/).waitFor();
  await fact('Status').getByText(/Chargeback under review/).waitFor();
  await screenshot(page, 'admin-user-suspended');
  await suspension.getByRole('button', { name: 'Unsuspend account' }).click();
  await suspension.getByRole('status').getByText('The account is active again.').waitFor();
  await fact('Status').getByText('Active', { exact: true }).waitFor();

  // Every act is in the user's audit events, newest first, with what it changed.
  const audit = section(page, 'Audit events');
  await audit.getByText('+250 credits: Goodwill for the outage').waitFor();
  await audit.getByText(/Enterprise contract signed/).first().waitFor();
  await audit.getByText(/Chargeback under review/).first().waitFor();
  await screenshot(page, 'admin-user');

  await adminNav(page, 'Ad claims', 'Ad claims');
  const row = page.getByTestId('ad-claim').filter({ hasText: claim });
  await row.waitFor();
  await screenshot(page, 'admin-ad-claims');
  await row.getByLabel(`Note on the claim of ${claim}`).fill('Device checked: one phone');
  await row.getByRole('button', { name: 'Approve' }).click();
  await page.getByRole('status').getByText(`Approved claim ${claim}: 5 credits went to the user.`).waitFor();
  await row.waitFor({ state: 'detached' });

  await adminNav(page, 'Figures', 'Platform figures');
  const signups = page.getByTestId('chart-activity');
  await signups.and(page.locator('[data-rendered="true"]')).waitFor();
  // The chart's numbers, one row per day up to today (UTC): the range counts the accounts seeded for this spec.
  const figure = page.getByRole('figure').filter({ has: signups });
  await figure.getByText('Show the numbers').click();
  const today = new Date().toISOString().slice(0, 10);
  await figure.getByRole('rowheader', { name: today }).waitFor();
  const rows = figure.getByRole('row').filter({ has: page.getByRole('rowheader') });
  assert.equal(await rows.count(), 30, 'the last 30 days by default');
  let signUps = 0;
  for (const text of await rows.locator('td:first-of-type').allInnerTexts()) signUps += Number(text.replace(/[^0-9]/g, ''));
  assert.ok(signUps >= 3, `the sign-ups of the last 30 days count the seeded admin and users: ${signUps}`);
  for (const id of ['chart-jobs', 'chart-credits', 'chart-queue', 'chart-wait', 'chart-failures']) {
    await page.getByTestId(id).and(page.locator('[data-rendered="true"]')).waitFor();
  }
  // Revenue is a chart once a payment came in, and says there was none before.
  await page.getByTestId('chart-revenue').waitFor();
  await screenshot(page, 'admin-figures');
});

pageTest('a user who is not an admin has no Admin link and gets a 403 page at /admin', async ({ page }) => {
  await signUp(page);
  const toggle = page.getByRole('button', { name: 'Menu' });
  if (await toggle.isVisible()) await toggle.click();
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Settings', exact: true }).waitFor();
  assert.equal(await nav.getByRole('link', { name: 'Admin', exact: true }).count(), 0);

  for (const path of ['/admin', '/admin/figures']) {
    await openPage(page, path, 'Not allowed');
    await page.getByText(/403: this page is for the platform's administrators/).waitFor();
  }
  await screenshot(page, 'admin-forbidden');
  // The API refuses them as well, whatever the dashboard shows.
  assert.equal((await page.request.get('/api/v1/admin/users?email=x%40example.com')).status(), 403);
});
