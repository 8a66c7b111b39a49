import { expect, type Locator, type Page } from '@playwright/test';
import { AppFrame } from './app-frame';

/** The Inventory screen: its sync panel, settings, search, results and item panel. */
export class InventoryPage {
  constructor(readonly page: Page) {}

  async open() {
    await new AppFrame(this.page).go('inventory');
    await expect(this.page.getByTestId('screen-inventory')).toBeVisible();
  }

  get syncButton() {
    return this.page.getByTestId('inventory-sync-now');
  }
  get progress() {
    return this.page.getByTestId('inventory-sync-progress');
  }
  get progressCounts() {
    return this.page.getByTestId('inventory-sync-counts');
  }
  get lastRun() {
    return this.page.getByTestId('inventory-last-run');
  }
  /** What a load that went through asks staff to pass on (two vendor clocks that disagree). */
  get runWarnings() {
    return this.page.getByTestId('inventory-run-warnings');
  }
  get syncError() {
    return this.page.getByTestId('inventory-sync-error');
  }
  get itemCount() {
    return this.page.getByTestId('inventory-item-count');
  }
  get paused() {
    return this.page.getByTestId('inventory-paused');
  }
  get resultCount() {
    return this.page.getByTestId('inventory-result-count');
  }
  get panel() {
    return this.page.getByTestId('inventory-item-panel');
  }
  get panelImage() {
    return this.panel.getByTestId('inventory-item-image');
  }

  row(sku: string) {
    return this.page.getByTestId(`inventory-row-${sku}`);
  }

  /** Every result row drawn in the page (the table draws only those on screen). */
  get rows() {
    return this.page.locator('[data-testid^="inventory-row-"]');
  }

  async scrollResultsToEnd() {
    await this.page.getByTestId('inventory-results').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  }

  /** Waits for the last load to have ended with this outcome. */
  async expectOutcome(outcome: 'ok' | 'failed' | 'interrupted') {
    await expect(this.lastRun).toHaveAttribute('data-outcome', outcome, { timeout: 60_000 });
  }

  async search(text: string) {
    await this.page.getByTestId('inventory-search').fill(text);
  }

  async setCategory(name: string) {
    await this.page.locator('[data-testid="inventory-settings"] summary').click();
    await this.page.getByTestId('inventory-setting-category').fill(name);
    await this.page.getByTestId('inventory-settings-save').click();
  }
}

/** True once the browser has decoded the picture (it exists and drew with a width). */
export async function imageLoaded(img: Locator): Promise<boolean> {
  return img.evaluate((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0);
}
