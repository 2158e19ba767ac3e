// Shared by the browser journeys: Chromium, the app jar, the local Microsoft identity platform or 365, steps, sign-in.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR || 'target/e2e';
const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
// Without Chromium the journeys are skipped, loudly; CI sets E2E_REQUIRED=true so a missing browser fails instead.
export const SKIP =
  !existsSync(CHROMIUM_PATH) && process.env.E2E_REQUIRED !== 'true'
    ? `no Chromium at ${CHROMIUM_PATH}: install it (apt-get install chromium) or set CHROMIUM_PATH`
    : false;
const TEST_CLASSES = process.env.TEST_CLASSES || '../backend/target/test-classes';
const TEST_CLASSPATH_FILE = process.env.TEST_CLASSPATH_FILE || '../backend/target/test-classpath.txt';
const FAKE_MICROSOFT = 'com.m365console.testsupport.microsoft.FakeMicrosoftIdentityPlatform';
const LOCAL_MICROSOFT_365 = 'com.m365console.testsupport.LocalMicrosoft365';

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function testClasspath() {
  assert.ok(
    existsSync(TEST_CLASSES) && existsSync(TEST_CLASSPATH_FILE),
    `no ${TEST_CLASSES} or ` + `${TEST_CLASSPATH_FILE}: run ./mvnw -q -DskipTests package`,
  );
  return `${TEST_CLASSES}:${readFileSync(TEST_CLASSPATH_FILE, 'utf8').trim()}`;
}

/** Waits up to 60 s for a started process to print a line matching the pattern; resolves to the match. */
async function waitForLine(proc, pattern, what) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const match = pattern.exec(proc.log);
    if (match) return match;
    if (proc.child.exitCode !== null) throw new Error(`${what} exited with ${proc.child.exitCode}`);
    await sleep(200);
  }
  throw new Error(`${what} did not start within 60 s`);
}

