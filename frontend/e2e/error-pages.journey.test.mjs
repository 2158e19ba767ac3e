// Browser journey with Microsoft's login host unreachable: "Sign in with Microsoft 365" ends on the sign-in page with
// a message a person can act on, and an unknown server address on the SPA's error page, never a server error page.
import { after, before, describe } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  enterRegistration,
  field,
  freePort,
  journey,
  openBrowser,
  SCREENSHOT_DIR,
  signInAsAdmin,
  signOut,
  SKIP,
  useOwnValue,
} from './support.mjs';

const run = journey();
const { step } = run;
let unreachable;
let baseUrl;
let admin;
let browser;
let page;

async function screenshot(name) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, name), fullPage: true });
}

describe('error pages journey', { skip: SKIP }, () => {
  before(async () => {
    try {
      assert.ok(process.env.APP_JAR, 'set APP_JAR: this journey starts the app itself');
      // A port nothing listens on: Microsoft's login host as the app sees it during an outage
      unreachable = `http://127.0.0.1:${await freePort()}`;
      ({ baseUrl, admin } = await run.startApp(process.env.APP_JAR, { M365_MICROSOFT_AUTHORITY_HOST: unreachable }));
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

  step('the admin saves an app registration with Microsoft 365 sign-in enabled', async () => {
    admin.password = await signInAsAdmin(page, baseUrl, admin);
    await enterRegistration(page, {
      clientId: randomUUID(),
      secret: `Un8Q~${randomBytes(18).toString('base64url')}`,
      tenantId: randomUUID(),
    });
    await useOwnValue(page, 'signInEnabled');
    await field(page, 'Enable Microsoft 365 sign-in').check();
    await page.getByRole('button', { name: 'Save Settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor();
    await signOut(page);
  });

  step('"Sign in with Microsoft 365" with Microsoft unreachable explains it on the sign-in page', async () => {
    await page.getByRole('link', { name: 'Sign in with Microsoft 365' }).click();
    await page.waitForURL(`${baseUrl}/login?error=microsoft`);
    const alert = page.getByRole('alert').filter({ hasText: 'could not be reached' });
    await alert.waitFor();
    const text = await alert.textContent();
    assert.match(text, new RegExp(unreachable.replace(/[.:/]/g, '\\$&')));
    assert.match(text, /Try again in a few minutes/);
    assert.doesNotMatch(await page.content(), /Whitelabel/);
    await screenshot('signin-microsoft-unreachable.png');
  });

  step('an unknown server address ends on the SPA error page with the way back', async () => {
    const response = await page.goto(`${baseUrl}/oauth2/no-such-page`);
    assert.equal(response.status(), 200);
    await page.waitForURL(`${baseUrl}/error?status=404`);
    await page.getByRole('alert').filter({ hasText: 'There is no page at this address.' }).waitFor();
    assert.doesNotMatch(await page.content(), /Whitelabel/);
    await screenshot('error-page-not-found.png');
    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
  });
});
