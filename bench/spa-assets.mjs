#!/usr/bin/env node
// What the SPA costs a browser on the wire: JS of the sign-in page and of the whole app (compressed as sent, and
// raw), the caching and encoding headers, a 304 on revalidating index.html, and nothing re-fetched on a second visit.
// Usage: node bench/spa-assets.mjs [baseUrl]
//   with baseUrl: a running app; signs in as APP_ADMIN_USERNAME (default admin) / APP_ADMIN_PASSWORD
//   without: starts APP_JAR (default backend/target/m365-console.jar) on a free port with a fresh data directory
// KB here are 1,024 bytes. Exits 1 when a check fails (a target missed is printed, not an exit).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const { chromium } = createRequire(new URL('../frontend/package.json', import.meta.url))('playwright-core');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];
const CHROMIUM_ENCODINGS = 'gzip, deflate, br, zstd';
const SIGN_IN_TARGET_KB = 80;
const APP_TARGET_KB = 150;
const kb = (bytes) => (bytes / 1024).toFixed(1);
let failures = 0;

function check(name, ok, detail) {
  console.log(`spa check ${name}: ${ok ? 'ok' : 'FAILED'}${detail ? ` (${detail})` : ''}`);
  if (!ok) failures++;
}

/** GET over plain node:http, so the bytes are counted as they came over the wire (never decoded). */
function get(url, headers = {}) {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode,
          headers: res.headers,
          body: Buffer.concat(chunks),
        }),
      );
    })
      .on('error', reject)
      .end();
  });
}

