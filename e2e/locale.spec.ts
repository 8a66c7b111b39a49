import { expect, test } from './fixtures/test';
import { CounterPage, callValue, loadInventory, plainItems, watchReceipts, type StockItem } from './pages/counter-page';

/** Each locale: how the workstation writes an amount, and what a person there types. */
const cases = [
  { locale: 'de-DE', money: (s: string) => `${s}\u00a0$`, price: '12,5', total: '12,50', other: '12.50', grouped: '1.234,50', tendered: '20,50', change: '8,00', quick: ['15,00', '20,00', '50,00'] },
  { locale: 'fr-FR', money: (s: string) => `${s}\u00a0$US`, price: '12,5', total: '12,50', other: '12.50', grouped: '1\u202f234,50', tendered: '20,50', change: '8,00', quick: ['15,00', '20,00', '50,00'] },
  { locale: 'en-US', money: (s: string) => `$${s}`, price: '12.5', total: '12.50', other: '12,50', grouped: '1,234.50', tendered: '20.50', change: '8.00', quick: ['15.00', '20.00', '50.00'] },
];

async function oneItemSale(counter: CounterPage, item: StockItem) {
  await counter.open();
  await counter.scan(item.sku);
  await expect(counter.line(item.sku)).toBeVisible();
}

for (const c of cases) {
  test.describe(`a workstation in ${c.locale}`, () => {
    test.use({ locale: c.locale, workstationLocale: c.locale });

    test('reads amounts as typed there, refuses what cannot be read, and shows money and dates its way', async ({ page, shell }) => {
      await loadInventory(shell);
      const [a] = await plainItems(shell, 1);
      const counter = new CounterPage(page);
      await oneItemSale(counter, a);
      const price = counter.line(a.sku).getByTestId('line-price');
      // The decimal mark of the workstation: a price of 12.50, never 125.00.
      await price.fill(c.price);
      await expect(counter.line(a.sku).getByTestId('line-total')).toHaveText(c.money(c.total));
      // The other mark reads too where it can mean only one thing.
      await price.fill(c.other);
      await expect(counter.line(a.sku).getByTestId('line-total')).toHaveText(c.money(c.total));
      await price.fill(c.grouped);
      await expect(counter.line(a.sku).getByTestId('line-total')).toHaveText(c.money(c.grouped));
      // Marks that are neither thousands nor cents are refused, plainly, and hold the sale back.
      await price.fill('1,2,3');
      await expect(counter.line(a.sku).getByTestId('line-price-problem')).toContainText('“1,2,3” is not an amount');
      await expect(page.getByTestId('sale-record')).toBeDisabled();
      await price.fill(c.price);

      // Cash handed over on the total of 12.50: change 8.00, never 1,925.00.
      await page.getByTestId('sale-tendered').fill(c.tendered);
      await expect(page.getByTestId('sale-change')).toContainText(c.money(c.change));
      await page.keyboard.press('Control+Enter');
      await expect(counter.lastRecorded).toBeVisible();
      const orderNumber = (await counter.lastOrderNumber.textContent())!;
      const sale = await callValue<{ totalCents: number; payment: { tenderedCents: number; changeCents: number } }>(shell, 'sales:get-sale', { orderNumber });
      expect([sale.totalCents, sale.payment.tenderedCents, sale.payment.changeCents]).toEqual([1250, 2050, 800]);

      // History writes the day the workstation's way.
      await counter.openHistory();
      const row = counter.historyRow('SALE', orderNumber);
      const day = new Intl.DateTimeFormat(c.locale, { dateStyle: 'medium' }).format(new Date());
      await expect(row).toContainText(day);
      await expect(row).toContainText(c.money(c.total));
    });

    test('pays in a few keys, shows the change large and prints the receipt and the refund receipt its way', async ({ page, shell }) => {
      test.setTimeout(180_000);
      await loadInventory(shell);
      const [a] = await plainItems(shell, 1);
      const receipts = await watchReceipts(page);
      const counter = new CounterPage(page);
      await oneItemSale(counter, a);
      await counter.line(a.sku).getByTestId('line-price').fill(c.price);
      await expect(counter.grandTotal).toHaveText(c.money(c.total));

      // The payment step: the total, the exact amount and the next round notes, the change as cash is typed.
      await page.keyboard.press('F4');
      await expect(page.getByTestId('payment-total')).toHaveText(c.money(c.total));
      await expect(page.getByTestId('payment-exact')).toContainText(c.money(c.total));
      await expect(page.getByTestId('payment-quick')).toHaveText(c.quick.map((q, i) => `${c.money(q)} F${5 + i}`));
      await page.getByTestId('payment-tendered').fill(c.tendered);
      await expect(page.getByTestId('payment-change')).toHaveText(`Change due ${c.money(c.change)}`);
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('sale-complete-change')).toHaveText(`Change due ${c.money(c.change)}`);
      const orderNumber = (await counter.lastOrderNumber.textContent())!;
      const sale = await callValue<{ totalCents: number; payment: { tenderedCents: number; changeCents: number } }>(shell, 'sales:get-sale', { orderNumber });
      expect([sale.totalCents, sale.payment.tenderedCents, sale.payment.changeCents]).toEqual([1250, 2050, 800]);

      // The receipt: amounts and the day the workstation's way, the order number as text and as a barcode.
      const day = new Intl.DateTimeFormat(c.locale, { dateStyle: 'medium' }).format(new Date());
      const paper = page.getByTestId('receipt-print');
      await page.keyboard.press('Control+p');
      await expect.poll(receipts.printed).toBe(1);
      await page.emulateMedia({ media: 'print' });
      await expect(paper).toContainText('Receipt');
      await expect(paper).toContainText(`Order ${orderNumber}`);
      await expect(paper).toContainText(day);
      await expect(paper.locator('tbody')).toContainText(c.money(c.total));
      await expect(paper.locator('tfoot')).toContainText(`Total${c.money(c.total)}`);
      await expect(paper.locator('tfoot')).toContainText(`Paid by cash${c.money(c.tendered)}`);
      await expect(paper.locator('tfoot')).toContainText(`Change${c.money(c.change)}`);
      const barcode = paper.getByTestId('receipt-barcode');
      await expect(barcode).toHaveAttribute('alt', `Barcode of order ${orderNumber}`);
      expect(await barcode.evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth))).toBeGreaterThan(0);
      await page.emulateMedia({ media: 'screen' });

      // A return by scanning that barcode: what was refunded, and its refund receipt, the same way.
      await page.keyboard.press('Alt+2');
      await counter.scan(orderNumber);
      await expect(counter.returnQuantity(a.sku)).toBeFocused();
      await page.keyboard.type('1');
      await page.keyboard.press('Control+Enter');
      await expect(page.getByTestId('return-reason')).toBeFocused();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Control+Enter');
      await expect(page.getByTestId('return-recorded')).toContainText(`${c.money(c.total)} refunded`);
      await page.keyboard.press('Control+p');
      await expect.poll(receipts.printed).toBe(2);
      await page.emulateMedia({ media: 'print' });
      await expect(paper).toContainText('Refund receipt');
      await expect(paper).toContainText(`Order ${orderNumber}`);
      await expect(paper).toContainText(`Return of the sale of ${day}`);
      await expect(paper.locator('tfoot')).toContainText(`Refunded${c.money(c.total)}`);
      await page.emulateMedia({ media: 'screen' });

      // History: the sale and its return, in the workstation's amounts and days.
      await counter.reopenHistory();
      await expect(counter.historyRow('SALE', orderNumber)).toContainText(day);
      await expect(counter.historyRow('RETURN', orderNumber)).toContainText(day);
      await expect(counter.historyRow('RETURN', orderNumber)).toContainText(c.total);
    });
  });
}

test.describe('the store’s currency', () => {
  test.use({ locale: 'de-DE', workstationLocale: 'de-DE' });

  test('is a setting: every amount follows it', async ({ page, shell }) => {
    await loadInventory(shell);
    const [a] = await plainItems(shell, 1);
    const counter = new CounterPage(page);
    await oneItemSale(counter, a);
    await page.getByTestId('store-details').locator('summary').click();
    await page.getByTestId('store-currency').selectOption('EUR');
    await expect(page.getByTestId('store-format-sample')).toContainText('1.234,50\u00a0€');
    await page.getByTestId('store-profile-save').click();
    await expect(counter.grandTotal).toHaveText(/\u00a0€$/);
    await counter.line(a.sku).getByTestId('line-price').fill('7,25');
    await expect(counter.grandTotal).toHaveText('7,25\u00a0€');
  });
});