/** A journey's shared state: steps that stop after the first failure, and the processes it started. */
export function journey() {
  let failed = false;
  const processes = [];
  const servers = [];
  const dirs = [];

  function spawnLogged(name, command, args, env = {}) {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const proc = { name, child, log: '' };
    child.stdout.on('data', (d) => {
      proc.log += d;
    });
    child.stderr.on('data', (d) => {
      proc.log += d;
    });
    processes.push(proc);
    return proc;
  }

  async function stop({ child }) {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  }

  return {
    get failed() {
      return failed;
    },
    fail() {
      failed = true;
    },

    /** Runs one step of the journey; after a failure the remaining steps are skipped. */
    step(name, fn) {
      it(name, async (t) => {
        if (failed) return t.skip('an earlier step failed');
        try {
          await fn();
        } catch (error) {
          failed = true;
          throw error;
        }
      });
    },

    /**
     * Starts the app jar on a free port with a fresh data directory and first admin, plus any command-line arguments
     * (such as --m365.sync.push.check-interval=PT1S); resolves once GET / answers.
     */
    async startApp(jar, env = {}, args = []) {
      const port = await freePort();
      const dataDir = mkdtempSync(join(tmpdir(), 'm365-e2e-'));
      dirs.push(dataDir);
      const admin = { username: 'admin', password: `Adm-${randomBytes(9).toString('base64url')}` };
      const baseUrl = `http://localhost:${port}`;
      const app = spawnLogged('app', 'java', ['-jar', jar, ...args], {
        SERVER_PORT: String(port),
        M365_DATA_DIR: dataDir,
        M365_FIRST_ADMIN_USERNAME: admin.username,
        M365_FIRST_ADMIN_PASSWORD: admin.password,
        ...env,
      });
      const deadline = Date.now() + 240_000;
      while (Date.now() < deadline) {
        if (app.child.exitCode !== null) throw new Error(`the app exited with ${app.child.exitCode}`);
        try {
          if ((await fetch(`${baseUrl}/`)).ok) return { baseUrl, admin };
        } catch {
          /* not listening yet */
        }
        await sleep(1000);
      }
      throw new Error('the app did not answer GET / within 240 s');
    },

    /** Starts the local Microsoft identity platform from the backend's test classes; resolves to its authority. */
    async startFakeMicrosoft() {
      const fake = spawnLogged('fake Microsoft', 'java', ['-cp', testClasspath(), FAKE_MICROSOFT, '0']);
      const [, authority] = await waitForLine(fake, /listening on (http:\/\/\S+)/, 'the fake identity platform');
      return authority;
    },

    /** Starts the local Microsoft 365 (identity platform plus GreenMail IMAP/SMTP); resolves to authority and ports. */
    async startLocalMicrosoft365() {
      const local = spawnLogged('local Microsoft 365', 'java', ['-cp', testClasspath(), LOCAL_MICROSOFT_365]);
      const [, authority, imapPort, smtpPort] = await waitForLine(
        local,
        /LocalMicrosoft365 authority=(\S+) imapPort=(\d+) smtpPort=(\d+)/,
        'the local Microsoft 365',
      );
      return { authority, imapPort: Number(imapPort), smtpPort: Number(smtpPort) };
    },

    /**
     * A TLS-terminating proxy on `port`, in front of the app at `appBaseUrl`, with the tests' own certificate
     * (`tls/localhost.p12` of the backend's test classes): the HTTPS public base URL a reverse proxy gives the app in
     * production, which Microsoft Graph's change notifications need. Bytes pass both ways untouched.
     */
    async startTlsFront(port, appBaseUrl) {
      const pfx = readFileSync(join(TEST_CLASSES, 'tls', 'localhost.p12'));
      const appPort = Number(new URL(appBaseUrl).port);
      const server = createTlsServer({ pfx, passphrase: 'changeit' }, (socket) => {
        const upstream = connect(appPort, '127.0.0.1');
        socket.pipe(upstream).pipe(socket);
        socket.on('error', () => upstream.destroy());
        upstream.on('error', () => socket.destroy());
      });
      await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
      servers.push(server);
      return `https://127.0.0.1:${port}`;
    },

    /** Stops what the journey started, newest first; prints their logs when a step failed. */
    async cleanUp() {
      for (const server of servers) server.close();
      for (const proc of [...processes].reverse()) await stop(proc);
      if (failed) {
        for (const { name, log } of processes)
          console.error(`----- ${name} log -----\n${log}\n----- end of ${name} log -----`);
      }
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Headless Chromium with clipboard access for the app, confirm dialogs accepted. */
export async function openBrowser(baseUrl, { ownCertificate = false } = {}) {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  // The tests' own certificate is self-signed: accepted only where a journey put the app behind its TLS front
  const context = await browser.newContext({
    viewport: { width: 1366, height: 900 },
    ignoreHTTPSErrors: ownCertificate,
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('dialog', (dialog) => dialog.accept());
  return { browser, page };
}

/**
 * The local Microsoft 365, the app from APP_JAR pointed at it (sign-in and Graph), and a browser on the app: the
 * start of the journeys whose mail Graph serves. Nothing but Sync now runs a mailbox (the schedule waits a day)
 * unless `env` says otherwise. With `https`, the app's public base URL is a TLS front of the journey's own (so Graph
 * can deliver change notifications), and the browser uses it: `baseUrl` is then that HTTPS URL.
 */
export async function startWithLocalMicrosoft365(run, env = {}, { https = false } = {}) {
  assert.ok(process.env.APP_JAR, 'set APP_JAR: this journey starts the app, pointed at the local Microsoft 365');
  const { authority } = await run.startLocalMicrosoft365();
  const frontPort = https ? await freePort() : null;
  const started = await run.startApp(process.env.APP_JAR, {
    M365_MICROSOFT_AUTHORITY_HOST: authority,
    M365_MICROSOFT_GRAPH_HOST: authority,
    M365_SYNC_SCHEDULE_CHECK_INTERVAL: 'PT24H',
    ...(https ? { M365_PUBLIC_BASE_URL: `https://127.0.0.1:${frontPort}` } : {}),
    ...env,
  });
  const baseUrl = https ? await run.startTlsFront(frontPort, started.baseUrl) : started.baseUrl;
  const { browser, page } = await openBrowser(baseUrl, { ownCertificate: https });
  return { authority, baseUrl, admin: started.admin, browser, page };
}

/** A full-page screenshot into SCREENSHOT_DIR. */
export async function screenshot(page, name) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, name), fullPage: true });
}

export const field = (page, label) => page.getByLabel(label, { exact: true });

/**
 * Registers a tenant and a single-tenant application (Redirect URI on `baseUrl`) at the local identity platform:
 * the first step of every journey that signs in with Microsoft or connects a mailbox.
 */
export async function registerTenantAndApp(
  authority,
  { tenantId, domains = ['contoso.com'], clientId, secret, baseUrl, name },
) {
  await fakeControl(authority, 'tenants', { tenantId, domains });
  await fakeControl(authority, 'apps', {
    clientId,
    secret,
    homeTenantId: tenantId,
    multiTenant: false,
    redirectUris: [`${baseUrl}/login/oauth2/code/microsoft`],
    ...(name ? { name } : {}),
  });
}

/** Sets up the local Microsoft identity platform through its control endpoints (POST /_fake/<path>). */
export async function fakeControl(authority, path, body) {
  const response = await fetch(`${authority}/_fake/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  assert.equal(response.status, 204, `POST /_fake/${path}: ${response.status} ${await response.text()}`);
}

export async function signIn(page, baseUrl, username, password) {
  await page.goto(`${baseUrl}/login`);
  await field(page, 'Username').fill(username);
  await field(page, 'Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Signed in: the top bar is shown (on the Dashboard, or on the page asked for before signing in)
  await page
    .getByRole('button', { name: 'Sign out everywhere' })
    .or(page.getByRole('heading', { name: 'Choose a new password' }))
    .waitFor();
}

/** Signs in locally; replaces a one-time password if the app asks for it. Resolves to the password in use. */
export async function signInAsAdmin(page, baseUrl, { username, password }) {
  await signIn(page, baseUrl, username, password);
  if (!(await page.getByRole('heading', { name: 'Choose a new password' }).isVisible())) return password;
  const newPassword = `${password}-new`;
  await field(page, 'Current password').fill(password);
  await field(page, 'New password').fill(newPassword);
  await field(page, 'Repeat new password').fill(newPassword);
  await page.getByRole('button', { name: 'Change password' }).click();
  await page.getByRole('button', { name: 'Sign out everywhere' }).waitFor();
  return newPassword;
}

export async function signOut(page) {
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await page.getByRole('button', { name: 'Sign in' }).waitFor();
  assert.match(new URL(page.url()).pathname, /^\/login$/);
}

/** Opens System > Configuration and enters an app registration on Microsoft Settings, without saving it. */
export async function enterRegistration(page, { clientId, secret, tenantId }) {
  await page.getByRole('button', { name: 'System' }).click();
  await page.getByRole('link', { name: 'Configuration' }).click();
  await field(page, 'Application (Client) ID').waitFor();
  await useOwnValue(page, 'clientId');
  await field(page, 'Application (Client) ID').fill(clientId);
  await field(page, 'Client Secret').fill(secret);
  await useOwnValue(page, 'tenant');
  await field(page, 'Directory (Tenant) ID').fill(tenantId);
}

/** Unticks "Use Default" of a settings row so its own value can be entered. */
export async function useOwnValue(page, id) {
  const box = page.locator(`#${id}-use-default`);
  if (await box.isChecked()) await box.uncheck();
}
