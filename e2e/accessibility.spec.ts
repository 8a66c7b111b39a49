import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/test';
import type { RunningShell } from './fixtures/web-shell';
import { screenIds } from './pages/app-frame';
import { callValue, loadInventory, plainItems } from './pages/counter-page';
import { ProductSheetsPage } from './pages/product-sheets-page';

const sizes = [
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

/** Every screen, and the states of a screen that show more (a tab, a panel, a form). */
const states: { name: string; open: (page: Page, shell: RunningShell) => Promise<void> }[] = [
  ...screenIds.map((id) => ({
    name: id,
    open: async (page: Page) => {
      await page.getByTestId(`nav-${id}`).click();
      await expect(page.getByTestId(`screen-${id}-container`)).toBeVisible();
    },
  })),
  {
    name: 'sales-with-lines',
    open: async (page, shell) => {
      await page.getByTestId('nav-sales').click();
      await page.getByTestId('sales-tab-record').click();
      const [a] = await plainItems(shell, 1);
      await page.getByTestId('sale-sku').fill(a.sku);
      await page.getByTestId('sale-sku').press('Enter');
      await expect(page.getByTestId('sale-line')).toHaveCount(1);
    },
  },
  {
    name: 'sales-history',
    open: async (page) => {
      await page.getByTestId('nav-sales').click();
      await page.getByTestId('sales-tab-history').click();
      await expect(page.getByTestId('history-row').first()).toBeVisible();
      await page.getByTestId('history-toggle-items').first().click();
      await expect(page.getByTestId('history-items')).toBeVisible();
    },
  },
  {
    name: 'returns-form',
    open: async (page) => {
      await page.getByTestId('nav-returns').click();
      await page.getByTestId('return-find-order').fill('A11Y1');
      await page.getByTestId('return-find').click();
      await expect(page.getByTestId('return-form')).toBeVisible();
    },
  },
  {
    name: 'refund-done',
    open: async (page) => {
      await page.getByTestId('return-quantity').first().fill('1');
      await page.getByTestId('return-reason').selectOption('damaged');
      await page.getByTestId('return-record').click();
      await expect(page.getByTestId('refund-done')).toBeVisible();
    },
  },
  {
    name: 'counter-panels-open',
    open: async (page) => {
      await page.getByTestId('nav-sales').click();
      await page.getByTestId('sales-tab-record').click();
      await page.getByTestId('counter-settings').locator('summary').click();
      await page.getByTestId('store-details').locator('summary').click();
      await expect(page.getByTestId('store-profile-form')).toBeVisible();
    },
  },
  {
    name: 'payment-step',
    open: async (page) => {
      await expect(page.getByTestId('sale-line')).not.toHaveCount(0);
      await page.keyboard.press('F4');
      await expect(page.getByTestId('payment-step')).toBeVisible();
    },
  },
  {
    name: 'sale-complete',
    open: async (page) => {
      await page.evaluate(() => (window.print = () => undefined));
      await page.keyboard.press('F5');
      await expect(page.getByTestId('sale-complete-change')).toBeVisible();
    },
  },
  {
    name: 'receipt-printed',
    open: async (page) => {
      await page.getByTestId('receipt-print-button').click();
      await page.emulateMedia({ media: 'print' });
      await expect(page.getByTestId('receipt-print')).toBeVisible();
    },
  },
  {
    name: 'inventory-item',
    open: async (page) => {
      await page.emulateMedia({ media: 'screen' });
      await page.getByTestId('nav-inventory').click();
      await page.getByTestId('inventory-search').press('ArrowDown');
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('inventory-item-panel')).toBeVisible();
    },
  },
  {
    name: 'product-sheet-grid',
    open: async (page) => {
      const sheets = new ProductSheetsPage(page);
      await sheets.open();
      if (await page.getByTestId('sheet-editor').isVisible()) return;
      await sheets.create(`A11y ${Date.now()}`, ['new-product', 'new-dvc']);
      await sheets.cell(1, 'Product type').click();
      await expect(page.getByTestId('issues-panel')).toBeVisible();
    },
  },
];

