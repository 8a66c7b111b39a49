import { expect, test } from './fixtures/test';
import type { RunningShell } from './fixtures/web-shell';
import { SalesPage } from './pages/sales-page';

interface Item {
  sku: string;
  name: string | null;
  quantity: number | null;
  currentPriceCents: number | null;
}
interface SaleDetail {
  orderNumber: string;
  lines: { saleLineId: number; sku: string; quantity: number }[];
  deliveries: { state: string }[];
}

async function value<T>(shell: RunningShell, channel: string, input: unknown = {}): Promise<T> {
  const r = await shell.call<T>(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message} ${(r.error.details ?? []).join('; ')}`);
  return r.value;
}

/** Loads the inventory copy from the SimpleConsign simulator and answers a few items that are in stock and priced. */
async function stockedItems(shell: RunningShell, count: number): Promise<Item[]> {
  await value(shell, 'inventory:sync-now');
  await expect.poll(async () => (await value<{ watermark: number | null; running: unknown }>(shell, 'inventory:get-status')).running, { timeout: 30_000 }).toBeNull();
  const page = await value<{ items: Item[] }>(shell, 'inventory:search', { query: '', sort: 'sku', inStockOnly: true, limit: 100 });
  const items = page.items.filter((i) => (i.quantity ?? 0) >= 2 && (i.currentPriceCents ?? 0) > 0 && i.name);
  expect(items.length).toBeGreaterThanOrEqual(count);
  return items.slice(0, count);
}

const dollars = (cents: number) => `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;

test('a sale rung up with the keyboard only is delivered to SimpleConsign and IFPOS, and History shows their answers', async ({ page, shell }, testInfo) => {
  const [a, b] = await stockedItems(shell, 2);
  const sales = new SalesPage(page);
  await sales.open();
  await expect(page.getByTestId('sale-shortcuts')).toContainText('Ctrl+Enter records the sale');
  await expect(page.getByTestId('sale-vendor-note')).toContainText('TRAX (IFPOS) receives the sale amount without tax and delivery, and returns as credits');

  await sales.scan(a.sku);
  await expect(sales.lines).toHaveCount(1);
  await expect(sales.lines.first()).toContainText(a.name!);
  await expect(sales.sku).toBeFocused();
  // The same item scanned again raises its quantity; then a second item, two of them.
  await sales.scan(a.sku);
  await expect(sales.lines.first().getByTestId('line-quantity')).toHaveValue('2');
  await page.keyboard.type(b.sku);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Control+A');
  await page.keyboard.type(String(b.quantity! + 1));
  await page.keyboard.press('Enter');
  await expect(sales.lines).toHaveCount(2);
  await expect(sales.lines.nth(1).getByTestId('line-stock-warning')).toContainText(`Only ${b.quantity} on hand`);
  await expect(sales.grandTotal).toHaveText(dollars(2 * a.currentPriceCents! + (b.quantity! + 1) * b.currentPriceCents!));
  await page.screenshot({ path: testInfo.outputPath('sale-entry.png'), fullPage: true });
  await page.keyboard.press('Control+Enter');
  // More than is on hand: recorded only once confirmed.
  await expect(page.getByTestId('sale-confirm')).toContainText(`${b.quantity! + 1} × ${b.sku}`);
  await page.getByTestId('sale-confirm-record').click();

  await expect(sales.lastRecorded).toBeVisible();
  await expect(sales.lines).toHaveCount(0);
  const orderNumber = (await sales.lastOrderNumber.textContent())!;
  expect(orderNumber).toMatch(/^S\d{6}[A-Z2-9]{5}$/);
  // The counter says where the sale stands in words; the vendors' own answers are for History.
  await expect(page.getByTestId('last-recorded-delivery')).toHaveText(/^Sent to (SimpleConsign and TRAX IFPOS|TRAX IFPOS and SimpleConsign)\.$/, { timeout: 15_000 });
  await expect(sales.lastRecorded).not.toContainText('AffectedRecords');

  await sales.openHistory();
  const row = sales.historyRow('SALE', orderNumber);
  await expect(sales.delivery(row, 'simpleconsign')).toContainText('Sent');
  await expect(sales.delivery(row, 'simpleconsign')).toContainText(`Recorded in SimpleConsign as online sale ${orderNumber}`);
  await expect(sales.delivery(row, 'ifpos')).toContainText(/AffectedRecords 1 .*ExecMS \d+/);
  await page.screenshot({ path: testInfo.outputPath('sales-history.png'), fullPage: true });
  await page.getByTestId('history-order').fill('NOSUCH');
  await expect(page.getByTestId('history-empty')).toBeVisible();
});

test('a rate limit shows "retrying at …" with the reason, pauses the vendor, then delivers', async ({ page, shell }) => {
  const [a] = await stockedItems(shell, 1);
  await value(shell, 'training:inject-fault', { simulator: 'ifpos', fault: { kind: 'rate-limit', count: 1, retryAfterSeconds: 3 } });
  const sales = new SalesPage(page);
  await sales.open();
  await sales.scan(a.sku);
  await page.keyboard.press('Control+Enter');
  const orderNumber = (await sales.lastOrderNumber.textContent())!;
  await sales.openHistory();
  const row = sales.historyRow('SALE', orderNumber);
  const ifpos = sales.delivery(row, 'ifpos');
  await expect(ifpos.getByTestId('delivery-label')).toHaveText(/^Retrying at \d{1,2}:\d\d:\d\d/);
  await expect(ifpos).toContainText('HTTP 429');
  await expect(page.getByTestId('status-paused-ifpos')).toContainText('TRAX IFPOS paused until');
  await expect(sales.delivery(row, 'simpleconsign')).toHaveAttribute('data-state', 'sent');
  await expect(ifpos).toHaveAttribute('data-state', 'sent', { timeout: 15_000 });
  await expect(ifpos).toContainText('2 attempts');
  await expect(page.getByTestId('status-waiting')).toHaveText('0 waiting to deliver');
});

test('a return is delivered (IFPOS replaces the sale: AffectedRecords 2) and more than is left is refused', async ({ page, shell }) => {
  const [a, b] = await stockedItems(shell, 2);
  const lines = [a, b].map((i) => ({ sku: i.sku, name: i.name!, unitPriceCents: i.currentPriceCents!, quantity: 2, taxable: false }));
  const sale = await value<SaleDetail>(shell, 'sales:record-sale', { lines, taxCents: 0 });
  const sales = new SalesPage(page);
  await sales.openReturns(sale.orderNumber);
  await sales.returnQuantity(a.sku).fill('3');
  await expect(page.getByTestId('return-form')).toContainText('At most 2 can be returned.');
  await expect(page.getByTestId('return-record')).toBeDisabled();
  await sales.returnQuantity(a.sku).fill('1');
  await page.getByTestId('return-reason').selectOption('changed-mind');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('return-recorded')).toBeVisible();
  const card = page.getByTestId('return-card');
  await expect(sales.delivery(card, 'ifpos')).toContainText('AffectedRecords 2', { timeout: 15_000 });
  await expect(sales.delivery(card, 'simpleconsign')).toContainText('Recorded in SimpleConsign as a return against order');
  await expect(page.locator(`[data-testid="return-line"][data-sku="${a.sku}"]`)).toContainText('of 1');

  // The service refuses an over-return whatever the screen allows.
  const refused = await shell.call('sales:record-return', { orderNumber: sale.orderNumber, lines: [{ saleLineId: sale.lines[0].saleLineId, quantity: 2 }], taxCents: 0 });
  expect(refused.ok).toBe(false);
  if (!refused.ok) expect(refused.error.details).toEqual([`${a.sku} (line 1): 2 sold, 1 already returned, so at most 1 can be returned, not 2.`]);

  await sales.openHistory();
  await expect(sales.delivery(sales.historyRow('RETURN', sale.orderNumber), 'ifpos')).toContainText('AffectedRecords 2');
});
