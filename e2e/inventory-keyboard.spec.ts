import { expect, test } from './fixtures/test';
import { loadInventory } from './pages/counter-page';
import { imageLoaded, InventoryPage } from './pages/inventory-page';

test('the inventory is used from the keyboard: search, arrows into the rows, Enter opens the item, Esc returns', async ({ page, shell }, testInfo) => {
  await loadInventory(shell);
  await page.setViewportSize({ width: 1024, height: 768 });
  const inventory = new InventoryPage(page);
  await inventory.open();
  const search = page.getByTestId('inventory-search');
  const rows = page.locator('[data-testid="inventory-results"] [role="row"]');
  const first = rows.nth(0);
  // The arrow moves into rows that are there: wait for the first search's answer.
  await expect(first).toBeVisible();
  await search.focus();
  await page.keyboard.press('ArrowDown');
  await expect(first).toBeFocused();
  // The focused row shows an outline, not only a colour.
  expect(await first.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const third = rows.nth(2);
  await expect(third).toBeFocused();
  const sku = (await third.getAttribute('data-testid'))!.replace('inventory-row-', '');

  await page.keyboard.press('Enter');
  await expect(inventory.panel).toBeVisible();
  await expect(page.getByTestId('inventory-item-sku')).toHaveText(sku);
  await expect(inventory.panel).toBeFocused();
  // Beside the panel every column of the row is still shown.
  for (const text of ['Category', 'Size · color', 'Owner', 'Qty', 'Price']) await expect(page.locator('.inventory-head')).toContainText(text);
  const cells = inventory.row(sku).locator('[role="cell"]');
  for (let i = 1; i < 8; i++) await expect(cells.nth(i)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('inventory-keyboard-panel-1024.png') });

  await page.keyboard.press('Escape');
  await expect(inventory.panel).toHaveCount(0);
  await expect(inventory.row(sku)).toBeFocused();
  await page.keyboard.press('End');
  await expect(page.locator('[data-testid="inventory-results"] [role="row"]:focus')).toHaveAttribute('aria-rowindex', String(Number(await page.locator('[role="table"][aria-label="Inventory"]').getAttribute('aria-rowcount'))));
  // Home then Arrow Up before the first rows are drawn again (both keys in one task, as a fast hand on a busy
  // machine may press them): Arrow Up goes on from the first row, to the search box, not from the last row.
  await page.evaluate(() => {
    for (const key of ['Home', 'ArrowUp']) document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  });
  await expect(search).toBeFocused();
  await expect(page.locator('[data-testid="inventory-results"] [role="row"]:focus')).toHaveCount(0);
});

test('thumbnails are SimpleConsign’s 125-pixel thumbnails, not the full pictures scaled down', async ({ page, shell }) => {
  await loadInventory(shell);
  const inventory = new InventoryPage(page);
  await inventory.open();
  const thumbs = page.locator('[data-testid="inventory-results"] .inventory-thumb img');
  await expect(thumbs.first()).toBeVisible();
  // Fetched by the app and drawn from data; the address each came from is kept beside it.
  const sources = await thumbs.evaluateAll((imgs) => imgs.map((i) => i.getAttribute('data-source') ?? ''));
  const jpegs = sources.filter((s) => /\.jpe?g$/i.test(s));
  expect(jpegs.length).toBeGreaterThan(0);
  for (const src of jpegs) expect(src).toMatch(/\/thumbnail\/[^/]+$/);
  const jpegThumb = thumbs.filter({ has: page.locator('xpath=self::*[contains(@data-source, "/thumbnail/")]') }).first();
  await expect(jpegThumb).toHaveAttribute('src', /^data:image\//);
  await expect.poll(() => imageLoaded(jpegThumb)).toBe(true);
  expect(await jpegThumb.evaluate((i) => (i as HTMLImageElement).naturalWidth)).toBe(125);
});

test('typing redraws the rows in place, never rebuilding the table, and pictures come once the results stand still', async ({ page, shell }) => {
  await loadInventory(shell);
  const inventory = new InventoryPage(page);
  await inventory.open();
  await expect(inventory.rows.first()).toBeVisible();
  const table = page.getByTestId('inventory-results');
  await table.evaluate((el) => el.setAttribute('data-seen-before', 'yes'));
  const search = page.getByTestId('inventory-search');
  for (const typed of ['b', 'bl', 'bla']) {
    await search.fill(typed);
    await expect(page.locator(`.inventory-results[data-shown-query="${typed}"]`)).toBeVisible();
    // The same scrolling element, with the rows of this query in it.
    await expect(table).toHaveAttribute('data-seen-before', 'yes');
  }
  await expect(table.locator('.inventory-thumb img').first()).toBeVisible();
});