/** The parts call's views beyond its first screen: an opened part (with the vendor's description), the cart, the panels. */
const partsStates: typeof states = [
  {
    name: 'parts-item',
    open: async (page) => {
      await page.getByTestId('nav-parts').click();
      await page.getByTestId('parts-part-type').fill('Engine Assembly');
      await page.getByTestId('parts-part-type').press('Enter');
      await expect(page.getByTestId('parts-results')).toBeFocused({ timeout: 30_000 });
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('parts-item-description')).toBeVisible();
    },
  },
  {
    name: 'parts-cart-with-line',
    open: async (page) => {
      await page.getByTestId('parts-add-to-cart').click();
      await page.getByTestId('parts-tab-cart').click();
      await expect(page.getByTestId('parts-cart-line-0')).toBeVisible();
    },
  },
  {
    name: 'parts-types-customers-feed',
    open: async (page) => {
      await page.getByTestId('parts-tab-more').click();
      await expect(page.getByTestId('parts-feed')).toBeVisible();
    },
  },
];

/** Runs axe on each state in turn, keeping a screenshot of each; answers the findings that count (minor ones too when asked). */
async function findingsOf(page: Page, shell: RunningShell, list: typeof states, size: { width: number; height: number }, outputPath: (name: string) => string, withMinor = false): Promise<string[]> {
  const findings: string[] = [];
  for (const state of list) {
    await state.open(page, shell);
    await page.screenshot({ path: outputPath(`${state.name}-${size.width}x${size.height}.png`) });
    const result = await new AxeBuilder({ page }).analyze();
    for (const v of result.violations.filter((v) => withMinor || v.impact !== 'minor')) {
      findings.push(`${state.name}: [${v.impact}] ${v.id} — ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
    }
  }
  return findings;
}

for (const size of sizes) {
  test(`no critical, serious or moderate axe finding on any screen at ${size.width}×${size.height}`, async ({ page, shell }, testInfo) => {
    test.setTimeout(300_000);
    await loadInventory(shell);
    const [a] = await plainItems(shell, 1);
    await callValue(shell, 'sales:record-sale', { orderNumber: 'A11Y1', lines: [{ sku: a.sku, name: a.name!, unitPriceCents: a.currentPriceCents!, quantity: 1, taxable: false }], taxCents: 0 });
    await page.setViewportSize(size);
    const findings = await findingsOf(page, shell, states, size, (name) => testInfo.outputPath(name));
    expect(findings).toEqual([]);
  });
}

for (const size of sizes) {
  test(`no axe finding at all on the parts call's views at ${size.width}×${size.height}`, async ({ page, shell }, testInfo) => {
    test.setTimeout(180_000);
    await page.setViewportSize(size);
    expect(await findingsOf(page, shell, partsStates, size, (name) => testInfo.outputPath(name), true)).toEqual([]);
  });
}

/** What a person at 200% would find cut off or out of reach: the page scrolling sideways, a clipped status bar entry, a menu taking the screen. */
async function reflowProblems(page: Page, state: string): Promise<string[]> {
  return page.evaluate((name) => {
    const problems: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1) problems.push(`${name}: the page scrolls sideways (${root.scrollWidth} > ${root.clientWidth})`);
    // Text shortened with "…" or clipped, outside the inventory's rows (whose item panel shows each in full) and the
    // product sheet's cells (a spreadsheet's cells clip; F2 or the cell's title shows each in full).
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('#root *'))) {
      if (el.scrollWidth <= el.clientWidth + 1 || el.closest('.inventory-row, .sheet-grid, .visually-hidden') || el.offsetParent === null) continue;
      const style = getComputedStyle(el);
      const clipped = style.textOverflow === 'ellipsis' || (style.overflowX === 'hidden' && el.children.length === 0);
      if (clipped) problems.push(`${name}: "${el.textContent?.trim().slice(0, 40)}" is cut off`);
    }
    const nav = document.querySelector<HTMLElement>('.nav');
    // A menu folded into a row at the top must leave the screen most of the height.
    const box = nav?.getBoundingClientRect();
    if (box && box.width > window.innerWidth / 2 && box.height > window.innerHeight * 0.4) problems.push(`${name}: the menu takes ${Math.round(box.height)} of ${window.innerHeight} px`);
    return problems;
  }, state);
}

