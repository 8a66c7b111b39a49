import { expect, type Page } from '@playwright/test';
import { AppFrame } from './app-frame';

/** The mode card on the Connections screen: switching asks first, showing what waits and the connection tests. */
export class ModeSwitchPage {
  constructor(readonly page: Page) {}

  async open() {
    await new AppFrame(this.page).go('connections');
    await expect(this.page.getByTestId('screen-connections')).toBeVisible();
  }

  get mode() {
    return this.page.getByTestId('connections-mode');
  }

  get confirm() {
    return this.page.getByTestId('mode-switch-confirm');
  }

  get waiting() {
    return this.page.getByTestId('mode-switch-waiting');
  }

  test(vendor: string) {
    return this.page.getByTestId(`mode-switch-test-${vendor}`);
  }

  /** Asks to switch; the confirmation appears once the preview (and, going live, the tests) are in. */
  async ask() {
    await this.page.getByTestId('switch-mode').click();
    await expect(this.confirm).toBeVisible({ timeout: 30_000 });
  }

  async confirmSwitch(to: 'Training' | 'Live') {
    await this.page.getByTestId('mode-switch-confirm-confirm').click();
    await expect(this.mode).toHaveText(to);
  }
}
