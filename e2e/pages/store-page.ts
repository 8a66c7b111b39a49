import { expect, type Page } from '@playwright/test';
import { AppFrame } from './app-frame';

/** Connections → Store: making this computer the store server, joining one, and what the section shows. */
export class StorePage {
  constructor(readonly page: Page) {}

  get section() {
    return this.page.getByTestId('store-section');
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
    await new AppFrame(this.page).go('connections');
    await expect(this.section).toBeVisible();
  }

  /** The bundled PostgreSQL on this computer, on the given loopback port; waits until the server answers. */
  async makeServer(opts: { storeName: string; workstationName: string; port: number }) {
    await this.section.getByTestId('store-flow-server').click();
    await this.section.getByTestId('store-setup-store-name').fill(opts.storeName);
    await this.section.getByTestId('store-setup-workstation-name').fill(opts.workstationName);
    await this.section.getByTestId('store-setup-port').fill(String(opts.port));
    // Loopback only: the test's server is reached from this computer alone.
    const listen = this.section.locator('[data-testid^="store-listen-"]');
    for (let i = 0; i < (await listen.count()); i++) {
      const box = listen.nth(i);
      await box.setChecked((await box.getAttribute('data-testid')) === 'store-listen-127.0.0.1');
    }
    await this.section.getByTestId('store-setup-submit').click();
    await expect(this.serverState).toHaveAttribute('data-state', 'connected', { timeout: 120_000 });
  }

  /** A one-time pairing code, and the address the section shows with it. */
  async pairingCode(): Promise<{ code: string; address: string }> {
    await this.section.getByTestId('store-new-code').click();
    const pairing = this.section.getByTestId('store-pairing');
    await expect(pairing.getByTestId('store-pairing-code')).toHaveText(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    return { code: (await pairing.getByTestId('store-pairing-code').textContent())!, address: (await pairing.locator('code').textContent())! };
  }

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
