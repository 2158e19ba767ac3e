// Browser journey, offline: GraphiQL from the top bar runs a query and a mutation through the admin's session (CSRF
// header sent), then a user's GraphiQL sends the admin's API token from the Headers tab and runs as the admin.
// Every request to a host other than this machine is aborted and counted: the journey fails if GraphiQL tried one.
import { after, before, describe } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { journey, openBrowser, SCREENSHOT_DIR, signIn, signInAsAdmin, SKIP } from './support.mjs';

const ME = '{ me { username role } }';
const CREATE_TOKEN = 'mutation { createApiToken(input: { name: "graphiql journey" }) { secret errors { message } } }';
const TOOLING_PASSWORD = `tooling-${randomBytes(6).toString('hex')}`;
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

const run = journey();
const { step } = run;
let baseUrl;
let adminAccount;
/** The admin's browser and the tooling user's: two separate browsers, so the second has no session of the admin. */
let admin;
let tooling;
let adminToken;
/** Requests (and sockets) to any other host, from either browser: each was aborted. */
const foreign = [];

/** Aborts and records every request of the browser's context that leaves this machine. */
async function offline({ page }) {
  await page.context().route(
    (url) => !LOCAL_HOSTS.has(url.hostname),
    (route) => {
      foreign.push(route.request().url());
      return route.abort('internetdisconnected');
    },
  );
  page.on('websocket', (socket) => {
    if (!LOCAL_HOSTS.has(new URL(socket.url()).hostname)) foreign.push(socket.url());
  });
  // the net holds: a request from the blank page (no CSP yet to stop it first) is caught and counted
  await page.evaluate(() => fetch('https://cdn.example.com/graphiql.js').catch(() => 'aborted'));
  assert.deepEqual(foreign.splice(0), ['https://cdn.example.com/graphiql.js']);
}

function nothingLeftThisMachine() {
  assert.deepEqual(foreign, [], 'GraphiQL tried to reach another host');
}

/** GraphiQL's CodeMirror editor in the given region; its text is read from the editor, not from what is rendered. */
const editorIn = (region) => region.locator('.graphiql-editor:not(.hidden) > .CodeMirror');
const editorText = (editor) => editor.evaluate((element) => element.CodeMirror.getValue());

/** Types into a GraphiQL editor as a person would, replacing what it held, and checks what it now holds. */
async function typeInto(page, editor, text) {
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(text);
  assert.equal(await editorText(editor), text, 'the editor holds what was typed (closing brackets not doubled)');
}

/** Types the operation into the query editor, runs it with the Execute button and resolves to the parsed result. */
async function execute(page, operation) {
  const queryEditor = editorIn(page.getByRole('region', { name: 'Query Editor' }));
  await typeInto(page, queryEditor, operation);
  const resultWindow = page.getByRole('region', { name: 'Result Window' });
  const before = await editorText(resultWindow.locator('.CodeMirror'));
  await page.getByRole('button', { name: 'Execute query (Ctrl-Enter)' }).click();
  await page.waitForFunction(
    ([previous]) => {
      const value = document.querySelector('.result-window .CodeMirror')?.CodeMirror.getValue();
      return value && value !== previous;
    },
    [before],
  );
  return JSON.parse(await editorText(resultWindow.locator('.CodeMirror')));
}

async function openGraphiqlFromTopBar(page) {
  await page.getByRole('link', { name: 'GraphiQL', exact: true }).click();
  await page.waitForURL(`${baseUrl}/graphiql`);
  await page.getByRole('region', { name: 'Query Editor' }).locator('.CodeMirror').waitFor();
}

describe('GraphiQL journey, offline', { skip: SKIP }, () => {
  before(async () => {
    try {
      assert.ok(process.env.APP_JAR, 'set APP_JAR to the packaged app');
      ({ baseUrl, admin: adminAccount } = await run.startApp(process.env.APP_JAR));
      admin = await openBrowser(baseUrl);
      tooling = await openBrowser(baseUrl);
      await offline(admin);
      await offline(tooling);
    } catch (error) {
      run.fail();
      throw error;
    }
  });

  after(async () => {
    await admin?.browser.close();
    await tooling?.browser.close();
    await run.cleanUp();
  });

  step('the admin opens GraphiQL from the top bar and runs a query as themself', async () => {
    await signInAsAdmin(admin.page, baseUrl, adminAccount);
    await openGraphiqlFromTopBar(admin.page);

    const result = await execute(admin.page, ME);

    assert.deepEqual(result, { data: { me: { username: adminAccount.username, role: 'ADMIN' } } });
    await admin.page
      .getByRole('region', { name: 'Result Window' })
      .getByText(`"${adminAccount.username}"`, { exact: true })
      .waitFor();
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await admin.page.screenshot({ path: join(SCREENSHOT_DIR, 'graphiql.png'), fullPage: true });
    nothingLeftThisMachine();
  });

  step('a mutation through the session works: GraphiQL sends the CSRF header the server demands', async () => {
    const result = await execute(admin.page, CREATE_TOKEN);

    assert.deepEqual(result.data.createApiToken.errors, []);
    adminToken = result.data.createApiToken.secret;
    assert.match(adminToken, /^m365_/);
    const withoutHeader = await admin.page.request.post(`${baseUrl}/graphql`, {
      data: { query: ME },
      failOnStatusCode: false,
    });
    assert.equal(withoutHeader.status(), 403, 'the same session without the CSRF header is refused');
    nothingLeftThisMachine();
  });

  step('the admin creates the user tooling', async () => {
    await admin.page.goto(`${baseUrl}/system/users`);
    const form = admin.page.getByRole('form', { name: 'Create user' });
    await form.getByLabel('Username', { exact: true }).fill('tooling');
    await form.getByLabel('Display name').fill('Tooling Script');
    await form.getByLabel('Password').fill(TOOLING_PASSWORD);
    await form.getByLabel('Role').selectOption('USER');
    await form.getByRole('button', { name: 'Create user' }).click();
    await admin.page.getByRole('status').filter({ hasText: 'User tooling created.' }).waitFor();
  });

  step('GraphiQL needs a session: a browser without one is sent to the sign-in page', async () => {
    await tooling.page.goto(`${baseUrl}/graphiql`);
    await tooling.page.getByRole('button', { name: 'Sign in' }).waitFor();
    assert.match(new URL(tooling.page.url()).pathname, /^\/login$/);
  });

  step('signed in as a user, GraphiQL runs as the user, and as the admin with their token in Headers', async () => {
    await signIn(tooling.page, baseUrl, 'tooling', TOOLING_PASSWORD);
    await openGraphiqlFromTopBar(tooling.page);
    assert.deepEqual(await execute(tooling.page, ME), { data: { me: { username: 'tooling', role: 'USER' } } });

    await tooling.page.getByRole('button', { name: 'Headers', exact: true }).click();
    const headers = editorIn(tooling.page.getByRole('region', { name: 'Headers' }));
    await typeInto(tooling.page, headers, `{"Authorization": "Bearer ${adminToken}"}`);

    const result = await execute(tooling.page, ME);

    assert.deepEqual(result, { data: { me: { username: adminAccount.username, role: 'ADMIN' } } });
    nothingLeftThisMachine();
  });
});