function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function startJar() {
  const jar = process.env.APP_JAR || fileURLToPath(new URL('../backend/target/m365-console.jar', import.meta.url));
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'm365-spa-bench-'));
  const password = `Adm-${randomBytes(9).toString('base64url')}`;
  const child = spawn('java', ['-jar', jar], {
    env: {
      ...process.env,
      SERVER_PORT: String(port),
      M365_DATA_DIR: dataDir,
      M365_FIRST_ADMIN_PASSWORD: password,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const baseUrl = `http://localhost:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  for (let waited = 0; waited < 240; waited++) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}`);
    try {
      if ((await get(`${baseUrl}/`)).status === 200) return { baseUrl, username: 'admin', password, stop };
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  await stop();
  throw new Error('the app did not answer GET / within 240 s');
}

/** Records every script response of a page: URL, bytes as transferred, raw bytes, whether it came from cache. */
async function recordScripts(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const byId = new Map();
  cdp.on('Network.responseReceived', ({ requestId, type, response }) => {
    const servedFromCache = byId.get(requestId)?.cached ?? false; // requestServedFromCache can come first
    byId.set(requestId, {
      url: response.url,
      type,
      status: response.status,
      encoding: response.headers['content-encoding'] ?? response.headers['Content-Encoding'] ?? 'identity',
      cached: servedFromCache || response.fromDiskCache || response.fromMemoryCache || response.fromPrefetchCache,
    });
  });
  cdp.on('Network.requestServedFromCache', ({ requestId }) => {
    byId.set(requestId, { ...byId.get(requestId), cached: true });
  });
  cdp.on('Network.dataReceived', ({ requestId, dataLength, encodedDataLength }) => {
    const r = byId.get(requestId);
    if (!r) return;
    r.raw = (r.raw ?? 0) + dataLength;
    r.wire = (r.wire ?? 0) + encodedDataLength;
  });
  return () => [...byId.values()];
}

/** The scripts fetched over the network (not from the browser's cache), each once. */
const scriptsOf = (responses) => [
  ...new Map(
    responses
      .filter((r) => r.type === 'Script' && !r.cached && new URL(r.url).pathname.endsWith('.js'))
      .map((r) => [r.url, r]),
  ).values(),
];
const sum = (rows, key) => rows.reduce((total, r) => total + (r[key] ?? 0), 0);
const coding = (rows) => [...new Set(rows.map((r) => r.encoding))].join('+');

/** Every chunk the entry can load: asset names found in the JS, followed transitively. */
async function allChunks(baseUrl, entry) {
  const seen = new Set([entry]);
  const queue = [entry];
  const chunks = [];
  while (queue.length) {
    const path = queue.shift();
    const wire = await get(baseUrl + path, {
      'Accept-Encoding': CHROMIUM_ENCODINGS,
    });
    const gzip = await get(baseUrl + path, { 'Accept-Encoding': 'gzip' });
    const raw = await get(baseUrl + path);
    chunks.push({
      path,
      wire: wire.body.length,
      gzip: gzip.body.length,
      raw: raw.body.length,
      encoding: wire.headers['content-encoding'],
    });
    for (const [name] of raw.body.toString('utf8').matchAll(/[\w.-]+\.js(?=["'`])/g)) {
      const next = `/assets/${name.replace(/^\.\//, '')}`;
      if (!seen.has(next) && /-[\w-]{8}\.js$/.test(name)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return chunks;
}

async function checkHeaders(baseUrl, entry) {
  const asset = await get(baseUrl + entry, {
    'Accept-Encoding': CHROMIUM_ENCODINGS,
  });
  check('hashed asset encoding', asset.headers['content-encoding'] === 'br', asset.headers['content-encoding']);
  check('hashed asset vary', /accept-encoding/i.test(asset.headers.vary ?? ''), asset.headers.vary);
  const assetCache = asset.headers['cache-control'] ?? '';
  check('hashed asset cache-control', /max-age=31536000/.test(assetCache) && /immutable/.test(assetCache), assetCache);
  const gzip = await get(baseUrl + entry, { 'Accept-Encoding': 'gzip' });
  check('gzip-only client gets gzip', gzip.headers['content-encoding'] === 'gzip', gzip.headers['content-encoding']);
  const html = await get(`${baseUrl}/login`, {
    Accept: 'text/html',
    'Accept-Encoding': CHROMIUM_ENCODINGS,
  });
  const htmlCache = html.headers['cache-control'] ?? '';
  check('index.html cache-control', htmlCache === 'no-cache', htmlCache);
  check('index.html etag', Boolean(html.headers.etag), html.headers.etag);
  const again = await get(`${baseUrl}/login`, {
    Accept: 'text/html',
    'Accept-Encoding': CHROMIUM_ENCODINGS,
    'If-None-Match': html.headers.etag ?? '',
  });
  check('index.html revalidation', again.status === 304, `status ${again.status}`);
  const graphql = await get(`${baseUrl}/graphql`, {
    Accept: 'application/json',
  });
  check(
    'graphql stays uncached',
    /no-store/.test(graphql.headers['cache-control'] ?? ''),
    graphql.headers['cache-control'],
  );
}

async function main() {
  const app = process.argv[2]
    ? {
        baseUrl: process.argv[2].replace(/\/$/, ''),
        username: process.env.APP_ADMIN_USERNAME || 'admin',
        password: process.env.APP_ADMIN_PASSWORD || '',
        stop: async () => {},
      }
    : await startJar();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    const firstVisit = await recordScripts(context, page);
    await page.goto(`${app.baseUrl}/login`, { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    const signInScripts = scriptsOf(firstVisit());
    const signInWire = sum(signInScripts, 'wire');
    console.log(
      `spa sign-in js: ${kb(signInWire)} KB ${coding(signInScripts)} (${kb(sum(signInScripts, 'raw'))} KB raw, ` +
        `${signInScripts.length} files) target <= ${SIGN_IN_TARGET_KB} KB: ${signInWire <= SIGN_IN_TARGET_KB * 1024 ? 'met' : `missed by ${kb(signInWire - SIGN_IN_TARGET_KB * 1024)} KB`}`,
    );

    await page.getByLabel('Username', { exact: true }).fill(app.username);
    await page.getByLabel('Password', { exact: true }).fill(app.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page
      .getByRole('button', { name: 'Sign out everywhere' })
      .or(page.getByRole('heading', { name: 'Choose a new password' }))
      .waitFor();
    for (const path of [
      '/mailboxes',
      '/account/api-tokens',
      '/system/config/integrations/microsoft',
      '/system/users',
    ]) {
      await page.goto(app.baseUrl + path, { waitUntil: 'networkidle' });
      await page.locator('.page h1').first().waitFor();
    }
    const toured = scriptsOf(firstVisit());
    console.log(
      `spa signed-in tour js: ${kb(sum(toured, 'wire'))} KB ${coding(toured)} (${kb(sum(toured, 'raw'))} KB raw, ` +
        `${toured.length} files: sign-in, dashboard, mailboxes, API tokens, settings, users)`,
    );

    const entry = new URL(signInScripts[0].url).pathname;
    const chunks = await allChunks(app.baseUrl, entry);
    const appWire = sum(chunks, 'wire');
    console.log(
      `spa whole app js: ${kb(appWire)} KB ${[...new Set(chunks.map((c) => c.encoding))].join('+')} ` +
        `(${kb(sum(chunks, 'raw'))} KB raw, ${chunks.length} chunks) target <= ${APP_TARGET_KB} KB: ` +
        `${appWire <= APP_TARGET_KB * 1024 ? 'met' : `missed by ${kb(appWire - APP_TARGET_KB * 1024)} KB`}`,
    );
    console.log(`spa whole app js for a gzip-only client: ${kb(sum(chunks, 'gzip'))} KB gzip`);

    await checkHeaders(app.baseUrl, entry);

    const second = await context.newPage();
    const secondVisit = await recordScripts(context, second);
    await second.goto(`${app.baseUrl}/`, { waitUntil: 'networkidle' });
    await second.getByRole('button', { name: 'Sign out everywhere' }).waitFor();
    const refetched = secondVisit().filter((r) => new URL(r.url).pathname.startsWith('/assets/') && !r.cached);
    check('second visit fetches no hashed asset', refetched.length === 0, `${refetched.length} fetched again`);
    await context.close();
  } finally {
    await browser.close();
    await app.stop();
  }
  if (failures) process.exit(1);
}

await main();
