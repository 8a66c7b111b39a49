import { expect, test } from './fixtures/test';
import { simRequests } from './fixtures/sim-requests';
import { PartsPage } from './pages/parts-page';

// On a machine busy with other builds each step waits for what it needs; the tests as a whole get time.
test.describe.configure({ timeout: 180_000 });

test('a vendor description’s picture comes through the app with a text alternative, its tracking pixel is gone, and its link opens outside the app', async ({ page, shell, context }) => {
  const parts = new PartsPage(page);
  await parts.open();
  await parts.fillSearch({ partType: 'Engine Assembly', make: 'CUMMINS', model: 'ISX', yearFrom: '2013', yearTo: '2015' });
  await expect(page.locator('[data-testid="parts-results"] [data-state="loading"]')).toHaveCount(0);
  const thumbnails = await simRequests(shell, 'heavytruckparts', 'picture');
  await parts.openResultShowing('$12,500.50');
  const description = parts.byId('parts-item-description');
  const picture = description.locator('img');
  await expect(picture).toHaveCount(1);
  await expect(picture).toHaveAttribute('src', /^data:image\/png;base64,/);
  await expect(picture).toHaveAttribute('alt', 'Picture in the vendor’s description');
  expect(await picture.evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth))).toBeGreaterThan(0);
  expect(await description.innerHTML()).not.toContain('tracker.example');
  // The description's picture is the item's first, which is its row's thumbnail: nothing is fetched again.
  await expect(parts.byId('parts-item-image')).toHaveAttribute('data-source', (await picture.getAttribute('data-picture'))!);
  expect(await simRequests(shell, 'heavytruckparts', 'picture')).toBe(thumbnails);

  const link = description.getByRole('link', { name: 'the listing on HeavyTruckParts.net' });
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  const appUrl = page.url();
  const popup = context.waitForEvent('page');
  await link.click();
  const opened = await popup;
  expect(opened.url()).toMatch(/^https:\/\/www\.heavytruckparts\.net\/|^about:blank|^chrome-error:/);
  await opened.close();
  expect(page.url()).toBe(appUrl);
  await expect(parts.byId('parts-item-title')).toBeVisible();
  // The vendor's own e-mail and phone links open outside too.
  for (const a of await parts.byId('parts-vendor-card').locator('a').all()) await expect(a).toHaveAttribute('target', '_blank');
});

test('the page allows pictures only from the app itself and data addresses: one straight from a vendor is refused', async ({ page, shell }) => {
  const response = await page.request.get(shell.origin);
  const csp = response.headers()['content-security-policy'];
  expect(csp).toContain("img-src 'self' data:");
  expect(csp).not.toMatch(/img-src[^;]*(https:|http:)/);
  const status = await shell.call<{ baseUrl: string }>('training:get-status');
  if (!status.ok) throw new Error(status.error.message);
  const direct = `${status.value.baseUrl}/heavytruckparts/images/70001-1.png`;
  const outcome = await page.evaluate(
    (src) =>
      new Promise<{ violated: string | null; loaded: boolean }>((resolve) => {
        let violated: string | null = null;
        document.addEventListener('securitypolicyviolation', (e) => (violated = e.violatedDirective), { once: true });
        const img = new Image();
        img.onload = () => resolve({ violated, loaded: true });
        img.onerror = () => setTimeout(() => resolve({ violated, loaded: false }), 50);
        img.src = src;
      }),
    direct,
  );
  expect(outcome).toEqual({ violated: 'img-src', loaded: false });
  expect(await simRequests(shell, 'heavytruckparts', 'picture')).toBe(0);
});
