import { expect, test } from './fixtures/test';
import { startShell, type RunningShell } from './fixtures/web-shell';
import { imageLoaded, InventoryPage } from './pages/inventory-page';

const SIM = 'simpleconsign-inventory';

interface Page0 {
  total: number;
  items: { sku: string; name: string | null; thumbnailUrl: string | null }[];
}
interface Status {
  itemCount: number;
  watermark: number | null;
  dataVersion: number;
}

async function value<T>(shell: RunningShell, channel: string, input: unknown = {}): Promise<T> {
  const r = await shell.call<T>(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value;
}

/** Every item of the copy in this order, a page of 500 at a time, as the bridge answers a search. */
async function everyItem(shell: RunningShell, sort: string): Promise<{ sku: string; currentPriceCents: number | null }[]> {
  const all: { sku: string; currentPriceCents: number | null }[] = [];
  for (;;) {
    const page = await value<{ items: { sku: string; currentPriceCents: number | null }[] }>(shell, 'inventory:search', { query: '', sort, offset: all.length, limit: 500 });
    all.push(...page.items);
    if (page.items.length < 500) return all;
  }
}

async function firstLoad(inventory: InventoryPage) {
  await inventory.open();
  await expect(inventory.page.getByTestId('inventory-empty')).toBeVisible();
  await inventory.syncButton.click();
  await inventory.expectOutcome('ok');
}

/** A broad word counted to the cap, a consignor named as the table shows them, a typo. */
async function searchLikeAPerson(inventory: InventoryPage, shell: RunningShell) {
  await inventory.search('s');
  await expect(inventory.resultCount).toHaveText('10,000+ items');
  await expect(inventory.page.getByTestId('inventory-capped')).toContainText('More than 10,000 items match');
  const owned = (await value<{ items: { sku: string; consignorId: string }[] }>(shell, 'inventory:search', { query: '', stock: 'consignment', limit: 1 })).items[0];
  await inventory.search(`Consignor ${owned.consignorId}`);
  await expect(inventory.row(owned.sku)).toContainText(`Consignor ${owned.consignorId}`);
  await expect(inventory.page.getByTestId('inventory-capped')).toHaveCount(0);
  await inventory.search('blazr');
  await expect(inventory.page.getByTestId('inventory-corrected')).toHaveText('Nothing matches “blazr”; showing items matching “blazer”.');
  await expect(inventory.rows.first()).toBeVisible();
  await inventory.search('');
  await expect(inventory.page.getByTestId('inventory-corrected')).toHaveCount(0);
}

test('the first load from the screen shows its progress; search finds an item and its panel shows the picture', async ({ browser }, testInfo) => {
  // A store big enough that applying it takes several progress polls; loading 40,000 items on a busy machine takes a while.
  test.setTimeout(180_000);
  const shell = await startShell({ env: { BACKOFFICE_SC_SIM_ITEMS: '40000' } });
  try {
    const page = await browser.newPage();
    await page.goto(shell.url);
    const inventory = new InventoryPage(page);
    await inventory.open();
    await value(shell, 'training:inject-fault', { simulator: SIM, fault: { kind: 'slow', count: 1, delayMs: 1500 } });
    await inventory.syncButton.click();
    await expect(inventory.progress).toContainText('Waiting for SimpleConsign’s answer');
    await expect(inventory.progressCounts).toHaveText(/^[\d,]+ received · [\d,]+ applied$/);
    await expect(inventory.progress).toContainText(/Saving items to the local copy|Building the search index/, { timeout: 30_000 });
    await inventory.expectOutcome('ok');
    await expect(inventory.lastRun).toContainText(/Full load: [\d,]+ items received; [\d,]+ new\./);
    const status = await value<Status>(shell, 'inventory:get-status');
    await expect(inventory.itemCount).toHaveText(status.itemCount.toLocaleString('en-US'));

    const some = await value<Page0>(shell, 'inventory:search', { query: '', sort: 'sku', limit: 300 });
    const pictured = some.items.find((i) => i.thumbnailUrl?.includes('/thumbnail/'))!;
    await inventory.search(pictured.sku);
    await expect(inventory.resultCount).toHaveText('1 item');
    const row = inventory.row(pictured.sku);
    await expect(row).toContainText(pictured.name!);
    await expect.poll(() => imageLoaded(row.locator('img'))).toBe(true);
    await row.click();
    await expect(inventory.panel.getByTestId('inventory-item-sku')).toHaveText(pictured.sku);
    await expect(inventory.panelImage).toHaveAttribute('data-source', /\/simpleconsign\/images\/medium\//);
    await expect(inventory.panelImage).toHaveAttribute('src', /^data:image\//);
    await expect.poll(() => imageLoaded(inventory.panelImage)).toBe(true);
    await expect(inventory.panel.getByTestId('inventory-item-price')).toHaveText(/^\$[\d,]+\.\d\d$/);
    await page.screenshot({ path: testInfo.outputPath('inventory-item-panel.png') });
    await inventory.search('');
    await expect(inventory.resultCount).toHaveText(`${status.itemCount.toLocaleString('en-US')} items`);
    await page.screenshot({ path: testInfo.outputPath('inventory-all-items.png') });

    await searchLikeAPerson(inventory, shell);

    // Only the rows on screen exist; the last one is fetched from the main process when scrolled to.
    expect(await inventory.rows.count()).toBeLessThan(80);
    const last = await value<Page0>(shell, 'inventory:search', { query: '', offset: status.itemCount - 1, limit: 1 });
    await inventory.scrollResultsToEnd();
    await expect(inventory.row(last.items[0].sku)).toBeVisible();
    expect(await inventory.rows.count()).toBeLessThan(80);
    await page.close();
  } finally {
    await shell.stop();
  }
});

test('an outage (HTTP 503) shows its own message and leaves the copy as it was', async ({ page, shell }) => {
  const inventory = new InventoryPage(page);
  await firstLoad(inventory);
  const before = await value<Status>(shell, 'inventory:get-status');
  const black = await value<Page0>(shell, 'inventory:search', { query: 'black', limit: 1 });
  const found = `${black.total.toLocaleString('en-US')} items`;
  await inventory.search('black');
  await expect(inventory.resultCount).toHaveText(found);

  await value(shell, 'training:inject-fault', { simulator: SIM, fault: { kind: 'unavailable', count: 1 } });
  await inventory.syncButton.click();
  await inventory.expectOutcome('failed');
  await expect(inventory.syncError).toHaveText('SimpleConsign is at capacity (HTTP 503) and asks to try again later. The local copy is unchanged.');
  const after = await value<Status>(shell, 'inventory:get-status');
  expect(black.total).toBeGreaterThan(10);
  expect(after).toMatchObject({ itemCount: before.itemCount, watermark: before.watermark, dataVersion: before.dataVersion });
  await expect(inventory.itemCount).toHaveText(before.itemCount.toLocaleString('en-US'));
  await expect(inventory.resultCount).toHaveText(found);
});

test('a request-cap answer pauses loading and says until when', async ({ page, shell }) => {
  const inventory = new InventoryPage(page);
  await firstLoad(inventory);
  await value(shell, 'training:inject-fault', { simulator: SIM, fault: { kind: 'rate-limit', count: 1, retryAfterSeconds: 600 } });
  await inventory.syncButton.click();
  await inventory.expectOutcome('failed');
  await expect(inventory.syncError).toHaveText('SimpleConsign limits how many inventory requests a location may make. SimpleConsign said: “Too Many Requests”. The local copy is unchanged.');
  await expect(inventory.paused).toContainText('paused until');
  await inventory.syncButton.click();
  await expect(page.getByTestId('inventory-sync-refused')).toContainText('The next load can start in 10 minutes.');
});

test('an unknown category is SimpleConsign’s error, shown as such', async ({ page }) => {
  const inventory = new InventoryPage(page);
  await inventory.open();
  await inventory.setCategory('HOVERCRAFT');
  await inventory.syncButton.click();
  await inventory.expectOutcome('failed');
  await expect(inventory.syncError).toContainText('SimpleConsign does not know the category “HOVERCRAFT”. SimpleConsign said: “Category not found: HOVERCRAFT”.');
});

test('"reload changes since" takes in again what changed since a chosen day', async ({ page }) => {
  const inventory = new InventoryPage(page);
  await firstLoad(inventory);
  await expect(inventory.lastRun).toContainText('Last full load');
  await page.getByTestId('inventory-since').fill('2024-01-01T00:00');
  await page.getByTestId('inventory-reload-since').click();
  await expect(inventory.lastRun).toContainText(/Changes since the last load: [\d,]+ items received/, { timeout: 60_000 });
  await inventory.expectOutcome('ok');
});

test('a store whose change stamps run 12 minutes behind its Date header: loads ask from the stamps, and the run says so', async ({ browser }) => {
  // The store's staff change items all the while; the server that stamps the changes is 12 minutes behind the web servers.
  const shell = await startShell({ env: { BACKOFFICE_SC_SIM_STAMP_OFFSET_MINUTES: '-12', BACKOFFICE_SC_SIM_CHANGES_PER_MINUTE: '600' } });
  try {
    const page = await browser.newPage();
    await page.goto(shell.url);
    const inventory = new InventoryPage(page);
    await firstLoad(inventory);
    await expect(inventory.runWarnings).toHaveCount(0);
    // Changes made since the first load are stamped before it began: the next load still finds them, and says why.
    await inventory.syncButton.click();
    await expect(inventory.lastRun).toContainText(/Changes since the last load: [\d,]+ items received/, { timeout: 60_000 });
    await inventory.expectOutcome('ok');
    await expect(inventory.runWarnings).toContainText(/SimpleConsign’s items carry change times at least 1[12] minutes behind its own clock .* so no change is missed/);
    // The changes were applied in place, and the sort orders patched with them: every item once, in order, on screen too.
    const { itemCount } = await value<Status>(shell, 'inventory:get-status');
    const byPrice = await everyItem(shell, 'price-desc');
    expect(byPrice).toHaveLength(itemCount);
    expect(new Set(byPrice.map((i) => i.sku)).size).toBe(itemCount);
    expect(byPrice.every((item, i) => i === 0 || (byPrice[i - 1].currentPriceCents ?? -1) >= (item.currentPriceCents ?? -1))).toBe(true);
    await page.getByTestId('inventory-sort').selectOption('price-desc');
    await expect(inventory.rows.first()).toHaveAttribute('data-testid', `inventory-row-${byPrice[0].sku}`);
    await page.close();
  } finally {
    await shell.stop();
  }
});
