// Browser journey through the real app: admin edits Microsoft and Email Synchronization Settings, creates a USER, who sees no System menu.
import { after, before, describe } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  field as fieldOf,
  journey,
  openBrowser,
  SCREENSHOT_DIR,
  signIn as signInAs,
  signInAsAdmin,
  signOut as signOutOf,
  SKIP,
  useOwnValue as useOwn,
} from './support.mjs';

const SECRET = 'Abc8Q~canary-secret-value-1234567890';
const JANE_PASSWORD = `jane-${randomBytes(6).toString('hex')}`;

const run = journey();
const step = run.step;
let baseUrl = process.env.APP_BASE_URL || 'http://localhost:8080';
let adminUser = process.env.APP_ADMIN_USERNAME || 'admin';
let adminPassword = process.env.APP_ADMIN_PASSWORD || '';
let browser;
let page;

const field = (label) => fieldOf(page, label);
const saveButton = () => page.getByRole('button', { name: 'Save Settings' });
const flashSuccess = () => page.getByRole('status').filter({ hasText: 'Settings saved.' });
const flashError = () => page.getByRole('alert').filter({ hasText: 'The settings were not saved' });

const signIn = (username, password) => signInAs(page, baseUrl, username, password);
const signOut = () => signOutOf(page);
const useOwnValue = (id) => useOwn(page, id);

async function save() {
  await saveButton().click();
}

async function reloadSettings() {
  await page.reload();
  await field('Application (Client) ID').waitFor();
}

async function reloadSyncSettings() {
  await page.reload();
  await field('Sync interval (minutes)').waitFor();
}

async function screenshot(name) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, name), fullPage: true });
}

