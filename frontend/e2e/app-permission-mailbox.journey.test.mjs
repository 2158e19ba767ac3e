// Browser journey with a local Microsoft 365 whose mail is served by its Graph look-alike: the admin connects the
// shared mailbox support@ with the application's own permission (client credentials, no delegate, no sign-in at
// Microsoft). Before admin consent Graph refuses and the admin is told what to grant; once granted the mailbox is
// connected, marked in the overview as reached with the application's permission, syncs its two messages with
// Sync now, shows them in the reader, and sends a message that the next synchronisation finds in its Sent Items.
import { after, before, describe } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import {
  registerTenantAndApp,
  enterRegistration,
  fakeControl,
  field,
  journey,
  screenshot,
  signInAsAdmin,
  SKIP,
  startWithLocalMicrosoft365,
  useOwnValue,
} from './support.mjs';

const TENANT_ID = randomUUID();
const CLIENT_ID = randomUUID();
const SECRET = `Gr8Q~${randomBytes(18).toString('base64url')}`;
const SUPPORT = `support.${randomBytes(3).toString('hex')}@contoso.com`;
const SUBJECTS = ['Printer on floor 3 is jammed', 'Password reset for Dana'];

const run = journey();
const { step } = run;
let authority;
let baseUrl;
let admin;
let browser;
let page;

const fake = (path, body) => fakeControl(authority, path, body);
const card = () => page.getByRole('region', { name: SUPPORT });
const connectForm = () => page.getByRole('form', { name: 'Connect a shared mailbox' });
const overviewRow = () =>
  page.getByRole('table', { name: 'All mailboxes' }).getByRole('row').filter({ hasText: SUPPORT });

const shot = (name) => screenshot(page, name);

/** On System > Mailboxes: the shared mailbox's address, with the application's permission, then Connect. */
async function connectWithAppPermission() {
  const form = connectForm();
  await form.getByLabel('Shared mailbox address').fill(SUPPORT);
  await form.getByRole('radio', { name: /With the application’s permission/ }).check();
  await form.getByRole('button', { name: 'Connect shared mailbox' }).click();
}

