// Workflows: from a finished training job, "Retrain automatically" opens the create form filled in from the job and
// one click creates the workflow; run now trains a candidate, and with nothing in production yet the run promotes it.
// Its page, its run report and the list say so; pause and resume; a second workflow from a data set is deleted.
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { assert, clickToPage, mainHeading, openPage, pageTest, screenshot, signUp, testData, viewports } from './support.mjs';

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

/** Uploads CSV text as a data set, and answers its id when it is ready. */
async function readyDataset(page, name, text) {
  const upload = await api(page, 'POST', '/api/v1/datasets', { multipart: { file: { name, mimeType: 'text/csv', buffer: Buffer.from(text) } } });
  assert.ok(upload.status === 201 || upload.status === 202, JSON.stringify(upload));
  await until(`${name} ready`, async () => (await api(page, 'GET', `/api/v1/datasets/${upload.body.id}`)).body.status, (s) => s === 'ready' || s === 'failed', 60_000);
  return upload.body.id;
}

/** A 10 s training job on the data set, followed until it succeeds; answers the job. */
async function trainedJob(page, datasetId, target) {
  const started = await api(page, 'POST', '/api/v1/jobs', { data: { datasetId, target, budgetSeconds: 10 } });
  assert.equal(started.status, 202, JSON.stringify(started.body));
  const job = await until(
    'training',
    async () => (await api(page, 'GET', `/api/v1/jobs/${started.body.id}`)).body,
    (j) => ['succeeded', 'failed', 'cancelled'].includes(j.status),
    150_000,
  );
  assert.equal(job.status, 'succeeded', JSON.stringify(job));
  return job;
}

