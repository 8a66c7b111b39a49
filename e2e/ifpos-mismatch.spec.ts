import { expect, test } from './fixtures/test';
import type { RunningShell } from './fixtures/web-shell';
import { AppFrame } from './pages/app-frame';
import { IfposSchemaPanel } from './pages/ifpos-schema-panel';
import { SalesPage } from './pages/sales-page';

async function value<T>(shell: RunningShell, channel: string, input: unknown = {}): Promise<T> {
  const r = await shell.call<T>(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message} ${(r.error.details ?? []).join('; ')}`);
  return r.value;
}

const refusing = JSON.stringify({ title: 'IFPOSv1 with a store number', type: 'object', required: ['StoreNumber'] });

test('a schema that refuses the payload never stops the counter: the sale is recorded, only IFPOS waits, and the fixes are shown', async ({ page, shell }) => {
  const panel = new IfposSchemaPanel(page);
  await new AppFrame(page).go('connections');
  await panel.loadFile('IFPOSv1-Schema.json', refusing);
  await expect(panel.mismatch).toContainText('the payload: is missing the field "StoreNumber"');
  await expect(panel.mismatch).toContainText('Sales are still recorded');
  await expect(page.getByTestId('status-ifpos-schema')).toBeVisible();

  const sale = await value<{ orderNumber: string }>(shell, 'sales:record-sale', { orderNumber: 'SCHEMA1', lines: [{ sku: 'GFFY72', name: 'Jacket', unitPriceCents: 5400, quantity: 1, taxable: false }], taxCents: 0 });
  expect(sale.orderNumber).toBe('SCHEMA1');
  const sales = new SalesPage(page);
  await sales.openHistory();
  const ifpos = sales.delivery(sales.historyRow('SALE', 'SCHEMA1'), 'ifpos');
  await expect(ifpos).toHaveAttribute('data-state', 'failed');
  await expect(ifpos).toContainText('is missing the field "StoreNumber"');
  await expect(ifpos).toContainText('Report the difference');
  await expect(ifpos).not.toContainText('record again');

  await page.getByTestId('status-ifpos-schema').click();
  await expect(panel.mismatch).toBeVisible();
  await panel.clear();
  await expect(panel.mismatch).toHaveCount(0);
  await expect(page.getByTestId('status-ifpos-schema')).toHaveCount(0);
});