describe("Shared mailbox with the application's permission journey", { skip: SKIP }, () => {
  before(async () => {
    try {
      ({ authority, baseUrl, admin, browser, page } = await startWithLocalMicrosoft365(run));
    } catch (error) {
      run.fail();
      throw error;
    }
  });

  after(async () => {
    await browser?.close();
    await run.cleanUp();
  });

  step('registers the tenant and the application, not yet consented; the shared inbox holds two messages', async () => {
    await registerTenantAndApp(authority, {
      tenantId: TENANT_ID,
      clientId: CLIENT_ID,
      secret: SECRET,
      baseUrl,
      name: 'M365 Console (application permission journey)',
    });
    for (const subject of SUBJECTS) {
      await fake('graph-messages', { address: SUPPORT, subject, from: 'dana@contoso.com', body: `About: ${subject}.` });
    }
  });

  step('admin enters the registration and enables Emails Sync', async () => {
    admin.password = await signInAsAdmin(page, baseUrl, admin);
    await enterRegistration(page, { clientId: CLIENT_ID, secret: SECRET, tenantId: TENANT_ID });
    await useOwnValue(page, 'emailSyncEnabled');
    await field(page, 'Enable Emails Sync').check();
    await page.getByRole('button', { name: 'Save Settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor();
  });

  step('before admin consent, connecting is refused with what to grant, and no mailbox is created', async () => {
    await page.getByRole('button', { name: 'System' }).click();
    await page.locator('#system-menu').getByRole('link', { name: 'Mailboxes' }).click();
    await page.waitForURL(`${baseUrl}/system/mailboxes`);
    await page.getByText('No shared mailbox is connected yet.').waitFor();
    await connectWithAppPermission();
    const refusal = connectForm().getByRole('alert');
    await refusal.getByText(`Microsoft Graph denied the application access to ${SUPPORT}`).waitFor();
    const text = await refusal.textContent();
    assert.match(text, /grant the application permissions Mail\.ReadWrite and Mail\.Send with admin consent/);
    assert.match(text, /Azure > App registrations > API permissions/);
    assert.match(text, /ErrorAccessDenied/, "Graph's own error code is shown too");
    assert.equal(new URL(page.url()).origin, baseUrl, 'no redirect to Microsoft');
    await page.getByText('No shared mailbox is connected yet.').waitFor();
    await page.getByText('No mailbox is connected yet.').waitFor();
    await shot('app-permission-refused.png');
  });

  step(
    "once the permissions are granted, it connects without any sign-in: shown with the application's permission",
    async () => {
      await fake('graph-app-permission', { clientId: CLIENT_ID, permission: 'Mail.ReadWrite' });
      await fake('graph-app-permission', { clientId: CLIENT_ID, permission: 'Mail.Send' });
      await connectForm().getByRole('button', { name: 'Connect shared mailbox' }).click();
      await connectForm()
        .getByRole('status')
        .filter({ hasText: `${SUPPORT} is connected with the application's permission.` })
        .waitFor();
      assert.equal(await connectForm().getByRole('alert').count(), 0, 'the earlier refusal is gone');
      assert.equal(new URL(page.url()).origin, baseUrl, 'no redirect to Microsoft');

      // Shown with the success, not only when the page next reads its mailboxes again 15 s later
      await card().getByText('Connected', { exact: true }).waitFor({ timeout: 5_000 });
      await card()
        .locator('dd', { hasText: /^Microsoft Graph$/ })
        .waitFor();
      await card()
        .locator('dd', { hasText: new RegExp(` by ${admin.username}$`) })
        .waitFor();
      await card().getByText('System', { exact: true }).waitFor();

      await overviewRow().waitFor();
      const cells = await overviewRow().getByRole('cell').allTextContents();
      assert.deepEqual(cells.slice(0, 6), [
        SUPPORT,
        'System',
        'Microsoft GraphApplication permission',
        '—',
        'Connected',
        '—',
      ]);
      await shot('app-permission-mailbox.png');
    },
  );

  step('checks the connection over Graph and picks INBOX and Sent Items', async () => {
    await card().getByRole('button', { name: 'Check connection' }).click();
    const check = card().getByRole('region', { name: 'Connection check' });
    await check.waitFor();
    const text = await check.textContent();
    assert.match(text, /Graph reading ✓/);
    assert.match(text, /Graph sending ✓/);
    await card().getByRole('checkbox', { name: 'Sync this folder INBOX' }).check();
    await card().getByRole('checkbox', { name: 'Sync this folder Sent Items' }).check();
    await card().getByRole('button', { name: 'Save folders' }).click();
    await card().getByRole('status').filter({ hasText: 'Folders saved: INBOX, Sent Items.' }).waitFor();
  });

  step('Sync now brings the two messages with the application’s token', async () => {
    await card().getByRole('button', { name: 'Sync now' }).click();
    await card()
      .getByText(/^Last sync: 2 new messages in [\d.]+ m?s, at \d\d:\d\d$/)
      .waitFor();
  });

  step('Read mail shows INBOX with two messages, and one opens with its text', async () => {
    await card().getByRole('link', { name: 'Read mail' }).click();
    await page.waitForURL(`${baseUrl}/mailboxes/*/mail`);
    await page
      .getByRole('navigation', { name: 'Folders' })
      .getByRole('button', { name: /INBOX.*2 unread, 2 messages/ })
      .waitFor();
    const list = page.getByRole('region', { name: 'Messages' });
    for (const subject of SUBJECTS) await list.getByRole('button', { name: new RegExp(subject) }).waitFor();
    await list.getByRole('button', { name: new RegExp(SUBJECTS[0]) }).click();
    const message = page.getByRole('article', { name: 'Message' });
    await message.getByRole('heading', { name: SUBJECTS[0] }).waitFor();
    assert.equal((await message.locator('pre').textContent()).trim(), `About: ${SUBJECTS[0]}.`);
    await shot('app-permission-mail-reader.png');
  });

  step('sends from the shared mailbox, and the next sync finds the message filed in its Sent Items', async () => {
    await page.goto(`${baseUrl}/system/mailboxes`);
    await card().getByRole('link', { name: 'Compose' }).click();
    await page.waitForURL(`${baseUrl}/mailboxes/*/compose`);
    assert.equal(await field(page, 'From').inputValue(), SUPPORT);
    await field(page, 'To').fill('bob@example.com');
    await field(page, 'Subject').fill('Your ticket is solved');
    await field(page, 'Message').fill('Hello Bob, support sent this with the application’s own permission.');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('status').filter({ hasText: 'Message sent to bob@example.com.' }).waitFor();

    await page.goto(`${baseUrl}/system/mailboxes`);
    await card().getByRole('button', { name: 'Sync now' }).click();
    await card()
      .getByText(/^Last sync: 1 new message in [\d.]+ m?s, at \d\d:\d\d$/)
      .waitFor();
    await card().getByRole('link', { name: 'Read mail' }).click();
    await page
      .getByRole('navigation', { name: 'Folders' })
      .getByRole('button', { name: /Sent Items/ })
      .click();
    await page
      .getByRole('region', { name: 'Messages' })
      .getByRole('button', { name: /Your ticket is solved/ })
      .waitFor();
    await shot('app-permission-sent-items.png');
  });
});
