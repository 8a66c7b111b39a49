import { expect, test } from './fixtures/test';
import { CounterPage, loadInventory, plainItems } from './pages/counter-page';

/** Counts every key a person presses (scans are the scanner's, not counted). */
function keyCounter(page: import('@playwright/test').Page) {
  let n = 0;
  return {
    press: async (key: string) => {
      n += 1;
      await page.keyboard.press(key);
    },
    type: async (text: string) => {
      n += text.length;
      await page.keyboard.type(text, { delay: 120 });
    },
    get count() {
      return n;
    },
  };
}

test('a cash sale of 4 scanned items, printed, takes at most 8 keys after the last scan; the screen is then clean for the next customer', async ({ page, shell }) => {
  test.setTimeout(120_000);
  await loadInventory(shell);
  const items = await plainItems(shell, 4);
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void ((window as unknown as { printed: number }).printed += 1);
  });
  const counter = new CounterPage(page);
  await counter.open();
  for (const i of items) await counter.scan(i.sku);
  await expect(counter.lines).toHaveCount(4);
  const total = items.reduce((n, i) => n + i.currentPriceCents!, 0);

  const keys = keyCounter(page);
  await keys.press('F4');
  await expect(page.getByTestId('payment-step')).toBeVisible();
  await expect(page.getByTestId('payment-tendered')).toBeFocused();
  // The first quick amount: the next round note above the total, paid and finished in one key.
  const quick = page.getByTestId('payment-quick').first();
  await expect(quick).toContainText('F5');
  await keys.press('F5');
  await expect(counter.lastRecorded).toBeVisible();
  // The cursor waits for the next customer's scan; Ctrl+P prints the receipt.
  await expect(counter.sku).toBeFocused();
  await keys.press('Control+p');
  await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  console.log(`Cash sale of 4 scanned items, printed: ${keys.count} keys after the last scan.`);
  expect(keys.count).toBeLessThanOrEqual(8);

  // The change, large; nothing of the vendors' internals, and no note of the last item added.
  const change = page.getByTestId('sale-complete-change');
  await expect(change).toContainText('Change due');
  const changeSize = await change.locator('strong').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(changeSize).toBeGreaterThanOrEqual(2 * parseFloat(await page.evaluate(() => getComputedStyle(document.body).fontSize)));
  await expect(page.getByTestId('sale-entry-note')).toHaveCount(0);
  await expect(page.getByTestId('record-sale')).not.toContainText('ExecMS');
  await expect(page.getByTestId('record-sale')).not.toContainText('AffectedRecords');
  const orderNumber = (await counter.lastOrderNumber.textContent())!;
  const sale = await shell.call<{ totalCents: number; payment: { tenderedCents: number } }>('sales:get-sale', { orderNumber });
  expect(sale.ok && sale.value.totalCents).toBe(total);
  expect(sale.ok && sale.value.payment.tenderedCents).toBeGreaterThan(total);

  // The next customer's first scan clears the last sale away.
  await counter.scan(items[0].sku);
  await expect(counter.lastRecorded).toHaveCount(0);
  await expect(counter.lines).toHaveCount(1);
});

test('a store that chooses it gets the receipt printed by itself: Enter pays the exact amount', async ({ page, shell }) => {
  await loadInventory(shell);
  const [a] = await plainItems(shell, 1);
  const profile = await shell.call<{ profile: Record<string, unknown> }>('app:get-store-profile', {});
  if (!profile.ok) throw new Error(profile.error.message);
  await shell.call('app:update-store-profile', { ...profile.value.profile, receiptAfterSale: 'print' });
  await page.reload();
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void ((window as unknown as { printed: number }).printed += 1);
  });
  const counter = new CounterPage(page);
  await counter.open();
  await counter.scan(a.sku);
  // The scanned item is on the sale before payment opens.
  await expect(counter.lines).toHaveCount(1);
  const keys = keyCounter(page);
  await keys.press('F4');
  await expect(page.getByTestId('payment-tendered')).toBeFocused();
  await keys.press('Enter');
  await expect(page.getByTestId('sale-complete-change')).toContainText(`Change due ${new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(0)}`);
  await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  expect(keys.count).toBe(2);
});

test('a return is found by scanning the receipt’s barcode, says what was refunded, and prints its refund receipt', async ({ page, shell }) => {
  test.setTimeout(120_000);
  await loadInventory(shell);
  const [a, b] = await plainItems(shell, 2, 2);
  const recorded = await shell.call<{ orderNumber: string; lines: { saleLineId: number }[] }>('sales:record-sale', {
    lines: [a, b].map((i) => ({ sku: i.sku, name: i.name!, unitPriceCents: i.currentPriceCents!, quantity: 1, taxable: false })),
    taxCents: 0,
  });
  if (!recorded.ok) throw new Error(recorded.error.message);
  const orderNumber = recorded.value.orderNumber;
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void ((window as unknown as { printed: number }).printed += 1);
  });
  const counter = new CounterPage(page);
  const keys = keyCounter(page);
  await keys.press('Alt+2');
  await expect(page.getByTestId('screen-returns')).toBeVisible();
  // The scanner reads the receipt's barcode: the order number, whole, and Enter.
  await counter.scan(orderNumber);
  await expect(page.getByTestId('return-form')).toContainText(`Order ${orderNumber}`);
  await expect(counter.returnQuantity(a.sku)).toBeFocused();
  await keys.type('1');
  await keys.press('Control+Enter');
  await expect(page.getByTestId('return-reason')).toBeFocused();
  await keys.press('ArrowDown');
  await keys.press('Control+Enter');
  const done = page.getByTestId('refund-done');
  await expect(done.getByTestId('return-recorded')).toContainText(`1 item back, ${new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(a.currentPriceCents! / 100)} refunded`);
  await expect(done.getByTestId('refund-lines')).toContainText(a.sku);
  await expect(page.getByTestId('return-form')).not.toContainText('Refund $0.00');
  // The cursor waits for the next receipt's scan; Ctrl+P prints the refund receipt.
  await expect(page.getByTestId('return-find-order')).toBeFocused();
  await keys.press('Control+p');
  await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('receipt-print')).toContainText('Refund receipt');
  await expect(page.getByTestId('receipt-print')).toContainText(`Order ${orderNumber}`);
  await page.emulateMedia({ media: 'screen' });
  console.log(`Return of one item found by scanning the receipt, refund receipt printed: ${keys.count} keys.`);
  expect(keys.count).toBeLessThanOrEqual(6);
});
