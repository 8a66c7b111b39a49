import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures/test';
import { ProductSheetsPage } from './pages/product-sheets-page';

test('a file with more rows than a sheet opens is refused from the screen with its count, and no draft is made of half of it', async ({ page }, testInfo) => {
  const sheets = new ProductSheetsPage(page);
  await sheets.open();
  const file = testInfo.outputPath('catalogue.csv');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, ['Product type;Action;Product local name', ...Array.from({ length: 200_000 }, (_, i) => `SKU;Create;Product ${i}`)].join('\n'));
  await page.getByTestId('open-file').setInputFiles(file);
  await expect(page.getByTestId('drafts-error')).toContainText('“catalogue.csv” holds 200,000 product rows; a sheet opens at most 100,000, so nothing was opened.', { timeout: 60_000 });
  await expect(page.getByText('catalogue', { exact: true })).toHaveCount(0);
});
