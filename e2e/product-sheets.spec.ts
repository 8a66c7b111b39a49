import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures/test';
import { ImportsPage } from './pages/imports-page';
import { ProductSheetsPage, withTraxShell as withShell } from './pages/product-sheets-page';
import { imageLoaded } from './pages/inventory-page';

// Each test follows an upload through Trax's lifecycle (queued, validating, review): on a busy machine that takes a while.
test.describe.configure({ timeout: 120_000 });

test('a sheet built in the grid with a picked and a dropped local picture is uploaded as a ZIP and followed to imported', async ({ browser }, testInfo) => {
  await withShell(browser, async (sheets) => {
    const page = sheets.page;
    // A real PNG the browser can draw: a screenshot of a corner of the page.
    const png = await page.screenshot({ clip: { x: 0, y: 0, width: 24, height: 24 } });
    const pngFile = testInfo.outputPath('Front view é.png');
    fs.mkdirSync(path.dirname(pngFile), { recursive: true });
    fs.writeFileSync(pngFile, png);

    await sheets.create('Spring drinks');
    await expect(sheets.cell(0, 'Product type')).toHaveText('SKU');
    await expect(sheets.cell(0, 'Action')).toHaveText('Create');
    await expect(sheets.errorCount).toHaveText('4 errors');
    await sheets.type(0, 'Product local name', 'Limonáda 0,5 l');
    await sheets.type(0, 'Brand local name', 'Limo');
    await sheets.type(0, 'Manufacturer local name', 'Limo a.s.');
    await sheets.type(0, 'Client category', 'Drinks');
    await sheets.type(0, 'EAN code', '0012345678905');
    await expect(sheets.errorCount).toHaveText('0 errors');

    await sheets.pickPicture(0, '1 - Front Image Name/URL', pngFile);
    await expect(sheets.cell(0, '1 - Front Image Name/URL')).toContainText('Front_view_e');
    await sheets.dropPicture(0, '2 - Left Image Name/URL', 'Front view é.png', png);
    await expect(sheets.cell(0, '2 - Left Image Name/URL')).toContainText('Front_view_e_2');
    for (const h of ['1 - Front Image Name/URL', '2 - Left Image Name/URL']) {
      await expect(sheets.thumb(0, h)).toHaveAttribute('src', /^data:image\/png;base64,/);
      await expect.poll(() => imageLoaded(sheets.thumb(0, h))).toBe(true);
    }
    await expect(sheets.page.getByTestId('sheet-format')).toHaveValue('zip');
    await sheets.saved();
    await page.screenshot({ path: testInfo.outputPath('product-sheet-with-pictures.png') });

    await page.getByTestId('upload').click();
    await expect(page.getByTestId('upload-started')).toBeVisible();
    const imports = new ImportsPage(page);
    await imports.open();
    await expect(imports.latest).toContainText('Spring drinks');
    await expect(imports.latest).toContainText('.zip');
    await imports.expectEnded('imported');
    await expect(imports.latest.getByTestId('import-counts')).toHaveText('1 parsed / 1 total / 0 with errors');
    await expect(page.getByTestId('import-notice')).toContainText('Trax imported “Spring drinks”');
    await page.screenshot({ path: testInfo.outputPath('imports-imported.png') });
  });
});

