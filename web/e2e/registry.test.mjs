// The model registry and an endpoint with real data: two trained models registered as versions 1 and 2 of one
// registered model, production moved twice through the page (with reasons, and a refused move's problem shown), an
// endpoint serving production, one row predicted through its try-it form, what the two pages then show, a rollback,
// and a training job that names the registered model and so adds version 3.
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { assert, mainHeading, openPage, pageTest, screenshot, signUp, testData, viewports } from './support.mjs';

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

/** Uploads a test file as a data set once, and answers its id when it is ready. */
async function readyDataset(page, file) {
  const name = path.basename(file);
  const upload = await api(page, 'POST', '/api/v1/datasets', { multipart: { file: { name, mimeType: 'text/csv', buffer: readFileSync(file) } } });
  assert.ok(upload.status === 201 || upload.status === 202, JSON.stringify(upload));
  await until(`${name} ready`, async () => (await api(page, 'GET', `/api/v1/datasets/${upload.body.id}`)).body.status, (s) => s === 'ready' || s === 'failed', 60_000);
  return upload.body.id;
}

/** Starts a 10 s training job on the data set and answers its id. */
async function startTraining(page, datasetId, target) {
  const job = await api(page, 'POST', '/api/v1/jobs', { data: { datasetId, target, budgetSeconds: 10 } });
  assert.equal(job.status, 202, JSON.stringify(job.body));
  return job.body.id;
}

async function modelOf(page, jobId) {
  const job = await until('training', async () => (await api(page, 'GET', `/api/v1/jobs/${jobId}`)).body, (j) => ['succeeded', 'failed', 'cancelled'].includes(j.status), 150_000);
  assert.equal(job.status, 'succeeded', JSON.stringify(job));
  return job.modelId;
}

async function chartRendered(page, testId) {
  await page.locator(`[data-testid="${testId}"][data-rendered="true"]`).waitFor();
}

/** Moves an alias through the page's form, and waits for the page to say it moved. */
async function moveAlias(page, alias, version, reason) {
  const form = page.getByRole('form', { name: 'Move an alias' });
  await form.getByRole('combobox', { name: 'Alias', exact: true }).selectOption(alias);
  await form.getByLabel('Version').selectOption(String(version));
  await form.getByLabel('Reason').fill(reason);
  await form.getByRole('button', { name: 'Move alias' }).click();
  await form.getByRole('status').filter({ hasText: `${alias} now names v${version}.` }).waitFor();
}

const name = 'diabetes-risk';
const endpoint = 'diabetes-api';
const historyRows = (page) => page.locator('table.alias-history[data-alias="production"] tbody tr');
const emptyWindows = /The monitor judges each \d+-hour window once it closes; windows with fewer than 500 rows are counted but not judged/;

