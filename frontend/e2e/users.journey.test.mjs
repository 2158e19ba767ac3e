// Browser journey: an admin creates, disables, re-enables, resets, promotes and deletes a user, who sees each change.
import { after, before, describe } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { field, journey, openBrowser, SCREENSHOT_DIR, signIn, signInAsAdmin, SKIP } from './support.mjs';

const JANE_PASSWORD = `jane-${randomBytes(6).toString('hex')}`;
const JANE_CHOSEN = `jane-own-${randomBytes(6).toString('hex')}`;

const run = journey();
const step = run.step;
let baseUrl;
let adminAccount;
/** The admin's browser and Jane's: two separate browsers, so two separate sessions. */
let admin;
let jane;
let oneTimePassword;

const row = () =>
  admin.page.getByRole('row').filter({ has: admin.page.getByRole('cell', { name: 'jane', exact: true }) });
const flash = (text) => admin.page.getByRole('status').filter({ hasText: text });

async function screenshot(name) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await admin.page.screenshot({ path: join(SCREENSHOT_DIR, name), fullPage: true });
}

/**
 * Jane's browser asks for her API Tokens page: it ends on the sign-in page when her session was taken back (and
 * comes back to that page once she signs in again).
 */
async function janeIsSignedOut() {
  await jane.page.goto(`${baseUrl}/account/api-tokens`);
  await jane.page.getByRole('button', { name: 'Sign in' }).waitFor();
  assert.match(new URL(jane.page.url()).pathname, /^\/login$/);
}

async function janeSignInIsRefused(password) {
  await field(jane.page, 'Username').fill('jane');
  await field(jane.page, 'Password').fill(password);
  await jane.page.getByRole('button', { name: 'Sign in' }).click();
  await jane.page.getByRole('alert').filter({ hasText: 'Invalid username or password' }).waitFor();
}

describe('User lifecycle journey', { skip: SKIP }, () => {
  before(async () => {
    try {
      assert.ok(process.env.APP_JAR, 'set APP_JAR to the packaged app');
      const app = await run.startApp(process.env.APP_JAR);
      baseUrl = app.baseUrl;
      adminAccount = app.admin;
      admin = await openBrowser(baseUrl);
      jane = await openBrowser(baseUrl);
    } catch (error) {
      run.fail();
      throw error;
    }
  });

  after(async () => {
    await admin?.browser.close();
    await jane?.browser.close();
    await run.cleanUp();
  });

  step('the admin signs in and creates the user jane', async () => {
    await signInAsAdmin(admin.page, baseUrl, adminAccount);
    await admin.page.getByRole('button', { name: 'System' }).click();
    await admin.page.getByRole('link', { name: 'Users' }).click();
    await admin.page.waitForURL('**/system/users');
    const form = admin.page.getByRole('form', { name: 'Create user' });
    await form.getByLabel('Username', { exact: true }).fill('jane');
    await form.getByLabel('Display name').fill('Jane Doe');
    await form.getByLabel('Email').fill('jane@example.com');
    await form.getByLabel('Password').fill(JANE_PASSWORD);
    await form.getByLabel('Role').selectOption('USER');
    await form.getByRole('button', { name: 'Create user' }).click();
    await admin.page.getByRole('status').filter({ hasText: 'User jane created.' }).waitFor();
    await row().getByText('Never').waitFor();
  });

  step('jane signs in in her own browser', async () => {
    await signIn(jane.page, baseUrl, 'jane', JANE_PASSWORD);
    await jane.page.getByText('Welcome, Jane Doe').waitFor();
  });

  step('the admin disables jane: her browser is signed out and her password refused', async () => {
    await admin.page.reload();
    await row().getByRole('button', { name: 'Disable jane' }).click();
    await flash('jane disabled').waitFor();
    await row().getByText('Disabled').waitFor();
    assert.doesNotMatch(await row().textContent(), /Never/, 'her sign-in shows as the last one');
    await screenshot('users-list.png');

    await janeIsSignedOut();
    await janeSignInIsRefused(JANE_PASSWORD);
  });

  step('the admin enables jane again: she signs in', async () => {
    await row().getByRole('button', { name: 'Enable jane' }).click();
    await flash('jane enabled again.').waitFor();
    await row().getByText('Enabled').waitFor();
    await signIn(jane.page, baseUrl, 'jane', JANE_PASSWORD);
    await jane.page.getByRole('heading', { name: 'API Tokens' }).waitFor();
  });

  step('the admin resets her password and sees the one-time password once', async () => {
    await row().getByRole('button', { name: 'Reset password of jane' }).click();
    const box = admin.page.getByRole('region', { name: 'One-time password' });
    await box.waitFor();
    oneTimePassword = await box.getByLabel('One-time password of jane').inputValue();
    assert.ok(oneTimePassword.length >= 10);
    await box.getByRole('button', { name: 'Copy' }).click();
    await box.getByRole('button', { name: 'Copied' }).waitFor();
    assert.equal(await admin.page.evaluate(() => navigator.clipboard.readText()), oneTimePassword);
    await row().getByText('Must change password').waitFor();
    await screenshot('users-reset-password.png');
  });

  step('jane is signed out; the old password is refused, the one-time one makes her choose a new one', async () => {
    await janeIsSignedOut();
    await janeSignInIsRefused(JANE_PASSWORD);
    await signIn(jane.page, baseUrl, 'jane', oneTimePassword);
    await jane.page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    await field(jane.page, 'Current password').fill(oneTimePassword);
    await field(jane.page, 'New password').fill(JANE_CHOSEN);
    await field(jane.page, 'Repeat new password').fill(JANE_CHOSEN);
    await jane.page.getByRole('button', { name: 'Change password' }).click();
    await jane.page.getByRole('button', { name: 'Sign out everywhere' }).waitFor();
    await jane.page.goto(`${baseUrl}/`);
    await jane.page.getByText('Welcome, Jane Doe').waitFor();
  });

  step('the admin makes jane an administrator: her next sign-in shows the System menu', async () => {
    await admin.page.reload();
    await row().getByRole('button', { name: 'Make jane an administrator' }).click();
    await flash('jane is now an administrator.').waitFor();
    await row().getByText('Administrator').waitFor();

    await janeIsSignedOut();
    await signIn(jane.page, baseUrl, 'jane', JANE_CHOSEN);
    await jane.page.getByRole('button', { name: 'System' }).waitFor();
  });

  step('the admin deletes jane after confirming, and her mail with her', async () => {
    await row().getByRole('button', { name: 'Delete jane' }).click();
    const dialog = admin.page.getByRole('dialog', { name: 'Delete jane?' });
    await dialog.waitFor();
    await dialog.getByLabel(/Delete it with the mailboxes/).check();
    await screenshot('users-delete.png');
    await dialog.getByRole('button', { name: 'Delete user' }).click();
    await flash('jane deleted. Their mail was deleted.').waitFor();
    await row().waitFor({ state: 'detached' });

    await janeIsSignedOut();
    await janeSignInIsRefused(JANE_CHOSEN);
  });
});