describe('Microsoft Settings journey', { skip: SKIP }, () => {
  before(async () => {
    try {
      if (process.env.APP_JAR) {
        const app = await run.startApp(process.env.APP_JAR);
        baseUrl = app.baseUrl;
        ({ username: adminUser, password: adminPassword } = app.admin);
      }
      assert.ok(adminPassword, 'set APP_ADMIN_PASSWORD (or APP_JAR to start the app)');
      ({ browser, page } = await openBrowser(baseUrl));
    } catch (error) {
      run.fail();
      throw error;
    }
  });

  after(async () => {
    await browser?.close();
    await run.cleanUp();
  });

  step('signs in as admin', async () => {
    adminPassword = await signInAsAdmin(page, baseUrl, { username: adminUser, password: adminPassword });
  });

  step('opens System > Configuration from the menu and sees the tree and fieldset', async () => {
    await page.getByRole('button', { name: 'System' }).click();
    await page.getByRole('link', { name: 'Configuration' }).click();
    await page.waitForURL('**/system/config/integrations/microsoft');
    await page.getByRole('heading', { name: 'Configuration', level: 1 }).waitFor();
    assert.equal(await page.getByLabel('Breadcrumb').textContent(), 'System / Configuration');
    const tree = page.getByRole('navigation', { name: 'Configuration sections' });
    await tree.getByRole('link', { name: 'Email Configuration' }).waitFor();
    await tree.getByLabel('Quick Search').fill('micro');
    assert.equal(await tree.getByRole('link', { name: 'Email Configuration' }).count(), 0);
    await tree.getByRole('link', { name: 'Microsoft Settings' }).waitFor();
    await tree.getByLabel('Quick Search').fill('');
    await page.getByRole('button', { name: 'Azure Active Directory Application Settings' }).waitFor();
    await page.getByRole('heading', { name: 'Microsoft Settings' }).waitFor();
  });

  step('keeps Save Settings disabled until something changes', async () => {
    await field('Application (Client) ID').waitFor();
    assert.equal(await saveButton().isDisabled(), true);
  });

  step('refuses a Client ID that is not a GUID and saves nothing', async () => {
    await useOwnValue('clientId');
    await field('Application (Client) ID').fill('not-a-guid');
    assert.equal(await saveButton().isEnabled(), true);
    await save();
    await flashError().waitFor();
    const error = page.locator('#clientId-error');
    await error.waitFor();
    assert.ok((await error.textContent()).length > 0);
    assert.match(await field('Application (Client) ID').getAttribute('aria-describedby'), /clientId-error/);
    await reloadSettings();
    assert.notEqual(await field('Application (Client) ID').inputValue(), 'not-a-guid');
  });

  const clientId = randomUUID();
  step('saves valid values, after copying the Redirect URI', async () => {
    await useOwnValue('clientId');
    await field('Application (Client) ID').fill(clientId);
    await field('Client Secret').fill(SECRET);
    await useOwnValue('tenant');
    await field('Directory (Tenant) ID').fill('contoso.onmicrosoft.com');
    await useOwnValue('cloud');
    await field('Cloud').selectOption({ label: 'Global' });
    const redirectUri = await field('Redirect URI').inputValue();
    assert.match(redirectUri, /^https?:\/\/.+/);
    await page.getByRole('button', { name: 'Copy' }).click();
    await page.getByRole('button', { name: 'Copied' }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), redirectUri);
    await save();
    await flashSuccess().waitFor();
    await page.getByRole('region', { name: 'Recent changes' }).getByRole('table').waitFor();
    await screenshot('microsoft-settings.png');
  });

  step('keeps the values after a reload, with the secret set by admin and never shown', async () => {
    await reloadSettings();
    assert.equal(await field('Application (Client) ID').inputValue(), clientId);
    assert.equal(await field('Directory (Tenant) ID').inputValue(), 'contoso.onmicrosoft.com');
    assert.equal(await field('Cloud').inputValue(), 'GLOBAL');
    assert.equal(await field('Client Secret').inputValue(), '');
    await page.getByText(new RegExp(`^Set on .+ by ${adminUser}$`)).waitFor();
    const changes = page.getByRole('region', { name: 'Recent changes' });
    await changes.getByRole('row').filter({ hasText: 'Secret replaced' }).filter({ hasText: adminUser }).waitFor();
    assert.equal(await saveButton().isDisabled(), true);
  });

  step('enables Microsoft 365 sign-in', async () => {
    await useOwnValue('signInEnabled');
    await field('Enable Microsoft 365 sign-in').check();
    await save();
    await flashSuccess().waitFor();
    await reloadSettings();
    assert.equal(await field('Enable Microsoft 365 sign-in').isChecked(), true);
  });

  step('refuses a secret shaped like a GUID', async () => {
    await field('Client Secret').fill(randomUUID());
    await save();
    await flashError().waitFor();
    await page.locator('#clientSecret-error').filter({ hasText: 'looks like the secret ID' }).waitFor();
    await reloadSettings();
  });

  step('refuses clearing the secret while sign-in is enabled', async () => {
    await field('Clear the stored secret').check();
    await save();
    await flashError().waitFor();
    await page.locator('#clientSecret-error').waitFor();
    await reloadSettings();
    await page.getByText(/^Set on .+ by /).waitFor();
  });

  step('refuses enabling sign-in with the secret cleared', async () => {
    await field('Enable Microsoft 365 sign-in').uncheck();
    await field('Clear the stored secret').check();
    await save();
    await flashSuccess().waitFor();
    await page.getByText('Not set', { exact: true }).waitFor();
    await field('Enable Microsoft 365 sign-in').check();
    await save();
    await flashError().waitFor();
    await page.locator('#signInEnabled-error').waitFor();
  });

  step('finds Email Synchronization Settings with the quick search and opens it', async () => {
    const tree = page.getByRole('navigation', { name: 'Configuration sections' });
    await tree.getByLabel('Quick Search').fill('synchron');
    assert.equal(await tree.getByRole('link', { name: 'Microsoft Settings' }).count(), 0);
    await tree.getByRole('link', { name: 'Email Synchronization Settings' }).click();
    await page.waitForURL('**/system/config/general/email');
    await page.getByRole('heading', { name: 'Email Configuration' }).waitFor();
    await page.getByRole('button', { name: 'Email Synchronization Settings' }).waitFor();
    assert.equal(await field('Enable scheduled synchronization').isChecked(), true);
    assert.equal(await field('Sync interval (minutes)').inputValue(), '5');
    assert.equal(await field('Maximum concurrent syncs').inputValue(), '4');
    assert.equal(await saveButton().isDisabled(), true);
  });

  step('refuses a sync interval longer than a day, under the field, and keeps the saved one', async () => {
    await field('Sync interval (minutes)').fill('2000');
    const error = page.locator('#sync-intervalMinutes-error');
    assert.equal(await error.textContent(), 'Enter a number of minutes from 1 to 1440.');
    assert.match(await field('Sync interval (minutes)').getAttribute('aria-describedby'), /sync-intervalMinutes-error/);
    await save();
    await flashError().waitFor();
    await screenshot('email-sync-settings-error.png');
    await reloadSyncSettings();
    assert.equal(await field('Sync interval (minutes)').inputValue(), '5');
  });

  step('saves a valid interval and maximum concurrency, kept after a reload', async () => {
    await field('Sync interval (minutes)').fill('15');
    await field('Maximum concurrent syncs').fill('8');
    await save();
    await flashSuccess().waitFor();
    await screenshot('email-sync-settings.png');
    await reloadSyncSettings();
    assert.equal(await field('Sync interval (minutes)').inputValue(), '15');
    assert.equal(await field('Maximum concurrent syncs').inputValue(), '8');
    assert.equal(await field('Enable scheduled synchronization').isChecked(), true);
    assert.equal(await saveButton().isDisabled(), true);
  });

  step('creates the user jane with role USER', async () => {
    await page.getByRole('button', { name: 'System' }).click();
    await page.getByRole('link', { name: 'Users' }).click();
    await page.waitForURL('**/system/users');
    const form = page.getByRole('form', { name: 'Create user' });
    await form.getByLabel('Username', { exact: true }).fill('jane');
    await form.getByLabel('Display name').fill('Jane Doe');
    await form.getByLabel('Email').fill('jane@example.com');
    await form.getByLabel('Password').fill(JANE_PASSWORD);
    await form.getByLabel('Role').selectOption('USER');
    await form.getByRole('button', { name: 'Create user' }).click();
    await page.getByRole('status').filter({ hasText: 'User jane created.' }).waitFor();
    await page.getByRole('cell', { name: 'jane', exact: true }).waitFor();
  });

  step('signs out', async () => {
    await signOut();
  });

  step('jane sees no System menu and no configuration', async () => {
    await signIn('jane', JANE_PASSWORD);
    await page.getByText('Welcome, Jane Doe').waitFor();
    assert.equal(await page.getByRole('button', { name: 'System' }).count(), 0);
    await page.goto(`${baseUrl}/system/config/integrations/microsoft`);
    await page.getByText('You do not have access to this page').waitFor();
    assert.equal(await page.getByLabel('Application (Client) ID').count(), 0);
    await page.goto(`${baseUrl}/system/config/general/email`);
    await page.getByText('You do not have access to this page').waitFor();
    assert.equal(await page.getByLabel('Sync interval (minutes)').count(), 0);
    await signOut();
  });
});
