// Data checks on the dashboard: a file with a planted leak and an id column shows both on its data set page before
// anyone trains; the Train page ticks them in the excluded columns (the id cannot be unticked), shows the findings for
// the target before paying, and a job started from it leaves them out; unticking the leak trains on it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assert, clickToPage, mainHeading, pageTest, screenshot, signUp } from './support.mjs';

/** 1,000 customers: an id, an honest signal, noise, and a noisy copy of the answer (the same shape as the API tests'). */
function leakyCustomers() {
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const lines = ['customer_id,x1,x2,region,leak,churned'];
  for (let i = 0; i < 1000; i += 1) {
    const x1 = random() * 2 - 1;
    const churned = x1 + 2 * (random() - 0.5) > 0;
    const leak = (churned ? 1 : 0) + 0.1 * (random() - 0.5);
    lines.push(`C${70000 + i},${x1.toFixed(4)},${(random() * 10).toFixed(3)},${i % 3 === 0 ? 'north' : 'south'},${leak.toFixed(4)},${churned ? 'yes' : 'no'}`);
  }
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'automl-checks-')), 'customers.csv');
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

async function api(page, url) {
  const response = await page.request.get(url);
  return response.json();
}

pageTest('a planted leak and an id are flagged on the data set page and left out of training unless the leak is unticked', async ({ page }) => {
  await signUp(page);
  await page.getByLabel('Choose a data set file').setInputFiles(leakyCustomers());
  const row = page.getByTestId('dataset-row').filter({ hasText: 'customers.csv' });
  await row.getByText('Ready').waitFor({ timeout: 60_000 });
  await clickToPage(page, row.getByRole('link', { name: 'customers.csv' }), 'customers.csv');

  const checks = page.getByRole('list', { name: 'Data checks' });
  const leak = checks.locator('[data-code="target-leakage"]');
  await leak.getByText("'leak' alone predicts 'churned' almost perfectly", { exact: false }).waitFor();
  assert.equal(await leak.getByText('critical').count(), 1);
  await checks.locator('[data-code="identifier"]').getByText("'customer_id' looks like an identifier", { exact: false }).waitFor();
  await screenshot(page, 'dataset-checks');

  await clickToPage(page, page.getByRole('link', { name: 'Train on this' }), 'New training');
  const leakBox = page.getByRole('checkbox', { name: /^leak/ });
  const idBox = page.getByRole('checkbox', { name: /^customer_id/ });
  await page.getByText('(flagged by the checks)').waitFor();
  assert.equal(await leakBox.isChecked(), true);
  assert.equal(await idBox.isChecked(), true);
  assert.equal(await idBox.isDisabled(), true);
  await page.getByText(/Data checks for churned: \d+ findings?/).waitFor();
  await page.getByTestId('quote-credits').waitFor();
  await screenshot(page, 'train-checks');

  // Unticked, the leak is trained on: the submitted job keeps it and leaves out only the id.
  await leakBox.uncheck();
  assert.equal(await leakBox.isChecked(), false);
  await page.getByLabel('Budget in seconds').fill('10');
  await page.getByRole('button', { name: 'Start training' }).click();
  await mainHeading(page, 'Training job').waitFor({ timeout: 30_000 });
  const jobId = page.url().split('/jobs/')[1];
  const job = await api(page, `/api/v1/jobs/${jobId}`);
  assert.deepEqual(job.excludedByChecks, ['customer_id']);
  await page.getByText('(by the data checks: customer_id)').waitFor();
});
