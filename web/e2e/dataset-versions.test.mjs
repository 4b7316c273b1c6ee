// Data set versions on the dashboard: a second version uploaded on the data set's page (with the progress bar new
// uploads have) shows its schema changes once read; an older version's page says a newer one exists; the Train page
// offers the versions (the newest ready one by default) and a job trains on the one picked; a file that cannot be read
// as a version says why.
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { assert, clickToPage, mainHeading, navigate, pageTest, screenshot, signUp, testData, viewports } from './support.mjs';

const penguins = path.join(testData, 'ml', 'penguins.csv');

/** Calls the API as the signed-in page (cookie session plus the anti-forgery header the API wants on unsafe methods). */
async function api(page, method, url) {
  const xsrf = (await page.context().cookies()).find((c) => c.name === 'XSRF-TOKEN')?.value;
  const response = await page.request.fetch(url, { method, headers: { 'X-XSRF-TOKEN': decodeURIComponent(xsrf ?? '') } });
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

/** Reads every value the upload progress bar takes, from the page itself. */
async function recordProgress(page) {
  await page.evaluate(() => {
    window.__progress = [];
    new MutationObserver(() => {
      const bar = document.querySelector('[role=progressbar][aria-label=Upload]');
      const value = bar?.getAttribute('aria-valuenow');
      if (value !== null && value !== undefined && window.__progress.at(-1) !== Number(value)) window.__progress.push(Number(value));
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'] });
  });
  return () => page.evaluate(() => window.__progress);
}

/**
 * Version 2 of the penguins: every row again, with a new column (year) and body_mass_g given as a size class
 * instead of grams, so the column is retyped from numeric to categorical.
 */
function secondVersion() {
  const [header, ...lines] = readFileSync(penguins, 'utf8').trim().split('\n');
  const mass = header.split(',').findIndex((c) => c.replaceAll('"', '') === 'body_mass_g');
  assert.ok(mass >= 0, 'penguins.csv has body_mass_g');
  const rows = lines.map((line, i) => {
    const cells = line.split(',');
    const grams = cells[mass] === '' || cells[mass] === 'NA' ? null : Number(cells[mass]);
    if (grams !== null) cells[mass] = grams < 3500 ? '"small"' : grams < 4500 ? '"medium"' : '"large"';
    return [...cells, 2007 + (i % 3)].join(',');
  });
  return Buffer.from([`${header},"year"`, ...rows].join('\n') + '\n');
}

/** A table row's cells, trimmed and joined by single spaces. */
const cells = async (row) => (await row.locator('td').allTextContents()).map((c) => c.replace(/\s+/g, ' ').trim()).join(' ');

const fits = (page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);

/** Screenshots the page at both widths (the same page narrowed), checking it is never wider than the window. */
async function atBothWidths(page, name, ready) {
  for (const viewport of viewports) {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await ready();
    await screenshot(page, name);
    assert.ok(await fits(page), `${name} fits ${viewport.width} px`);
  }
  await page.setViewportSize({ width: viewports[0].width, height: viewports[0].height });
}

// Trains once, so it runs at the desktop width and takes its phone screenshots by narrowing the same pages.
pageTest('a second version with its schema changes, an older version says so, and training on version 1', async ({ page }) => {
  await signUp(page);

  // Version 1: the penguins, uploaded as a new data set.
  await page.getByLabel('Choose a data set file').setInputFiles(penguins);
  const row = page.getByTestId('dataset-row').filter({ hasText: 'penguins.csv' });
  await row.getByText('Ready').waitFor({ timeout: 60_000 });
  await clickToPage(page, row.getByRole('link', { name: 'penguins.csv' }), 'penguins.csv');
  const v1 = new URL(page.url()).pathname.split('/').pop();
  const versionsSection = page.getByRole('region', { name: 'Versions' });
  await versionsSection.getByText('Only one version so far.').waitFor();
  assert.equal(await page.getByTestId('dataset-version').count(), 0, 'a data set with one version does not number it');

  // Version 2, uploaded on the page with the upload progress bar, followed until it is read.
  const progress = await recordProgress(page);
  const upload = page.getByTestId('upload-version');
  await upload.getByLabel('Choose a file for the new version').setInputFiles({ name: 'penguins-2008.csv', mimeType: 'text/csv', buffer: secondVersion() });
  const ready = upload.getByTestId('new-version-ready');
  await ready.waitFor({ timeout: 60_000 });
  assert.equal((await progress()).at(-1), 100, 'the upload bar reached 100 %');
  assert.equal(await upload.getByRole('progressbar', { name: 'Upload' }).getAttribute('aria-valuenow'), '100');
  const changes = 'added year; body_mass_g: numeric → categorical';
  assert.equal(
    (await ready.textContent()).replace(/\s+/g, ' ').trim(),
    `Version 2 is ready: 344 rows. Schema changes against version 1: ${changes}. Open version 2`,
  );

  // What the page says is what the API says: version 2 of the lineage, one added and one retyped column.
  const listed = (await api(page, 'GET', `/api/v1/datasets/${v1}/versions`)).body.items;
  assert.deepEqual(listed.map((v) => [v.version, v.status]), [[2, 'ready'], [1, 'ready']]);
  const v2 = listed[0].id;
  assert.deepEqual(listed[0].schemaChanges, {
    comparedWithVersion: 1,
    added: [{ name: 'year', type: 'numeric' }],
    removed: [],
    retyped: [{ name: 'body_mass_g', from: 'numeric', to: 'categorical' }],
  });
  assert.equal(listed[1].schemaChanges, null);

  // Version 1's page now knows of version 2: it says so, and lists both versions with their changes.
  const line = page.getByTestId('dataset-version');
  await line.filter({ hasText: 'Version 1 of 2 — a newer version exists: see the newest (v2)' }).waitFor();
  const versionRows = versionsSection.getByTestId('version-row');
  await until('both versions listed', () => versionRows.count(), (n) => n === 2, 10_000);
  const [newest, oldest] = [versionRows.nth(0), versionRows.nth(1)];
  assert.equal(await newest.getAttribute('data-version'), '2');
  // The table is its own query: it reads version 2 as ready on its next poll, not necessarily with the upload's notice.
  await until('version 2 listed as ready', () => cells(newest), (text) => new RegExp(`^v2 Ready ${changes} 344 \\S`).test(text), 15_000);
  assert.match(await cells(oldest), /^v1 \(this page\) Ready first version 344 \S/);
  assert.equal(await page.getByRole('link', { name: 'see the newest (v2)' }).getAttribute('href'), `/datasets/${v2}`);
  // Its "Train on this" trains on this version, not the newest.
  assert.match(await page.getByRole('link', { name: 'Train on this' }).getAttribute('href'), new RegExp(`^/train\\?datasetId=${v1}&datasetVersion=1&`));

  // Version 2's own page: the newest, its schema changes in its row.
  await clickToPage(page, ready.getByRole('link', { name: 'Open version 2' }), 'penguins.csv');
  await page.waitForURL(`**/datasets/${v2}`);
  await line.filter({ hasText: 'Version 2 of 2 — the newest' }).waitFor();
  await versionsSection.getByTestId('version-row').filter({ hasText: 'v2 (this page)' }).getByTestId('version-changes').filter({ hasText: changes }).waitFor();
  const profile = page.getByRole('table', { name: 'Column profile' });
  await profile.getByRole('row').filter({ hasText: /^year/ }).waitFor();
  await atBothWidths(page, 'dataset-versions', () => versionsSection.getByTestId('version-row').first().waitFor());

  // Back to version 1 by its row: a newer version exists.
  await clickToPage(page, versionsSection.getByRole('link', { name: 'Version 1', exact: true }), 'penguins.csv');
  await page.waitForURL(`**/datasets/${v1}`);
  await line.filter({ hasText: 'a newer version exists' }).waitFor();
  assert.equal(await profile.getByRole('row').filter({ hasText: /^year/ }).count(), 0, 'version 1 has no year column');
  await atBothWidths(page, 'dataset-version-older', () => line.waitFor());

  // The Train page: the newest data set is version 2's row; the picker offers both versions, the newest by default.
  await navigate(page, 'Train', 'New training');
  const picker = page.getByLabel('Version', { exact: true });
  await picker.waitFor();
  assert.equal(await picker.inputValue(), '2', 'the newest ready version is the default');
  assert.deepEqual(
    (await picker.locator('option').allTextContents()).map((o) => o.replace(/,.*/, '')),
    ['v2 (newest ready): 344 rows', 'v1: 344 rows'],
  );
  // The form offers the picked version's columns: year is version 2's only.
  const yearTarget = page.getByLabel('Target column').locator('option', { hasText: /^year / });
  await until("version 2's columns", () => yearTarget.count(), (n) => n === 1, 10_000);
  await picker.selectOption('1');
  await until("version 1's columns", () => yearTarget.count(), (n) => n === 0, 10_000);
  await page.getByLabel('Target column').selectOption('species');
  await page.getByLabel('Budget in seconds').fill('10');
  await page.getByTestId('quote-credits').waitFor();
  await atBothWidths(page, 'train-dataset-version', () => page.getByTestId('quote-credits').waitFor());
  await page.getByRole('button', { name: 'Start training' }).click();
  await mainHeading(page, 'Training job').waitFor({ timeout: 30_000 });
  const jobId = new URL(page.url()).pathname.split('/').pop();

  // The job trained on version 1: its view names version 1 and its row.
  const job = await until(
    'the job ending',
    async () => (await api(page, 'GET', `/api/v1/jobs/${jobId}`)).body,
    (j) => ['succeeded', 'failed', 'cancelled'].includes(j.status),
    180_000,
  );
  assert.equal(job.datasetVersion, 1, JSON.stringify(job));
  assert.equal(job.datasetId, v1, JSON.stringify(job));
  assert.equal(job.status, 'succeeded', JSON.stringify(job));

  // A file that cannot be read as a version: the upload is taken, and its ingest error is shown once it is read.
  await page.goto(`/datasets/${v2}`);
  await mainHeading(page, 'penguins.csv').waitFor();
  await upload.getByLabel('Choose a file for the new version').setInputFiles({
    name: 'broken.parquet',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from('this is not a parquet file at all\n'),
  });
  const failed = upload.getByTestId('new-version-failed');
  await failed.getByText('Version 3 could not be read').waitFor({ timeout: 60_000 });
  const broken = (await api(page, 'GET', `/api/v1/datasets/${v1}/versions`)).body.items[0];
  assert.deepEqual([broken.version, broken.status], [3, 'failed']);
  assert.ok(broken.error, 'a failed version says why');
  await failed.getByText(broken.error).waitFor();
  await versionsSection.getByTestId('version-row').filter({ hasText: 'v3' }).getByText('Failed').waitFor();
  await line.filter({ hasText: 'Version 2 of 3 — a newer version exists' }).waitFor();
}, { viewportsToRun: [viewports[0]] });
