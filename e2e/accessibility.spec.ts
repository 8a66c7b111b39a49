import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures/test';
import { PresentationCheck, presentations } from './pages/axe-check';
import { backOfficeStates, counterStates, partsStates, prepareStore, storeStates, type OpenedState } from './pages/opened-states';
import { ProductSheetsPage } from './pages/product-sheets-page';

const shown = presentations.map((p) => p.name).join(', ');

/**
 * Each state is opened once and looked at in every presentation (1024×768, 1366×768, 1920×1080, 200% zoom and
 * 200% text): no critical, serious or moderate axe finding, and at 200% nothing cut off or scrolling sideways.
 */
const groups: { name: string; states: OpenedState[]; prepare?: typeof prepareStore; minor?: boolean }[] = [
  { name: 'the counter and returns', states: counterStates, prepare: prepareStore },
  { name: 'the other screens', states: backOfficeStates, prepare: prepareStore },
  // Its own app: the store server it sets up changes how the workstation works.
  { name: 'the store section', states: storeStates },
  // The parts call's views have no axe finding at all, minor ones included.
  { name: 'the parts call', states: partsStates, minor: true },
];

for (const group of groups) {
  test(`${group.name}: every opened state is usable at ${shown}, with no axe finding`, async ({ page, shell }, testInfo) => {
    test.setTimeout(600_000);
    await group.prepare?.(shell);
    const check = await PresentationCheck.start(page, testInfo);
    const findings: string[] = [];
    for (const state of group.states) {
      await state.open(page, shell);
      findings.push(...(await check.findings(state.name, { minor: group.minor })));
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
