// An attacker's data set whose class labels, column names and file name are HTML payloads: every page that shows
// them (data set, training form, job, model with its charts and tooltips, a prediction) must show them as text
// and run none of them. Run on its own by tests/Web.Tests' ScriptPayloadSpecs (it is in a folder of its own, so
// DashboardSpecs does not run it a second time).
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { assert, baseUrl, clickToPage, mainHeading, openPage, pageTest, screenshot, signUp, testData, viewports } from '../support.mjs';

// Each payload sets window.__xss to its own number if it ever runs, so a failure says which string got through.
const payload = (n) => `<img src=x onerror=window.__xss=${n}>`;
const labels = {
  Adelie: payload(1),
  Chinstrap: `<svg onload=window.__xss=2>`,
  Gentoo: `<script>window.__xss=3</script>`,
};
const columns = {
  species: payload(4),
  bill_length_mm: payload(5),
  bill_depth_mm: `<svg onload=window.__xss=6>bill depth`,
  flipper_length_mm: `<script>window.__xss=7</script>`,
  // Every column carries a payload, so whichever bars a model's charts draw, their tooltips have one to show as text.
  island: payload(9),
  body_mass_g: `<svg onload=window.__xss=10>body mass`,
  sex: `<script>window.__xss=11</script>`,
};
const fileName = `${payload(8)}.csv`;

/** penguins.csv with its labels and column names replaced by the payloads (quoted, as CSV needs for none of them). */
function payloadCsv() {
  const quote = (s) => `"${s.replaceAll('"', '""')}"`;
  const [header, ...rows] = readFileSync(path.join(testData, 'ml', 'penguins.csv'), 'utf8').trim().split('\n');
  const names = header.split(',').map((h) => JSON.parse(h));
  const renamed = names.map((n) => quote(columns[n] ?? n)).join(',');
  const relabelled = rows.map((row) => {
    const cells = row.split(',');
    const species = JSON.parse(cells[0]);
    cells[0] = quote(labels[species]);
    return cells.join(',');
  });
  return Buffer.from([renamed, ...relabelled].join('\n') + '\n');
}

/** What an injected payload leaves behind: its flag, or an element the page never renders itself. */
async function injected(page) {
  return page.evaluate(() => ({
    flag: window.__xss ?? null,
    elements: [...document.querySelectorAll('img[src="x"], svg[onload], [onerror], [onload], [onmouseover]')].map((e) => e.outerHTML),
    scripts: [...document.querySelectorAll('script')].filter((s) => s.textContent.includes('__xss')).length,
  }));
}

async function assertNothingRan(page, where) {
  assert.deepEqual(await injected(page), { flag: null, elements: [], scripts: 0 }, `a payload ran or was inserted as HTML on ${where}`);
}

/** Sweeps the mouse over a chart in a grid so its tooltips (item and axis triggered) render; answers every tooltip text seen. */
async function hoverChart(page, testId) {
  const chart = page.locator(`[data-testid="${testId}"][data-rendered="true"]`).first();
  await chart.waitFor();
  await chart.scrollIntoViewIfNeeded();
  const box = await chart.boundingBox();
  const seen = new Set();
  for (let y = 0.08; y < 1; y += 0.12) {
    for (let x = 0.08; x < 1; x += 0.12) {
      await page.mouse.move(box.x + box.width * x, box.y + box.height * y);
      await page.waitForTimeout(30); // ECharts shows a tooltip on the next frame after the move
      const tip = await chart.evaluate((el) => [...el.querySelectorAll('div')].filter((d) => d.style.position === 'absolute' && d.style.display !== 'none' && d.textContent).map((d) => d.textContent).join(' | '));
      if (tip) seen.add(tip);
    }
  }
  await page.mouse.move(0, 0);
  return [...seen].join('\n');
}

