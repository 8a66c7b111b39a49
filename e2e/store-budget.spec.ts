import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closedPort as freePort } from '../electron/testing/closed-port';
import { expect, test as base } from './fixtures/test';
import { startShell } from './fixtures/web-shell';
import { StorePage } from './pages/store-page';

/**
 * The app with a data folder the bundled PostgreSQL may enter: run as root (CI), the app starts it as the
 * `postgres` user, which needs to pass through the folder to its own.
 */
const test = base.extend({
  shell: [
    async ({}, use) => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'backoffice-e2e-store-'));
      fs.chmodSync(dataDir, 0o755);
      const shell = await startShell({ dataDir });
      await use(shell);
      await shell.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
    { scope: 'test', timeout: 120_000 },
  ],
});

test('the store’s SimpleConsign budget is set in the Store section, kept on the server, and refused in plain words outside its range', async ({ page, shell }) => {
  test.setTimeout(180_000);
  const store = new StorePage(page);
  await store.open();
  await store.setUpBundledServer({ storeName: 'Main Street', workstationName: 'Back office', port: await freePort() });
  await expect(store.allowance).toContainText('0 of the store’s 80', { timeout: 90_000 });
  await expect(store.budget).toHaveValue('80');

  await store.saveBudget('101');
  await expect(store.budgetError).toContainText('The budget is from 21 to 100 calls: SimpleConsign allows a key 100 in 10 minutes');
  await store.saveBudget('20');
  await expect(store.budgetError).toContainText('sales keep 20 of the budget');
  await expect(store.allowance).toContainText('of the store’s 80');

  await store.saveBudget('60');
  await expect(store.allowance).toContainText('0 of the store’s 60');
  await expect(store.budgetError).toHaveCount(0);
  // Read back from the server, as every workstation reads it.
  const status = await shell.call<{ allowance: { budget: number } }>('store:get-status');
  expect(status.ok && status.value.allowance.budget).toBe(60);
  await page.reload();
  await store.open();
  await expect(store.budget).toHaveValue('60', { timeout: 30_000 });
});
