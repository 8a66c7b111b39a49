import { expect, type Locator, type Page } from '@playwright/test';
import { AppFrame } from './app-frame';

/** The Imports screen: one entry per upload with its Trax status. */
export class ImportsPage {
  constructor(readonly page: Page) {}

  async open() {
    await new AppFrame(this.page).go('imports');
    await expect(this.page.getByTestId('screen-imports')).toBeVisible();
  }

  /** The newest upload. */
  get latest(): Locator {
    return this.page.locator('[data-testid^="import-"][data-phase]').first();
  }

  async expectEnded(outcome: 'imported' | 'failed', entry = this.latest) {
    await expect(entry).toHaveAttribute('data-outcome', outcome, { timeout: 45_000 });
  }
}
