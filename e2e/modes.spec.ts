import { closedPort } from '../electron/testing/closed-port';
import { expect, test } from './fixtures/test';
import type { RunningShell } from './fixtures/web-shell';
import { PresentationCheck } from './pages/axe-check';
import { ModeSwitchPage } from './pages/mode-switch';
import { SalesPage } from './pages/sales-page';

async function value<T>(shell: RunningShell, channel: string, input: unknown = {}): Promise<T> {
  const r = await shell.call<T>(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message} ${(r.error.details ?? []).join('; ')}`);
  return r.value;
}

const sale = (orderNumber: string) => ({ orderNumber, lines: [{ sku: 'GFFY72', name: 'Jacket', unitPriceCents: 5400, quantity: 1, taxable: false }], taxCents: 0 });

test('switching mode asks first, lists what waits, tests the live connections, and keeps each mode’s sales apart', async ({ page, shell }, testInfo) => {
  // Training SimpleConsign is down, so the practice sale keeps waiting.
  await value(shell, 'training:inject-fault', { simulator: 'simpleconsign-transactions', fault: { kind: 'unavailable', count: null, retryAfterSeconds: 60 } });
  await value(shell, 'sales:record-sale', sale('TRAIN1'));
  // Live SimpleConsign at an address where nothing listens; IFPOS stays off.
  const port = await closedPort();
  await value(shell, 'connections:update', { id: 'simpleconsign', enabled: true, settings: { baseUrl: `http://127.0.0.1:${port}/app/api` } });
  await value(shell, 'connections:set-secret', { id: 'simpleconsign', field: 'apiKey', value: 'live-key-for-e2e-1234' });

  const modes = new ModeSwitchPage(page);
  await modes.open();
  await modes.ask();
  await expect(modes.waiting).toContainText('SimpleConsign: 1 delivery is still on the way');
  await expect(modes.test('simpleconsign')).toContainText(`127.0.0.1:${port} refused the connection`);
  await expect(modes.test('simpleconsign')).toContainText(`Check the address 127.0.0.1:${port}`);
  await page.screenshot({ path: testInfo.outputPath('mode-switch-to-live.png'), fullPage: true });
  // Going back keeps training.
  await page.getByTestId('mode-switch-confirm-back').click();
  await expect(modes.mode).toHaveText('Training');
  await modes.ask();
  await modes.confirmSwitch('Live');

  const sales = new SalesPage(page);
  await sales.openHistory();
  await expect(page.getByTestId('history-empty')).toBeVisible();
  await value(shell, 'sales:record-sale', sale('LIVE1'));
  await sales.reopenHistory();
  await expect(sales.historyRow('SALE', 'LIVE1').getByTestId('history-mode')).toHaveText('Live');
  await expect(sales.historyRow('SALE', 'TRAIN1')).toHaveCount(0);

  await modes.open();
  await modes.ask();
  await expect(modes.waiting).toContainText('SimpleConsign: 1 delivery is still on the way');
  await expect(page.getByTestId('mode-switch-tests')).toHaveCount(0);
  await modes.confirmSwitch('Training');
  await sales.openHistory();
  await expect(sales.historyRow('SALE', 'TRAIN1').getByTestId('history-mode')).toHaveText('Training');
  await expect(sales.historyRow('SALE', 'LIVE1')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('history-training-only.png'), fullPage: true });
});

