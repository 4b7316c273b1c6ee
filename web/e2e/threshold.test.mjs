// A binary model's decision threshold on its page: the slider moves precision, recall and the confusion matrix, Save
// keeps the slider's threshold after a reload, an objective chooses one, an unreachable target says why; lift, gain
// and calibration charts draw with their numbers behind them; the Evaluations section prices, runs and shows an
// evaluation on a labelled held-out file beside validation, its curves with their numbers, and lists it.
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { assert, openPage, pageTest, screenshot, screenshotDir, signUp, testData } from './support.mjs';

/** Calls the API as the signed-in page (cookie session plus the anti-forgery header the API wants on unsafe methods). */
async function api(page, method, url, options = {}) {
  const xsrf = (await page.context().cookies()).find((c) => c.name === 'XSRF-TOKEN')?.value;
  const response = await page.request.fetch(url, { method, ...options, headers: { 'X-XSRF-TOKEN': decodeURIComponent(xsrf ?? '') } });
  return { status: response.status(), body: await response.json().catch(() => null) };
}

async function until(what, read, done, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not happen in ${timeoutMs / 1000} s: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Pima (diabetes pos/neg) uploaded and trained for 10 s through the API; answers the model's id. */
async function trainedPima(page) {
  const file = path.join(testData, 'ml', 'pima_diabetes.csv');
  const upload = await api(page, 'POST', '/api/v1/datasets', { multipart: { file: { name: 'pima.csv', mimeType: 'text/csv', buffer: readFileSync(file) } } });
  assert.ok(upload.status === 201 || upload.status === 202, JSON.stringify(upload));
  await until('pima ready', async () => (await api(page, 'GET', `/api/v1/datasets/${upload.body.id}`)).body.status, (s) => s === 'ready' || s === 'failed', 60_000);
  const job = await api(page, 'POST', '/api/v1/jobs', { data: { datasetId: upload.body.id, target: 'diabetes', budgetSeconds: 10 } });
  assert.equal(job.status, 202, JSON.stringify(job.body));
  const done = await until('training', async () => (await api(page, 'GET', `/api/v1/jobs/${job.body.id}`)).body, (j) => ['succeeded', 'failed', 'cancelled'].includes(j.status), 150_000);
  assert.equal(done.status, 'succeeded', JSON.stringify(done));
  return done.modelId;
}

async function chartRendered(page, testId) {
  await page.locator(`[data-testid="${testId}"][data-rendered="true"]`).waitFor();
}

const text = async (page, testId) => (await page.getByTestId(testId).textContent()).trim();

pageTest('the threshold slider moves the numbers, Save keeps the threshold, objectives choose one', async ({ page, expectProblem }) => {
  await signUp(page);
  const modelId = await trainedPima(page);
  await openPage(page, `/models/${modelId}`, 'Model');

  const panel = page.getByTestId('threshold-panel');
  await panel.waitFor();
  await page.getByTestId('threshold-saved').getByText('Saved threshold 0.500 (the default)').waitFor();
  assert.equal(await text(page, 'threshold-value'), '0.500');
  const before = { precision: await text(page, 'threshold-precision'), recall: await text(page, 'threshold-recall') };
  const confusionBefore = await page.getByTestId('threshold-confusion').locator('tbody').textContent();

  // Up the slider: fewer rows called positive, so recall falls and the matrix moves.
  const slider = page.getByTestId('threshold-slider');
  await slider.focus();
  for (let i = 0; i < 25; i += 1) await page.keyboard.press('ArrowRight');
  const moved = await text(page, 'threshold-value');
  assert.ok(Number(moved) > 0.5, `the slider moved up: ${moved}`);
  assert.notEqual(await text(page, 'threshold-recall'), before.recall);
  assert.ok(parseFloat(await text(page, 'threshold-recall')) < parseFloat(before.recall));
  assert.notEqual(await page.getByTestId('threshold-confusion').locator('tbody').textContent(), confusionBefore);
  await screenshot(page, 'model-threshold');

  await page.getByTestId('threshold-save').click();
  await page.getByTestId('threshold-saved').getByText(`Saved threshold ${moved} (set by hand)`).waitFor();
  await page.reload();
  await page.getByTestId('threshold-saved').getByText(`Saved threshold ${moved} (set by hand)`).waitFor();
  assert.equal(await text(page, 'threshold-value'), moved);
  const stored = await api(page, 'GET', `/api/v1/models/${modelId}`);
  assert.equal(stored.body.threshold.value.toFixed(3), moved);

  // An objective chooses and saves; the slider follows.
  await panel.getByRole('button', { name: 'Maximise F1' }).click();
  await page.getByTestId('threshold-saved').getByText('(the best F1)').waitFor();
  const f1 = await api(page, 'GET', `/api/v1/models/${modelId}`);
  assert.equal(await text(page, 'threshold-value'), f1.body.threshold.value.toFixed(3));

  // A precision nothing reaches: the API's sentence names the best reachable, and nothing changes.
  expectProblem(`/api/v1/models/${modelId}/threshold`, 422);
  await page.getByTestId('precision-target').fill('1');
  await panel.getByRole('button', { name: 'Meet precision' }).click();
  const best = await api(page, 'GET', `/api/v1/models/${modelId}`);
  if (best.body.curves.thresholds.some((p) => p.truePositives > 0 && p.falsePositives === 0)) {
    await page.getByTestId('threshold-saved').getByText('(precision at least 1)').waitFor();
  } else {
    await panel.getByRole('alert').getByText('the best this model reaches is', { exact: false }).waitFor();
    await page.getByTestId('threshold-saved').getByText('(the best F1)').waitFor();
  }

  await panel.getByRole('button', { name: 'Reset to 0.5' }).click();
  await page.getByTestId('threshold-saved').getByText('Saved threshold 0.500 (the default)').waitFor();

  // Lift, gain and calibration, each with a table of its numbers.
  for (const chart of ['chart-gain', 'chart-lift', 'chart-calibration']) await chartRendered(page, chart);
  const calibration = page.getByRole('figure').filter({ hasText: 'Calibration (reliability curve)' });
  await calibration.getByText('Show the numbers').click();
  assert.ok((await calibration.locator('tbody tr').count()) >= 2);
  await screenshot(page, 'model-threshold-charts');

  // Evaluations: the last 150 rows as a labelled file of the user's, priced before paying, then beside validation.
  const lines = readFileSync(path.join(testData, 'ml', 'pima_diabetes.csv'), 'utf8').trim().split('\n');
  const heldOut = Buffer.from([lines[0], ...lines.slice(-150)].join('\n') + '\n');
  const upload = await api(page, 'POST', '/api/v1/datasets', { multipart: { file: { name: 'pima-held-out.csv', mimeType: 'text/csv', buffer: heldOut } } });
  await until('held-out file ready', async () => (await api(page, 'GET', `/api/v1/datasets/${upload.body.id}`)).body.status, (s) => s === 'ready', 60_000);
  await page.reload();
  const evaluations = page.getByTestId('evaluations');
  await evaluations.getByRole('heading', { name: 'Evaluations' }).waitFor();
  await evaluations.getByLabel('Labelled data set').selectOption(upload.body.id);
  await evaluations.getByTestId('evaluation-price').getByText('for 150 rows', { exact: false }).waitFor();
  await evaluations.getByRole('button', { name: 'Run evaluation' }).click();
  const result = evaluations.getByTestId('evaluation-result');
  await result.waitFor({ timeout: 60_000 });
  await result.getByText('150 rows of pima-held-out.csv scored', { exact: false }).waitFor();
  const auc = result.getByTestId('evaluation-comparison').getByRole('row', { name: /^AUC/ });
  const cells = (await auc.locator('td').allTextContents()).map((c) => c.trim());
  const latest = (await api(page, 'GET', `/api/v1/models/${modelId}/evaluations`)).body.items[0];
  assert.equal(latest.status, 'succeeded');
  assert.equal(cells.length, 3, `validation, your data, difference: ${cells}`);
  assert.ok(cells.every((c) => c !== '—'), `every AUC cell has a number: ${cells}`);
  await chartRendered(page, 'evaluation-roc');
  const roc = result.getByRole('figure').filter({ hasText: 'ROC curve (your rows)' });
  await roc.getByText('Show the numbers').click();
  assert.ok((await roc.locator('tbody tr').count()) >= 3);
  await evaluations.getByTestId('evaluation-list').getByRole('cell', { name: 'pima-held-out.csv' }).waitFor();
  await screenshot(page, 'model-evaluations');
  await roc.getByText('Show the numbers').click();
  await evaluations.screenshot({ path: path.join(screenshotDir, `model-evaluations-section-${page.viewportSize().width}.png`) });
});
