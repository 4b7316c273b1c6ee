// The training form's problem answers and cancelling a job.
import path from 'node:path';
import { assert, clickToPage, mainHeading, pageTest, screenshot, signUp, testData, viewports } from './support.mjs';

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
  assert.equal(await page.getByTestId('trial-row').count(), trials.length, 'every trial is on the leaderboard, none twice');
  await screenshot(page, 'job-reconnected');
}, { viewportsToRun: [viewports[0]] });
