// A regression model's page (predicted vs actual, residuals, a predicted value with its SHAP waterfall) and a
// batch prediction followed to its CSV.
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { assert, clickToPage, mainHeading, pageTest, screenshot, signUp, testData, viewports } from './support.mjs';

/** Starts the job; the wait is the API admitting it (not a render), so the job page's render is timed on its own load. */
async function submitTraining(page) {
  await page.getByRole('button', { name: 'Start training' }).click();
  await mainHeading(page, 'Training job').waitFor({ timeout: 30_000 });
}

const boston = path.join(testData, 'ml', 'boston.csv'); // 506 rows, numeric target "medv"
const rows = readFileSync(boston, 'utf8').trim().split('\n').length - 1;

async function chartRendered(page, testId) {
  await page.locator(`[data-testid="${testId}"][data-rendered="true"]`).waitFor();
}

pageTest('a regression model: its charts, one predicted value explained, and a batch prediction CSV', async ({ page, width, expectProblem }) => {
  await signUp(page);
  await page.getByLabel('Choose a data set file').setInputFiles(boston);
  const row = page.getByTestId('dataset-row').filter({ hasText: 'boston.csv' });
  await row.getByText('Ready').waitFor({ timeout: 60_000 });
  await clickToPage(page, row.getByRole('link', { name: 'boston.csv' }), 'boston.csv');
  await clickToPage(page, page.getByRole('link', { name: 'Train on this' }), 'New training');
  assert.equal(await page.getByLabel('Target column').inputValue(), 'medv');
  await page.getByLabel('Task').getByRole('option', { name: 'Inferred: Regression' }).waitFor({ state: 'attached' });
  assert.equal(await page.getByLabel('Metric').inputValue(), 'rmse');
  await page.getByLabel('Budget in seconds').fill('10');
  await page.getByTestId('quote-credits').filter({ hasText: /^1 credit$/ }).waitFor();
  await submitTraining(page);
  await page.getByText('lower is better').waitFor({ timeout: 60_000 });
  const openModel = page.getByRole('link', { name: 'Open the model' });
  await openModel.waitFor({ timeout: 120_000 });
  await clickToPage(page, openModel, 'Model');

  await page.getByText('RMSE (optimised)').waitFor();
  for (const chart of ['chart-pred-vs-actual', 'chart-residuals', 'chart-importance']) await chartRendered(page, chart);
  for (const absent of ['chart-roc', 'chart-pr', 'chart-confusion']) assert.equal(await page.getByTestId(absent).count(), 0);

  // Prefilled from the first row (rm 6.575); a changed value gives a number and its SHAP waterfall.
  assert.equal(await page.getByLabel('rm', { exact: true }).inputValue(), '6.575');
  await page.getByLabel('rm', { exact: true }).fill('8');
  await page.getByRole('button', { name: 'Predict', exact: true }).click();
  const value = page.getByTestId('prediction-value');
  await value.waitFor();
  const predicted = Number(await value.textContent());
  assert.ok(predicted > 5 && predicted < 60, `a house price in thousands: ${predicted}`);
  await chartRendered(page, 'chart-shap');
  await screenshot(page, 'model-regression');

  // Batch: the training data set itself → a prediction job → a CSV with one line per row.
  await page.getByLabel('Data set to predict').selectOption({ label: `boston.csv (${rows} rows)` });
  await page.getByRole('button', { name: 'Predict the data set' }).click();
  const download = page.getByRole('link', { name: 'Download predictions CSV' });
  await download.waitFor({ timeout: 90_000 });
  const firstResult = await download.getAttribute('href');
  const csv = await (await page.request.get(firstResult)).text();
  const lines = csv.trim().split('\n');
  assert.equal(lines.length, rows + 1, `a header and ${rows} predictions`);
  await screenshot(page, 'model-batch');

  // The same through an uploaded file: the panel uploads it as a data set, waits for it, then predicts it.
  await page.getByLabel('Or upload a file').setInputFiles(boston);
  await page.getByRole('button', { name: 'Predict the data set' }).click();
  const newResult = page.locator(`a[href$="/result"]:not([href="${firstResult}"])`).filter({ hasText: 'Download predictions CSV' });
  await newResult.waitFor({ timeout: 90_000 });
  const second = await newResult.getAttribute('href');
  const uploaded = (await (await page.request.get(second)).text()).trim().split('\n');
  assert.equal(uploaded.length, rows + 1);

  // A file the API refuses shows its problem in the batch form.
  expectProblem('/api/v1/datasets', 400);
  await page.getByLabel('Or upload a file').setInputFiles({ name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) });
  await page.getByRole('button', { name: 'Predict the data set' }).click();
  await page.getByRole('form', { name: 'Batch prediction' }).getByRole('alert').getByText('The file is empty: there is no table to read.').waitFor();

  // The model bundle downloads as a zip, from the Download menu.
  await page.getByText('Download', { exact: true }).click();
  const bundle = await page.request.get(await page.getByRole('link', { name: 'Model bundle (.automl)' }).getAttribute('href'));
  assert.equal(bundle.status(), 200);
  assert.equal((await bundle.body()).subarray(0, 2).toString('latin1'), 'PK', 'the bundle is a zip');

  // Copy puts the snippet, filled with this model's id, on the clipboard.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copy the C# (AutoMl.Sdk) snippet' }).click();
  await page.getByRole('button', { name: 'Copy the C# (AutoMl.Sdk) snippet' }).getByText('Copied').waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const modelId = page.url().split('/models/')[1];
  assert.ok(copied.includes(`client.Models.PredictAsync(Guid.Parse("${modelId}")`), copied);
  if (width < 700) {
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), 'the model page is not wider than the phone');
  }
});

