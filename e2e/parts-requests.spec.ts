import { expect, test } from './fixtures/test';
import { simRequests } from './fixtures/sim-requests';
import { PartsPage } from './pages/parts-page';

// A whole call on a machine busy with other builds: each step waits for what it needs, and the call as a whole gets time.
test.describe.configure({ timeout: 180_000 });

test('makes and models are asked for once the part type and make are chosen, never per letter', async ({ page, shell }) => {
  const parts = new PartsPage(page);
  await parts.open();
  await parts.type('Engine Assembly');
  await parts.press('Tab');
  await expect(page.locator('#parts-makes option[value="CUMMINS"]')).toHaveCount(1);
  await parts.type('Cummins');
  await parts.press('Tab');
  await expect(page.locator('#parts-models option[value="ISX"]')).toHaveCount(1);
  await parts.type('IS');
  await parts.press('Shift+Tab');
  await parts.press('Shift+Tab');
  await parts.press('Tab');
  expect(await simRequests(shell, 'heavytruckparts', 'inventory/available/makes')).toBe(1);
  expect(await simRequests(shell, 'heavytruckparts', 'inventory/available/models')).toBe(1);
  // Another part type typed in full is another list; the first stays cached.
  await parts.press('Shift+Tab');
  await page.keyboard.press('Control+a');
  await parts.type('Turbocharger');
  await parts.press('Tab');
  await expect(page.locator('#parts-makes option[value="HOLSET"]')).toHaveCount(1);
  expect(await simRequests(shell, 'heavytruckparts', 'inventory/available/makes')).toBe(2);
});

test('a make of ".." is refused on the screen in plain words, and nothing reaches HeavyTruckParts', async ({ page, shell }) => {
  const parts = new PartsPage(page);
  await parts.open();
  await parts.type('Alternator');
  await parts.press('Tab');
  await parts.type('..');
  await parts.press('Enter');
  await expect(parts.byId('parts-search-error')).toContainText('The make cannot be just “..”');
  expect(await simRequests(shell, 'heavytruckparts', 'inventory/search')).toBe(0);
});

test('with a slow picture host a page of thumbnails is fetched once per picture, and a page seen again is not fetched again', async ({ page, shell }) => {
  const parts = new PartsPage(page);
  await parts.open();
  // Every answer from HeavyTruckParts and its picture host takes a quarter of a second: the window's calls overlap.
  expect((await shell.call('training:inject-fault', { simulator: 'heavytruckparts', fault: { kind: 'slow', count: null, delayMs: 250 } })).ok).toBe(true);
  const shown = async () => {
    await expect(page.locator('[data-testid="parts-results"] [data-state="loading"]')).toHaveCount(0);
    return page.locator('[data-testid="parts-results"] img.parts-thumb').evaluateAll((imgs) => imgs.map((i) => i.getAttribute('data-source')!));
  };
  await parts.fillSearch({ partType: 'Engine Assembly' });
  const first = await shown();
  expect(first.length).toBeGreaterThan(1);
  expect(await simRequests(shell, 'heavytruckparts', 'picture')).toBe(new Set(first).size);
  await parts.press('PageDown');
  await expect(parts.byId('parts-result-count')).toContainText('page 2 of');
  const second = await shown();
  const both = new Set([...first, ...second]);
  expect(await simRequests(shell, 'heavytruckparts', 'picture')).toBe(both.size);
  // Back to the first page: its pictures are kept for the session.
  await parts.press('PageUp');
  await expect(parts.byId('parts-result-count')).toContainText('page 1 of');
  expect((await shown()).sort()).toEqual([...first].sort());
  expect(await simRequests(shell, 'heavytruckparts', 'picture')).toBe(both.size);
});
