import type { Page } from '@playwright/test';

/** Connections → Store: setting up the store server on this computer, and the store's settings once paired. */
export class StorePage {
  constructor(readonly page: Page) {}

  get section() {
    return this.page.getByTestId('store-section');
  }

  get allowance() {
    return this.page.getByTestId('store-allowance');
  }

  get budget() {
    return this.page.getByTestId('store-budget');
  }

  get budgetError() {
    return this.page.getByTestId('store-budget-error');
  }

  async open() {
    await this.page.getByTestId('nav-connections').click();
    await this.section.waitFor();
  }

  /** Makes this computer the store server with the bundled PostgreSQL, listening on loopback only. */
  async setUpBundledServer(opts: { storeName: string; workstationName: string; port: number }) {
    await this.page.getByTestId('store-flow-server').click();
    await this.page.getByTestId('store-kind-bundled').check();
    await this.page.getByTestId('store-setup-store-name').fill(opts.storeName);
    await this.page.getByTestId('store-setup-workstation-name').fill(opts.workstationName);
    // This computer only: the first of its network addresses is ticked to begin with.
    for (const box of await this.page.locator('[data-testid^="store-listen-"]').all()) {
      await box.setChecked((await box.getAttribute('data-testid')) === 'store-listen-127.0.0.1');
    }
    await this.page.getByTestId('store-setup-port').fill(String(opts.port));
    await this.page.getByTestId('store-setup-submit').click();
  }

  async saveBudget(calls: string) {
    await this.budget.fill(calls);
    await this.page.getByTestId('store-budget-save').click();
  }
}