const fits = (page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
const chartRendered = (page, testId) => page.locator(`[data-testid="${testId}"][data-rendered="true"]`).waitFor();

const name = 'diabetes on pima_diabetes.csv';
const model = 'pima-diabetes-diabetes';

// Trains twice (the job, then the workflow's run), so it runs once at the desktop width and takes its phone
// screenshots by narrowing the same pages.
pageTest('a workflow made from a finished job with one click, run now, promoted, and its run report', async ({ page, expectProblem }) => {
  await signUp(page);
  // The first half of the Pima rows now; all of them later, as version 2 (new rows the first model never saw).
  const [header, ...lines] = readFileSync(path.join(testData, 'ml', 'pima_diabetes.csv'), 'utf8').trim().split('\n');
  const csv = (rows) => [header, ...rows].join('\n') + '\n';
  const pima = await readyDataset(page, 'pima_diabetes.csv', csv(lines.slice(0, lines.length / 2)));
  const job = await trainedJob(page, pima, 'diabetes');

  // Nothing yet: the list says how to start.
  await openPage(page, '/workflows', 'Workflows');
  await page.getByTestId('workflows-empty').filter({ hasText: 'Retrain automatically' }).waitFor();

  // The job page's one action opens the form filled in from the job: only the click on Create is left.
  await openPage(page, `/jobs/${job.id}`, 'Training job');
  await clickToPage(page, page.getByRole('link', { name: 'Retrain automatically' }), 'New workflow');
  const form = page.getByRole('form', { name: 'New workflow' });
  await form.getByTestId('workflow-recipe').filter({ hasText: /data set pima_diabetes\.csv, target diabetes/ }).waitFor();
  await until('the proposals', () => form.getByLabel('Name').inputValue(), (v) => v === name, 10_000);
  assert.equal(await form.getByLabel('Registered model').inputValue(), model);
  assert.ok(await form.getByLabel('Promote a better candidate at once').isChecked(), 'automatic promotion is the default');
  // A 10 s job costs 1 credit: twice that per run, ten times that a month.
  assert.equal(await form.getByLabel('Credit cap per run').inputValue(), '2');
  assert.equal(await form.getByLabel('Credit cap per month').inputValue(), '10');
  for (const viewport of viewports) {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await screenshot(page, 'workflow-new');
    assert.ok(await fits(page), `the new workflow page fits ${viewport.width} px`);
  }
  await page.setViewportSize({ width: viewports[0].width, height: viewports[0].height });
  await form.getByRole('button', { name: 'Create workflow' }).click();
  await mainHeading(page, name).waitFor();
  const workflowUrl = new URL(page.url()).pathname;
  const workflowId = workflowUrl.split('/').pop();
  await page.getByTestId('workflow-policy').filter({ hasText: 'Promote a better candidate at once' }).waitFor();
  await page.getByTestId('workflow-schedule').filter({ hasText: 'No schedule' }).waitFor();
  await page.getByTestId('runs-empty').waitFor();
  const saved = (await api(page, 'GET', `/api/v1/workflows/${workflowId}`)).body;
  assert.equal(saved.datasetId, pima);
  assert.equal(saved.target, 'diabetes');
  assert.equal(saved.registeredModel, model);
  assert.equal(saved.policy, 'automatic');
  assert.deepEqual([saved.runCreditCap, saved.monthlyCreditCap], [2, 10]);

  // Run now: a run appears training, and the page follows it (polling) until it leaves training.
  await page.getByRole('button', { name: 'Run now' }).click();
  const run = page.getByTestId('run-row').first();
  await run.waitFor();
  const status = await until('the run leaving training', () => run.getAttribute('data-status'), (s) => s !== 'training', 180_000);
  const [stored] = (await api(page, 'GET', `/api/v1/workflows/${workflowId}/runs`)).body.items;
  assert.equal(status, 'promoted', `the first run promotes, since nothing holds production yet: ${JSON.stringify(stored)}`);
  assert.equal(stored.trigger, 'manual');
  assert.ok(stored.reason, 'a promoted run says why');
  assert.match(await run.textContent(), /run now.*v1.*promoted/);
  assert.ok((await run.textContent()).includes(stored.reason), 'the runs table shows the reason');
  await page.getByText(/^\d+ of 10 credits this month/).waitFor();

  // The run report: the decision and its sentence, how the held-out rows were chosen, both models' metrics, no gain
  // without a champion, the reasons, and links to the job and the version it became.
  await clickToPage(page, run.getByRole('link').first(), 'Run report');
  const decision = page.getByTestId('run-decision');
  await decision.getByText('promoted', { exact: true }).waitFor();
  assert.equal(await page.getByTestId('run-reason').textContent(), stored.reason);
  const holdout = stored.report.holdout.description;
  assert.ok(holdout, 'the report describes its held-out rows');
  assert.equal(await page.getByTestId('holdout-description').textContent(), holdout);
  await page.locator('table.report-metrics tr.primary-metric').getByText('primary').waitFor();
  await page.getByTestId('run-gain').filter({ hasText: 'No gain to measure: no model held production to compare with.' }).waitFor();
  for (const reason of stored.report.reasons) await page.getByTestId('run-reasons').getByText(reason, { exact: true }).waitFor();
  assert.equal(await page.getByRole('link', { name: job.id.slice(-8) }).count(), 0, 'the run trains a job of its own');
  assert.equal(await page.getByRole('link', { name: stored.jobId.slice(-8) }).getAttribute('href'), `/jobs/${stored.jobId}`);
  await page.getByRole('link', { name: `v1 of ${model}` }).waitFor();
  const reportUrl = new URL(page.url()).pathname;
  for (const viewport of viewports) {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await openPage(page, reportUrl, 'Run report');
    await page.getByTestId('holdout-description').waitFor();
    await screenshot(page, 'workflow-run');
    assert.ok(await fits(page), `the run report fits ${viewport.width} px`);

    await openPage(page, workflowUrl, name);
    await page.getByTestId('run-row').first().waitFor();
    await chartRendered(page, 'chart-run-scores');
    await screenshot(page, 'workflow');
    assert.ok(await fits(page), `the workflow page fits ${viewport.width} px`);

    await openPage(page, '/workflows', 'Workflows');
    const row = page.getByTestId('workflow-row').filter({ hasText: name });
    assert.match(await row.textContent(), new RegExp(`${name}.*pima_diabetes\\.csv.*diabetes.*${model}.*Promote a better candidate at once.*none.*promoted`));
    await screenshot(page, 'workflows');
    assert.ok(await fits(page), `the workflows page fits ${viewport.width} px`);
  }
  await page.setViewportSize({ width: viewports[0].width, height: viewports[0].height });

  // The candidate holds production of the registered model now.
  await openPage(page, `/registered-models/${model}`, model);
  await page.getByTestId('registered-aliases').getByText('production → v1').waitFor();

  // Paused elsewhere (here through the API) while the page still offers Run now: the click shows the API's refusal.
  await openPage(page, workflowUrl, name);
  assert.equal((await api(page, 'POST', `/api/v1/workflows/${workflowId}/pause`)).status, 200);
  expectProblem(`/api/v1/workflows/${workflowId}/runs`, 409);
  await page.getByRole('button', { name: 'Run now' }).click();
  await page.getByRole('alert').getByText('This workflow is paused: resume it first').waitFor();
  await openPage(page, workflowUrl, name);
  await page.getByTestId('workflow-paused').waitFor();
  assert.ok(await page.getByRole('button', { name: 'Run now' }).isDisabled(), 'a paused workflow offers no run');
  await page.getByRole('button', { name: 'Resume' }).click();
  await page.getByTestId('workflow-paused').waitFor({ state: 'detached' });
  assert.equal(await page.getByTestId('run-row').count(), 1, 'the refused run left no row');

  // Its settings change on the page: approval before promotion, and a daily schedule at 07:30 UTC with its next run.
  await page.getByText('Change settings').click();
  const settings = page.getByRole('form', { name: 'Workflow settings' });
  await settings.getByLabel('Wait for someone to approve a better candidate').check();
  await settings.getByLabel('Run on a schedule').check();
  await settings.getByLabel('Repeat').selectOption('daily');
  await settings.getByLabel('Time', { exact: true }).fill('07:30');
  await settings.getByText('Runs every day at 07:30 (UTC).').waitFor();
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await settings.getByRole('status').filter({ hasText: 'Saved: Wait for someone to approve a better candidate; every day at 07:30 (UTC).' }).waitFor();
  await page.getByTestId('workflow-policy').filter({ hasText: 'Wait for someone to approve a better candidate' }).waitFor();
  await page.getByTestId('workflow-schedule').filter({ hasText: 'every day at 07:30 (UTC)' }).waitFor();
  const changed = (await api(page, 'GET', `/api/v1/workflows/${workflowId}`)).body;
  assert.deepEqual([changed.policy, changed.schedule], ['approval', { cron: '30 7 * * *', timeZone: 'UTC' }]);
  assert.ok(changed.nextRunAt, 'a scheduled workflow has a next run');
  assert.equal(new Date(changed.nextRunAt).toISOString().slice(11, 16), '07:30');
  await page.getByTestId('workflow-next-run').filter({ hasText: /07:30|7:30 AM/ }).waitFor();

  // New data arrives as version 2 of the data set: every Pima row, half of them new to the model in production. A
  // second run trains on it and meets that model on held-out new rows; under the approval policy it either waits for a
  // person (here rejected) or is not promoted, and either way its report shows the champion's metrics and the gain with
  // its interval.
  const v2 = await api(page, 'POST', `/api/v1/datasets/${pima}/versions`, {
    multipart: { file: { name: 'pima_diabetes.csv', mimeType: 'text/csv', buffer: Buffer.from(csv(lines)) } },
  });
  assert.equal(v2.status, 202, JSON.stringify(v2.body));
  await until('version 2 ready', async () => (await api(page, 'GET', `/api/v1/datasets/${v2.body.id}`)).body.status, (s) => s === 'ready', 60_000);
  await openPage(page, workflowUrl, name);
  await page.getByText('(newest: v2)').waitFor();
  await page.getByRole('button', { name: 'Run now' }).click();
  await until('two runs', () => page.getByTestId('run-row').count(), (n) => n === 2, 15_000);
  const second = page.getByTestId('run-row').first();
  const secondStatus = await until('the second run leaving training', () => second.getAttribute('data-status'), (s) => s !== 'training', 180_000);
  const [secondRun] = (await api(page, 'GET', `/api/v1/workflows/${workflowId}/runs`)).body.items;
  assert.ok(['awaiting-approval', 'not-promoted'].includes(secondStatus), `the second run: ${JSON.stringify(secondRun)}`);
  assert.equal(secondRun.championVersion, 1);
  assert.equal(secondRun.candidateVersion, 2);
  assert.equal(secondRun.datasetVersion, 2);
  assert.match(await second.textContent(), /run now\s*v2.*v2.*v1/);
  if (secondStatus === 'awaiting-approval') {
    await second.getByRole('button', { name: 'Reject' }).click();
    const reject = page.getByRole('dialog', { name: 'Reject v2' });
    await reject.getByLabel('Reason (optional)').fill('not this week');
    await reject.getByRole('button', { name: 'Reject v2' }).click();
    await until('the rejection', () => second.getAttribute('data-status'), (s) => s === 'rejected', 15_000);
  }
  await chartRendered(page, 'chart-run-scores');
  await clickToPage(page, second.getByRole('link').first(), 'Run report');
  await page.getByTestId('holdout-description').filter({ hasText: /^A stratified \d+ of the \d+ rows the model holding production did not train on \(\d+ of the 768 rows it did\)/ }).waitFor();
  await page.getByRole('columnheader', { name: 'Champion (v1)' }).waitFor();
  await page.getByTestId('run-gain').filter({ hasText: /95% interval .* to .*; the margin is 0\.005/ }).waitFor();
  await page.getByRole('link', { name: `v2 of ${model}` }).waitFor();
  await page.getByRole('link', { name: `v1 of ${model}` }).waitFor();
  for (const viewport of viewports) {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await screenshot(page, 'workflow-run-compared');
    assert.ok(await fits(page), `the compared run's report fits ${viewport.width} px`);
  }
  await page.setViewportSize({ width: viewports[0].width, height: viewports[0].height });

  // Pause from the list: the row says so and cannot run; resume gives Run now back.
  await openPage(page, '/workflows', 'Workflows');
  const row = page.getByTestId('workflow-row').filter({ hasText: name });
  await row.getByRole('button', { name: `Pause ${name}` }).click();
  await row.getByText('paused', { exact: true }).waitFor();
  assert.ok(await row.getByRole('button', { name: `Run ${name} now` }).isDisabled(), 'a paused workflow does not run');
  assert.equal((await api(page, 'GET', `/api/v1/workflows/${workflowId}`)).body.paused, true);
  await row.getByRole('button', { name: `Resume ${name}` }).click();
  await until('Run now enabled again', () => row.getByRole('button', { name: `Run ${name} now` }).isEnabled(), (on) => on, 10_000);

  // A second workflow from the list page's form (a data set, target and budget, weekly at 06:00 UTC), then deleted.
  const create = page.getByRole('form', { name: 'New workflow' });
  await create.getByLabel('A data set').check();
  await create.getByLabel('Data set to train on').locator(`option[value="${pima}"]`).waitFor({ state: 'attached' });
  await create.getByLabel('Data set to train on').selectOption(pima);
  await create.getByLabel('Target column').locator('option[value="diabetes"]').waitFor({ state: 'attached' });
  await create.getByLabel('Target column').selectOption('diabetes');
  await create.getByLabel('Name').fill('weekly diabetes');
  await create.getByLabel('Registered model').fill('weekly-diabetes');
  await create.getByLabel('Wait for someone to approve a better candidate').check();
  await create.getByLabel('Run on a schedule').check();
  await create.getByText('Runs every Monday at 06:00 (UTC).').waitFor();
  await create.getByRole('button', { name: 'Create workflow' }).click();
  await mainHeading(page, 'weekly diabetes').waitFor();
  await page.getByTestId('workflow-schedule').filter({ hasText: 'every Monday at 06:00 (UTC)' }).waitFor();
  await page.getByTestId('workflow-policy').filter({ hasText: 'Wait for someone to approve a better candidate' }).waitFor();
  await page.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('dialog', { name: 'Delete this workflow?' }).getByRole('button', { name: 'Delete workflow' }).click();
  await mainHeading(page, 'Workflows').waitFor();
  await until('one workflow left', () => page.getByTestId('workflow-row').count(), (n) => n === 1, 10_000);
}, { viewportsToRun: [viewports[0]] });