pageTest('a multiclass model: its confusion matrix over every class and a prediction with class probabilities', async ({ page }) => {
  await signUp(page);
  await page.getByLabel('Choose a data set file').setInputFiles(path.join(testData, 'ml', 'penguins.csv'));
  const row = page.getByTestId('dataset-row').filter({ hasText: 'penguins.csv' });
  await row.getByText('Ready').waitFor({ timeout: 60_000 });
  await clickToPage(page, row.getByRole('link', { name: 'penguins.csv' }), 'penguins.csv');
  await clickToPage(page, page.getByRole('link', { name: 'Train on this' }), 'New training');
  await page.getByLabel('Target column').selectOption('species');
  await page.getByLabel('Task').getByRole('option', { name: 'Inferred: Multiclass' }).waitFor({ state: 'attached' });
  assert.equal(await page.getByLabel('Metric').inputValue(), 'logloss');
  await page.getByLabel('Budget in seconds').fill('10');
  await page.getByTestId('quote-credits').filter({ hasText: /^1 credit$/ }).waitFor();
  await submitTraining(page);
  const openModel = page.getByRole('link', { name: 'Open the model' });
  await openModel.waitFor({ timeout: 120_000 });
  await clickToPage(page, openModel, 'Model');

  await chartRendered(page, 'chart-confusion');
  for (const absent of ['chart-roc', 'chart-pr', 'chart-residuals', 'chart-pred-vs-actual']) assert.equal(await page.getByTestId(absent).count(), 0);
  const model = await (await page.request.get(page.url().replace('/models/', '/api/v1/models/'))).json();
  assert.deepEqual([...model.curves.confusion.labels].sort(), ['Adelie', 'Chinstrap', 'Gentoo']);
  // The engine may pick a model without trees here (then no SHAP values, so no importance and no waterfall).
  const trees = model.featureImportance.length > 0;
  if (trees) await chartRendered(page, 'chart-importance');
  else await page.getByText('This model reports no feature importance').waitFor();

  await page.getByRole('button', { name: 'Predict', exact: true }).click();
  await page.getByTestId('prediction-label').waitFor();
  assert.match(await page.getByTestId('prediction-label').textContent(), /^(Adelie|Chinstrap|Gentoo)$/);
  // The prediction's own table (the per-class validation table has rows named alike).
  const probabilities = page.getByRole('table', { name: 'Class probabilities' });
  for (const species of ['Adelie', 'Chinstrap', 'Gentoo']) await probabilities.getByRole('row', { name: new RegExp(`^${species} \\d+\\.\\d%`) }).waitFor();
  if (trees) await chartRendered(page, 'chart-shap');
  else await page.getByText('This model cannot explain its predictions').waitFor();
  await screenshot(page, 'model-multiclass');
}, { viewportsToRun: [viewports[0]] });
