import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import type { RunningShell } from '../fixtures/web-shell';
import { screenIds } from './app-frame';
import { closedPort } from '../../electron/testing/closed-port';
import { callValue, loadInventory, plainItems } from './counter-page';
import { ImportsPage } from './imports-page';

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

/** The inventory copy loaded and two sales recorded (orders A11Y1 and A11Y2), so lists and forms have something to show. */
export async function prepareStore(shell: RunningShell): Promise<void> {
  await loadInventory(shell);
  const [a] = await plainItems(shell, 1);
  for (const orderNumber of ['A11Y1', 'A11Y2']) {
    await callValue(shell, 'sales:record-sale', { orderNumber, lines: [{ sku: a.sku, name: a.name!, unitPriceCents: a.currentPriceCents!, quantity: 1, taxable: false }], taxCents: 0 });
  }
}

/** Opens a `<details>` panel by its summary. */
async function expand(page: Page, testId: string) {
  await page.getByTestId(testId).locator('summary').first().click();
  await expect(page.getByTestId(testId)).toHaveAttribute('open', '');
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
    name: 'name-suggestions',
    open: async (page, shell) => {
      const [a] = await plainItems(shell, 1);
      await page.getByTestId('sale-sku').fill(a.name!);
      await expect(page.getByTestId('sale-suggestions')).toBeVisible();
    },
  },
  {
    name: 'unknown-sku-choice',
    open: async (page) => {
      await page.getByTestId('sale-sku').fill('NOSUCH123');
      await page.getByTestId('sale-sku').press('Enter');
      await expect(page.getByTestId('sale-unknown')).toBeVisible();
    },
  },
  {
    name: 'manual-item-form',
    open: async (page) => {
      await page.getByTestId('sale-unknown-manual').click();
      await expect(page.getByTestId('sale-manual')).toBeVisible();
    },
  },
  {
    name: 'oversell-confirmation',
    open: async (page) => {
      // The manual item added, then more of the first line than is on hand, recorded: the sale asks first.
      await page.getByTestId('sale-manual-name').fill('Hand mirror');
      await page.getByTestId('sale-manual-price').fill('12.50');
      await page.getByTestId('sale-manual-price').press('Enter');
      await expect(page.getByTestId('sale-line')).toHaveCount(2);
      await page.getByTestId('line-quantity').first().fill('9999');
      await expect(page.getByTestId('line-stock-warning').first()).toBeVisible();
      await page.keyboard.press('Control+Enter');
      await expect(page.getByTestId('sale-confirm')).toBeVisible();
    },
  },
  {
    name: 'customer-fields',
    open: async (page) => {
      await page.getByTestId('sale-confirm-cancel').click();
      await expect(page.getByTestId('sale-confirm')).toHaveCount(0);
      await page.getByTestId('line-quantity').first().fill('1');
      await expand(page, 'sale-customer');
    },
  },
  {
    name: 'parked-sales',
    open: async (page) => {
      await page.getByTestId('sale-park').click();
      await expect(page.getByTestId('parked-sale')).toHaveCount(1);
      await expect(page.getByTestId('sale-line')).toHaveCount(0);
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
    name: 'returns-matches',
    open: async (page) => {
      await page.getByTestId('nav-returns').click();
      await page.getByTestId('return-find-order').fill('A11Y');
      await page.getByTestId('return-find').click();
      await expect(page.getByTestId('return-matches').getByTestId('recent-sale')).toHaveCount(2);
    },
  },
  {
    name: 'returns-form',
    open: async (page) => {
      await page.locator('[data-testid="recent-sale"][data-order="A11Y1"]').click();
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
      // The parked sale back on the counter, to be paid next.
      await page.getByTestId('parked-resume').click();
      await expect(page.getByTestId('sale-line')).toHaveCount(2);
      await expand(page, 'counter-settings');
      await expand(page, 'store-details');
      await expect(page.getByTestId('store-profile-form')).toBeVisible();
    },
  },
  {
    name: 'payment-step',
    open: async (page) => {
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
    name: 'inventory-sync-settings',
    open: async (page) => {
      await page.getByTestId('nav-inventory').click();
      await expand(page, 'inventory-settings');
    },
  },
  {
    name: 'inventory-item',
    open: async (page) => {
      await page.getByTestId('inventory-search').press('ArrowDown');
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('inventory-item-panel')).toBeVisible();
    },
  },
  {
    name: 'product-sheet-mapping-issues-export',
    open: async (page, shell) => {
      // An older-format sheet: its columns placed by their names and shown to correct, a deactivation without a
      // reason listed as a problem (a warning: the sheet can still go), the export panel below.
      const file = path.join(shell.dataDir, 'old-format.csv');
      const rows = ['Product type;Action;Trax product ID;Product local name;Brand local name;Manufacturer;Client category;UOM;EAN code', 'SKU;Create;;Tea;Leaf;Leaf Ltd;Drinks;g;0012345678905', 'SKU;Deactivate;1055;Coffee;Bean;Bean Ltd;Drinks;;'];
      fs.writeFileSync(file, rows.join('\n') + '\n');
      await page.getByTestId('nav-product-sheets').click();
      await page.getByTestId('open-file').setInputFiles(file);
      await expect(page.getByTestId('mapping-panel')).toContainText('older import format');
      await expect(page.getByTestId('issue-link').first()).toBeVisible();
      await expect(page.getByTestId('upload')).toBeVisible();
    },
  },
  {
    name: 'product-sheet-mapped',
    open: async (page) => {
      await page.getByTestId('mapping-done').click();
      await expect(page.getByTestId('mapping-panel')).toHaveCount(0);
      await expect(page.getByTestId('error-count')).toHaveText('0 errors');
      await expect(page.getByTestId('upload')).toBeEnabled();
    },
  },
  {
    name: 'imports-with-upload',
    open: async (page) => {
      // The sheet uploaded to the Trax simulator, followed on the Imports screen to its end, its rows opened.
      await page.getByTestId('upload').click();
      await expect(page.getByTestId('upload-started')).toBeVisible();
      const imports = new ImportsPage(page);
      await imports.open();
      await imports.expectEnded('imported');
      await expect(imports.latest.getByTestId('import-counts')).toBeVisible();
    },
  },
  {
    name: 'parts-more-filters',
    open: async (page) => {
      await page.getByTestId('nav-parts').click();
      await page.locator('.parts-more-filters > summary').click();
      await expect(page.getByTestId('parts-filter-category')).toBeVisible();
    },
  },
  {
    name: 'ifpos-sample-payload',
    open: async (page) => {
      await page.getByTestId('nav-connections').click();
      await page.getByTestId('ifpos-preview-toggle').click();
      await expect(page.getByTestId('ifpos-preview-verdict')).toBeVisible();
    },
  },
  {
    name: 'mode-switch-confirmation',
    open: async (page) => {
      await page.getByTestId('switch-mode').click();
      await expect(page.getByTestId('mode-switch-confirm')).toBeVisible({ timeout: 30_000 });
    },
  },
  {
    name: 'delivery-cancel-confirmation',
    open: async (page, shell) => {
      await page.getByTestId('mode-switch-confirm-back').click();
      await expect(page.getByTestId('mode-switch-confirm')).toHaveCount(0);
      // TRAX IFPOS asks to be left alone for five minutes, so the delivery waits while cancelling it is asked about.
      await callValue(shell, 'training:inject-fault', { simulator: 'ifpos', fault: { kind: 'unavailable', count: 1, retryAfterSeconds: 300 } });
      await callValue(shell, 'sales:record-sale', { orderNumber: 'WAIT1', lines: [{ sku: 'GFFY72', name: 'Jacket', unitPriceCents: 5400, quantity: 1, taxable: false }], taxCents: 0 });
      await page.getByTestId('nav-sales').click();
      await page.getByTestId('sales-tab-history').click();
      const waiting = page.locator('[data-testid="history-row"][data-order="WAIT1"]').getByTestId('delivery-ifpos');
      await expect(waiting).toHaveAttribute('data-state', 'retrying');
      await waiting.getByTestId('delivery-cancel').click();
      await expect(waiting.getByTestId('delivery-cancel-confirm')).toBeVisible();
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

/** Connections → Store: joining, setting up, the store with its pairing code and members, leaving it. */
export const storeStates: OpenedState[] = [
  {
    name: 'store-join-form',
    open: async (page) => {
      await page.getByTestId('nav-connections').click();
      await page.getByTestId('store-flow-join').click();
      await expect(page.getByTestId('store-join-form')).toBeVisible();
    },
  },
  {
    name: 'store-setup-form',
    open: async (page) => {
      await page.getByTestId('store-flow-server').click();
      await expect(page.getByTestId('store-setup-form')).toBeVisible();
      await page.getByTestId('store-kind-existing').check();
      await expect(page.getByTestId('store-setup-address')).toBeVisible();
    },
  },
  {
    name: 'store-members',
    open: async (page, shell) => {
      // The bundled PostgreSQL started on a free port: this computer becomes the store's first workstation. Run as
      // root (as on the CI machine), the app starts PostgreSQL as a user of its own, who must pass through the test's folder.
      if (process.getuid?.() === 0) fs.chmodSync(shell.dataDir, 0o711);
      await page.getByTestId('store-kind-bundled').check();
      await page.getByTestId('store-setup-store-name').fill('Main Street');
      await page.getByTestId('store-setup-workstation-name').fill('Back office');
      await page.getByTestId('store-setup-port').fill(String(await closedPort()));
      await page.getByTestId('store-setup-submit').click();
      await expect(page.getByTestId('store-members')).toBeVisible({ timeout: 120_000 });
      await expect(page.getByTestId('store-server-state')).toHaveAttribute('data-state', 'connected', { timeout: 60_000 });
      await expect(page.getByTestId('store-workstation-01')).toBeVisible();
    },
  },
  {
    name: 'store-pairing-code',
    open: async (page) => {
      await page.getByTestId('store-new-code').click();
      await expect(page.getByTestId('store-pairing-code')).toHaveText(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    },
  },
  {
    name: 'store-leave-confirmation',
    open: async (page) => {
      await page.getByTestId('store-leave').click();
      await expect(page.getByTestId('store-leave-confirm')).toBeVisible();
    },
  },
];
