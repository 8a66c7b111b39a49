import type { Page } from '@playwright/test';

export const screenIds = ['sales', 'returns', 'inventory', 'product-sheets', 'imports', 'parts', 'connections'] as const;

/** The frame around every screen: navigation, training banner, status bar. */
export class AppFrame {
  constructor(readonly page: Page) {}

  go(screen: (typeof screenIds)[number]) {
    return this.page.getByTestId(`nav-${screen}`).click();
  }

  get banner() {
    return this.page.getByTestId('training-banner');
  }

  get statusBar() {
    return this.page.getByTestId('status-bar');
  }
}
