import { assert, mailsTo, mainHeading, openPage, pageTest, password, screenshot, signUp } from './support.mjs';

const mailbox = () => process.env.AUTOML_MAILBOX_URL.replace(/\/$/, '');

/** What an operator does outside the dashboard (tests/Web.Tests' TestMailbox): grant the role, break the ledger, run the jobs. */
async function operator(path) {
  const response = await fetch(mailbox() + path, { method: 'POST' });
  assert.equal(response.status, 204, `${path} answered ${response.status}`);
}

async function signIn(page, email) {
  await openPage(page, '/login', 'Sign in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await mainHeading(page, 'Data sets').waitFor();
}

pageTest('a user who is not an admin is refused the alerts page', async ({ page, expectProblem }) => {
  await signUp(page);
  expectProblem('/api/v1/admin/alerts', 403);
  await openPage(page, '/admin/alerts', 'Not allowed');
  await page.getByRole('alert').getByText('This page is for administrators').waitFor();
  assert.equal(await page.getByRole('heading', { name: 'Last reconciliation' }).count(), 0);
  await screenshot(page, 'admin-alerts-refused');
});

pageTest('an admin sees a ledger drift alert open, is emailed about it, and sees it cleared once the ledger is right', async ({ page, expectProblem }) => {
  const { email } = await signUp(page);
  await operator(`/admin?email=${encodeURIComponent(email)}`);
  // The role comes with the next sign-in (the grant ends the sessions of the account).
  expectProblem('/api/v1/', 401);
  await signIn(page, email);

  await operator(`/ops/drift?email=${encodeURIComponent(email)}&amount=9`);
  try {
    await operator('/ops/reconcile');
    await operator('/ops/alerts');
    await openPage(page, '/admin/alerts', 'Platform alerts');
    const drift = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /ledger-drift/ }) });
    await drift.waitFor();
    await drift.getByText('critical', { exact: true }).waitFor();
    await drift.getByText('open', { exact: true }).waitFor();
    await drift.getByText('balance 109 but entries sum to 100').waitFor();
    const outcome = page.getByTestId('reconciliation-outcome');
    await outcome.getByText('Drift', { exact: true }).waitFor();
    assert.match(await outcome.textContent(), /1 account\(s\) differ/);
    await page.getByRole('row').filter({ hasText: '109' }).filter({ hasText: '100' }).first().waitFor();
    await screenshot(page, 'admin-alerts-open');

    // Emailed once, unless the alert opened within the rule's cool-down of an earlier notice (the other width's run).
    const told = !(await drift.getByText('not yet (cool-down)').count());
    const notices = (await mailsTo(email)).filter((m) => m.template === 'platform-alert' && m.subject.includes('ledger-drift'));
    assert.equal(notices.length, told ? 1 : 0);
    if (told) assert.ok(notices[0].links.includes('/admin/alerts'), 'the email links to the alerts page');
  } finally {
    await operator(`/ops/drift?email=${encodeURIComponent(email)}&amount=-9`);
  }
  await operator('/ops/reconcile');
  await operator('/ops/alerts');
  await page.reload();
  await mainHeading(page, 'Platform alerts').waitFor();
  await page.getByTestId('reconciliation-outcome').getByText('Balanced', { exact: true }).waitFor();
  assert.equal(await page.getByRole('rowheader', { name: /ledger-drift/ }).count(), 0, 'no open ledger-drift alert');
  await page.getByRole('button', { name: 'Cleared' }).click();
  const cleared = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /ledger-drift/ }) }).first();
  await cleared.getByText(/^cleared /).waitFor();
  await screenshot(page, 'admin-alerts-cleared');
});
