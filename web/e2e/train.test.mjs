// The training form's problem answers and cancelling a job.
import path from 'node:path';
import { assert, clickToPage, mainHeading, navigate, pageTest, screenshot, signUp, testData, viewports } from './support.mjs';

/** Starts the job; the wait is the API admitting it (not a render), so the job page's render is timed on its own load. */
async function submitTraining(page) {
  await page.getByRole('button', { name: 'Start training' }).click();
  await mainHeading(page, 'Training job').waitFor({ timeout: 30_000 });
}

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
  await submitTraining(page);
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

pageTest('the job page reconnects after its event stream drops and misses no trial', async ({ page }) => {
  // The events hub's WebSocket goes through this proxy, which can cut it and refuse reconnects for a while.
  let cut = false;
  let resumes = 0;
  const open = [];
  await page.routeWebSocket(/\/hubs\/events/, (ws) => {
    if (cut) {
      ws.close({ code: 1011, reason: 'test: network down' });
      return;
    }
    const server = ws.connectToServer();
    open.push(ws);
    ws.onMessage((message) => {
      if (typeof message === 'string' && message.includes('"target":"Resume"')) resumes += 1;
      server.send(message);
    });
  });

  await signUp(page);
  await uploadAndOpenTraining(page);
  await page.getByLabel('Budget in seconds').fill('20');
  await page.getByTestId('quote-credits').filter({ hasText: /^1 credit$/ }).waitFor();
  await submitTraining(page);
  const jobUrl = page.url();
  await page.getByTestId('trial-row').first().waitFor({ timeout: 60_000 });
  await page.getByText('Live', { exact: true }).waitFor();
  assert.equal(resumes, 1, 'the page resumed once after connecting');

  cut = true;
  for (const ws of open.splice(0)) await ws.close({ code: 1011, reason: 'test: network down' });
  await page.getByText(/Reconnecting|checking every 2 s/).first().waitFor();
  const rowsWhileCut = await page.getByTestId('trial-row').count();
  await page.waitForTimeout(4000);
  cut = false;
  // The job (20 s) is still running when the hub is reachable again: the page reconnects and resumes from its last event.
  await page.getByText('Live', { exact: true }).waitFor({ timeout: 15_000 });
  assert.equal(await page.getByLabel('Status: running').count(), 1, 'reconnected while the job still runs');
  assert.ok(resumes >= 2, `the page called Resume again after reconnecting (${resumes} calls)`);
  await page.getByRole('link', { name: 'Open the model' }).waitFor({ timeout: 120_000 });

  const trials = (await (await page.request.get(jobUrl.replace('/jobs/', '/api/v1/jobs/') + '/trials')).json()).items;
  assert.ok(trials.length > rowsWhileCut, `trials ended while the stream was down (${rowsWhileCut} rows then, ${trials.length} in the end)`);
  // The link follows the job's status, the rows the replayed trial events: wait for the last row, then count.
  await page.getByTestId('trial-row').nth(trials.length - 1).waitFor({ timeout: 15_000 });
  assert.equal(await page.getByTestId('trial-row').count(), trials.length, 'every trial is on the leaderboard, none twice');
  await screenshot(page, 'job-reconnected');
}, { viewportsToRun: [viewports[0]] });

/** Calls the API as the signed-in page (cookie session plus the anti-forgery header the API wants on unsafe methods). */
async function api(page, method, path, data) {
  const xsrf = (await page.context().cookies()).find((c) => c.name === 'XSRF-TOKEN')?.value;
  const response = await page.request.fetch(path, { method, data, headers: { 'X-XSRF-TOKEN': decodeURIComponent(xsrf ?? '') } });
  return { status: response.status(), body: await response.json().catch(() => null) };
}

pageTest('not enough credits is shown in the form, and the jobs list loads more pages', async ({ page, expectProblem }) => {
  await signUp(page);
  await uploadAndOpenTraining(page);
  const datasetId = new URL(page.url()).searchParams.get('datasetId');
  // 26 small jobs (1 credit each) and 7 of 300 s (10 each) hold 96 of the sign-up bonus's 100 credits.
  const ids = [];
  for (const budgetSeconds of [...Array(26).fill(10), ...Array(7).fill(300)]) {
    const submitted = await api(page, 'POST', '/api/v1/jobs', { datasetId, target: 'species', budgetSeconds });
    assert.equal(submitted.status, 202, JSON.stringify(submitted.body));
    ids.push(submitted.body.id);
  }

  await page.getByLabel('Target column').selectOption('species');
  await page.getByLabel('Budget in seconds').fill('300');
  await page.getByTestId('quote-credits').filter({ hasText: '10 credits' }).waitFor();
  await page.getByTestId('quote-available').filter({ hasText: /^4 credits$/ }).waitFor();
  await page.getByRole('link', { name: 'Buy credits' }).waitFor();
  // Credit packs are sold on the billing page.
  assert.equal(await page.getByRole('link', { name: 'Buy credits' }).getAttribute('href'), '/billing');
  expectProblem('/api/v1/jobs', 402);
  await page.getByRole('button', { name: 'Start training' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Not enough credits' });
  await alert.getByText('This job holds 10 credits and you have 4 available.', { exact: false }).waitFor();
  // The balance chip follows: the quote read a balance the page had not seen.
  await page.getByRole('link', { name: /^4 credits$/ }).waitFor();
  await screenshot(page, 'train-not-enough-credits');

  for (const id of ids) {
    const cancelled = await api(page, 'POST', `/api/v1/jobs/${id}/cancel`);
    assert.ok([202, 409].includes(cancelled.status), `cancel answered ${cancelled.status}`);
  }
  await navigate(page, 'Jobs', 'Jobs');
  const rows = page.getByRole('row').filter({ has: page.getByRole('link', { name: /^Job / }) });
  await rows.nth(24).waitFor();
  assert.equal(await rows.count(), 25, 'one page of 25');
  await page.getByRole('button', { name: 'Load more' }).click();
  await rows.nth(32).waitFor();
  assert.equal(await rows.count(), 33);
  assert.equal(await page.getByRole('button', { name: 'Load more' }).count(), 0, 'no more pages');
  const newest = await rows.first().getByRole('link', { name: /^Job / }).getAttribute('href');
  assert.equal(newest, `/jobs/${ids.at(-1)}`, 'newest first');
  await screenshot(page, 'jobs-load-more');
}, { viewportsToRun: [viewports[0]] });
