// Browser journey with a local Microsoft identity platform and Graph: the secret's expiry banner appears live for the
// admin, who then generates a certificate, downloads it, registers it in "Azure", saves and tests the connection.
import { after, before, describe } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  registerTenantAndApp,
  enterRegistration,
  fakeControl,
  journey,
  openBrowser,
  SCREENSHOT_DIR,
  signInAsAdmin,
  SKIP,
} from './support.mjs';

const TENANT_ID = randomUUID();
const CLIENT_ID = randomUUID();
const SECRET = `Cr8Q~${randomBytes(18).toString('base64url')}`;
const TEN_DAYS = 10 * 24 * 3600 * 1000 + 3600 * 1000;

const run = journey();
const { step } = run;
let authority;
let baseUrl;
let admin;
let browser;
let page;
let certificatePem;

const fake = (path, body) => fakeControl(authority, path, body);
const banner = () => page.getByRole('alert').filter({ hasText: 'credential' });

async function screenshot(name) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, name), fullPage: true });
}

describe('Microsoft credentials journey', { skip: SKIP }, () => {
  before(async () => {
    try {
      assert.ok(process.env.APP_JAR, 'set APP_JAR: this journey starts the app itself, pointed at the fake Microsoft');
      authority = await run.startFakeMicrosoft();
      ({ baseUrl, admin } = await run.startApp(process.env.APP_JAR, {
        M365_MICROSOFT_AUTHORITY_HOST: authority,
        M365_MICROSOFT_GRAPH_HOST: authority,
      }));
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

  step('registers an application whose secret ends in 10 days and which may read itself through Graph', async () => {
    await registerTenantAndApp(authority, { tenantId: TENANT_ID, clientId: CLIENT_ID, secret: SECRET, baseUrl });
    await fake('secret-end', { clientId: CLIENT_ID, endDateTime: new Date(Date.now() + TEN_DAYS).toISOString() });
    await fake('application-read', { clientId: CLIENT_ID, allowed: true });
  });

  step('signs in as admin and sees no banner', async () => {
    admin.password = await signInAsAdmin(page, baseUrl, admin);
    assert.equal(await banner().count(), 0);
  });

  step('saves the secret and is warned, live, that it expires in 10 days', async () => {
    await enterRegistration(page, { clientId: CLIENT_ID, secret: SECRET, tenantId: TENANT_ID });
    await page.getByRole('button', { name: 'Save Settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor();
    await banner().filter({ hasText: 'in 10 days' }).waitFor();
    assert.match(await banner().textContent(), /expires soon/);
    await screenshot('secret-expiry-banner.png');
  });

  step('chooses Certificate, generates one and downloads it', async () => {
    await page.getByRole('radio', { name: 'Certificate' }).check();
    await page.getByRole('button', { name: 'Generate certificate' }).click();
    await page.getByRole('status').filter({ hasText: 'A new certificate was generated' }).waitFor();
    const summary = await page.getByTestId('certificate-summary').textContent();
    assert.match(summary, /^Thumbprint [0-9A-F]{40}, valid until /);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download certificate (.cer)' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'm365-console.cer');
    certificatePem = readFileSync(await download.path(), 'utf8');
    assert.match(certificatePem, /^-----BEGIN CERTIFICATE-----\n[\s\S]+-----END CERTIFICATE-----\n$/);
  });

  step('uploads the certificate in "Azure", saves, and the expiry banner goes away', async () => {
    await fake('certificates', { clientId: CLIENT_ID, pem: certificatePem });
    await page.getByRole('button', { name: 'Save Settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor();
    await banner().waitFor({ state: 'detached' });
  });

  step('tests the connection: Microsoft accepts the certificate', async () => {
    await page.getByRole('button', { name: 'Test connection' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Microsoft accepted the Client ID and the certificate' })
      .waitFor();
    await page.getByTestId('credential-expiry').filter({ hasText: 'The certificate expires on' }).waitFor();
    await screenshot('settings-certificate.png');
  });

  step('keeps the choice after a reload, the private key nowhere on the page', async () => {
    await page.reload();
    await page.getByRole('radio', { name: 'Certificate' }).waitFor();
    assert.equal(await page.getByRole('radio', { name: 'Certificate' }).isChecked(), true);
    assert.doesNotMatch(await page.content(), /PRIVATE KEY/);
  });
});
