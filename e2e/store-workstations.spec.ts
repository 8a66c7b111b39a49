import { expect, test } from './fixtures/test';
import { startShell, type RunningShell } from './fixtures/web-shell';
import { watchBridgeCalls } from './fixtures/bridge-calls';
import { callValue, loadInventory, plainItems, type StockItem } from './pages/counter-page';
import { SalesPage } from './pages/sales-page';
import { StorePage } from './pages/store-page';
import { closedPort as freePort } from '../electron/testing/closed-port';

let second: RunningShell | null = null;
test.afterEach(async () => {
  await second?.stop();
  second = null;
});

test('two workstations joined to one store server: a sale rung up on one is in the other’s History and returned there; a one-off item sold at both is flagged on both and settled on one', async ({ page, shell, browser }) => {
  test.setTimeout(300_000);
  // The first workstation has a copy of the inventory before the store exists: it seeds the server with it.
  await loadInventory(shell);
  const [item] = await plainItems(shell, 1);
  const first = new StorePage(page);
  await first.open();
  await first.setUpBundledServer({ storeName: 'Main Street', workstationName: 'Back office', port: await freePort() });
  await expect(first.serverState).toHaveAttribute('data-state', 'connected', { timeout: 120_000 });
  await expect(first.prefix).toHaveText('01');
  const { code, address } = await first.pairingCode();
  expect(address).toMatch(/^127\.0\.0\.1:\d+$/);

  // The second workstation: its own app, data folder and keychain, joined through its own screen.
  second = await startShell();
  const otherPage = await browser.newPage();
  watchBridgeCalls(otherPage);
  await otherPage.goto(second.url);
  await expect(otherPage.getByTestId('app-ready')).toBeVisible({ timeout: 30_000 });
  const other = new StorePage(otherPage);
  await other.open();
  await other.join({ address, code, workstationName: 'Register 2' });
  await expect(other.prefix).toHaveText('02');

  // Each lists the other, and both name the workstation that loads the inventory.
  await expect(other.workstation('01')).toContainText('Back office');
  await expect(other.workstation('02')).toContainText('Register 2 (this one)');
  await expect(first.workstation('02')).toContainText('Register 2', { timeout: 30_000 });
  for (const s of [first, other]) await expect(s.inventoryLoader).toContainText('loaded from SimpleConsign by Back office', { timeout: 30_000 });
  await expect(first.section.getByTestId('store-allowance')).toContainText(/SimpleConsign calls in the last 10 minutes: \d+ of the store’s 80/);

  // A sale rung up on the first, at its counter.
  const sales = new SalesPage(page);
  await sales.open();
  await sales.scan(item.sku);
  await expect(sales.lines).toHaveCount(1);
  await page.keyboard.press('Control+Enter');
  await expect(sales.lastOrderNumber).toHaveText(/^S01\d{6}$/);
  const orderNumber = (await sales.lastOrderNumber.textContent())!;

  // It shows in the second's History, named as the first workstation's.
  const otherSales = new SalesPage(otherPage);
  await otherSales.openHistory();
  await expect(otherSales.historyRow('SALE', orderNumber)).toContainText('workstation 01', { timeout: 30_000 });

  // Returned at the second: found by its number, one of it back.
  await otherSales.openReturns(orderNumber);
  await otherSales.returnQuantity(item.sku).fill('1');
  await otherPage.getByTestId('return-reason').selectOption('changed-mind');
  await otherPage.keyboard.press('Control+Enter');
  await expect(otherPage.getByTestId('return-recorded')).toBeVisible({ timeout: 30_000 });

  // Both Histories show the sale and its return.
  await otherSales.openHistory();
  await expect(otherSales.historyRow('RETURN', orderNumber)).toBeVisible();
  await sales.openHistory();
  await expect(sales.historyRow('SALE', orderNumber)).toBeVisible();
  await expect(sales.historyRow('RETURN', orderNumber)).toContainText('workstation 02', { timeout: 30_000 });

  // A one-off item (one in stock) sold at both counters: both Histories flag it; settled on one, both say so.
  const oneOff = (await oneOffItems(shell))[0];
  const soldTwice = [await sellOne(sales, oneOff.sku, orderNumber), await sellOne(otherSales, oneOff.sku, null)];
  for (const s of [sales, otherSales]) {
    await s.reopenHistory();
    const flagged = s.page.getByTestId('sale-conflict').filter({ hasText: oneOff.sku });
    await expect(flagged).toHaveAttribute('data-state', 'open', { timeout: 30_000 });
    await expect(flagged).toContainText(`order ${soldTwice[0]} on workstation 01`);
    await expect(flagged).toContainText(`order ${soldTwice[1]} on workstation 02`);
  }
  const there = otherPage.getByTestId('sale-conflict').filter({ hasText: oneOff.sku });
  await there.getByTestId('sale-conflict-note').fill('Called the second customer; the item is returned.');
  await there.getByTestId('sale-conflict-settle').click();
  await expect(there.getByTestId('sale-conflict-settled')).toContainText('Settled by 02 · Register 2');
  const here = page.getByTestId('sale-conflict').filter({ hasText: oneOff.sku });
  await expect(here).toHaveAttribute('data-state', 'settled', { timeout: 30_000 });
  await expect(here.getByTestId('sale-conflict-settled')).toContainText('Called the second customer; the item is returned.');
  await otherPage.close();
});

/** Items of which the store has exactly one, active and priced. */
async function oneOffItems(shell: RunningShell): Promise<StockItem[]> {
  const found = await callValue<{ items: StockItem[] }>(shell, 'inventory:search', { query: '', sort: 'sku', stock: 'store', activeOnly: true, inStockOnly: true, limit: 500 });
  const items = found.items.filter((i) => i.quantity === 1 && (i.currentPriceCents ?? 0) > 0 && i.name && i.status === 'ACTIVE');
  expect(items.length).toBeGreaterThan(0);
  return items;
}

/** Rings up one of `sku` at a counter (confirming the stock warning if the copy already says none is left); answers the order number. */
async function sellOne(sales: SalesPage, sku: string, previous: string | null): Promise<string> {
  await sales.page.getByTestId('sales-tab-record').click();
  await sales.open();
  await sales.scan(sku);
  await expect(sales.lines).toHaveCount(1);
  await sales.page.keyboard.press('Control+Enter');
  const recorded = previous ? sales.lastOrderNumber.filter({ hasNotText: previous }) : sales.lastOrderNumber;
  const confirm = sales.page.getByTestId('sale-confirm');
  await expect(recorded.or(confirm)).toBeVisible();
  if (await confirm.isVisible()) await confirm.getByTestId('sale-confirm-record').click();
  await expect(recorded).toHaveText(/^S0[12]\d{6}$/);
  return (await recorded.textContent())!;
}
