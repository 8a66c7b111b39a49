import { expect, test } from './fixtures/test';
import { AppFrame } from './pages/app-frame';
import { callValue } from './pages/counter-page';

test('the Record sale and History tabs behave as tabs, and Tab order follows the layout', async ({ page }) => {
  await page.getByTestId('sales-tab-record').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('sales-tab-history')).toBeFocused();
  await expect(page.getByTestId('sales-tab-history')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('sales-history')).toBeVisible();
  await expect(page.getByRole('tabpanel')).toHaveAttribute('aria-labelledby', 'sales-tab-history');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('sales-tab-record')).toBeFocused();
  await expect(page.getByTestId('record-sale')).toBeVisible();
  // Only the chosen tab takes Tab; the next Tab goes into the panel, not to the other tab.
  await expect(page.getByTestId('sales-tab-history')).toHaveAttribute('tabindex', '-1');

  // From the last menu entry, Tab goes into the screen (banner, then content), never first to the status bar.
  await page.getByTestId('nav-connections').focus();
  await page.keyboard.press('Tab');
  const inStatusBar = await page.evaluate(() => !!document.activeElement?.closest('[data-testid="status-bar"]'));
  expect(inStatusBar).toBe(false);
  const inMenu = await page.evaluate(() => !!document.activeElement?.closest('nav'));
  expect(inMenu).toBe(false);
});

test('the status bar fits one line at 1024 wide and names each connection in use', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  const bar = new AppFrame(page).statusBar;
  await expect(bar.getByTestId('status-health-simpleconsign')).toBeVisible();
  const box = await bar.evaluate((el) => ({ height: el.getBoundingClientRect().height, overflow: el.scrollWidth - el.clientWidth, line: parseFloat(getComputedStyle(el).lineHeight) || 18 }));
  expect(box.overflow).toBeLessThanOrEqual(0);
  expect(box.height).toBeLessThan(box.line * 2 + 14);
});

test('a first start says on Sales that the inventory copy is empty, and loads it from there', async ({ page }) => {
  const notice = page.getByTestId('sale-inventory-empty');
  await expect(notice).toContainText('The inventory copy is empty');
  await page.getByTestId('sale-load-inventory').click();
  await expect(notice).toHaveCount(0, { timeout: 60_000 });
});

test('ticking "Enabled" on a connection card takes effect at once', async ({ page, shell }) => {
  await new AppFrame(page).go('connections');
  const box = page.getByTestId('connection-ifpos-enabled');
  const before = await box.isChecked();
  await box.click();
  await expect(box).toBeChecked({ checked: !before });
  await expect.poll(async () => (await callValue<{ id: string; enabled: boolean }[]>(shell, 'connections:list')).find((c) => c.id === 'ifpos')?.enabled).toBe(!before);
  await page.reload();
  await new AppFrame(page).go('connections');
  await expect(page.getByTestId('connection-ifpos-enabled')).toBeChecked({ checked: !before });
});
