import { assert, baseUrl, mainHeading, navigate, pageTest, screenshot, signUp } from './support.mjs';

async function meWithKey(key) {
  return fetch(baseUrl + '/api/v1/me', { headers: { authorization: `Bearer ${key}` } });
}

async function createKey(page, name) {
  await page.getByLabel('Key name').fill(name);
  await page.getByRole('button', { name: 'Create key' }).click();
  const shown = page.getByTestId('new-api-key');
  await shown.waitFor();
  return (await shown.textContent()).trim();
}

pageTest('create an API key, see it once, use it, revoke it', async ({ page, expectProblem }) => {
  const { email } = await signUp(page);
  await navigate(page, 'API keys', 'API keys');
  await page.getByText('You have no active API keys.').waitFor();
  await screenshot(page, 'keys-empty');

  // An empty name is the API's to refuse; its message is shown.
  expectProblem('/api/v1/api-keys', 400);
  await page.getByRole('button', { name: 'Create key' }).click();
  await page.getByRole('alert').getByText("Give the key a name, like 'CI pipeline'.").waitFor();

  // Train is the default scope: what a CI pipeline needs.
  assert.equal(await page.getByLabel('Scope').inputValue(), 'train');
  const key = await createKey(page, 'CI pipeline');
  await page.getByText('it is shown only once').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Copy' }).count(), 1);
  await screenshot(page, 'keys-created');

  const me = await meWithKey(key);
  assert.equal(me.status, 200);
  assert.equal((await me.json()).email, email);

  const row = page.getByRole('row').filter({ hasText: 'CI pipeline' });
  await row.waitFor();
  assert.ok(!(await row.textContent()).includes(key), 'the list must show only the prefix');
  await row.getByRole('cell', { name: 'Train', exact: true }).waitFor();

  // A read-only key: listed with its scope, it reads but cannot start anything that spends credits.
  await page.getByRole('button', { name: 'I have saved it' }).click();
  await page.getByLabel('Scope').selectOption('read');
  await page.getByText('view and download only').waitFor();
  const readKey = await createKey(page, 'Reports');
  const readRow = page.getByRole('row').filter({ hasText: 'Reports' });
  await readRow.getByRole('cell', { name: 'Read', exact: true }).waitFor();
  assert.equal((await meWithKey(readKey)).status, 200);
  const refused = await fetch(baseUrl + '/api/v1/jobs', {
    method: 'POST',
    headers: { authorization: `Bearer ${readKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ datasetId: '00000000-0000-0000-0000-000000000000', target: 'y', budgetSeconds: 10 }),
  });
  assert.equal(refused.status, 403);
  assert.equal((await refused.json()).requiredScope, 'train');
  await screenshot(page, 'keys-scopes');
  await readRow.getByRole('button', { name: 'Revoke Reports' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Revoke key' }).click();
  await readRow.waitFor({ state: 'detached' });

  // Once dismissed (or after a reload) the key is nowhere on the page.
  await page.getByRole('button', { name: 'I have saved it' }).click();
  assert.equal(await page.getByTestId('new-api-key').count(), 0);
  await page.reload();
  await mainHeading(page, 'API keys').waitFor();
  await row.waitFor();
  assert.ok(!(await page.content()).includes(key));
  await screenshot(page, 'keys');

  await row.getByRole('button', { name: 'Revoke CI pipeline' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('Anything using it stops working at once.').waitFor();
  await screenshot(page, 'keys-revoke-confirm');
  await dialog.getByRole('button', { name: 'Revoke key' }).click();
  await page.getByText('You have no active API keys.').waitFor();
  assert.equal((await meWithKey(key)).status, 401);
});
