// Browser journey with a local Microsoft 365 whose mail is served by its Graph look-alike: jane connects her mailbox
// choosing Microsoft Graph, checks it (Graph reading and sending), picks INBOX and Sent Items, syncs two messages
// with Sync now, reads one, sends a message through Graph's sendMail, and finds it filed in Sent Items after the next
// synchronisation: the same cards, reader and compose form as over IMAP. The console is behind a TLS front (its
// public base URL is HTTPS), so Graph notifies it of new mail in the inbox: the card says new mail is instant, and a
// message delivered later is stored and shown without Sync now.
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
  signIn,
  signInAsAdmin,
  signOut,
  SKIP,
  startWithLocalMicrosoft365,
  useOwnValue,
} from './support.mjs';

const TENANT_ID = randomUUID();
const CLIENT_ID = randomUUID();
const SECRET = `Gr8Q~${randomBytes(18).toString('base64url')}`;
const JANE = `jane.${randomBytes(3).toString('hex')}@contoso.com`;
const PASSWORD = `jane-${randomBytes(6).toString('hex')}`;
const SUBJECTS = ['Quarterly figures', 'Team lunch on Friday'];

const run = journey();
const { step } = run;
let authority;
let baseUrl;
let admin;
let browser;
let page;

const fake = (path, body) => fakeControl(authority, path, body);
const card = () => page.getByRole('region', { name: JANE });

const shot = (name) => screenshot(page, name);

describe('Graph mailbox journey', { skip: SKIP }, () => {
  before(async () => {
    try {
      ({ authority, baseUrl, admin, browser, page } = await startWithLocalMicrosoft365(run, {}, { https: true }));
    } catch (error) {
      run.fail();
      throw error;
    }
  });

  after(async () => {
    await browser?.close();
    await run.cleanUp();
  });

  step('registers the tenant, the application and jane, whose Graph inbox holds two messages', async () => {
    await registerTenantAndApp(authority, {
      tenantId: TENANT_ID,
      clientId: CLIENT_ID,
      secret: SECRET,
      baseUrl,
      name: 'M365 Console (Graph journey)',
    });
    await fake('accounts', { tenantId: TENANT_ID, oid: randomUUID(), email: JANE, name: 'Jane Graph' });
    for (const subject of SUBJECTS) {
      await fake('graph-messages', { address: JANE, subject, from: 'dana@contoso.com', body: `About ${subject}.` });
    }
  });

  step('admin enters the registration, enables Emails Sync and creates jane', async () => {
    admin.password = await signInAsAdmin(page, baseUrl, admin);
    await enterRegistration(page, { clientId: CLIENT_ID, secret: SECRET, tenantId: TENANT_ID });
    await useOwnValue(page, 'emailSyncEnabled');
    await field(page, 'Enable Emails Sync').check();
    await page.getByRole('button', { name: 'Save Settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor();
    await page.getByRole('button', { name: 'System' }).click();
    await page.getByRole('link', { name: 'Users' }).click();
    const form = page.getByRole('form', { name: 'Create user' });
    await form.getByLabel('Username', { exact: true }).fill('jane');
    await form.getByLabel('Display name').fill('Jane Graph');
    await form.getByLabel('Email').fill(JANE);
    await form.getByLabel('Password').fill(PASSWORD);
    await form.getByLabel('Role').selectOption('USER');
    await form.getByRole('button', { name: 'Create user' }).click();
    await page.getByRole('status').filter({ hasText: 'User jane created.' }).waitFor();
    await signOut(page);
  });

  step('jane chooses Microsoft Graph, consents at Microsoft and sees her mailbox connected over Graph', async () => {
    await signIn(page, baseUrl, 'jane', PASSWORD);
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Mailboxes' }).click();
    await page.waitForURL(`${baseUrl}/mailboxes`);
    await page
      .getByRole('group', { name: 'Connect over' })
      .getByRole('radio', { name: /Microsoft Graph/ })
      .check();
    await page.getByRole('button', { name: 'Connect Microsoft 365 mailbox' }).click();
    await page.waitForURL(`${authority}/**`);
    const consent = new URL(page.url());
    assert.match(consent.searchParams.get('scope'), /https:\/\/graph\.microsoft\.com\/Mail\.ReadWrite/);
    await page.getByLabel('Email, phone, or Skype').fill(JANE);
    await page.getByRole('button', { name: 'Accept' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Mailbox ${JANE} connected.` })
      .waitFor();
    await card().getByText('Connected', { exact: true }).waitFor();
    await card()
      .locator('dd', { hasText: /^Microsoft Graph$/ })
      .waitFor();
  });

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
    await shot('graph-mailbox.png');
  });

  step('Sync now brings the two messages over Graph', async () => {
    await card().getByRole('button', { name: 'Sync now' }).click();
    await card()
      .getByText(/^Last sync: 2 new messages in [\d.]+ m?s, at \d\d:\d\d$/)
      .waitFor();
  });

  step('Read mail shows them in INBOX, and one opens with its text', async () => {
    await card().getByRole('link', { name: 'Read mail' }).click();
    await page.waitForURL(`${baseUrl}/mailboxes/*/mail`);
    const list = page.getByRole('region', { name: 'Messages' });
    for (const subject of SUBJECTS) await list.getByRole('button', { name: new RegExp(subject) }).waitFor();
    await list.getByRole('button', { name: new RegExp(SUBJECTS[0]) }).click();
    const message = page.getByRole('article', { name: 'Message' });
    await message.getByRole('heading', { name: SUBJECTS[0] }).waitFor();
    assert.equal((await message.locator('pre').textContent()).trim(), `About ${SUBJECTS[0]}.`);
    await shot('graph-mail-reader.png');
  });

  step('sends a message through Graph, and the next sync finds it filed in Sent Items', async () => {
    await page.goto(`${baseUrl}/mailboxes`);
    await card().getByRole('link', { name: 'Compose' }).click();
    await page.waitForURL(`${baseUrl}/mailboxes/*/compose`);
    await field(page, 'To').fill('bob@example.com');
    await field(page, 'Subject').fill('Sent through Graph');
    await field(page, 'Message').fill('Hello Bob, this went through Microsoft Graph sendMail.');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('status').filter({ hasText: 'Message sent to bob@example.com.' }).waitFor();

    await page.goto(`${baseUrl}/mailboxes`);
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
      .getByRole('button', { name: /Sent through Graph/ })
      .waitFor();
    await shot('graph-sent-items.png');
  });

  step('new mail arrives by itself: Graph notifies the console, which stores it without Sync now', async () => {
    await page.goto(`${baseUrl}/mailboxes`);
    await card().getByText('New mail: instant').waitFor();
    await shot('graph-push-watching.png');
    const subject = 'Pushed by Microsoft Graph';
    await fake('graph-messages', { address: JANE, subject, from: 'dana@contoso.com', body: 'Came by notification.' });
    await card()
      .getByText(/^Last sync: 1 new message in [\d.]+ m?s, at \d\d:\d\d$/)
      .waitFor({ timeout: 30_000 });
    await card().getByRole('link', { name: 'Read mail' }).click();
    await page
      .getByRole('region', { name: 'Messages' })
      .getByRole('button', { name: new RegExp(subject) })
      .waitFor();
    await shot('graph-push.png');
  });
});
