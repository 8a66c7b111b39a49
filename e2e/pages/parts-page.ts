import { expect, type Page } from '@playwright/test';
import { bridgeCallCount } from '../fixtures/bridge-calls';

/**
 * The Parts screen driven by the keyboard alone. Every key goes through `press` or `type`, which
 * count keystrokes; a listener in the page counts mouse presses, which must stay at zero.
 */
export class PartsPage {
  keystrokes = 0;

  constructor(readonly page: Page) {}

  async watchMouse() {
    await this.page.evaluate(() => {
      const w = window as unknown as { mousePresses: number };
      w.mousePresses = 0;
      window.addEventListener('mousedown', () => (w.mousePresses += 1), { capture: true });
    });
  }

  mousePresses(): Promise<number> {
    return this.page.evaluate(() => (window as unknown as { mousePresses: number }).mousePresses);
  }

  async press(key: string) {
    this.keystrokes += 1;
    await this.page.keyboard.press(key);
  }

  async type(text: string) {
    this.keystrokes += text.length;
    await this.page.keyboard.type(text);
  }

  /** Calls the page made on a bridge channel (HTTP or socket). */
  bridgeCalls(channel: string): number {
    return bridgeCallCount(this.page, channel);
  }

  byId(testId: string) {
    return this.page.getByTestId(testId);
  }

  /** Alt+6 is the Parts screen in the navigation. */
  async open() {
    await this.press('Alt+6');
    await expect(this.byId('screen-parts')).toBeVisible();
    await expect(this.byId('parts-part-type')).toBeFocused();
  }

  /** Part type, make, model and year range, Tab between them, Enter to search; the results take the focus. */
  async search(s: { partType: string; make: string; model: string; yearFrom: string; yearTo: string }) {
    for (const [i, text] of [s.partType, s.make, s.model, s.yearFrom, s.yearTo].entries()) {
      if (i > 0) await this.press('Tab');
      await this.type(text);
    }
    await this.press('Enter');
    await expect(this.byId('parts-results')).toBeFocused();
  }

  /** The search by filling the form (for specs about what comes after it); the results take the focus. */
  async fillSearch(s: { partType?: string; make?: string; model?: string; yearFrom?: string; yearTo?: string }, waitForResults = true) {
    await this.byId('parts-part-type').fill(s.partType ?? '');
    await this.byId('parts-make').fill(s.make ?? '');
    await this.byId('parts-model').fill(s.model ?? '');
    await this.byId('parts-year-from').fill(s.yearFrom ?? '');
    await this.byId('parts-year-to').fill(s.yearTo ?? '');
    await this.byId('parts-year-to').press('Enter');
    if (waitForResults) await expect(this.byId('parts-results')).toBeFocused();
  }

  /** Engine Assembly / CUMMINS / ISX 2013–2015, and the item at $12,500.50 (core $2,000) opened. */
  async openEngine() {
    await this.fillSearch({ partType: 'Engine Assembly', make: 'CUMMINS', model: 'ISX', yearFrom: '2013', yearTo: '2015' });
    await this.openResultShowing('$12,500.50');
  }

  selectedRow() {
    return this.page.locator('[data-testid^="parts-result-"][aria-selected="true"]');
  }

  /** Arrow down until the selected result shows this text (a price, a vendor), then Enter. */
  async openResultShowing(text: string) {
    const count = Number(await this.byId('parts-results').getAttribute('data-count'));
    for (let i = 0; i < count && !((await this.selectedRow().textContent()) ?? '').includes(text); i++) await this.press('ArrowDown');
    await expect(this.selectedRow()).toContainText(text);
    await this.press('Enter');
    await expect(this.byId('parts-item')).toBeFocused();
    await expect(this.byId('parts-item-title')).toBeVisible();
  }

  async attachCustomer(emailOrId: string) {
    await this.press('F4');
    await expect(this.byId('parts-customer-input')).toBeFocused();
    await this.type(emailOrId);
    await this.press('Enter');
    await expect(this.byId('parts-customer-attached')).toBeVisible();
  }

  async logCall(comments: string) {
    await this.press('l');
    await expect(this.byId('parts-log-comments')).toBeFocused();
    await this.type(comments);
    await this.press('Enter');
    await expect(this.byId('parts-log-done')).toBeVisible();
  }

  async addToCart() {
    await expect(this.byId('parts-item')).toBeFocused();
    // As a person would: A once the item's details (and the customer's prices) are shown, which is when it adds.
    await expect(this.byId('parts-add-to-cart')).toBeEnabled();
    await this.press('a');
    await expect(this.byId('parts-added')).toBeVisible();
  }

  /** F6 opens the cart with the PO number focused; Ctrl+Enter creates the sales document. */
  async createSale(poNumber: string) {
    await this.press('F6');
    await expect(this.byId('parts-cart-po')).toBeFocused();
    await this.type(poNumber);
    await this.press('Control+Enter');
    await expect(this.byId('parts-sale-result')).toBeVisible();
  }
}
