// Browser journey through the real app: admin edits Microsoft Settings, creates a USER, who sees no System menu.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR || 'target/e2e';
const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
// Without Chromium the journey is skipped, loudly; CI sets E2E_REQUIRED=true so a missing browser fails instead.
const SKIP = !existsSync(CHROMIUM_PATH) && process.env.E2E_REQUIRED !== 'true'
  ? `no Chromium at ${CHROMIUM_PATH}: install it (apt-get install chromium) or set CHROMIUM_PATH` : false;
const SECRET = 'Abc8Q~canary-secret-value-1234567890';
const JANE_PASSWORD = `jane-${randomBytes(6).toString('hex')}`;

let baseUrl = process.env.APP_BASE_URL || 'http://localhost:8080';
let adminUser = process.env.APP_ADMIN_USERNAME || 'admin';
let adminPassword = process.env.APP_ADMIN_PASSWORD || '';
let app = null;
let appLog = '';
let dataDir = null;
let browser;
let page;
let failed = false;

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function startApp(jar) {
  const port = await freePort();
  dataDir = mkdtempSync(join(tmpdir(), 'm365-e2e-'));
  adminUser = 'admin';
  adminPassword = `Adm-${randomBytes(9).toString('base64url')}`;
  baseUrl = `http://localhost:${port}`;
  app = spawn('java', ['-jar', jar], {
    env: { ...process.env, SERVER_PORT: String(port), M365_DATA_DIR: dataDir,
      M365_FIRST_ADMIN_USERNAME: adminUser, M365_FIRST_ADMIN_PASSWORD: adminPassword },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  app.stdout.on('data', (d) => { appLog += d; });
  app.stderr.on('data', (d) => { appLog += d; });
  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline) {
    if (app.exitCode !== null) throw new Error(`the app exited with ${app.exitCode}`);
    try {
      if ((await fetch(`${baseUrl}/`)).ok) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error('the app did not answer GET / within 240 s');
}

async function stopApp() {
  if (!app || app.exitCode !== null) return;
  const exited = new Promise((r) => app.once('exit', r));
  app.kill('SIGTERM');
  const timer = setTimeout(() => app.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}

/** Runs one step of the journey; after a failure the remaining steps are skipped. */
function step(name, fn) {
  it(name, async (t) => {
    if (failed) return t.skip('an earlier step failed');
    try {
      await fn();
    } catch (error) {
      failed = true;
      throw error;
    }
  });
}

const field = (label) => page.getByLabel(label, { exact: true });
const saveButton = () => page.getByRole('button', { name: 'Save Settings' });
const flashSuccess = () => page.getByRole('status').filter({ hasText: 'Settings saved.' });
const flashError = () => page.getByRole('alert').filter({ hasText: 'The settings were not saved' });

async function signIn(username, password) {
  await page.goto(`${baseUrl}/login`);
  await field('Username').fill(username);
  await field('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText('Welcome, ').or(page.getByRole('heading', { name: 'Choose a new password' })).waitFor();
}

async function signOut() {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('button', { name: 'Sign in' }).waitFor();
  assert.match(new URL(page.url()).pathname, /^\/login$/);
}

async function useOwnValue(id) {
  const box = page.locator(`#${id}-use-default`);
  if (await box.isChecked()) await box.uncheck();
}

async function save() {
  await saveButton().click();
}

async function reloadSettings() {
  await page.reload();
  await field('Application (Client) ID').waitFor();
}

describe('Microsoft Settings journey', { skip: SKIP }, () => {
  before(async () => {
    try {
      if (process.env.APP_JAR) await startApp(process.env.APP_JAR);
      assert.ok(adminPassword, 'set APP_ADMIN_PASSWORD (or APP_JAR to start the app)');
      browser = await chromium.launch({
        executablePath: CHROMIUM_PATH,
        args: CHROMIUM_ARGS,
      });
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
      page = await context.newPage();
      page.setDefaultTimeout(15_000);
      page.on('dialog', (dialog) => dialog.accept());
    } catch (error) {
      failed = true;
      throw error;
    }
  });

  after(async () => {
    await browser?.close();
    await stopApp();
    if (failed && appLog) console.error(`----- app log -----\n${appLog}\n----- end of app log -----`);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  step('signs in as admin', async () => {
    await signIn(adminUser, adminPassword);
    if (await page.getByRole('heading', { name: 'Choose a new password' }).isVisible()) {
      const newPassword = `${adminPassword}-new`;
      await field('Current password').fill(adminPassword);
      await field('New password').fill(newPassword);
      await field('Repeat new password').fill(newPassword);
      await page.getByRole('button', { name: 'Change password' }).click();
      adminPassword = newPassword;
      await page.getByText('Welcome, ').waitFor();
    }
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
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'microsoft-settings.png'), fullPage: true });
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
    await signOut();
  });
});
