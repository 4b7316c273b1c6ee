import {
  assert, baseUrl, mailTo, mainHeading, navigate, newEmail, openPage, pageTest, password, screenshot, signOut, signUp,
} from './support.mjs';

const newPassword = 'a brand new passphrase';

/** The Settings page's section (an h2-labelled region) by its title. */
const section = (page, title) => page.getByRole('region', { name: title, exact: true });

async function signIn(page, email, secret) {
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(secret);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

pageTest('settings: change the password, and the notification switches stay as set', async ({ page }) => {
  const { email } = await signUp(page, newEmail('settings'));
  await navigate(page, 'Settings', 'Settings');
  for (const title of ['Profile', 'Password', 'Email address', 'Notifications', 'Security events', 'Export your data', 'Delete account']) {
    await page.getByRole('heading', { level: 2, name: title, exact: true }).waitFor();
  }
  await section(page, 'Profile').getByText(email).waitFor();
  await screenshot(page, 'settings');

  const passwordSection = section(page, 'Password');
  await passwordSection.getByLabel('Current password', { exact: true }).fill(password);
  await passwordSection.getByLabel('New password', { exact: true }).fill(newPassword);
  await passwordSection.getByRole('button', { name: 'Change password' }).click();
  await passwordSection.getByRole('status').getByText('Password changed.').waitFor();

  const low = page.getByRole('checkbox', { name: 'Email me when my credits run low' });
  const finished = page.getByRole('checkbox', { name: 'Email me when a long training job finishes' });
  assert.equal(await low.isChecked(), true);
  await low.uncheck();
  await section(page, 'Notifications').getByRole('status').getByText('Saved.').waitFor();
  // A fresh load reads the settings from the API: they were saved, and this browser is still signed in.
  await openPage(page, '/settings', 'Settings');
  assert.equal(await low.isChecked(), false);
  assert.equal(await finished.isChecked(), true);

  await signOut(page);
  await signIn(page, email, newPassword);
  await mainHeading(page, 'Data sets').waitFor();

  // The account's security events show the change and the sign-in that followed it, newest first.
  await navigate(page, 'Settings', 'Settings');
  const events = section(page, 'Security events');
  await events.getByRole('rowheader', { name: /^Signed in/ }).first().waitFor();
  const whats = await events.getByRole('rowheader').allInnerTexts();
  assert.ok(whats[0].startsWith('Signed in'), `newest first: ${whats.join(' | ')}`);
  assert.ok(whats.some((w) => w.startsWith('Password changed')), `the password change is listed: ${whats.join(' | ')}`);
  await screenshot(page, 'settings-security-events');
});

pageTest('forgot password: the mailed link sets a new one, which signs in', async ({ page }) => {
  const { email } = await signUp(page, newEmail('forgot'));
  await signOut(page);
  const asked = new Date();

  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await mainHeading(page, 'Reset your password').waitFor();
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await page.getByRole('status').getByText(`If an account exists for ${email}, we sent a link to reset its password.`).waitFor();
  await screenshot(page, 'forgot-password');

  const mail = await mailTo(email, 'password-reset', { after: asked });
  const link = mail.links.find((l) => l.startsWith('/reset-password?'));
  assert.ok(link, `the reset mail has no reset link: ${mail.links.join(', ')}`);
  await openPage(page, link, 'Choose a new password');
  await page.getByLabel('New password', { exact: true }).fill(newPassword);
  await screenshot(page, 'reset-password');
  await page.getByRole('button', { name: 'Set new password' }).click();
  await mainHeading(page, 'Sign in').waitFor();
  await page.getByRole('status').getByText('Your password was changed. Sign in with the new one.').waitFor();

  // The notice mailed afterwards links to a real page too.
  const notice = await mailTo(email, 'password-changed', { after: asked });
  for (const path of notice.links) await openPage(page, path, 'Reset your password');

  await openPage(page, '/login', 'Sign in');
  await signIn(page, email, newPassword);
  await mainHeading(page, 'Data sets').waitFor();
});

pageTest('email change: the link mailed to the new address applies it', async ({ page }) => {
  const { email } = await signUp(page, newEmail('move'));
  await openPage(page, '/settings', 'Settings');
  const moved = newEmail('moved');
  const emailSection = section(page, 'Email address');
  await emailSection.getByLabel('New email address', { exact: true }).fill(moved);
  await emailSection.getByLabel('Password', { exact: true }).fill(password);
  await emailSection.getByRole('button', { name: 'Change email' }).click();
  await emailSection.getByRole('status').getByText(`We sent a link to ${moved}.`).waitFor();

  // The old address is told, with a link to a real page.
  const notice = await mailTo(email, 'email-change-requested');
  for (const path of notice.links) await openPage(page, path, 'Settings');

  const mail = await mailTo(moved, 'email-change-confirm');
  await openPage(page, mail.links[0], 'Confirm your new email address');
  await page.getByRole('status').getByText(`Your email address is now ${moved}.`).waitFor();
  await screenshot(page, 'confirm-email-change');
  await page.getByRole('link', { name: 'Back to Settings' }).click();
  await mainHeading(page, 'Settings').waitFor();
  await section(page, 'Profile').getByText(moved).waitFor();
});

pageTest('delete the account from Settings: it asks for the password, then sign-in fails', async ({ page, expectProblem }) => {
  const { email } = await signUp(page, newEmail('delete'));
  await openPage(page, '/settings', 'Settings');
  const danger = section(page, 'Delete account');
  for (const what of ['data sets', 'models', 'training jobs', 'API keys', 'credit balance', 'Pro subscription']) {
    await danger.getByText(what).first().waitFor();
  }

  expectProblem('/api/v1/auth/reauthenticate', 400);
  await danger.getByLabel('Password to confirm', { exact: true }).fill('not my password');
  await danger.getByRole('button', { name: 'Delete my account permanently' }).click();
  await danger.getByRole('alert').getByText('The password is not correct.').waitFor();

  await danger.getByLabel('Password to confirm', { exact: true }).fill(password);
  await danger.getByRole('button', { name: 'Delete my account permanently' }).click();
  await mainHeading(page, 'Sign in').waitFor();
  await page.getByRole('status').getByText('Your account was deleted.').waitFor();
  await screenshot(page, 'account-deleted');

  expectProblem('/api/v1/auth/login', 401);
  await signIn(page, email, password);
  await page.getByRole('alert').getByText('The email or password is incorrect.').waitFor();
});

pageTest('settings: export your data, download the zip from the page, and the mailed link works without a session', async ({ page }) => {
  const { email } = await signUp(page, newEmail('export'));
  await navigate(page, 'Settings', 'Settings');
  const exportSection = section(page, 'Export your data');
  const asked = new Date();
  await exportSection.getByRole('button', { name: 'Request an export' }).click();
  await exportSection.getByRole('status').getByText('Export requested.').waitFor();
  await screenshot(page, 'settings-export-requested');

  const link = exportSection.getByRole('link', { name: 'Download the zip' });
  await link.waitFor({ timeout: 60_000 });
  await exportSection.getByRole('cell', { name: 'Ready', exact: true }).waitFor();
  await screenshot(page, 'settings-export-ready');
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  assert.match(download.suggestedFilename(), /^automl-export-\d{4}-\d{2}-\d{2}\.zip$/);
  assert.equal(await download.failure(), null);

  // The mail's link, opened where no one is signed in, serves the same zip.
  const mail = await mailTo(email, 'export-ready', { after: asked });
  const mailed = mail.links.find((l) => l.startsWith('/api/v1/exports/download?token='));
  assert.ok(mailed, `the export mail has no download link: ${mail.links.join(', ')}`);
  const response = await fetch(baseUrl + mailed);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'application/zip');

  // One export a time: the button waits while none is in progress, and the request is in the security events.
  await exportSection.getByRole('button', { name: 'Request an export' }).waitFor();
  await section(page, 'Security events').getByRole('rowheader', { name: /^Data export requested/ }).first().waitFor();
});
