// A new user's first minutes (issue 24): a sample data set to train on, tab titles and focus that follow navigation,
// the skip link, and an upload box that refuses what the tier cannot take before sending it and can be cancelled.
import { assert, baseUrl, mainHeading, navigate, openPage, pageTest, screenshot, signUp } from './support.mjs';

const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** The element that has focus, as a user of a screen reader would hear it. */
function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    return { tag: el?.tagName ?? null, id: el?.id ?? null, text: el?.textContent?.trim() ?? null };
  });
}

async function waitForFocusOn(page, tag, text) {
  await page.waitForFunction(
    ({ tag, text }) => document.activeElement?.tagName === tag && (text === null || document.activeElement.textContent.trim() === text),
    { tag, text },
    { timeout: 5_000 },
  );
}

async function api(page, path) {
  const answer = await page.request.get(`${baseUrl}/api/v1${path}`);
  assert.equal(answer.status(), 200, `GET ${path}`);
  return answer.json();
}

pageTest('a new user tries a sample: the training form opens on it with its target chosen and quotes it once ready', async ({ page }) => {
  await signUp(page);
  assert.equal(await page.title(), 'Data sets · AutoMl');
  await page.getByText('No data sets yet').waitFor();
  await screenshot(page, 'firstrun-empty');

  // Whatever the page says while it waits for the ingest, read in the page itself (a fast worker may leave no time to see it).
  await page.evaluate(() => {
    window.__waiting = [];
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid=dataset-waiting]')?.textContent;
      if (text && window.__waiting.at(-1) !== text) window.__waiting.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.getByRole('button', { name: 'Try it with a sample' }).click();
  await mainHeading(page, 'New training').waitFor();
  assert.match(new URL(page.url()).search, new RegExp(`^\\?dataset=${uuid}&target=species$`));
  assert.equal(await page.title(), 'New training · AutoMl');

  // Ingest takes seconds: the page waits for it, then shows the form on the sample with its target and a price.
  await page.getByTestId('quote-credits').waitFor({ timeout: 60_000 });
  const dataset = page.getByRole('combobox', { name: /^Data set/ });
  assert.equal(await dataset.evaluate((select) => select.selectedOptions[0].textContent), 'penguins.csv (344 rows)');
  assert.equal(await page.getByRole('combobox', { name: /^Target column/ }).inputValue(), 'species');
  assert.match(await page.getByTestId('quote-credits').textContent(), /^\d+ credits?$/);
  const waited = await page.evaluate(() => window.__waiting);
  console.log(`shown while the sample was ingested: ${JSON.stringify(waited)}`);
  for (const text of waited) assert.match(text, /penguins\.csv is being read and profiled/);
  await screenshot(page, 'firstrun-train');

  const list = await api(page, '/datasets');
  assert.deepEqual(list.items.map((d) => [d.name, d.status]), [['penguins.csv', 'ready']]);
});

pageTest('every page names the tab, and after a navigation click focus is on the new page\'s heading', async ({ page }) => {
  await signUp(page);
  for (const [link, heading] of [['Jobs', 'Jobs'], ['Train', 'New training'], ['Credits', 'Credits'], ['API keys', 'API keys'], ['Data sets', 'Data sets']]) {
    await navigate(page, link, heading);
    await waitForFocusOn(page, 'H1', heading);
    assert.equal(await page.title(), `${heading} · AutoMl`);
  }
  // The heading that took focus shows it to a keyboard user.
  await screenshot(page, 'firstrun-heading-focus');

  await openPage(page, '/no-such-page', 'Page not found');
  assert.equal(await page.title(), 'Page not found · AutoMl');
  await openPage(page, '/login', 'Sign in');
  assert.equal(await page.title(), 'Sign in · AutoMl');
  await page.getByRole('link', { name: 'Create an account' }).click();
  await mainHeading(page, 'Create your account').waitFor();
  await waitForFocusOn(page, 'H1', 'Create your account');
  assert.equal(await page.title(), 'Create your account · AutoMl');
});

pageTest('the skip link is the first Tab stop, shows when focused and moves focus to the main content', async ({ page }) => {
  await signUp(page);
  for (const [url, heading] of [['/datasets', 'Data sets'], ['/login', 'Sign in']]) {
    await openPage(page, url, heading);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    assert.deepEqual(await focused(page), { tag: 'A', id: '', text: 'Skip to main content' });
    const box = await skip.boundingBox();
    assert.ok(box && box.y >= 0 && box.height > 10, `the focused skip link is on screen: ${JSON.stringify(box)}`);
    if (url === '/datasets') await screenshot(page, 'firstrun-skip-link');

    await page.keyboard.press('Enter');
    assert.deepEqual(await focused(page).then((f) => f.id), 'main');
    assert.equal(new URL(page.url()).pathname, url);
    // The next Tab stop is inside the main content, past the navigation.
    await page.keyboard.press('Tab');
    assert.ok(await page.evaluate(() => document.getElementById('main').contains(document.activeElement)), 'Tab goes on inside main');
  }
});

pageTest('a file larger than the tier takes is refused with both sizes before anything is sent', async ({ page }) => {
  await signUp(page);
  const sent = [];
  page.on('request', (r) => {
    if (r.method() !== 'GET' && r.url().includes('/api/v1/datasets')) sent.push(`${r.method()} ${r.url()}`);
  });

  // A File that says it is 1.5 GiB; its bytes are never read, because it is refused first.
  await page.evaluate(() => {
    const input = document.querySelector('input[type=file]');
    const file = new File(['a,b\n1,2\n'], 'huge.csv', { type: 'text/csv' });
    Object.defineProperty(file, 'size', { value: 1.5 * 1024 ** 3 });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });

  const alert = page.getByRole('alert').filter({ hasText: 'File too large' });
  await alert.getByText('huge.csv is 1.5 GB; the free tier takes files up to 1.0 GB. Nothing was sent.').waitFor();
  assert.deepEqual(sent, []);
  assert.equal(await page.getByRole('progressbar', { name: 'Upload' }).count(), 0);
  await screenshot(page, 'firstrun-too-large');
  assert.deepEqual((await api(page, '/datasets')).items, []);
});

pageTest('a cancelled upload leaves no data set and gives its storage back', async ({ page }) => {
  await signUp(page);
  // 4 MB sent at 256 KB/s: the upload is still under way when the button is pressed.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 256 * 1024 });
  const row = 'a,b,label\n' + '1.5,2.25,yes\n'.repeat(4 * 1024 * 1024 / 13);
  await page.getByLabel('Choose a data set file').setInputFiles({ name: 'slow.csv', mimeType: 'text/csv', buffer: Buffer.from(row) });

  const bar = page.getByRole('progressbar', { name: 'Upload' });
  await page.waitForFunction(() => Number(document.querySelector('[role=progressbar][aria-label=Upload]')?.getAttribute('aria-valuenow')) > 2);
  // The API holds the file's room in the quota while it streams.
  assert.ok((await api(page, '/datasets/usage')).reservedBytes > 0, 'the upload holds room while it streams');
  await screenshot(page, 'firstrun-uploading');
  await page.getByRole('button', { name: 'Cancel upload' }).click();

  await page.getByRole('status').getByText('Upload cancelled: nothing was stored.').waitFor();
  assert.equal(await bar.count(), 0);
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  const deadline = Date.now() + 15_000;
  let usage;
  let list;
  do {
    usage = await api(page, '/datasets/usage');
    list = await api(page, '/datasets');
    if (usage.reservedBytes === 0 && usage.usedBytes === 0 && list.items.length === 0) break;
    await new Promise((r) => setTimeout(r, 250));
  } while (Date.now() < deadline);
  assert.deepEqual(list.items, []);
  assert.equal(usage.reservedBytes, 0);
  assert.equal(usage.usedBytes, 0);
  await page.getByText('No data sets yet').waitFor();
});
