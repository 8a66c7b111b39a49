import { expect, type Page } from '@playwright/test';
import type { RunningShell } from '../fixtures/web-shell';
import { screenIds } from './app-frame';
import { callValue, loadInventory, plainItems } from './counter-page';

/** Something a person can open: a screen, a tab, a panel, a dialog. Each opens from where the one before left off. */
export interface OpenedState {
  name: string;
  open: (page: Page, shell: RunningShell) => Promise<void>;
}

const screen = (id: (typeof screenIds)[number]): OpenedState => ({
  name: id,
  open: async (page) => {
    await page.getByTestId(`nav-${id}`).click();
    await expect(page.getByTestId(`screen-${id}-container`)).toBeVisible();
  },
});

/** The inventory copy loaded and one sale recorded (order A11Y1), so lists and forms have something to show. */
export async function prepareStore(shell: RunningShell): Promise<void> {
  await loadInventory(shell);
  const [a] = await plainItems(shell, 1);
  await callValue(shell, 'sales:record-sale', { orderNumber: 'A11Y1', lines: [{ sku: a.sku, name: a.name!, unitPriceCents: a.currentPriceCents!, quantity: 1, taxable: false }], taxCents: 0 });
}

/** The counter and returns, from an empty sale to the printed receipt and a refund. */
export const counterStates: OpenedState[] = [
  screen('sales'),
  screen('returns'),
  {
    name: 'sales-with-lines',
    open: async (page, shell) => {
      await page.getByTestId('nav-sales').click();
      await page.getByTestId('sales-tab-record').click();
      const [a] = await plainItems(shell, 1);
      await page.getByTestId('sale-sku').fill(a.sku);
      await page.getByTestId('sale-sku').press('Enter');
      await expect(page.getByTestId('sale-line')).toHaveCount(1);
    },
  },
  {
    name: 'sales-history',
    open: async (page) => {
      await page.getByTestId('nav-sales').click();
      await page.getByTestId('sales-tab-history').click();
      await expect(page.getByTestId('history-row').first()).toBeVisible();
      await page.getByTestId('history-toggle-items').first().click();
      await expect(page.getByTestId('history-items')).toBeVisible();
    },
  },
  {
    name: 'returns-form',
    open: async (page) => {
      await page.getByTestId('nav-returns').click();
      await page.getByTestId('return-find-order').fill('A11Y1');
      await page.getByTestId('return-find').click();
      await expect(page.getByTestId('return-form')).toBeVisible();
    },
  },
  {
    name: 'refund-done',
    open: async (page) => {
      await page.getByTestId('return-quantity').first().fill('1');
      await page.getByTestId('return-reason').selectOption('damaged');
      await page.getByTestId('return-record').click();
      await expect(page.getByTestId('refund-done')).toBeVisible();
    },
  },
  {
    name: 'counter-panels-open',
    open: async (page) => {
      await page.getByTestId('nav-sales').click();
      await page.getByTestId('sales-tab-record').click();
      await page.getByTestId('counter-settings').locator('summary').click();
      await page.getByTestId('store-details').locator('summary').click();
      await expect(page.getByTestId('store-profile-form')).toBeVisible();
    },
  },
  {
    name: 'payment-step',
    open: async (page) => {
      await expect(page.getByTestId('sale-line')).not.toHaveCount(0);
      await page.keyboard.press('F4');
      await expect(page.getByTestId('payment-step')).toBeVisible();
    },
  },
  {
    name: 'sale-complete',
    open: async (page) => {
      await page.evaluate(() => (window.print = () => undefined));
      await page.keyboard.press('F5');
      await expect(page.getByTestId('sale-complete-change')).toBeVisible();
    },
  },
  {
    name: 'receipt-printed',
    open: async (page) => {
      await page.getByTestId('receipt-print-button').click();
      await page.emulateMedia({ media: 'print' });
      await expect(page.getByTestId('receipt-print')).toBeVisible();
    },
  },
];

/** Every other screen, with what opens on it. */
export const backOfficeStates: OpenedState[] = [
  ...(['inventory', 'product-sheets', 'imports', 'parts', 'connections'] as const).map(screen),
  {
    name: 'inventory-item',
    open: async (page) => {
      await page.getByTestId('nav-inventory').click();
      await page.getByTestId('inventory-search').press('ArrowDown');
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('inventory-item-panel')).toBeVisible();
    },
  },
];

/** The parts call's views beyond its first screen: an opened part (with the vendor's description), the cart, the panels. */
export const partsStates: OpenedState[] = [
  {
    name: 'parts-item',
    open: async (page) => {
      await page.getByTestId('nav-parts').click();
      await page.getByTestId('parts-part-type').fill('Engine Assembly');
      await page.getByTestId('parts-part-type').press('Enter');
      await expect(page.getByTestId('parts-results')).toBeFocused({ timeout: 30_000 });
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('parts-item-description')).toBeVisible();
    },
  },
  {
    name: 'parts-cart-with-line',
    open: async (page) => {
      await page.getByTestId('parts-add-to-cart').click();
      await page.getByTestId('parts-tab-cart').click();
      await expect(page.getByTestId('parts-cart-line-0')).toBeVisible();
    },
  },
  {
    name: 'parts-types-customers-feed',
    open: async (page) => {
      await page.getByTestId('parts-tab-more').click();
      await expect(page.getByTestId('parts-feed')).toBeVisible();
    },
  },
];
