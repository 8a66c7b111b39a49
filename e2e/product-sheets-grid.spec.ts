import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures/test';
import { ProductSheetsPage } from './pages/product-sheets-page';

const complete = { 'Product local name': 'Tea', 'Brand local name': 'Leaf', 'Manufacturer local name': 'Leaf Ltd', 'Client category': 'Drinks' };

test('a block from the shop’s own list is pasted by its header line, with a mapping shown and corrected; an opened file gets the same', async ({ page }, testInfo) => {
  const sheets = new ProductSheetsPage(page);
  await sheets.open();
  await sheets.create('Shop list');
  // Into the empty row after the last: "Name, EAN, Brand, Price" as the shop's own list has them.
  await sheets.paste(1, 'Product type', 'Name\tEAN\tBrand\tPrice\r\nTea\t0012345678905\tLeaf\t2.50\r\nCoffee\t00400\tBean\t4.10');
  await expect(sheets.cell(1, 'Product local name')).toHaveText('Tea');
  await expect(sheets.cell(2, 'EAN code')).toHaveText('00400');
  await expect(sheets.cell(1, 'Brand local name')).toHaveText('Leaf');
  await expect(sheets.cell(1, 'Product type')).toHaveText('');
  await expect(sheets.cell(1, 'Action')).toHaveText('');
  await expect(page.getByTestId('mapping-panel')).toBeVisible();
  await expect(page.getByTestId('mapping-Name')).toHaveValue('Product local name');
  await expect(page.getByTestId('mapping-Price')).toHaveValue('');
  await page.screenshot({ path: testInfo.outputPath('paste-mapping.png') });
  // "Brand" was the brand's English name in this list: put it there instead.
  await page.getByTestId('mapping-Brand').selectOption('Brand name');
  await expect(sheets.cell(2, 'Brand name')).toHaveText('Bean');
  await expect(sheets.cell(2, 'Brand local name')).toHaveText('');
  await page.getByTestId('mapping-done').click();
  await expect(page.getByTestId('mapping-panel')).toHaveCount(0);
  await sheets.saved();

  await page.getByTestId('close-sheet').click();
  const file = testInfo.outputPath('shop-list.csv');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, 'Type;Name;Barcode;Brand;Maker;Category;Price\nSKU;Tea;0012345678905;Leaf;Leaf Ltd;Drinks;2.50\n');
  await page.getByTestId('open-file').setInputFiles(file);
  await expect(page.getByTestId('mapping-Barcode')).toHaveValue('EAN code');
  await expect(page.getByTestId('mapping-Price')).toHaveValue('Price');
  await expect(sheets.cell(0, 'EAN code')).toHaveText('0012345678905');
  await expect(sheets.cell(0, 'Manufacturer local name')).toHaveText('Leaf Ltd');
  await page.getByTestId('mapping-Price').selectOption('');
  await expect(page.getByTestId('header-32')).toHaveCount(0);

  // An Excel file with the shop's headers opens with the same mapping.
  await page.getByTestId('close-sheet').click();
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Products');
  sheet.addRow(['Type', 'Name', 'Barcode', 'Brand', 'Maker', 'Category', 'Price']);
  sheet.addRow(['SKU', 'Coffee', '00400', 'Bean', 'Bean Co', 'Drinks', '4.10']);
  const xlsx = testInfo.outputPath('shop-book.xlsx');
  await book.xlsx.writeFile(xlsx);
  await page.getByTestId('open-file').setInputFiles(xlsx);
  await expect(page.getByTestId('mapping-Barcode')).toHaveValue('EAN code');
  await expect(page.getByTestId('mapping-Name')).toHaveValue('Product local name');
  await expect(sheets.cell(0, 'EAN code')).toHaveText('00400');
  await expect(sheets.cell(0, 'Product local name')).toHaveText('Coffee');
  await expect(sheets.cell(0, 'Manufacturer local name')).toHaveText('Bean Co');
});

