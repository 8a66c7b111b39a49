import type { Page } from '@playwright/test';

export class ConnectionsPage {
  constructor(readonly page: Page) {}

  card(vendor: string) {
    return this.page.getByTestId(`connection-${vendor}`);
  }

  secretState(vendor: string, field: string) {
    return this.page.getByTestId(`secret-${vendor}-${field}-state`);
  }

  async saveSecret(vendor: string, field: string, value: string) {
    await this.page.getByTestId(`secret-${vendor}-${field}-input`).fill(value);
    await this.page.getByTestId(`secret-${vendor}-${field}-save`).click();
  }

  async setEndpoint(vendor: string, field: string, value: string) {
    await this.page.getByTestId(`connection-${vendor}-${field}`).fill(value);
    await this.page.getByTestId(`connection-${vendor}-save`).click();
  }

  /** What the last save of the connection's settings did that staff should know. */
  notice(vendor: string) {
    return this.page.getByTestId(`connection-${vendor}-notice`);
  }

  test(vendor: string) {
    return this.page.getByTestId(`connection-${vendor}-test`).click();
  }

  health(vendor: string) {
    return this.page.getByTestId(`connection-${vendor}-health`);
  }
}
