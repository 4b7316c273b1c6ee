// Insight on the dashboard: the data set page's association heat map (with its table), and the model page's partial
// dependence with ICE lines and SHAP summary (each with its table), for flats whose price rises with their size.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assert, clickToPage, mainHeading, pageTest, screenshot, signUp } from './support.mjs';

/** 1,200 flats, the same shape as the API tests' (tests/Testing/MonotonePrices.cs): price = 5 × size − 25 × age + noise. */
function flats() {
  let seed = 21;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const colours = ['red', 'green', 'blue'];
  const lines = ['size,size_m2,age,colour,noise,price_band,price'];
  for (let i = 0; i < 1200; i += 1) {
    const size = random() * 100;
    const age = random() * 10;
    const price = 5 * size - 25 * age + 10 * random();
    const band = price < 0 ? 'low' : price < 150 ? 'mid' : price < 300 ? 'high' : 'top';
    lines.push(`${size.toFixed(3)},${(size * 0.0929).toFixed(5)},${age.toFixed(3)},${colours[Math.floor(random() * 3)]},${random().toFixed(3)},${band},${price.toFixed(3)}`);
  }
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'automl-insight-')), 'flats.csv');
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

async function chartRendered(page, testId) {
  await page.locator(`[data-testid="${testId}"][data-rendered="true"]`).first().waitFor({ timeout: 30_000 });
}

pageTest('the association heat map on the data set page, partial dependence with ICE lines and the SHAP summary on the model page', async ({ page }) => {
  await signUp(page);
  await page.getByLabel('Choose a data set file').setInputFiles(flats());
  const row = page.getByTestId('dataset-row').filter({ hasText: 'flats.csv' });
  await row.getByText('Ready').waitFor({ timeout: 60_000 });
  await clickToPage(page, row.getByRole('link', { name: 'flats.csv' }), 'flats.csv');

  const associations = page.locator('section[aria-labelledby="associations-heading"]');
  await chartRendered(page, 'chart-associations');
  await associations.getByText('Show the numbers').click();
  // Strongest first: size and its copy in square metres.
  const first = associations.locator('tbody tr').first();
  assert.match(await first.locator('th').textContent(), /^size × size_m2 \((Pearson|Spearman)\)$/);
  assert.equal(await first.locator('td').textContent(), '1.000');
  await associations.getByRole('rowheader', { name: 'price × price_band (Correlation ratio (η))' }).waitFor();
  await screenshot(page, 'dataset-associations');

  await clickToPage(page, page.getByRole('link', { name: 'Train on this' }), 'New training');
  await page.getByLabel('Target column').selectOption('price');
  await page.getByLabel('Budget in seconds').fill('10');
  await page.getByTestId('quote-credits').waitFor();
  await page.getByRole('button', { name: 'Start training' }).click();
  await mainHeading(page, 'Training job').waitFor({ timeout: 30_000 });
  const openModel = page.getByRole('link', { name: 'Open the model' });
  await openModel.waitFor({ timeout: 120_000 });
  await clickToPage(page, openModel, 'Model');

  const effects = page.locator('section[aria-labelledby="effects-heading"]');
  await chartRendered(page, 'chart-pdp');
  await chartRendered(page, 'chart-beeswarm');
  const size = effects.locator('figure[data-feature="size"]');
  await size.getByText('Show the numbers').click();
  // The table behind the size curve: 20 grid points whose average price rises with the size.
  const averages = (await size.locator('tbody tr td:first-of-type').allTextContents()).map(Number);
  assert.equal(averages.length, 20);
  for (let i = 1; i < averages.length; i += 1) assert.ok(averages[i] >= averages[i - 1], `the average price falls at point ${i}: ${averages.join(', ')}`);
  assert.equal(await effects.getByText('How Predicted price changes', { exact: false }).count(), 1);
  const summary = effects.locator('figure').filter({ hasText: 'SHAP summary' });
  await summary.getByText('Show the numbers').click();
  await summary.getByRole('rowheader', { name: 'size', exact: true }).waitFor();
  await screenshot(page, 'model-effects');
});
