// The Models page: two models trained through the API (the smallest budget), sorted, filtered, compared side by side
// with their ROC curves overlaid, one model's ensemble, and deletion down to the empty state.
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { assert, clickToPage, mainHeading, openPage, pageTest, screenshot, signUp, testData } from './support.mjs';

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

/** Uploads a test file as a data set, trains on it for 10 s and answers the model id. */
async function trainedModel(page, file, target) {
  const name = path.basename(file);
  const upload = await api(page, 'POST', '/api/v1/datasets', { multipart: { file: { name, mimeType: 'text/csv', buffer: readFileSync(file) } } });
  assert.ok(upload.status === 201 || upload.status === 202, JSON.stringify(upload));
  await until(`${name} ready`, async () => (await api(page, 'GET', `/api/v1/datasets/${upload.body.id}`)).body.status, (s) => s === 'ready' || s === 'failed', 60_000);
  const job = await api(page, 'POST', '/api/v1/jobs', { data: { datasetId: upload.body.id, target, budgetSeconds: 10 } });
  assert.equal(job.status, 202, JSON.stringify(job.body));
  return job.body.id;
}

async function modelOf(page, jobId) {
  const job = await until('training', async () => (await api(page, 'GET', `/api/v1/jobs/${jobId}`)).body, (j) => ['succeeded', 'failed', 'cancelled'].includes(j.status), 150_000);
  assert.equal(job.status, 'succeeded', JSON.stringify(job));
  return job.modelId;
}

const short = (id) => id.slice(-8); // the dashboard's short id: the random end of a UUIDv7
const rows = (page) => page.locator('table.models-table tbody tr');

pageTest('the Models page sorts, filters, compares two models, shows an ensemble and deletes', async ({ page, width }) => {
  await signUp(page);
  // Both jobs are queued before either is waited for, so they train side by side.
  const jobs = [await trainedModel(page, path.join(testData, 'ml', 'pima_diabetes.csv'), 'diabetes'), await trainedModel(page, path.join(testData, 'ml', 'sonar.csv'), 'Class')];
  const [diabetes, sonar] = [await modelOf(page, jobs[0]), await modelOf(page, jobs[1])];

  await openPage(page, '/models', 'Models');
  await rows(page).nth(1).waitFor();
  assert.equal(await rows(page).count(), 2);
  // Newest first, with the data set's name, the task and the metric.
  const list = (await api(page, 'GET', '/api/v1/models')).body.items;
  const dataset = { diabetes: 'pima_diabetes\\.csv', Class: 'sonar\\.csv' };
  for (const [i, m] of list.entries()) {
    assert.match(await rows(page).nth(i).textContent(), new RegExp(`${m.target}.*${dataset[m.target]}.*Binary classification.*AUC`));
  }
  const noOverflow = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  assert.ok(noOverflow, `the table scrolls inside its box at ${width} px, not the page`);
  await screenshot(page, 'models-list');

  // Sort by score: best first (both are AUC), then the other way.
  const [best, worst] = [...list].sort((a, b) => b.score - a.score);
  const scoreHeader = page.getByRole('columnheader', { name: /Score/ });
  await scoreHeader.getByRole('button').click();
  await page.locator('th[aria-sort="descending"]', { hasText: 'Score' }).waitFor();
  await page.waitForFunction((target) => document.querySelector('table.models-table tbody tr a')?.textContent === target, best.target);
  await scoreHeader.getByRole('button').click();
  await page.locator('th[aria-sort="ascending"]', { hasText: 'Score' }).waitFor();
  await page.waitForFunction((target) => document.querySelector('table.models-table tbody tr a')?.textContent === target, worst.target);
  assert.equal(await page.getByRole('columnheader', { name: /Created/ }).getAttribute('aria-sort'), 'none');

  // Filters: the search box (target or data set name) and the task.
  await page.getByLabel('Search models').fill('PIMA');
  await page.waitForFunction(() => document.querySelectorAll('table.models-table tbody tr').length === 1);
  assert.match(await rows(page).first().textContent(), /diabetes/);
  await page.getByLabel('Search models').fill('');
  await rows(page).nth(1).waitFor();
  await page.getByLabel('Task').selectOption({ label: 'Regression' });
  await page.getByText('No model matches these filters.').waitFor();
  await page.getByLabel('Task').selectOption({ label: 'All tasks' });
  await rows(page).nth(1).waitFor();

  // Compare the two: enabled from two ticks on.
  const compare = page.getByRole('button', { name: 'Compare selected' });
  assert.equal(await compare.isDisabled(), true);
  await page.getByLabel(`Compare diabetes (${short(diabetes)})`).check();
  assert.equal(await compare.isDisabled(), true);
  await page.getByLabel(`Compare Class (${short(sonar)})`).check();
  await clickToPage(page, compare, 'Compare models');
  await page.getByRole('note').getByText('different targets (diabetes, Class)', { exact: false }).waitFor();
  const metricRow = (name) => page.locator('table.compare-table tr', { has: page.getByRole('rowheader', { name }) });
  assert.equal(await metricRow(/^AUC/).locator('td.best').count(), 1, 'one best AUC is marked');
  assert.equal(await metricRow(/^Log loss/).getByText('lower is better').count(), 1);
  const roc = page.locator('[data-testid="compare-roc"][data-rendered="true"]');
  await roc.waitFor();
  assert.equal(await roc.locator('canvas').count(), 1, 'the overlay is drawn');
  const legend = await roc.getAttribute('aria-label');
  assert.ok(legend.includes(`diabetes (${short(diabetes)})`) && legend.includes(`Class (${short(sonar)})`), legend);
  await page.locator('[data-testid="compare-pr"][data-rendered="true"]').waitFor();
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `the comparison fits ${width} px`);
  await screenshot(page, 'models-compare');

  // A model's page shows its ensemble: learner, weight and validation score per member.
  await clickToPage(page, page.getByRole('columnheader').getByRole('link', { name: `diabetes (${short(diabetes)})` }), /^Model /);
  await page.getByRole('heading', { level: 2, name: 'Ensemble' }).waitFor();
  const members = (await api(page, 'GET', `/api/v1/models/${diabetes}`)).body.ensemble;
  assert.ok(members.length >= 1);
  const ensemble = page.locator('table.ensemble-table tbody tr');
  assert.equal(await ensemble.count(), members.length);
  assert.match(await ensemble.first().textContent(), new RegExp(`#${members[0].trial}.*${(members[0].weight * 100).toFixed(1)}%`));
  await page.getByRole('heading', { level: 2, name: 'Ensemble' }).scrollIntoViewIfNeeded();
  await screenshot(page, 'model-ensemble');

  // Delete with confirmation, down to the empty state that says how to get a model.
  await openPage(page, '/models', 'Models');
  await rows(page).nth(1).waitFor();
  for (const [target, id] of [['Class', sonar], ['diabetes', diabetes]]) {
    await page.getByRole('button', { name: `Delete ${target} (${short(id)})` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete model' }).click();
    await page.getByLabel(`Compare ${target} (${short(id)})`).waitFor({ state: 'detached' });
  }
  await page.getByText('No models yet.', { exact: false }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'Train your first model' }).getAttribute('href'), '/train');
  assert.equal((await api(page, 'GET', '/api/v1/models')).body.items.length, 0);
  await screenshot(page, 'models-empty');
  assert.ok(await mainHeading(page, 'Models').isVisible());
});
