import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { AppFrame } from './pages/app-frame';
import { ConnectionsPage } from './pages/connections-page';
import { expect, test } from './fixtures/test';
import { startShell } from './fixtures/web-shell';

test('a credential stays with the address it was entered for; short ones show no characters', async ({ page }) => {
  const connections = new ConnectionsPage(page);
  await new AppFrame(page).go('connections');
  await connections.saveSecret('simpleconsign', 'apiKey', 'short-k3y');
  await expect(connections.secretState('simpleconsign', 'apiKey')).toHaveText('set');
  await connections.saveSecret('simpleconsign', 'apiKey', `sc-live-${Date.now()}-WXYZ`);
  await expect(connections.secretState('simpleconsign', 'apiKey')).toHaveText('set (…WXYZ)');

  await connections.setEndpoint('simpleconsign', 'baseUrl', 'https://other-host.example/app/api');
  await expect(connections.notice('simpleconsign')).toContainText('so the stored Location API key was removed');
  await expect(connections.secretState('simpleconsign', 'apiKey')).toHaveText('not set');
});

test('the training simulators answer only the app, and unknown ones are invalid input', async ({ shell }) => {
  const status = await shell.call<{ baseUrl: string }>('training:get-status');
  expect(status.ok).toBe(true);
  const base = new URL(status.ok ? status.value.baseUrl : '');
  const tokenless = await fetch(`http://127.0.0.1:${base.port}/simpleconsign/transaction`, { method: 'POST', body: '{}' });
  expect(tokenless.status).toBe(404);
  const unknown = await shell.call('training:inject-fault', { simulator: 'no-such-simulator', fault: { kind: 'drop' } });
  expect(unknown).toMatchObject({ ok: false, error: { code: 'invalid-input', message: 'There is no training simulator called “no-such-simulator”.' } });
});

test('another program’s database in the data folder is refused and left untouched', async ({ browser }) => {
  const dataDir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'backoffice-foreign-'));
  const file = path.join(dataDir, 'backoffice.db');
  const other = new Database(file);
  other.exec("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers (name) VALUES ('Ann')");
  other.close();
  const before = fs.readFileSync(file);
  const shell = await startShell({ dataDir });
  try {
    const page = await browser.newPage();
    await page.goto(shell.url);
    await expect(page.getByTestId('startup-error')).toContainText('a database of another program');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  } finally {
    await shell.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
