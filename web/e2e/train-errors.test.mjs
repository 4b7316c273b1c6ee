// A data mistake is shown on the training form while the job is priced, before anything is paid: the sentence
// under the target, the Start button disabled until the target is changed, and for a mere warning a
// "Train anyway" box that lets the job start.
import path from 'node:path';
import { assert, clickToPage, navigate, pageTest, screenshot, signUp, testData } from './support.mjs';

const singleValue = path.join(testData, 'errors', 'single_value.csv'); // "label" is "yes" in all 30 rows
const rowNumber = path.join(testData, 'errors', 'row_number.csv'); // "order_no" counts 1001 to 1030

async function upload(page, file) {
  const name = path.basename(file);
  await page.getByLabel('Choose a data set file').setInputFiles(file);
  const row = page.getByTestId('dataset-row').filter({ hasText: name });
  await row.getByText('Ready').waitFor({ timeout: 60_000 });
  return row.getByRole('link', { name });
}

async function openTraining(page, link, name) {
  await clickToPage(page, link, name);
  await clickToPage(page, page.getByRole('link', { name: 'Train on this' }), 'New training');
}

pageTest('a data mistake is shown before paying and blocks the Start button until fixed or forced', async ({ page, expectProblem }) => {
  expectProblem('/api/v1/jobs/quote', 422);
  await signUp(page);
  const start = page.getByRole('button', { name: 'Start training' });
  const trainAnyway = page.getByRole('checkbox', { name: 'Train anyway' });

  // A target with one value: an error no box overrides.
  await openTraining(page, await upload(page, singleValue), 'single_value.csv');
  await page.getByLabel('Target column').selectOption('label');
  const sentence = page.locator('.field-error').filter({ hasText: "Every row of 'label' has the same value ('yes')" });
  await sentence.waitFor();
  assert.ok(await start.isDisabled(), 'no job can start on a target with one value');
  assert.equal(await trainAnyway.count(), 0, 'an error is not a warning: nothing to override');
  assert.equal(await page.getByTestId('quote-credits').count(), 0, 'no price for a job that cannot run');
  await screenshot(page, 'train-data-error');

  // Another target fixes it: a price, and the button comes back.
  await page.getByLabel('Target column').selectOption('colour');
  await page.getByTestId('quote-credits').waitFor();
  await sentence.waitFor({ state: 'detached' });
  assert.ok(await start.isEnabled(), 'a fixed form can start');

  // A counter as target (suggested, as the last usable column): a warning the user may override.
  await navigate(page, 'Data sets', 'Data sets');
  await openTraining(page, await upload(page, rowNumber), 'row_number.csv');
  assert.equal(await page.getByLabel('Target column').inputValue(), 'order_no');
  await page.locator('.field-error').filter({ hasText: "'order_no' has a different value in almost every row" }).waitFor();
  await trainAnyway.waitFor();
  assert.ok(await start.isDisabled(), 'a warning blocks the job until the user trains anyway');
  await screenshot(page, 'train-data-warning');

  await trainAnyway.check();
  await page.getByTestId('quote-credits').waitFor();
  assert.ok(await start.isEnabled(), 'forced, the job can start');
  assert.ok(await trainAnyway.isChecked());
});