// Trains two models, so it runs once (at the desktop width) and takes its phone screenshots by narrowing the same page.
pageTest('registered model versions, production moved with reasons, an endpoint serving it and one prediction through it', async ({ page, expectProblem }) => {
  await signUp(page);
  const pima = await readyDataset(page, path.join(testData, 'ml', 'pima_diabetes.csv'));
  // Both jobs are queued before either is waited for, so they train side by side.
  const jobs = [await startTraining(page, pima, 'diabetes'), await startTraining(page, pima, 'diabetes')];

  // Created through the list page's form, which opens the new registered model's page.
  await openPage(page, '/registered-models', 'Registered models');
  await page.getByText('No registered models yet.').waitFor();
  const create = page.getByRole('form', { name: 'New registered model' });
  await create.getByLabel('Name').fill(name);
  await create.getByLabel('Description').fill('Diabetes risk at the clinic');
  await create.getByLabel('Tags').fill('clinic, weekly');
  await create.getByRole('button', { name: 'Create registered model' }).click();
  await mainHeading(page, name).waitFor();
  await page.getByText('No versions yet').waitFor();

  // Versions 1 and 2 through the register form, in the order the models were trained.
  const [first, second] = [await modelOf(page, jobs[0]), await modelOf(page, jobs[1])];
  await openPage(page, `/registered-models/${name}`, name);
  const register = page.getByRole('form', { name: 'Register a model as a new version' });
  for (const [i, modelId] of [first, second].entries()) {
    await register.getByLabel('Trained model').locator(`option[value="${modelId}"]`).waitFor({ state: 'attached' });
    await register.getByLabel('Trained model').selectOption(modelId);
    await register.getByRole('button', { name: 'Register version' }).click();
    await register.getByRole('status').filter({ hasText: `Registered as v${i + 1}.` }).waitFor();
  }
  const versionRows = page.locator('table.versions-table tbody tr');
  await until('two versions listed', () => versionRows.count(), (n) => n === 2, 10_000);
  await chartRendered(page, 'chart-version-scores');

  // The platform keeps previous itself: the page shows the API's problem and moves nothing.
  const form = page.getByRole('form', { name: 'Move an alias' });
  expectProblem('/aliases/previous', 400);
  await form.getByRole('combobox', { name: 'Alias', exact: true }).selectOption({ label: 'Another alias…' });
  await form.getByLabel('Alias name').fill('previous');
  await form.getByLabel('Version').selectOption('1');
  await form.getByLabel('Reason').fill('trying the kept alias');
  await form.getByRole('button', { name: 'Move alias' }).click();
  await form.getByRole('alert').getByText('The alias previous is kept by the platform').waitFor();

  // Production on v1, then on v2, each with its reason; the second move leaves previous on v1, so a rollback is offered.
  await moveAlias(page, 'production', 1, 'first release');
  await historyRows(page).first().waitFor();
  await moveAlias(page, 'production', 2, 'v2 scores better on the weekly data');
  await until('two moves of production in its history', () => historyRows(page).count(), (n) => n === 2, 10_000);
  assert.match(await historyRows(page).nth(0).textContent(), /v1v2.*v2 scores better on the weekly data/);
  assert.match(await historyRows(page).nth(1).textContent(), /nonev1.*first release/);
  await page.getByTestId('registered-aliases').getByText('production → v2').waitFor();
  await page.getByTestId('registered-aliases').getByText('previous → v1').waitFor();
  await page.getByRole('button', { name: 'Roll back to v1' }).waitFor();
  assert.match(await versionRows.filter({ hasText: 'v2' }).first().textContent(), /production/);

  // Comparing two versions opens the model comparison page with both models.
  await page.getByLabel('Compare version 1').check();
  await page.getByLabel('Compare version 2').check();
  assert.equal(
    await page.getByRole('link', { name: 'Compare v1 and v2' }).getAttribute('href'),
    `/models/compare?ids=${first},${second}`,
  );

  // The training form offers the registered model as the home of its next version.
  await openPage(page, '/train', 'New training');
  await page.getByLabel('Register the model as a new version of').locator('option', { hasText: `${name} (next: v3)` }).waitFor({ state: 'attached' });

  // An endpoint on production, created through the endpoints page.
  await openPage(page, '/endpoints', 'Endpoints');
  const newEndpoint = page.getByRole('form', { name: 'New endpoint' });
  await newEndpoint.getByLabel('Name').fill(endpoint);
  await newEndpoint.getByLabel('Registered model').locator(`option[value="${name}"]`).waitFor({ state: 'attached' });
  await newEndpoint.getByLabel('Registered model').selectOption(name);
  assert.equal(await newEndpoint.getByLabel('Alias it serves').inputValue(), 'production');
  await newEndpoint.getByRole('button', { name: 'Create endpoint' }).click();
  await mainHeading(page, endpoint).waitFor();
  await page.getByTestId('endpoint-serving').filter({ hasText: 'production → v2' }).waitFor();
  // A new endpoint has no judged window: the monitoring section says how windows are judged and draws nothing made up.
  await page.getByTestId('monitoring-empty').filter({ hasText: emptyWindows }).waitFor();

  // One row (prefilled from the training data's first row) through the try-it form: version 2 answers.
  const tryIt = page.getByRole('form', { name: 'Try the endpoint' });
  await until('the example row', () => tryIt.getByLabel('One row as JSON').inputValue(), (text) => text.includes('"glucose": 148'), 15_000);
  await tryIt.getByRole('button', { name: 'Send' }).click();
  await page.getByTestId('endpoint-answer-version').filter({ hasText: /^Answered by v2 \(production\)/ }).waitFor();
  assert.match(await page.getByTestId('endpoint-answer').textContent(), /^(pos|neg)$/);

  // The log and the stats are written off the request's path: the page is read again until it shows them.
  await until(
    'the endpoint page counting the request',
    async () => {
      await openPage(page, `/endpoints/${endpoint}`, endpoint);
      await page.getByTestId('endpoint-requests').waitFor();
      return {
        requests: await page.getByTestId('endpoint-requests').textContent(),
        logged: await page.locator('table.request-log tbody tr').count(),
      };
    },
    (seen) => seen.requests === '1' && seen.logged === 1,
    30_000,
  );
  assert.match(await page.locator('table.request-log tbody tr').first().textContent(), /served\s*v2/);
  assert.match(await page.locator('table.version-split tbody tr').first().textContent(), /v21100\.0%/);

  // A client that stops sending a column: the request is answered, and a data-quality alert naming the column is
  // raised at once (no window has to close). The page is read again until its Alerts list shows it.
  const withoutMass = { pregnant: 6, glucose: 148, pressure: 72, triceps: 35, insulin: null, pedigree: 0.627, age: 50 };
  const missing = await api(page, 'POST', `/api/v1/endpoints/${endpoint}/predict`, { data: { rows: [withoutMass] } });
  assert.equal(missing.status, 200, JSON.stringify(missing.body));
  const qualityAlert = page.locator('table.alerts-table tbody tr[data-kind="data_quality"]');
  const alertText = await until(
    'the data-quality alert for mass on the endpoint page',
    async () => {
      await openPage(page, `/endpoints/${endpoint}`, endpoint);
      await page.getByText(/^No alerts:/).or(page.locator('table.alerts-table')).first().waitFor();
      return (await qualityAlert.count()) > 0 ? await qualityAlert.first().textContent() : null;
    },
    (text) => text !== null,
    30_000,
  );
  assert.match(alertText, /^Data quality\s*mass.*without the column 'mass'/);
  await page.getByTestId('monitoring-empty').filter({ hasText: emptyWindows }).waitFor();
  // The training baseline of the first feature is drawn alone: no window has counted anything yet.
  await chartRendered(page, 'chart-feature-histogram');

  // The settings: lines the API refuses show its problem; a window length and glucose's own lines are saved.
  const settings = page.getByRole('form', { name: 'Monitoring settings' });
  expectProblem('/monitoring', 400);
  await settings.getByLabel('Warn threshold of glucose').fill('0.3');
  await settings.getByLabel('Alert threshold of glucose').fill('0.2');
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await settings.getByRole('alert').getByText("The thresholds of 'glucose' need 0 < warn < alert ≤ 1").waitFor();
  await settings.getByLabel('Window length (hours)').fill('12');
  await settings.getByLabel('Warn threshold of glucose').fill('0.15');
  await settings.getByLabel('Alert threshold of glucose').fill('0.3');
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await settings.getByRole('status').filter({ hasText: 'Saved: windows of 12 hours, own thresholds for glucose.' }).waitFor();
  await page.getByTestId('monitoring-empty').filter({ hasText: 'The monitor judges each 12-hour window once it closes' }).waitFor();
  assert.deepEqual((await api(page, 'GET', `/api/v1/endpoints/${endpoint}/monitoring`)).body.thresholds, { glucose: { warn: 0.15, alert: 0.3 } });

  // Both pages at both widths, each with its charts drawn; at the phone width nothing is wider than the screen.
  for (const viewport of viewports) {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await openPage(page, `/registered-models/${name}`, name);
    await until('the production history', () => historyRows(page).count(), (n) => n === 2, 10_000);
    await chartRendered(page, 'chart-version-scores');
    await screenshot(page, 'registered-model');
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), `the registered model page fits ${viewport.width} px`);

    await openPage(page, `/endpoints/${endpoint}`, endpoint);
    await page.getByTestId('endpoint-requests').filter({ hasText: /^2$/ }).waitFor();
    await chartRendered(page, 'chart-requests');
    await chartRendered(page, 'chart-latency');
    await chartRendered(page, 'chart-feature-histogram');
    await qualityAlert.first().waitFor();
    await screenshot(page, 'endpoint');
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), `the endpoint page fits ${viewport.width} px`);

    // The two lists: the registered model with its aliases and endpoint, the endpoint with what it serves.
    await openPage(page, '/registered-models', 'Registered models');
    assert.match(await page.locator('table.registered-table tbody tr').first().textContent(), /diabetes-risk.*Binary classification.*diabetes.*v2.*production → v2.*previous → v1.*diabetes-api/);
    await screenshot(page, 'registered-models');
    await openPage(page, '/endpoints', 'Endpoints');
    assert.match(await page.locator('table.endpoints-table tbody tr').first().textContent(), /diabetes-api.*diabetes-risk.*production → v2.*none/);
    await screenshot(page, 'endpoints');
  }

  // Rolling back asks why, moves production back to v1, and the history says so (previous now names v2).
  await page.setViewportSize({ width: viewports[0].width, height: viewports[0].height });
  await openPage(page, `/registered-models/${name}`, name);
  await page.getByRole('button', { name: 'Roll back to v1' }).click();
  const rollback = page.getByRole('dialog', { name: 'Roll back production' });
  await rollback.getByLabel('Reason for the rollback').fill('v2 misses the new clinic');
  await rollback.getByRole('button', { name: 'Roll back to v1' }).click();
  await until('three moves of production in its history', () => historyRows(page).count(), (n) => n === 3, 10_000);
  assert.match(await historyRows(page).nth(0).textContent(), /v2v1.*v2 misses the new clinic/);
  await page.getByTestId('registered-aliases').getByText('production → v1').waitFor();
  await page.getByRole('button', { name: 'Roll back to v2' }).waitFor();
  await openPage(page, `/endpoints/${endpoint}`, endpoint);
  await page.getByTestId('endpoint-serving').filter({ hasText: 'production → v1' }).waitFor();

  // A training job that names the registered model (through its page's link to the training form) adds version 3.
  await openPage(page, `/registered-models/${name}`, name);
  await page.getByRole('link', { name: 'Train a new version' }).click();
  await mainHeading(page, 'New training').waitFor();
  // Chosen from the address once the registered models are loaded.
  await until('the registered model chosen', () => page.getByLabel('Register the model as a new version of').inputValue(), (v) => v === name, 10_000);
  await page.getByLabel('Budget in seconds').fill('10');
  await page.getByTestId('quote-credits').filter({ hasText: /^1 credit$/ }).waitFor();
  await page.getByRole('button', { name: 'Start training' }).click();
  await mainHeading(page, 'Training job').waitFor({ timeout: 30_000 });
  await page.getByTestId('job-registration').filter({ hasText: `Its model is version 3 of ${name}.` }).waitFor({ timeout: 150_000 });
  await page.getByTestId('job-registration').getByRole('link', { name }).click();
  await mainHeading(page, name).waitFor();
  await until('three versions listed', () => versionRows.count(), (n) => n === 3, 10_000);
  assert.match(await versionRows.first().textContent(), /v3.*training job/);
}, { viewportsToRun: [viewports[0]] });