pageTest('labels and column names with script payloads run no script', async ({ page }) => {
  await signUp(page);

  await page.getByLabel('Choose a data set file').setInputFiles({ name: fileName, mimeType: 'text/csv', buffer: payloadCsv() });
  const row = page.getByTestId('dataset-row').filter({ hasText: fileName });
  await row.getByText('Ready').waitFor({ timeout: 60_000 });
  await assertNothingRan(page, 'the data sets page');

  // The data set page: its name, the profile table (with histograms) and the preview.
  await clickToPage(page, row.getByRole('link', { name: fileName }), fileName);
  await page.getByRole('table').getByText(columns.bill_length_mm).first().waitFor();
  await page.getByRole('table').getByText(labels.Adelie).first().waitFor();
  const histograms = page.locator('[data-testid="column-histogram"][data-rendered="true"]');
  // The first chart of the run loads the charting chunk on a cold platform, beside the other lane's specs.
  await histograms.first().waitFor({ timeout: 45_000 });
  await hoverChart(page, 'column-histogram');
  await assertNothingRan(page, 'the data set page');
  await screenshot(page, 'xss-dataset');

  await clickToPage(page, page.getByRole('link', { name: 'Train on this' }), 'New training');
  await page.getByLabel('Target column').selectOption(columns.species);
  await page.getByLabel('Task').getByRole('option', { name: 'Inferred: Multiclass' }).waitFor({ state: 'attached' });
  await page.getByLabel('Budget in seconds').fill('10');
  await page.getByTestId('quote-credits').filter({ hasText: /^1 credit$/ }).waitFor();
  await assertNothingRan(page, 'the training form');
  await page.getByRole('button', { name: 'Start training' }).click();
  await mainHeading(page, 'Training job').waitFor({ timeout: 30_000 });
  const openModel = page.getByRole('link', { name: 'Open the model' });
  await openModel.waitFor({ timeout: 120_000 });
  await hoverChart(page, 'chart-best-score');
  await assertNothingRan(page, 'the job page');
  await screenshot(page, 'xss-job');

  await clickToPage(page, openModel, 'Model');
  const confusion = await hoverChart(page, 'chart-confusion');
  await assertNothingRan(page, 'the model page (confusion matrix tooltips)');
  // The tooltip rendered the labels, as text.
  assert.ok(Object.values(labels).some((l) => confusion.includes(l)), `the confusion matrix tooltip shows a label as text: ${confusion}`);
  const model = await (await page.request.get(page.url().replace('/models/', '/api/v1/models/'))).json();
  const trees = model.featureImportance.length > 0;
  if (trees) {
    const importance = await hoverChart(page, 'chart-importance');
    assert.ok(Object.values(columns).some((c) => importance.includes(c)), `the importance tooltip shows a column name as text: ${importance}`);
  }
  await assertNothingRan(page, 'the model page');

  await page.getByRole('button', { name: 'Predict', exact: true }).click();
  await page.getByTestId('prediction-label').waitFor();
  assert.ok(Object.values(labels).includes(await page.getByTestId('prediction-label').textContent()), 'the predicted class shows as text');
  if (trees) {
    const shap = await hoverChart(page, 'chart-shap');
    assert.ok(Object.values(columns).some((c) => shap.includes(c)), `the SHAP tooltip shows a column name as text: ${shap}`);
  }
  await assertNothingRan(page, 'the model page after a prediction');
  await screenshot(page, 'xss-model');

  // The lists, which show the data set's name and the job's target.
  for (const [url, heading] of [['/datasets', 'Data sets'], ['/jobs', 'Jobs']]) {
    await openPage(page, url, heading);
    await assertNothingRan(page, url);
  }
  const modelPage = await page.goto(`${baseUrl}/models/${model.id}`);
  const csp = modelPage.headers()['content-security-policy'] ?? '';
  for (const directive of ["script-src 'self'", "object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'"]) {
    assert.ok(csp.includes(directive), `the model page's CSP has ${directive}: ${csp}`);
  }
  await mainHeading(page, 'Model').waitFor();
  await hoverChart(page, 'chart-confusion');
  await assertNothingRan(page, 'the model page, loaded afresh');
}, { viewportsToRun: [viewports[0]] });
