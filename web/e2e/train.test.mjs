// The training form's problem answers and cancelling a job.
import path from 'node:path';
import { assert, clickToPage, pageTest, screenshot, signUp, testData } from './support.mjs';

const penguins = path.join(testData, 'ml', 'penguins.csv');

async function uploadAndOpenTraining(page) {
  await page.getByLabel('Choose a data set file').setInputFiles(penguins);
  const row = page.getByTestId('dataset-row').filter({ hasText: 'penguins.csv' });
  await row.getByText('Ready').waitFor({ timeout: 60_000 });
  await clickToPage(page, row.getByRole('link', { name: 'penguins.csv' }), 'penguins.csv');
  await clickToPage(page, page.getByRole('link', { name: 'Train on this' }), 'New training');
}

pageTest("the training form shows the API's problem next to the field it is about", async ({ page, expectProblem }) => {
  await signUp(page);
  await uploadAndOpenTraining(page);
  await page.getByTestId('quote-credits').waitFor();

  // A budget past the free tier's 300 s: the live quote already says why, next to the budget.
  expectProblem('/api/v1/jobs/quote', 400);
  await page.getByLabel('Budget in seconds').fill('400');
  const sentence = 'The free tier trains for at most 300 seconds.';
  await page.getByText(sentence).first().waitFor();
  assert.equal(await page.getByLabel('Budget in seconds').getAttribute('aria-invalid'), 'true');

  // Submitting anyway: the form shows the submission's problem (title and sentence) and stays on the page.
  expectProblem('/api/v1/jobs', 400);
  await page.getByRole('button', { name: 'Start training' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Budget too long' });
  await alert.getByText(sentence).waitFor();
  assert.match(page.url(), /\/train/);
  await screenshot(page, 'train-problem');

  // Back within the budget the problem goes away and the quote returns.
  await page.getByLabel('Budget in seconds').fill('300');
  await page.getByTestId('quote-credits').filter({ hasText: '10 credits' }).waitFor();
});

pageTest('a running job can be cancelled after confirming, and its unused hold comes back', async ({ page }) => {
  await signUp(page);
  await uploadAndOpenTraining(page);
  await page.getByLabel('Budget in seconds').fill('300');
  await page.getByTestId('quote-credits').filter({ hasText: '10 credits' }).waitFor();
  await clickToPage(page, page.getByRole('button', { name: 'Start training' }), 'Training job');
  await page.getByRole('button', { name: 'Cancel job' }).click();
  const dialog = page.getByRole('dialog', { name: 'Cancel this job?' });
  await dialog.getByRole('button', { name: 'Keep it running' }).click();
  assert.equal(await dialog.isVisible(), false);
  await page.getByRole('button', { name: 'Cancel job' }).click();
  await screenshot(page, 'job-cancel-confirm');
  await dialog.getByRole('button', { name: 'Stop the job' }).click();
  await page.getByLabel('Status: cancelled').waitFor({ timeout: 30_000 });
  assert.equal(await page.getByRole('button', { name: 'Cancel job' }).count(), 0);
  // At most the few seconds it ran are charged: the balance chip is back near 100 (10 were held).
  await page.getByRole('link', { name: /^(9\d|100) credits$/ }).waitFor({ timeout: 15_000 });
  await screenshot(page, 'job-cancelled');
});
