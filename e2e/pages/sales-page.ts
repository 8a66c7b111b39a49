import { expect, type Locator, type Page } from '@playwright/test';
import { AppFrame } from './app-frame';
import { scanCode } from './scanner';

/** The Sales screen (ringing up, history) and the Returns screen. */
export class SalesPage {
  constructor(readonly page: Page) {}

  /** By keyboard: Alt+1 opens Sales, F2 puts the cursor in the SKU field. */
  async open() {
    await this.page.keyboard.press('Alt+1');
    await expect(this.page.getByTestId('record-sale')).toBeVisible();
    await this.page.keyboard.press('F2');
    await expect(this.sku).toBeFocused();
  }

  get sku() {
    return this.page.getByTestId('sale-sku');
  }
  get lines() {
    return this.page.getByTestId('sale-line');
  }
  get entryNote() {
    return this.page.getByTestId('sale-entry-note');
  }
  get grandTotal() {
    return this.page.getByTestId('total-grand');
  }
  get lastRecorded() {
    return this.page.getByTestId('last-recorded');
  }
  get lastOrderNumber() {
    return this.page.getByTestId('last-recorded-order');
  }
  get error() {
    return this.page.getByTestId('sale-error');
  }

  /** A barcode scanner: the code, then Enter, into whatever has focus. */
  scan(code: string) {
    return scanCode(this.page, code);
  }

  /** One vendor's delivery box inside a sale, a return, or a history row. */
  delivery(scope: Locator, vendor: 'simpleconsign' | 'ifpos') {
    return scope.getByTestId(`delivery-${vendor}`);
  }

  async openHistory() {
    await new AppFrame(this.page).go('sales');
    await this.page.getByTestId('sales-tab-history').click();
    await expect(this.page.getByTestId('sales-history')).toBeVisible();
  }

  /** History again from another screen, so it shows what was recorded meanwhile through the bridge. */
  async reopenHistory() {
    await new AppFrame(this.page).go('returns');
    await this.openHistory();
  }

  historyRow(kind: 'SALE' | 'RETURN', orderNumber: string) {
    return this.page.locator(`[data-testid="history-row"][data-kind="${kind}"][data-order="${orderNumber}"]`);
  }

  async openReturns(orderNumber: string) {
    await new AppFrame(this.page).go('returns');
    await this.page.getByTestId('return-find-order').fill(orderNumber);
    await this.page.getByTestId('return-find-order').press('Enter');
    await expect(this.page.getByTestId('return-form')).toBeVisible();
  }

  returnQuantity(sku: string) {
    return this.page.locator(`[data-testid="return-line"][data-sku="${sku}"]`).getByTestId('return-quantity');
  }
}
