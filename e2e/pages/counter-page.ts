import { expect, type Page } from '@playwright/test';
import type { RunningShell } from '../fixtures/web-shell';
import { SalesPage } from './sales-page';

export interface StockItem {
  sku: string;
  name: string | null;
  quantity: number | null;
  currentPriceCents: number | null;
  status: string | null;
  consignment: boolean | null;
}

async function value<T>(shell: RunningShell, channel: string, input: unknown = {}): Promise<T> {
  const r = await shell.call<T>(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message} ${(r.error.details ?? []).join('; ')}`);
  return r.value;
}

/** Loads the inventory copy from the simulator, once, and waits for the load to finish. */
export async function loadInventory(shell: RunningShell): Promise<void> {
  await value(shell, 'inventory:sync-now');
  await expect.poll(async () => (await value<{ running: unknown; loaded: boolean }>(shell, 'inventory:get-status')).loaded, { timeout: 30_000 }).toBe(true);
  await expect.poll(async () => (await value<{ running: unknown }>(shell, 'inventory:get-status')).running, { timeout: 30_000 }).toBeNull();
}

/** Store-stock items, active and priced, with at least `minQuantity` on hand: nothing to warn about but the quantity. */
export async function plainItems(shell: RunningShell, count: number, minQuantity = 1): Promise<StockItem[]> {
  const page = await value<{ items: StockItem[] }>(shell, 'inventory:search', { query: '', sort: 'sku', stock: 'store', activeOnly: true, inStockOnly: true, limit: 200 });
  const items = page.items.filter((i) => (i.quantity ?? 0) >= minQuantity && (i.currentPriceCents ?? 0) > 0 && i.name && i.status === 'ACTIVE');
  expect(items.length).toBeGreaterThanOrEqual(count);
  return items.slice(0, count);
}

export function callValue<T>(shell: RunningShell, channel: string, input: unknown = {}): Promise<T> {
  return value<T>(shell, channel, input);
}

/** The counter (Record sale) as staff use it: a scanner, the keyboard, the receipt. */
export class CounterPage extends SalesPage {
  constructor(page: Page) {
    super(page);
  }

  /** A person typing, a key every 120 ms. */
  typeSlowly(text: string) {
    return this.page.keyboard.type(text, { delay: 120 });
  }

  unknown(sku: string) {
    return this.page.locator(`[data-testid="sale-unknown"][data-sku="${sku}"]`);
  }

  line(sku: string) {
    return this.page.locator(`[data-testid="sale-line"][data-sku="${sku}"]`);
  }

  /** The counter's tax rate, typed as the workstation writes it; `shown` is how the settings' summary then writes it. */
  async setCounter(settings: { taxRate: string; shown?: string }) {
    await this.page.getByTestId('counter-settings').locator('summary').click();
    await this.page.getByTestId('counter-tax-rate').fill(settings.taxRate);
    await this.page.getByTestId('counter-settings-save').click();
    await expect(this.page.getByTestId('counter-settings').locator('summary')).toContainText(settings.shown ?? `${settings.taxRate}%`);
  }
}

/** Receipts printed (window.print, stubbed) and saved (PDF downloads) on the page from now on. */
export async function watchReceipts(page: Page) {
  let saved = 0;
  page.on('download', () => void (saved += 1));
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void ((window as unknown as { printed: number }).printed += 1);
  });
  return {
    printed: () => page.evaluate(() => (window as unknown as { printed: number }).printed),
    saved: () => saved,
  };
}
