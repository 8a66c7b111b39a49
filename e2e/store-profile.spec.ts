import { expect, test } from './fixtures/test';
import { PresentationCheck } from './pages/axe-check';
import { CounterPage, loadInventory, plainItems } from './pages/counter-page';

test.describe('a new install', () => {
  test.use({ firstRun: true });

  test('asks for the store’s details on first start, again after “Later”, and never prints a receipt without a name line to fill', async ({ page, shell }, testInfo) => {
    test.setTimeout(120_000);
    const dialog = page.getByTestId('first-run');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByTestId('store-name')).toBeFocused();
    const check = await PresentationCheck.start(page, testInfo);
    expect(await check.findings('first-run')).toEqual([]);
    await check.done();
    await page.getByTestId('first-run-later').click();
    await expect(dialog).toHaveCount(0);
    await page.reload();
    await expect(dialog).toBeVisible();
    // Escape is "Later" too.
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);

    await loadInventory(shell);
    const [a] = await plainItems(shell, 1);
    const counter = new CounterPage(page);
    await counter.open();
    await counter.scan(a.sku);
    await page.keyboard.press('Control+Enter');
    await expect(counter.lastRecorded).toBeVisible();
    await page.evaluate(() => (window.print = () => undefined));
    await counter.lastRecorded.getByTestId('receipt-print-button').click();
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByTestId('receipt-print')).toBeVisible();
    await expect(page.getByTestId('receipt-print')).not.toContainText('not set');
    await expect(page.getByTestId('receipt-print').getByTestId('receipt-store')).toHaveCount(0);
    await page.emulateMedia({ media: 'screen' });

    await page.reload();
    await expect(dialog).toBeVisible();
    await dialog.getByTestId('store-name').fill('Harbour Parts');
    await dialog.getByTestId('store-phone').fill('555-0199');
    await dialog.getByTestId('store-profile-save').click();
    await expect(dialog).toHaveCount(0);
    await page.reload();
    await expect(page.getByTestId('app-ready')).toBeVisible();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId('store-details')).toContainText('Harbour Parts');
  });
});
