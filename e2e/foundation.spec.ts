import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { AppFrame, screenIds } from './pages/app-frame';
import { ConnectionsPage } from './pages/connections-page';
import { expect, test } from './fixtures/test';
import { startShell } from './fixtures/web-shell';

test('first start lands in training mode and every screen renders', async ({ page }, testInfo) => {
  const frame = new AppFrame(page);
  await expect(frame.banner).toContainText('Training mode');
  await expect(page.getByTestId('status-mode')).toHaveText('Training');
  for (const screen of screenIds) {
    await frame.go(screen);
    await expect(page.getByTestId(`screen-${screen}-container`)).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath(`screen-${screen}.png`), fullPage: true });
  }
  await frame.go('connections');
  await expect(new ConnectionsPage(page).card('simpleconsign').getByTestId('connection-simpleconsign-endpoint')).toContainText('http://127.0.0.1:');
});

/** Records every bridge answer a page receives: HTTP answers read in full before they reach the page, and every socket message. */
async function recordBridgeAnswers(page: Page, seen: string[]) {
  page.on('websocket', (socket) => socket.on('framereceived', (frame) => seen.push(String(frame.payload))));
  await page.route('**/rpc/**', async (route) => {
    // The page gets an answer only after its body is recorded; a call cut short by stopping the
    // app or closing the page never reaches the page, so it has nothing to check.
    try {
      const response = await route.fetch();
      const body = await response.text();
      seen.push(body);
      await route.fulfill({ response, body });
    } catch {
      await route.abort().catch(() => {});
    }
  });
}

test('a credential is saved to the keychain and only its last four characters reach the renderer', async ({ page, shell, browser }) => {
  // The app is started twice (the second time to read the credential back), each start taking its share of a busy machine.
  test.setTimeout(150_000);
  const secret = `sc-live-${Date.now()}-Z9Q7`;
  const seen: string[] = [];
  await recordBridgeAnswers(page, seen);
  const connections = new ConnectionsPage(page);
  await new AppFrame(page).go('connections');
  await expect(connections.secretState('simpleconsign', 'apiKey')).toHaveText('not set');
  await connections.saveSecret('simpleconsign', 'apiKey', secret);
  await expect(connections.secretState('simpleconsign', 'apiKey')).toHaveText('set (…Z9Q7)');
  const storage = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.documentElement.outerHTML);
  expect(storage).not.toContain(secret);
  await page.unrouteAll({ behavior: 'wait' });
  await page.close();

  // A restarted main process reads it back from the keychain.
  await shell.stop();
  const restarted = await startShell({ dataDir: shell.dataDir, keychainService: shell.keychainService });
  try {
    const again = await browser.newPage();
    await recordBridgeAnswers(again, seen);
    await again.goto(restarted.url);
    await new AppFrame(again).go('connections');
    await expect(new ConnectionsPage(again).secretState('simpleconsign', 'apiKey')).toHaveText('set (…Z9Q7)');
    await again.close();
  } finally {
    await restarted.stop();
  }

  expect(seen.length).toBeGreaterThan(3);
  for (const body of seen) expect(body).not.toContain(secret);
  // Every file in the data folder, features' own folders included.
  for (const file of fs.readdirSync(shell.dataDir, { recursive: true, encoding: 'utf8' })) {
    const full = path.join(shell.dataDir, file);
    if (fs.statSync(full).isFile()) expect(fs.readFileSync(full).includes(secret), `${file} holds the secret`).toBe(false);
  }
  expect(shell.output() + restarted.output()).not.toContain(secret);
});

test('a live endpoint over plain http is refused with a clear message', async ({ page }) => {
  const connections = new ConnectionsPage(page);
  await new AppFrame(page).go('connections');
  await connections.setEndpoint('ifpos', 'url', 'http://api.etraxsales.com/v1/ifpos');
  await expect(page.getByTestId('connection-ifpos-error')).toContainText('Plain http:// is refused for api.etraxsales.com');
});

test('a malformed bridge call is rejected with each problem named', async ({ page }) => {
  const result = await page.evaluate(async () => {
    const token = sessionStorage.getItem('backoffice-shell-token');
    const res = await fetch('/rpc/connections:set-secret', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ id: 'not-a-vendor', field: 'apiKey', value: 42 }),
    });
    return res.json();
  });
  expect(result.ok).toBe(false);
  expect(result.error.code).toBe('invalid-input');
  expect(result.error.message).toBe('The request was not accepted.');
  expect(result.error.details.join('\n')).toMatch(/^id: /m);
  expect(result.error.details.join('\n')).toMatch(/^value: /m);
});

test('the browser shell refuses calls without its token, from other sites and for other hosts', async ({ shell }) => {
  const call = (headers: Record<string, string>) =>
    fetch(`${shell.origin}/rpc/app:get-status`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: '{}' });
  expect((await call({})).status).toBe(401);
  expect((await call({ Authorization: 'Bearer wrong-token' })).status).toBe(401);
  expect((await call({ Authorization: `Bearer ${shell.token}`, Origin: 'https://evil.example' })).status).toBe(403);
  expect((await call({ Authorization: `Bearer ${shell.token}` })).status).toBe(200);
  // fetch() may not set Host, so a DNS-rebinding request is made with node:http.
  const status = await new Promise<number>((resolve, reject) => {
    http.get(`${shell.origin}/`, { headers: { Host: 'evil.example' } }, (res) => resolve(res.statusCode ?? 0)).on('error', reject);
  });
  expect(status).toBe(421);
});

test('a damaged data file shows a clear message and is left untouched', async ({ browser }) => {
  const dataDir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'backoffice-corrupt-'));
  const file = path.join(dataDir, 'backoffice.db');
  fs.writeFileSync(file, 'not a database '.repeat(500));
  const before = fs.readFileSync(file);
  const shell = await startShell({ dataDir });
  try {
    const page = await browser.newPage();
    await page.goto(shell.url);
    await expect(page.getByTestId('startup-error')).toContainText('damaged');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  } finally {
    await shell.stop();
  }
});
