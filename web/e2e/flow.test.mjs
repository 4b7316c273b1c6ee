// The whole path of a new user: sign up, upload a CSV, train with the smallest budget while the leaderboard
// fills in live, open the model's charts and predict one row with its SHAP explanation.
import path from 'node:path';
import { assert, clickToPage, mainHeading, navigate, openPage, pageTest, screenshot, signUp, testData } from './support.mjs';

/** Starts the job; the wait is the API admitting it (not a render), so the job page's render is timed on its own load. */
async function submitTraining(page) {
  await page.getByRole('button', { name: 'Start training' }).click();
  await mainHeading(page, 'Training job').waitFor({ timeout: 30_000 });
}

const pima = path.join(testData, 'ml', 'pima_diabetes.csv'); // 768 rows, binary target "diabetes" (pos/neg)

/** Waits until the chart with this test id has finished rendering (EChart sets data-rendered). */
async function chartRendered(page, testId, timeout = 15_000) {
  await page.locator(`[data-testid="${testId}"][data-rendered="true"]`).waitFor({ timeout });
}

pageTest('sign up, upload, train live, open the model and predict a row', async ({ page, width }) => {
  await signUp(page);
  await page.getByLabel('Choose a data set file').setInputFiles(pima);
  const row = page.getByTestId('dataset-row').filter({ hasText: 'pima_diabetes.csv' });
  await row.getByText('Ready').waitFor({ timeout: 60_000 });
  await clickToPage(page, row.getByRole('link', { name: 'pima_diabetes.csv' }), 'pima_diabetes.csv');
  await clickToPage(page, page.getByRole('link', { name: 'Train on this' }), 'New training');

  // The form starts from the data set's suggestions: its target, the task that target implies, the task's default metric.
  const target = page.getByLabel('Target column');
  assert.equal(await target.inputValue(), 'diabetes');
  await page.getByLabel('Task').getByRole('option', { name: 'Inferred: Binary classification' }).waitFor({ state: 'attached' });
  assert.equal(await page.getByLabel('Metric').inputValue(), 'auc');
  const slider = page.getByLabel('Budget', { exact: true });
  assert.equal(await slider.getAttribute('min'), '10');
  assert.equal(await slider.getAttribute('max'), '300', 'the free tier trains for at most 300 s');

  await page.getByLabel('Budget in seconds').fill('10');
  await page.getByTestId('quote-credits').filter({ hasText: /^1 credit$/ }).waitFor();
  await page.getByText('Available').waitFor();
  await screenshot(page, 'train');

  // The job page follows the job over the events hub: a trial row appears while the job is still running.
  await submitTraining(page);
  const jobUrl = page.url();
  assert.match(jobUrl, /\/jobs\/[0-9a-f-]{36}$/);
  await page.getByTestId('trial-row').first().waitFor({ timeout: 60_000 });
  const statusWhenFirstTrial = await page.getByLabel(/^Status: /).textContent();
  assert.equal(statusWhenFirstTrial, 'running', 'the first trial showed up live, before the job ended');
  await page.getByText('Live', { exact: true }).waitFor();
  await page.getByRole('link', { name: 'pima_diabetes.csv' }).waitFor();
  await chartRendered(page, 'chart-best-score');
  // The bar moves with the job.progress events (the first trial may end at 0 %).
  await page.waitForFunction(() => {
    const now = Number(document.querySelector('[role=progressbar]')?.getAttribute('aria-valuenow'));
    return now > 0 && now < 100;
  }, null, { timeout: 30_000 });
  await screenshot(page, 'job-live');

  const openModel = page.getByRole('link', { name: 'Open the model' });
  await openModel.waitFor({ timeout: 120_000 });
  const rows = page.getByTestId('trial-row');
  // The leaderboard agrees with the API's trials, sorted by score (AUC: higher first) with the best highlighted. The
  // link follows the job's status, the rows the trial events and refetches: wait for the last row, then count.
  const apiTrials = (await (await page.request.get(jobUrl.replace('/jobs/', '/api/v1/jobs/') + '/trials')).json()).items;
  assert.ok(apiTrials.length >= 1, 'the job stored its trials');
  await rows.nth(apiTrials.length - 1).waitFor({ timeout: 15_000 });
  const trials = await rows.count();
  assert.equal(trials, apiTrials.length, 'one row per stored trial, none missed or doubled over the live stream');
  const best = Math.max(...apiTrials.map((t) => t.score));
  const firstRow = rows.first();
  assert.match(await firstRow.getAttribute('class'), /best/);
  assert.ok((await firstRow.textContent()).includes(String(Number(best.toPrecision(4)))), `the top row has the best score ${best}`);
  assert.equal(await page.getByRole('progressbar').getAttribute('aria-valuenow'), '100');
  await screenshot(page, 'job-finished');

  // The model page: metrics, the classification charts and feature importance.
  await clickToPage(page, openModel, 'Model');
  await page.getByText('AUC (optimised)').waitFor();
  for (const chart of ['chart-roc', 'chart-pr', 'chart-confusion', 'chart-importance']) await chartRendered(page, chart);
  for (const absent of ['chart-residuals', 'chart-pred-vs-actual']) assert.equal(await page.getByTestId(absent).count(), 0);

  // The form is prefilled from the data set's first row (glucose 148); predicting shows the label and SHAP waterfall.
  assert.equal(await page.getByLabel('glucose', { exact: true }).inputValue(), '148');
  await page.getByRole('button', { name: 'Predict', exact: true }).click();
  const label = page.getByTestId('prediction-label');
  await label.waitFor();
  assert.match(await label.textContent(), /^(pos|neg)$/);
  await chartRendered(page, 'chart-shap');
  await page.getByRole('row', { name: /^pos \d+\.\d%/ }).waitFor();
  await page.getByRole('button', { name: 'Copy the curl snippet' }).waitFor();
  const curl = await page.locator('pre').first().textContent();
  assert.ok(curl.includes(page.url().replace('/models/', '/api/v1/models/') + '/predict'), 'the curl snippet calls this model');
  await screenshot(page, 'model');
  if (width < 700) {
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), 'the model page is not wider than the phone');
  }

  // The jobs list shows the finished job with its score and a link to the model.
  await navigate(page, 'Jobs', 'Jobs');
  const jobRow = page.getByRole('row').filter({ hasText: 'succeeded' });
  await jobRow.getByRole('link', { name: 'Model' }).waitFor();
  await screenshot(page, 'jobs');

  // Reloading a finished job's page rebuilds it from the stored events and trials.
  await openPage(page, jobUrl, /job [0-9a-f]{8}/i);
  await mainHeading(page, 'Training job').waitFor();
  await page.getByTestId('trial-row').nth(trials - 1).waitFor();
  assert.equal(await page.getByTestId('trial-row').count(), trials);
  await chartRendered(page, 'chart-best-score');
  await mainHeading(page, 'Training job').waitFor();
});
