import { expect, test } from './fixtures/test';
import { callValue, CounterPage, loadInventory, plainItems, watchReceipts, type StockItem } from './pages/counter-page';

/** Store items whose SKU holds a P or an S: a scanner types those letters, which must never print or save. */
async function itemsWithPrintLetters(shell: Parameters<typeof loadInventory>[0], count: number): Promise<StockItem[]> {
  const page = await callValue<{ items: StockItem[] }>(shell, 'inventory:search', { query: '', sort: 'sku', stock: 'store', activeOnly: true, inStockOnly: true, limit: 500 });
  const found = page.items.filter((i) => /[PS]/i.test(i.sku) && (i.currentPriceCents ?? 0) > 0 && i.name && i.status === 'ACTIVE');
  expect(found.length, `SKUs with P or S among ${page.items.length} items`).toBeGreaterThanOrEqual(count);
  return found.slice(0, count);
}

test('a scan straight after a sale starts the next sale: its letters print nothing and save nothing', async ({ page, shell }) => {
  test.setTimeout(120_000);
  await loadInventory(shell);
  const [first, next] = await itemsWithPrintLetters(shell, 2);
  const receipts = await watchReceipts(page);
  const counter = new CounterPage(page);
  await counter.open();
  await counter.scan(first.sku);
  await expect(counter.lines).toHaveCount(1);
  await page.keyboard.press('F4');
  await expect(page.getByTestId('payment-tendered')).toBeFocused();
  await page.keyboard.press('F5');
  await expect(counter.lastRecorded).toBeVisible();
  const sold = (await counter.lastOrderNumber.textContent())!;
  // The cursor waits in the SKU field, not on the receipt's buttons.
  await expect(counter.sku).toBeFocused();

  await counter.scan(next.sku);
  await expect(counter.line(next.sku)).toHaveCount(1);
  await expect(counter.lines).toHaveCount(1);
  await expect(counter.lastRecorded).toHaveCount(0);
  await expect(counter.sku).toHaveValue('');
  // A save the scan had asked for would be on its way: the one saved on purpose afterwards is the only download.
  await counter.openHistory();
  await counter.historyRow('SALE', sold).getByTestId('history-toggle-items').click();
  const download = page.waitForEvent('download');
  await page.getByTestId('history-items').getByTestId('receipt-pdf-button').click();
  expect((await download).suggestedFilename()).toBe(`receipt-${sold}.pdf`);
  expect(receipts.saved()).toBe(1);
  expect(await receipts.printed()).toBe(0);
});

test('Ctrl+P prints the receipt and Ctrl+S saves it after a sale, wherever the cursor is', async ({ page, shell }) => {
  await loadInventory(shell);
  const [a] = await plainItems(shell, 1);
  const receipts = await watchReceipts(page);
  const counter = new CounterPage(page);
  await counter.open();
  await counter.scan(a.sku);
  await expect(counter.lines).toHaveCount(1);
  await page.keyboard.press('F4');
  await page.keyboard.press('Enter');
  await expect(counter.lastRecorded).toBeVisible();
  await page.keyboard.press('Control+p');
  await expect.poll(receipts.printed).toBe(1);
  await page.keyboard.press('F2');
  const download = page.waitForEvent('download');
  await page.keyboard.press('Control+s');
  expect((await download).suggestedFilename()).toBe(`receipt-${(await counter.lastOrderNumber.textContent())!}.pdf`);
  // A scan then still lands on a new sale.
  await counter.scan(a.sku);
  await expect(counter.lines).toHaveCount(1);
  await expect(counter.lastRecorded).toHaveCount(0);
  expect(await receipts.printed()).toBe(1);
});

test('a receipt scanned straight after a refund is looked up, not printed', async ({ page, shell }) => {
  test.setTimeout(120_000);
  await loadInventory(shell);
  const [a] = await plainItems(shell, 1, 2);
  const orders: string[] = [];
  for (let i = 0; i < 2; i++) {
    const sale = await callValue<{ orderNumber: string }>(shell, 'sales:record-sale', { lines: [{ sku: a.sku, name: a.name!, unitPriceCents: a.currentPriceCents!, quantity: 1, taxable: false }], taxCents: 0 });
    orders.push(sale.orderNumber);
  }
  const receipts = await watchReceipts(page);
  const counter = new CounterPage(page);
  await page.keyboard.press('Alt+2');
  await counter.scan(orders[0]);
  await expect(page.getByTestId('return-form')).toContainText(`Order ${orders[0]}`);
  await page.keyboard.type('1');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('return-reason')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('refund-done')).toBeVisible();
  await expect(page.getByTestId('return-find-order')).toBeFocused();

  // Order numbers hold letters (the workstation's prefix, the counter's code): none prints or saves.
  await counter.scan(orders[1]);
  await expect(page.getByTestId('return-form')).toContainText(`Order ${orders[1]}`);
  await expect(page.getByTestId('refund-done')).toHaveCount(0);
  expect(await receipts.printed()).toBe(0);
  expect(receipts.saved()).toBe(0);
});
