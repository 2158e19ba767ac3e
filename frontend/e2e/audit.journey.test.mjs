// Browser journey through the real app: an admin changes a setting twice, creates and revokes an API token, opens
// System > Audit log, sees those events with the old and new values, filters by kind and exports the log as CSV.
import { after, before, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { field, journey, openBrowser, SCREENSHOT_DIR, signInAsAdmin, SKIP } from './support.mjs';

const run = journey();
const { step } = run;
let baseUrl = process.env.APP_BASE_URL || 'http://localhost:8080';
let admin = { username: process.env.APP_ADMIN_USERNAME || 'admin', password: process.env.APP_ADMIN_PASSWORD || '' };
let browser;
let page;

const TOKEN = 'audit journey script';
const row = (text) => page.getByRole('row').filter({ hasText: text });

async function saveInterval(minutes) {
  await field(page, 'Sync interval (minutes)').fill(String(minutes));
  await page.getByRole('button', { name: 'Save Settings' }).click();
  await page.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor();
}

async function openAuditLog() {
  await page.getByRole('button', { name: 'System' }).click();
  await page.getByRole('link', { name: 'Audit log' }).click();
  await page.waitForURL(`${baseUrl}/system/audit`);
  await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
}

describe('Audit log journey', { skip: SKIP }, () => {
  before(async () => {
    try {
      if (process.env.APP_JAR) ({ baseUrl, admin } = await run.startApp(process.env.APP_JAR));
      assert.ok(admin.password, 'set APP_ADMIN_PASSWORD (or APP_JAR to start the app)');
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
    admin.password = await signInAsAdmin(page, baseUrl, admin);
  });

  step('changes the sync interval twice on Email Synchronization Settings', async () => {
    await page.getByRole('button', { name: 'System' }).click();
    await page.getByRole('link', { name: 'Configuration', exact: true }).click();
    await page
      .getByRole('navigation', { name: 'Configuration sections' })
      .getByRole('link', { name: 'Email Synchronization Settings' })
      .click();
    await field(page, 'Sync interval (minutes)').waitFor();
    await saveInterval(15);
    await saveInterval(20);
  });

  step('creates an API token and revokes it', async () => {
    await page.getByRole('link', { name: 'API tokens' }).click();
    await page.getByRole('heading', { name: 'API Tokens', level: 1 }).waitFor();
    const form = page.getByRole('form', { name: 'Create token' });
    await form.getByLabel('Name', { exact: true }).fill(TOKEN);
    await form.getByRole('button', { name: 'Create token' }).click();
    await page.getByRole('region', { name: 'New API token' }).waitFor();
    await page.getByRole('button', { name: `Revoke ${TOKEN}` }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Token “${TOKEN}” revoked.` })
      .waitFor();
  });

  step('opens System > Audit log and sees those events, with old and new values', async () => {
    await openAuditLog();
    const revoked = row(`Revoked the API token “${TOKEN}”`);
    await revoked.waitFor();
    assert.equal(await revoked.getByRole('cell', { name: 'API token revoked' }).count(), 1);
    assert.equal(await revoked.getByRole('cell', { name: admin.username, exact: true }).count(), 1);
    await row(`Created the API token “${TOKEN}”`).waitFor();
    const changed = row('Sync interval (minutes): “15” → “20”');
    await changed.waitFor();
    assert.match(await changed.textContent(), /oldValue15/);
    assert.match(await changed.textContent(), /newValue20/);
    assert.match(await changed.textContent(), /settingsync\.interval_minutes/);
    await row('Sync interval (minutes): (default) → “15”').waitFor();
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'audit-log.png'), fullPage: true });
  });

  step('filters by kind, kept in the address', async () => {
    await page.getByRole('checkbox', { name: 'Setting changed' }).check();
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(`${baseUrl}/system/audit?kind=SETTING_CHANGED`);
    await row(`Created the API token “${TOKEN}”`).waitFor({ state: 'detached' });
    await row('Sync interval (minutes): “15” → “20”').waitFor();
    const kinds = await page.locator('.audit-table tbody tr td:nth-child(2)').allTextContents();
    assert.ok(kinds.length >= 2, `setting changes shown: ${kinds}`);
    assert.deepEqual([...new Set(kinds)], ['Setting changed']);
  });

  step('exports the filtered log as CSV', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^audit-log-\d{4}-\d\d-\d\d\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8');
    const lines = csv.split('\r\n');
    assert.equal(lines[0], 'Occurred at,Kind,Actor,Actor id,Client address,Summary,Details');
    assert.match(csv, /"SETTING_CHANGED","admin","[0-9a-f-]{36}","[^"]+","Sync interval \(minutes\): “15” → “20”"/);
    assert.match(csv, /"setting=sync\.interval_minutes; change=SET; oldValue=15; newValue=20"/);
    assert.doesNotMatch(csv, /API_TOKEN/);
    await page
      .getByRole('status')
      .filter({ hasText: /^Exported \d+ events as CSV\.$/ })
      .waitFor();
  });
});
