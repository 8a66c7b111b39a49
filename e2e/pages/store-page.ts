import { expect, type Page } from '@playwright/test';

/** Connections → Store: setting up the store server on this computer or joining one, and what the section shows once paired. */
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

  get serverState() {
    return this.section.getByTestId('store-server-state');
  }

  get inventoryLoader() {
    return this.section.getByTestId('store-inventory-loader');
  }

  get prefix() {
    return this.section.getByTestId('store-workstation-prefix');
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

  /** A one-time pairing code, and the address the section shows with it. */
  async pairingCode(): Promise<{ code: string; address: string }> {
    await this.section.getByTestId('store-new-code').click();
    const pairing = this.section.getByTestId('store-pairing');
    // The server makes a role for the code: on a busy computer that can take a while.
    await expect(pairing.getByTestId('store-pairing-code')).toHaveText(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/, { timeout: 60_000 });
    return { code: (await pairing.getByTestId('store-pairing-code').textContent())!, address: (await pairing.locator('code').textContent())! };
  }

  /** Joins a store server with the address and code shown on it; waits until the server answers. */
  async join(opts: { address: string; code: string; workstationName: string }) {
    await this.section.getByTestId('store-flow-join').click();
    await this.section.getByTestId('store-join-address').fill(opts.address);
    await this.section.getByTestId('store-join-code').fill(opts.code);
    await this.section.getByTestId('store-join-workstation-name').fill(opts.workstationName);
    await this.section.getByTestId('store-join-submit').click();
    await expect(this.serverState).toHaveAttribute('data-state', 'connected', { timeout: 60_000 });
  }

  /** The row of the store's workstation with this prefix. */
  workstation(prefix: string) {
    return this.section.getByTestId(`store-workstation-${prefix}`);
  }
}
