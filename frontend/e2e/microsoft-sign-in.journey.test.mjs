// Browser journey with a local Microsoft identity platform: sign-in set up, tested and used, API tokens, a refused secret explained.
import { after, before, describe } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  registerTenantAndApp,
  enterRegistration,
  fakeControl,
  field,
  journey,
  openBrowser,
  SCREENSHOT_DIR,
  signInAsAdmin,
  signOut,
  SKIP,
  useOwnValue,
} from './support.mjs';

const TENANT_ID = randomUUID();
const CLIENT_ID = randomUUID();
const SECRET = `Fk8Q~${randomBytes(18).toString('base64url')}`;
const JANE = 'jane@contoso.com';

const run = journey();
const { step } = run;
let authority;
let baseUrl;
let admin;
let browser;
let page;
let tokenSecret;

const fake = (path, body) => fakeControl(authority, path, body);

function whoAmI(token) {
  return fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ me { username } }' }),
  });
}

async function signInWithMicrosoft(email) {
  await page.getByRole('link', { name: 'Sign in with Microsoft 365' }).click();
  await page.waitForURL(`${authority}/**`);
  await page.getByLabel('Email, phone, or Skype').fill(email);
  await page.getByRole('button', { name: 'Accept' }).click();
}

async function screenshot(name) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, name), fullPage: true });
}

describe('Microsoft 365 sign-in journey', { skip: SKIP }, () => {
  before(async () => {
    try {
      assert.ok(process.env.APP_JAR, 'set APP_JAR: this journey starts the app itself, pointed at the fake Microsoft');
      authority = await run.startFakeMicrosoft();
      ({ baseUrl, admin } = await run.startApp(process.env.APP_JAR, { M365_MICROSOFT_AUTHORITY_HOST: authority }));
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

  step('registers the tenant, the application and jane at the local Microsoft identity platform', async () => {
    await registerTenantAndApp(authority, {
      tenantId: TENANT_ID,
      domains: ['contoso.com', 'contoso.onmicrosoft.com'],
      clientId: CLIENT_ID,
      secret: SECRET,
      baseUrl,
      name: 'M365 Console (journey)',
    });
    await fake('accounts', { tenantId: TENANT_ID, oid: randomUUID(), email: JANE, name: 'Jane Contoso' });
  });

  step('signs in locally as admin', async () => {
    admin.password = await signInAsAdmin(page, baseUrl, admin);
  });

  step('enters the registration on Microsoft Settings and lets new users sign in', async () => {
    await enterRegistration(page, { clientId: CLIENT_ID, secret: SECRET, tenantId: TENANT_ID });
    await useOwnValue(page, 'signInEnabled');
    await field(page, 'Enable Microsoft 365 sign-in').check();
    await useOwnValue(page, 'signInProvisioning');
    await field(page, 'New users').selectOption({ label: 'Create users at their first sign-in' });
    const test = page.getByRole('button', { name: 'Test connection' });
    assert.equal(await test.isDisabled(), true);
    assert.match(await test.getAttribute('title'), /Save the settings first/);
    await page.getByRole('button', { name: 'Save Settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor();
  });

  step('shows the Redirect URI registered with the application', async () => {
    assert.equal(await field(page, 'Redirect URI').inputValue(), `${baseUrl}/login/oauth2/code/microsoft`);
  });

  step('tests the connection with Microsoft', async () => {
    await page.getByRole('button', { name: 'Test connection' }).click();
    await page.getByRole('status').filter({ hasText: 'Microsoft accepted' }).waitFor();
  });

  step('creates an API token and sees its secret once', async () => {
    await page.getByRole('link', { name: 'API tokens' }).click();
    await page.getByRole('heading', { name: 'API Tokens', level: 1 }).waitFor();
    const form = page.getByRole('form', { name: 'Create token' });
    await form.getByLabel('Name', { exact: true }).fill('journey script');
    await form.getByRole('button', { name: 'Create token' }).click();
    const box = page.getByRole('region', { name: 'New API token' });
    await box.getByText('Copy this token now. It will not be shown again.').waitFor();
    tokenSecret = await box.getByLabel('Your new API token').inputValue();
    assert.ok(tokenSecret.length >= 20, `a token, not "${tokenSecret}"`);
    await box.getByRole('button', { name: 'Copy' }).click();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), tokenSecret);
    await page.reload();
    await page.getByRole('cell', { name: 'journey script', exact: true }).waitFor();
    assert.equal(await page.getByRole('region', { name: 'New API token' }).count(), 0);
    assert.equal(await page.getByText(tokenSecret).count(), 0);
  });

  step('calls the API with the token, as admin', async () => {
    const response = await whoAmI(tokenSecret);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { data: { me: { username: admin.username } } });
  });

  step('revokes the token, after which the API refuses it', async () => {
    await page.getByRole('button', { name: 'Revoke journey script' }).click();
    await page.getByRole('status').filter({ hasText: 'Token “journey script” revoked.' }).waitFor();
    await page.getByRole('row').filter({ hasText: 'journey script' }).getByText('Revoked').waitFor();
    assert.equal((await whoAmI(tokenSecret)).status, 401);
  });

  step('signs out; the sign-in page offers Microsoft 365', async () => {
    await signOut(page);
    await page.getByRole('link', { name: 'Sign in with Microsoft 365' }).waitFor();
  });

  step('jane signs in with Microsoft 365 and gets an account without the System menu', async () => {
    await signInWithMicrosoft(JANE);
    await page.waitForURL(`${baseUrl}/`);
    await page.getByText(`Signed in as ${JANE}`).waitFor();
    await page.getByText('Welcome, Jane Contoso').waitFor();
    assert.equal(await page.getByRole('button', { name: 'System' }).count(), 0);
    await screenshot('microsoft-sign-in.png');
    await signOut(page);
  });

  step('a refused client secret is explained on the sign-in page, with the trace ID', async () => {
    await fake('fail-next-token', {
      status: 401,
      error: 'invalid_client',
      aadsts: 7000215,
      message: 'Invalid client secret provided.',
    });
    await signInWithMicrosoft(JANE);
    await page.waitForURL(`${baseUrl}/login?error=microsoft`);
    const alert = page.getByRole('alert').filter({ hasText: 'paste the secret value, not the secret ID' });
    await alert.waitFor();
    const text = await alert.textContent();
    assert.match(text, /AADSTS7000215/);
    assert.match(text, /Trace ID: [0-9a-f-]{36}/);
    await screenshot('microsoft-sign-in-error.png');
    await page.reload();
    await page
      .getByRole('alert')
      .filter({ hasText: 'The Microsoft 365 sign-in did not complete. Try again.' })
      .waitFor();
  });
});
