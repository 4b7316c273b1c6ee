// The model page's Download menu: a numeric model offers its bundle and an ONNX file that downloads; a model that
// reads a date offers the bundle and says, where the ONNX link would be, why it cannot be exported.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assert, clickToPage, mainHeading, openPage, pageTest, screenshot, signUp, testData } from './support.mjs';

/** 120 sign-ups: a date, a count and the plan the count decides. */
function plans() {
  const lines = ['signed_up,visits,plan'];
  for (let i = 0; i < 120; i += 1) {
    const month = String(1 + (i % 12)).padStart(2, '0');
    const day = String(1 + (i % 28)).padStart(2, '0');
    lines.push(`2025-${month}-${day},${i % 17},${i % 17 > 8 ? 'pro' : 'free'}`);
  }
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'automl-download-')), 'plans.csv');
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

/** Uploads the file, trains on the target for 10 s and opens the model page. */
async function trainAndOpen(page, file, target) {
  const name = path.basename(file);
  await page.getByLabel('Choose a data set file').setInputFiles(file);
  const row = page.getByTestId('dataset-row').filter({ hasText: name });
  await row.getByText('Ready').waitFor({ timeout: 60_000 });
  await clickToPage(page, row.getByRole('link', { name }), name);
  await clickToPage(page, page.getByRole('link', { name: 'Train on this' }), 'New training');
  await page.getByLabel('Target column').selectOption(target);
  await page.getByLabel('Budget in seconds').fill('10');
  await page.getByTestId('quote-credits').waitFor();
  await page.getByRole('button', { name: 'Start training' }).click();
  await mainHeading(page, 'Training job').waitFor({ timeout: 30_000 });
  const openModel = page.getByRole('link', { name: 'Open the model' });
  await openModel.waitFor({ timeout: 120_000 });
  await clickToPage(page, openModel, 'Model');
}

pageTest('the Download menu offers ONNX for a numeric model and says why a date model has none', async ({ page }) => {
  await signUp(page);
  await trainAndOpen(page, path.join(testData, 'ml', 'pima_diabetes.csv'), 'diabetes');
  await page.getByText('Download', { exact: true }).click();
  const onnx = page.getByRole('link', { name: 'ONNX (.onnx)' });
  await onnx.waitFor();
  await page.getByRole('link', { name: 'Model bundle (.automl)' }).waitFor();
  await screenshot(page, 'model-download-onnx');
  const answer = await page.request.get(await onnx.getAttribute('href'));
  assert.equal(answer.status(), 200);
  assert.match(answer.headers()['content-disposition'] ?? '', /\.onnx/);
  assert.ok((await answer.body()).length > 1000, 'an ONNX graph, not an empty file');

  await openPage(page, '/datasets', 'Data sets');
  await trainAndOpen(page, plans(), 'plan');
  await page.getByText('Download', { exact: true }).click();
  await page.getByText('ONNX (.onnx) — not available').waitFor();
  await page.getByRole('note').filter({ hasText: 'This model cannot be exported to ONNX: the column signed_up is a date' }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'ONNX (.onnx)' }).count(), 0);
  await page.getByRole('link', { name: 'Model bundle (.automl)' }).waitFor();
  await screenshot(page, 'model-download-refused');
});