test('cancel and mark as done ask first, and marking notes who did it', async ({ page, shell }, testInfo) => {
  // TRAX IFPOS asks to be left alone for five minutes, so the delivery stays retrying while the test acts on it.
  await value(shell, 'training:inject-fault', { simulator: 'ifpos', fault: { kind: 'unavailable', count: 1, retryAfterSeconds: 300 } });
  await value(shell, 'sales:record-sale', sale('WAIT1'));
  const sales = new SalesPage(page);
  await sales.openHistory();
  const waiting = sales.delivery(sales.historyRow('SALE', 'WAIT1'), 'ifpos');
  await expect(waiting).toHaveAttribute('data-state', 'retrying');
  await waiting.getByTestId('delivery-cancel').click();
  await expect(waiting.getByTestId('delivery-cancel-confirm')).toContainText('TRAX IFPOS will not have it unless someone enters it there');
  await waiting.getByTestId('delivery-cancel-confirm-back').click();
  await expect(waiting.getByTestId('delivery-cancel-confirm')).toHaveCount(0);
  await expect(waiting).toHaveAttribute('data-state', 'retrying');
  await waiting.getByTestId('delivery-cancel').click();
  await waiting.getByTestId('delivery-cancel-confirm-confirm').click();
  await expect(waiting).toHaveAttribute('data-state', 'cancelled');

  // Another channel already used order number CLASH1 in SimpleConsign: the delivery fails naming the clash
  // and asks staff to mark it as done if it is this sale; the screen offers exactly that, asking who checked.
  await value(shell, 'training:clear-faults', {});
  const sim = (await value<{ baseUrl: string }>(shell, 'training:get-status')).baseUrl;
  const post = (url: string, body: unknown) =>
    fetch(`${sim}${url}`, { method: 'POST', headers: { Accept: 'application/json', 'Content-Type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json());
  const key = 'training-simpleconsign-key';
  const { results } = (await post('/simpleconsign/inventory', { key })) as { results: { sku: string; currentPrice: number }[] };
  const item = results.find((r) => r.currentPrice > 0)!;
  const lines = [{ sku: item.sku, name: 'Item', unitPriceCents: item.currentPrice, quantity: 1, taxable: false }];
  await post('/simpleconsign/transaction', { key, orderNumber: 'CLASH1', type: 'SALE', nonTaxableSaleTotal: item.currentPrice, taxableSaleTotal: 0, tax: 0, items: [{ sku: item.sku, price: item.currentPrice, quantity: 1 }] });
  await value(shell, 'sales:record-sale', { orderNumber: 'CLASH1', lines, taxCents: 0 });
  await sales.reopenHistory();
  const clash = sales.delivery(sales.historyRow('SALE', 'CLASH1'), 'simpleconsign');
  await expect(clash).toHaveAttribute('data-state', 'failed');
  await expect(clash).toContainText('if it is this sale, mark this delivery as done');
  await clash.getByTestId('delivery-mark-delivered').click();
  const confirm = clash.getByTestId('delivery-mark-confirm');
  await expect(confirm).toContainText('Only if you checked SimpleConsign');
  // The confirmation as opened, in every presentation the accessibility spec checks.
  const check = await PresentationCheck.start(page, testInfo);
  expect(await check.findings('delivery-mark-confirmation')).toEqual([]);
  await check.done();
  await expect(confirm.getByTestId('delivery-mark-confirm-confirm')).toBeDisabled();
  await confirm.getByTestId('delivery-mark-by').fill('Ann');
  await confirm.getByTestId('delivery-mark-confirm-confirm').click();
  await expect(clash).toHaveAttribute('data-state', 'sent');
  await expect(clash).toContainText(/Marked as done by Ann on \d{4}-\d\d-\d\d \d\d:\d\d UTC/);

  // The vendor's own "too many requests" (reworded, with a 4xx status) holds sales and inventory loads alike.
  await value(shell, 'training:inject-fault', { simulator: 'simpleconsign-transactions', fault: { kind: 'rate-cap', count: 1 } });
  await value(shell, 'sales:record-sale', sale('CAP1'));
  await sales.reopenHistory();
  const capped = sales.delivery(sales.historyRow('SALE', 'CAP1'), 'simpleconsign');
  await expect(capped).toHaveAttribute('data-state', 'retrying');
  await expect(capped).toContainText('inventory loads to SimpleConsign all wait 10 minutes');
  await expect(page.getByTestId('status-paused-simpleconsign')).toContainText('SimpleConsign paused until');
});
