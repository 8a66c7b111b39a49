import { expect, test } from './fixtures/test';
import { CounterPage, callValue, loadInventory, plainItems, type StockItem } from './pages/counter-page';

/** Each locale: how the workstation writes an amount, and what a person there types. */
const cases = [
  { locale: 'de-DE', money: (s: string) => `${s}\u00a0$`, price: '12,5', total: '12,50', other: '12.50', grouped: '1.234,50', tendered: '20,50', change: '8,00' },
  { locale: 'fr-FR', money: (s: string) => `${s}\u00a0$US`, price: '12,5', total: '12,50', other: '12.50', grouped: '1\u202f234,50', tendered: '20,50', change: '8,00' },
  { locale: 'en-US', money: (s: string) => `$${s}`, price: '12.5', total: '12.50', other: '12,50', grouped: '1,234.50', tendered: '20.50', change: '8.00' },
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