const enlarged = [
  // 200% zoom of a 1366×768 screen lays the page out at 683×384 CSS pixels.
  { name: '200% zoom', viewport: { width: 683, height: 384 }, fontSize: 16 },
  // The browser's default text size doubled, as a person sets it in Chromium's settings, at 1366×768.
  { name: '200% text', viewport: { width: 1366, height: 768 }, fontSize: 32 },
];

for (const e of enlarged) {
  test(`at ${e.name} every screen is usable: nothing cut off, nothing sideways, and no axe finding`, async ({ page, shell }, testInfo) => {
    test.setTimeout(420_000);
    await loadInventory(shell);
    const [a] = await plainItems(shell, 1);
    await callValue(shell, 'sales:record-sale', { orderNumber: 'A11Y1', lines: [{ sku: a.sku, name: a.name!, unitPriceCents: a.currentPriceCents!, quantity: 1, taxable: false }], taxCents: 0 });
    await page.setViewportSize(e.viewport);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: e.fontSize, fixed: Math.round(e.fontSize * 0.8125) } });
    await page.reload();
    await expect(page.getByTestId('app-ready')).toBeVisible();
    // The app's text follows the setting: 14 of every 16 px.
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe(`${e.fontSize * 0.875}px`);
    const findings: string[] = [];
    for (const state of states) {
      await state.open(page, shell);
      await page.screenshot({ path: testInfo.outputPath(`${state.name}-${e.name.replace(/\W+/g, '-')}.png`) });
      findings.push(...(await reflowProblems(page, state.name)));
      const result = await new AxeBuilder({ page }).analyze();
      for (const v of result.violations.filter((v) => v.impact !== 'minor')) findings.push(`${state.name}: [${v.impact}] ${v.id} — ${v.help}`);
    }
    expect(findings).toEqual([]);
  });
}

test('the product sheet grid is one Tab stop: walked by arrows inside, by Tab out to Upload and back', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1024, height: 768 });
  const sheets = new ProductSheetsPage(page);
  await sheets.open();
  await sheets.create('Keyboard walk', ['new-product', 'deactivate-product']);
  // Local name, short name, EAN, brand name, brand local name, manufacturer name, manufacturer local name, category.
  const names = ['Tea', '', '', '', 'Leaf', '', 'Leaf Ltd', 'Drinks'].join('\t');
  await sheets.paste(0, 'Product local name', `${names}\r\n${names}`);
  await sheets.paste(1, 'Trax product ID', '1055');
  // Left with one warning (a deactivation without a reason): the problems list is there, Upload is enabled.
  await expect(sheets.warningCount).toHaveText('1 warning');
  await expect(sheets.errorCount).toHaveText('0 errors');
  // From the last toolbar control, Tab enters the grid, which names its cursor's cell.
  await page.getByTestId('attribute-name').focus();
  await page.keyboard.press('Tab');
  expect(await sheets.focused()).toBe('sheet-grid');
  await page.keyboard.press('Control+Home');
  expect(await sheets.activeCell()).toBe('cell-0-0');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  expect(await sheets.activeCell()).toBe('cell-1-1');
  await expect(page.locator('#' + (await sheets.grid.getAttribute('aria-activedescendant')))).toHaveText('Deactivate');
  expect(await sheets.focused()).toBe('sheet-grid');
  // Esc does not hold the focus either way; Tab leaves the grid, and keeps going to Upload.
  await page.keyboard.press('Escape');
  const stops: (string | null)[] = [];
  for (let i = 0; i < 40 && stops.at(-1) !== 'upload'; i++) {
    await page.keyboard.press('Tab');
    stops.push(await sheets.focused());
  }
  expect(stops[0]).not.toBe('sheet-grid');
  expect(stops).not.toContain('sheet-grid');
  expect(stops.at(-1)).toBe('upload');
  expect(stops).toContain('issue-link');
  await page.screenshot({ path: testInfo.outputPath('keyboard-walk-upload.png') });
  // And back: Shift+Tab returns to the grid, on the same cell.
  for (let i = 0; i < 40 && (await sheets.focused()) !== 'sheet-grid'; i++) await page.keyboard.press('Shift+Tab');
  expect(await sheets.focused()).toBe('sheet-grid');
  expect(await sheets.activeCell()).toBe('cell-1-1');
  const result = await new AxeBuilder({ page }).include('[data-testid="sheet-editor"]').analyze();
  expect(result.violations.filter((v) => v.impact !== 'minor').map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});