test('finding the way in 33 columns: frozen name, Ctrl+arrow, remembered widths, always an empty last row, adding a kind of row', async ({ page, shell }) => {
  // A long walk through one sheet (a reload included): more than one minute on a busy machine.
  test.setTimeout(150_000);
  const sheets = new ProductSheetsPage(page);
  await sheets.open();
  await sheets.create('Wide sheet', ['new-product', 'change-product']);
  // Typing in the empty last row adds a row, and a new empty row follows.
  await expect(page.getByTestId('sheet-row-2')).toBeVisible();
  await sheets.type(2, 'Product local name', 'Milk');
  await expect(page.getByTestId('sheet-row-3')).toBeVisible();
  await expect(page.getByTestId('sheet-row-3').getByRole('rowheader')).toHaveText('+');

  await sheets.cell(0, 'Product type').click();
  await page.keyboard.press('Control+ArrowDown');
  expect(await sheets.activeCell()).toBe('cell-1-0');
  await page.keyboard.press('Control+ArrowDown');
  expect(await sheets.activeCell()).toBe('cell-3-0');
  await page.keyboard.press('Control+ArrowUp');
  expect(await sheets.activeCell()).toBe('cell-1-0');
  await page.keyboard.press('Control+ArrowRight');
  expect(await sheets.activeCell()).toBe('cell-1-1');
  // Nothing more is filled in this row: the jump goes to its far edge.
  await page.keyboard.press('Control+ArrowRight');
  expect(await sheets.activeCell()).toBe('cell-1-31');

  // At the far right the row number and the product name are still in view.
  const grid = (await sheets.grid.boundingBox())!;
  await expect(sheets.cell(2, 'Alternative Design Name')).toBeInViewport();
  const name = (await sheets.cell(2, 'Product local name').boundingBox())!;
  expect(Math.abs(name.x - (grid.x + 1 + 52))).toBeLessThan(3);
  await expect(sheets.cell(2, 'Product local name')).toHaveText('Milk');
  await expect(page.getByTestId('sheet-row-2').getByRole('rowheader')).toBeInViewport();

  // A column dragged wider stays so after a reload.
  const ean = page.getByTestId(`header-${sheets.col('EAN code')}`);
  const before = (await ean.boundingBox())!.width;
  await page.keyboard.press('Home');
  for (let i = 0; i < sheets.col('EAN code'); i++) await page.keyboard.press('ArrowRight');
  await expect(ean).toBeInViewport({ ratio: 1 });
  const handle = (await page.getByTestId(`resize-${sheets.col('EAN code')}`).boundingBox())!;
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
  await page.mouse.down();
  await page.mouse.move(handle.x + handle.width / 2 + 90, handle.y + handle.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect.poll(async () => Math.round((await ean.boundingBox())!.width)).toBe(Math.round(before + 90));
  // The width is a setting, saved on release: the page is reloaded once the app has it.
  await expect
    .poll(async () => {
      const settings = await shell.call<{ columnWidths: Record<string, number> }>('sheets:get-settings', {});
      return settings.ok ? settings.value.columnWidths['EAN code'] : undefined;
    })
    .toBe(Math.round(before + 90));
  await sheets.saved();
  await page.reload();
  await sheets.open();
  await page.getByTestId('draft-Wide sheet').click();
  await expect.poll(async () => Math.round((await ean.boundingBox())!.width)).toBe(Math.round(before + 90));

  // Browsing the kinds of row with the arrow keys adds nothing; the button adds the one chosen.
  await page.getByTestId('add-use-case').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('sheet-row-4')).toHaveCount(0);
  await expect(page.getByTestId('add-use-case')).toHaveValue('deactivate-product');
  await page.getByTestId('add-row').click();
  await expect(sheets.cell(3, 'Action')).toHaveText('Deactivate');
  await expect(page.getByTestId('sheet-row-4').getByRole('rowheader')).toHaveText('+');
});

test('a picture file is chosen from the keyboard, and its name is transliterated with the original kept in view', async ({ page }, testInfo) => {
  const sheets = new ProductSheetsPage(page);
  await sheets.open();
  await sheets.create('Chocolate');
  const png = await page.screenshot({ clip: { x: 0, y: 0, width: 16, height: 16 } });
  const file = testInfo.outputPath('Шоколад 🍫 top.png');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, png);
  await sheets.cell(0, 'Product type').click();
  for (let i = 0; i < sheets.col('1 - Front Image Name/URL'); i++) await page.keyboard.press('ArrowRight');
  expect(await sheets.activeCell()).toBe(`cell-0-${sheets.col('1 - Front Image Name/URL')}`);
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Control+o');
  await (await chooser).setFiles(file);
  const cell = sheets.cell(0, '1 - Front Image Name/URL');
  await expect(cell).toContainText('Shokolad_top');
  await expect(page.getByTestId(`cell-0-${sheets.col('1 - Front Image Name/URL')}-original`)).toHaveText('(Шоколад 🍫 top.png)');
  expect(await sheets.focused()).toBe('sheet-grid');
  // The "…" button is for the mouse: it is no stop in the Tab order.
  await expect(page.getByTestId(`cell-0-${sheets.col('1 - Front Image Name/URL')}-attach`)).toHaveAttribute('tabindex', '-1');
});

test('at 1024×768 the problems panel takes no room when empty and the upload bar stays in view', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  const sheets = new ProductSheetsPage(page);
  await sheets.open();
  await sheets.create('Small screen');
  await expect(page.getByTestId('issues-panel')).toBeVisible();
  await expect(page.getByTestId('upload')).toBeInViewport({ ratio: 1 });
  const rows = Array.from({ length: 60 }, (_, i) => ['SKU', 'Create', '', `Tea ${i}`, '', '', '', complete['Brand local name'], '', complete['Manufacturer local name'], complete['Client category']].join('\t'));
  await sheets.paste(0, 'Product type', rows.join('\r\n'));
  await expect(sheets.errorCount).toHaveText('0 errors');
  await expect(page.getByTestId('issues-panel')).toHaveCount(0);
  await expect(page.getByTestId('upload')).toBeInViewport({ ratio: 1 });
  const grid = (await sheets.grid.boundingBox())!;
  expect(grid.width).toBeGreaterThan(760);
  await page.screenshot({ path: testInfo.outputPath('sheet-1024x768.png') });
  await sheets.cell(5, 'Client category').click();
  await page.keyboard.press('Delete');
  await expect(sheets.errorCount).toHaveText('1 error');
  await expect(page.getByTestId('issues-panel')).toBeVisible();
  await expect(page.getByTestId('upload')).toBeInViewport({ ratio: 1 });
});