test('rows Trax refuses come back onto their cells, are fixed and only they are uploaded again', async ({ browser }, testInfo) => {
  await withShell(browser, async (sheets, shell) => {
    const page = sheets.page;
    await sheets.create('Autumn changes');
    // Two rows pasted from a spreadsheet: a good new product, and a change Trax will refuse
    // (its category and product ID do not exist in the project, which only Trax knows).
    const cols = ['Product type', 'Action', 'Product English name', 'Product local name', 'Product short name', 'EAN code', 'Brand name', 'Brand local name', 'Manufacturer name', 'Manufacturer local name', 'Client category'];
    const row = (values: Record<string, string>) => cols.map((c) => values[c] ?? '').join('\t');
    const base = { 'Product local name': 'Tea', 'Brand local name': 'Leaf', 'Manufacturer local name': 'Leaf Ltd', 'Client category': 'Drinks' };
    await sheets.paste(0, 'Product type', [row({ ...base, 'Product type': 'SKU', Action: 'Create' }), row({ ...base, 'Product type': 'SKU', Action: 'Update', 'Client category': 'Toys' })].join('\r\n'));
    await expect(sheets.cell(1, 'Client category')).toHaveText('Toys');
    await sheets.type(1, 'Trax product ID', '55');
    await expect(sheets.errorCount).toHaveText('0 errors');
    await sheets.saved();
    await page.getByTestId('upload').click();
    await expect(page.getByTestId('upload-started')).toBeVisible();

    const imports = new ImportsPage(page);
    await imports.open();
    await imports.expectEnded('imported');
    await expect(imports.latest.getByTestId('import-counts')).toHaveText('2 parsed / 2 total / 1 with errors');
    await expect(imports.latest.getByTestId('import-state')).toHaveText('Partly imported: 1 of 2 rows refused');
    await expect(page.getByTestId('import-notice')).toHaveText(/^Trax refused 1 of 2 rows of “Autumn changes” and imported the other 1\./);
    await imports.latest.getByTestId('show-errors').click();

    await expect(page.getByTestId('vendor-banner')).toBeVisible();
    await expect(sheets.cell(1, 'Client category')).toHaveAttribute('data-issue', 'vendor');
    await expect(sheets.cell(1, 'Trax product ID')).toHaveAttribute('data-issue', 'vendor');
    await expect(sheets.cell(0, 'Client category')).not.toHaveAttribute('data-issue', 'vendor');
    await expect(sheets.cell(1, 'Client category')).toHaveAttribute('title', /^Client category "Toys" does not exist in this project$/);
    await page.screenshot({ path: testInfo.outputPath('vendor-errors-on-cells.png') });

    await sheets.type(1, 'Client category', 'Drinks');
    await sheets.type(1, 'Trax product ID', '1055');
    await expect(sheets.cell(1, 'Client category')).not.toHaveAttribute('data-issue', 'vendor');
    await sheets.saved();
    await page.getByTestId('upload-failed-rows').click();
    await expect(page.getByTestId('upload-started')).toBeVisible();
    await imports.open();
    await expect(page.locator('[data-testid^="import-"][data-phase]')).toHaveCount(2);
    await imports.expectEnded('imported');
    await expect(imports.latest.getByTestId('import-counts')).toHaveText('1 parsed / 1 total / 0 with errors');
    const list = await shell.call<{ imports: { rowCount: number }[] }>('imports:list');
    expect(list.ok && list.value.imports.map((i) => i.rowCount)).toEqual([1, 2]);
  });
});

test('an older-format CSV opens with a mapping to the current headers; fill down and undo work from the keyboard', async ({ page }, testInfo) => {
  const sheets = new ProductSheetsPage(page);
  await sheets.open();
  const file = testInfo.outputPath('old-format.csv');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, 'Product type;Action;Product local name;Brand local name;Manufacturer;Client category;UOM;EAN code\nSKU;Create;Tea;Leaf;Leaf Ltd;Drinks;g;0012345678905\nSKU;Create;Coffee;Bean;Bean Ltd;Drinks;;00400\n');
  await page.getByTestId('open-file').setInputFiles(file);
  // The older headers are placed at once, and the mapping stays shown to correct.
  await expect(page.getByTestId('mapping-UOM')).toHaveValue('Measurement unit');
  await expect(page.getByTestId('mapping-Manufacturer')).toHaveValue('Manufacturer local name');
  await expect(page.getByTestId('mapping-panel')).toContainText('older import format');
  await expect(sheets.errorCount).toHaveText('0 errors');
  await expect(sheets.cell(0, 'Measurement unit')).toHaveText('g');
  await expect(sheets.cell(1, 'EAN code')).toHaveText('00400');
  // Select the unit of both rows and fill down.
  await sheets.cell(0, 'Measurement unit').click();
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Control+d');
  await expect(sheets.cell(1, 'Measurement unit')).toHaveText('g');
  await page.keyboard.press('Control+z');
  await expect(sheets.cell(1, 'Measurement unit')).toHaveText('');
  await sheets.saved();
  await page.reload();
  await sheets.open();
  await page.getByTestId('draft-old-format').click();
  await expect(sheets.cell(0, 'Measurement unit')).toHaveText('g');
  await expect(sheets.cell(0, 'Manufacturer local name')).toHaveText('Leaf Ltd');
});
