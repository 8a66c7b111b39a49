import { expect, test } from './fixtures/test';
import { simRequests } from './fixtures/sim-requests';
import { PartsPage } from './pages/parts-page';

// A whole call on a machine busy with other builds: each step waits for what it needs, and the call as a whole gets time.
test.describe.configure({ timeout: 180_000 });

test('a parts call from search to sales document, keyboard only', async ({ page, shell }, testInfo) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const parts = new PartsPage(page);
  await parts.watchMouse();
  await parts.open();

  await parts.search({ partType: 'Engine Assembly', make: 'CUMMINS', model: 'ISX', yearFrom: '2013', yearTo: '2015' });
  await expect(parts.byId('parts-result-count')).toContainText('parts');
  const rows = page.locator('[data-testid^="parts-result-"][role="option"]');
  for (const text of await rows.allTextContents()) expect(text).toMatch(/Engine Assembly · CUMMINS ISX · 201[345]/);
  // Each row's first picture, fetched by the app and shown as data: one request per picture at the vendor, however the calls fell.
  const thumbs = page.locator('[data-testid="parts-results"] img.parts-thumb');
  await expect(page.locator('[data-testid="parts-results"] [data-state="loading"]')).toHaveCount(0);
  await expect(thumbs.first()).toHaveAttribute('src', /^data:image\//);
  const pictures = new Set(await thumbs.evaluateAll((imgs) => imgs.map((i) => i.getAttribute('data-source'))));
  expect(await simRequests(shell, 'heavytruckparts', 'picture')).toBe(pictures.size);

  await parts.openResultShowing('$12,500.50');
  await expect(parts.byId('parts-vendor-card')).toContainText('Midwest Truck Salvage');
  await expect(parts.byId('parts-vendor-card')).toContainText('402-555-0141');
  await expect(parts.byId('parts-item-image')).toBeVisible();
  expect(await parts.byId('parts-item-image').getAttribute('src')).toMatch(/^data:image\//);
  // A picture the window can draw, not just an address.
  expect(await parts.byId('parts-item-image').evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth))).toBeGreaterThan(0);
  await expect(parts.byId('parts-item-description')).not.toContainText('window.__htpInjected');
  // The gallery's first picture is the row's thumbnail: kept, not fetched again.
  expect(pictures.has(await parts.byId('parts-item-image').getAttribute('data-source'))).toBe(true);
  expect(await simRequests(shell, 'heavytruckparts', 'picture')).toBe(pictures.size);

  await parts.attachCustomer('alex@prairiefreight.example');
  await expect(parts.byId('parts-customer-attached')).toContainText('Alex Morgan');
  // The customer's dealer template takes 10% off: the price shown is theirs.
  await expect(parts.byId('parts-item-price')).toContainText('$11,250.45');
  await expect(parts.byId('parts-item')).toBeFocused();

  await parts.logCall('Asked about the ISX, wants it shipped');
  await expect(parts.byId('parts-log-done')).toContainText('Phone call: Alex Morgan');

  await parts.addToCart();
  await parts.createSale('PO-4411');
  await expect(parts.byId('parts-sale-result')).toHaveAttribute('data-state', 'created');
  await expect(parts.byId('parts-sale-transaction')).toHaveText(/^\d+$/);
  await page.screenshot({ path: testInfo.outputPath('parts-sale-created.png'), fullPage: true });

  expect(errors).toEqual([]);
  expect(await parts.mousePresses()).toBe(0);
  testInfo.annotations.push({ type: 'keystrokes', description: String(parts.keystrokes) });
  console.log(`Parts call done in ${parts.keystrokes} keystrokes, no mouse.`);
  expect(parts.keystrokes).toBeLessThan(140);
  expect(await page.evaluate(() => (window as unknown as { __htpInjected?: boolean }).__htpInjected)).toBeUndefined();
});

test('a sales document whose answer was lost is not sent again, and is found in the sales documents list', async ({ page, shell }) => {
  const parts = new PartsPage(page);
  await parts.open();
  await parts.search({ partType: 'Engine Assembly', make: 'CUMMINS', model: 'ISX', yearFrom: '2013', yearTo: '2015' });
  await parts.openResultShowing('$12,500.50');
  await parts.attachCustomer('5001');
  await parts.addToCart();
  // HeavyTruckParts creates the document, then the connection drops before the answer arrives.
  const injected = await shell.call('training:inject-fault', { simulator: 'heavytruckparts', fault: { kind: 'drop-after-apply', count: 1 } });
  expect(injected.ok).toBe(true);
  await parts.createSale('PO-LOST-1');
  await expect(parts.byId('parts-sale-result')).toHaveAttribute('data-state', 'unknown');
  await parts.press('F7');
  const local = parts.byId('parts-local-sales');
  await expect(local.getByTestId('parts-sale-result').first()).toHaveAttribute('data-state', 'unknown');
  await local.locator('[data-testid^="parts-reconcile-"]').first().click();
  await expect(local.getByTestId('parts-sale-result').first()).toHaveAttribute('data-state', 'created');
  await expect(local.getByTestId('parts-sale-message').first()).toContainText('Found in the sales documents list');
});
