import fs from 'node:fs';
import { decodePDFRawStream, PDFDocument, PDFRawStream } from 'pdf-lib';
import { expect, test } from './fixtures/test';
import { CounterPage, callValue, loadInventory, plainItems } from './pages/counter-page';

const dollars = (cents: number) => `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;

test('a scan always lands as a SKU: unknown codes wait for a choice, and a scan into the name field is taken back out', async ({ page, shell }, testInfo) => {
  await loadInventory(shell);
  const [a, b] = await plainItems(shell, 2);
  const counter = new CounterPage(page);
  await counter.open();

  // Enter with nothing typed says why nothing happened.
  await page.keyboard.press('Enter');
  await expect(counter.entryNote).toContainText('Enter cannot add anything yet');

  await counter.scan('NOSUCH123');
  await expect(counter.unknown('NOSUCH123')).toContainText('is not in the inventory copy');
  await expect(counter.sku).toBeFocused();
  // The scans that follow still land as SKUs, not in a name field.
  await counter.scan(a.sku);
  await expect(counter.line(a.sku)).toBeVisible();
  await expect(counter.sku).toHaveValue('');

  await counter.unknown('NOSUCH123').getByTestId('sale-unknown-manual').click();
  await expect(page.getByTestId('sale-manual-name')).toBeFocused();
  await counter.typeSlowly('Hand');
  // A scan while the cursor is in the name field: the item is added, the name keeps what the person typed.
  await counter.scan(b.sku);
  await expect(counter.line(b.sku)).toBeVisible();
  await expect(page.getByTestId('sale-manual-name')).toHaveValue('Hand');
  await page.getByTestId('sale-manual-name').focus();
  await counter.typeSlowly(' mirror');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('sale-manual-problem')).toHaveText('Type the price, e.g. 12.50.');
  await expect(page.getByTestId('sale-manual-price')).toBeFocused();
  await page.keyboard.type('-4');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('sale-manual-problem')).toHaveText('The price cannot be negative.');
  await page.getByTestId('sale-manual-price').fill('12.50');
  await page.keyboard.press('Enter');
  await expect(counter.line('NOSUCH123')).toContainText('Hand mirror');
  await expect(counter.line('NOSUCH123')).toContainText('sold by hand');
  await expect(counter.unknown('NOSUCH123')).toHaveCount(0);
  await expect(counter.lines).toHaveCount(3);

  // A price that is not an amount is refused where it is typed, and holds the sale back until corrected.
  await counter.line(a.sku).getByTestId('line-price').fill('12,5x');
  await expect(counter.line(a.sku).getByTestId('line-price-problem')).toHaveText('“12,5x” is not an amount: type the price like 12.50.');
  await expect(counter.line(a.sku).getByTestId('line-price')).toHaveValue('12,5x');
  await expect(page.getByTestId('sale-record')).toBeDisabled();
  await counter.line(a.sku).getByTestId('line-price').fill('-1');
  await expect(counter.line(a.sku).getByTestId('line-price-problem')).toHaveText('The price cannot be negative.');
  await counter.line(a.sku).getByTestId('line-price').fill('10');
  await expect(page.getByTestId('sale-record')).toBeEnabled();
  await page.screenshot({ path: testInfo.outputPath('scanner-trap.png'), fullPage: true });

  // Skipping an unknown code.
  await counter.sku.focus();
  await counter.scan('ZZUNKNOWN9');
  await counter.unknown('ZZUNKNOWN9').getByTestId('sale-unknown-skip').click();
  await expect(counter.unknown('ZZUNKNOWN9')).toHaveCount(0);
  await expect(counter.lines).toHaveCount(3);
});

test('an item without a barcode is found by typing words of its name', async ({ page, shell }) => {
  await loadInventory(shell);
  const [a] = await plainItems(shell, 1);
  const counter = new CounterPage(page);
  await counter.open();
  await counter.typeSlowly(a.name!);
  await expect(page.getByTestId('sale-suggestions')).toBeVisible();
  const option = page.locator(`[data-testid="sale-suggestion"][data-sku="${a.sku}"]`);
  await expect(option).toBeVisible();
  const index = await page.getByTestId('sale-suggestion').evaluateAll((els, sku) => els.findIndex((e) => e.getAttribute('data-sku') === sku), a.sku);
  for (let i = 0; i <= index; i++) await page.keyboard.press('ArrowDown');
  await expect(option).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(counter.line(a.sku)).toContainText(a.name!);
});

test('selling more than is on hand is warned on the line and asks before recording', async ({ page, shell }) => {
  await loadInventory(shell);
  const [a] = await plainItems(shell, 1);
  const counter = new CounterPage(page);
  await counter.open();
  for (let i = 0; i <= a.quantity!; i++) await counter.scan(a.sku);
  await expect(counter.line(a.sku).getByTestId('line-quantity')).toHaveValue(String(a.quantity! + 1));
  await expect(counter.line(a.sku).getByTestId('line-stock-warning')).toHaveText(`Only ${a.quantity} on hand`);

  await page.keyboard.press('Control+Enter');
  const dialog = page.getByTestId('sale-confirm');
  await expect(dialog).toContainText(`${a.quantity! + 1} × ${a.sku}`);
  await expect(dialog).toContainText(`Only ${a.quantity} on hand`);
  await expect(page.getByTestId('sale-confirm-cancel')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(counter.lastRecorded).toHaveCount(0);
  await expect(counter.lines).toHaveCount(1);

  await page.getByTestId('sale-record').click();
  await page.getByTestId('sale-confirm-record').click();
  await expect(counter.lastRecorded).toBeVisible();
  await expect(counter.lines).toHaveCount(0);
});

test('a sale in progress survives a reload, and can be parked, resumed and voided', async ({ page, shell }) => {
  await loadInventory(shell);
  const [a, b] = await plainItems(shell, 2);
  const counter = new CounterPage(page);
  await counter.open();
  await counter.scan(a.sku);
  await counter.scan(b.sku);
  await page.getByTestId('sale-tax-rate').fill('7.5');
  await expect(counter.lines).toHaveCount(2);
  await expect.poll(async () => (await callValue<{ current: { lines: unknown[]; taxRate: string } | null }>(shell, 'sales:get-drafts')).current).toMatchObject({ taxRate: '7.5' });

  await page.reload();
  await expect(page.getByTestId('app-ready')).toBeVisible();
  await expect(counter.lines).toHaveCount(2);
  await expect(page.getByTestId('sale-tax-rate')).toHaveValue('7.5');

  await page.getByTestId('sale-park').click();
  await expect(counter.lines).toHaveCount(0);
  await expect(page.getByTestId('parked-sale')).toHaveCount(1);
  await counter.sku.focus();
  await counter.scan(a.sku);
  await page.getByTestId('parked-resume').click();
  // The parked sale comes back; the one on the counter is parked in its place.
  await expect(counter.lines).toHaveCount(2);
  await expect(page.getByTestId('parked-sale')).toHaveCount(1);

  page.once('dialog', (d) => void d.accept());
  await page.getByTestId('sale-void').click();
  await expect(counter.lines).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('record-sale')).toBeVisible();
  await expect(counter.lines).toHaveCount(0);
  await expect(page.getByTestId('parked-sale')).toHaveCount(1);
});

/** Every text shown on the PDF's pages (the standard fonts write it as hex or literal strings), each stream read to its own /Length. */
function pdfText(pdf: PDFDocument): string {
  const streams = pdf.context
    .enumerateIndirectObjects()
    .flatMap(([, object]) => (object instanceof PDFRawStream ? [Buffer.from(decodePDFRawStream(object).decode()).toString('latin1')] : []));
  return streams
    .flatMap((s) => [...s.matchAll(/<([0-9A-Fa-f]+)>\s*Tj|\(((?:\\.|[^\\)])*)\)\s*Tj/g)])
    .map((m) => (m[1] ? Buffer.from(m[1], 'hex').toString('latin1') : m[2]))
    .join('\n');
}

test('the receipt prints and saves as a PDF with the store name and order number, and is reprinted from History', async ({ page, shell }, testInfo) => {
  await page.addInitScript(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void ((window as unknown as { printed: number }).printed += 1);
  });
  await page.reload();
  await loadInventory(shell);
  const [a] = await plainItems(shell, 1, 1);
  const counter = new CounterPage(page);
  await counter.open();
  await counter.setCounter({ taxRate: '8.25' });
  await counter.sku.focus();
  await counter.scan(a.sku);
  await counter.line(a.sku).getByTestId('line-taxable').check();
  const tax = Math.round((a.currentPriceCents! * 8250) / 100_000);
  const total = a.currentPriceCents! + tax;
  await expect(page.getByTestId('total-tax')).toHaveText(dollars(tax));
  await page.getByTestId('sale-payment-method').selectOption('cash');
  const tendered = Math.ceil(total / 100) * 100 + 2000;
  await page.getByTestId('sale-tendered').fill(String(tendered / 100));
  await expect(page.getByTestId('sale-change')).toHaveText(`Change due: ${dollars(tendered - total)}`);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('sale-complete-change')).toHaveText(`Change due ${dollars(tendered - total)}`);
  const orderNumber = (await counter.lastOrderNumber.textContent())!;

  await counter.lastRecorded.getByTestId('receipt-print-button').click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  const printed = page.getByTestId('receipt-print');
  await expect(printed).toBeHidden();
  await page.emulateMedia({ media: 'print' });
  await expect(printed).toBeVisible();
  await expect(printed.getByTestId('receipt-store')).toHaveText('Second Chance Boutique');
  await expect(printed.getByTestId('receipt-order')).toHaveText(`Order ${orderNumber}`);
  await expect(printed).toContainText(`Tax (8.25%)${dollars(tax)}`);
  await expect(printed).toContainText('12 Harbour Road');
  await expect(printed).toContainText('Returns within 30 days with this receipt.');
  await expect(printed.getByTestId('receipt-barcode')).toHaveAttribute('alt', `Barcode of order ${orderNumber}`);
  expect(await printed.getByTestId('receipt-barcode').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  await expect(page.getByTestId('screen-sales')).toBeHidden();
  await page.screenshot({ path: testInfo.outputPath('receipt-print.png') });
  await page.emulateMedia({ media: 'screen' });

  const download = page.waitForEvent('download');
  await counter.lastRecorded.getByTestId('receipt-pdf-button').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`receipt-${orderNumber}.pdf`);
  const bytes = fs.readFileSync((await file.path())!);
  fs.writeFileSync(testInfo.outputPath(`receipt-${orderNumber}.pdf`), bytes);
  const pdf = await PDFDocument.load(bytes);
  expect(pdf.getTitle()).toBe(`Receipt ${orderNumber} - Second Chance Boutique`);
  const text = pdfText(pdf);
  expect(text).toContain('Second Chance Boutique');
  expect(text).toContain(`Order ${orderNumber}`);
  expect(text).toContain(a.sku);
  expect(text).toContain(dollars(total));

  // History: the sale's lines, and the receipt again.
  await counter.openHistory();
  const row = counter.historyRow('SALE', orderNumber);
  await row.getByTestId('history-toggle-items').click();
  const items = page.getByTestId('history-items');
  await expect(items.locator(`[data-testid="history-item"][data-sku="${a.sku}"]`)).toContainText(a.name!);
  await expect(items).toContainText('paid by cash');
  await items.getByTestId('receipt-print-button').click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(2);
  await expect(page.getByTestId('receipt-print').getByTestId('receipt-order')).toHaveText(`Order ${orderNumber}`);
});

test('a return finds its sale by part of the order number, a SKU or the day, and keeps its reason and refund method', async ({ page, shell }) => {
  await loadInventory(shell);
  const [a, b] = await plainItems(shell, 2, 2);
  const record = (item: typeof a, orderNumber: string) =>
    callValue(shell, 'sales:record-sale', { orderNumber, lines: [{ sku: item.sku, name: item.name!, unitPriceCents: item.currentPriceCents!, quantity: 1, taxable: false }], taxCents: 0 });
  await record(a, 'WEB20417');
  await record(b, 'WEB20999');
  const counter = new CounterPage(page);
  await page.getByTestId('nav-returns').click();
  const find = async (text: string) => {
    await page.getByTestId('return-find-order').fill(text);
    await page.getByTestId('return-find').click();
  };
  await page.getByTestId('return-find').click();
  await expect(page.getByTestId('return-find-problem')).toContainText('Type part of the order number or a SKU');
  await find('WEB20');
  await expect(page.getByTestId('return-matches').getByTestId('recent-sale')).toHaveCount(2);
  await find('0417');
  await expect(page.getByTestId('return-form')).toContainText('Order WEB20417');
  await find(b.sku);
  await expect(page.getByTestId('return-form')).toContainText('Order WEB20999');
  await find('');
  const today = new Date();
  const day = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
  await page.getByTestId('return-find-date').fill(day);
  await page.getByTestId('return-find').click();
  await expect(page.getByTestId('return-matches').getByTestId('recent-sale')).toHaveCount(2);
  await page.locator('[data-testid="recent-sale"][data-order="WEB20417"]').click();

  await counter.returnQuantity(a.sku).fill('1');
  await expect(page.getByTestId('return-reason-needed')).toBeVisible();
  await expect(page.getByTestId('return-record')).toBeDisabled();
  await page.getByTestId('return-tax').fill('5');
  await expect(page.getByTestId('return-tax-problem')).toHaveText('At most $0.00 of this sale’s tax is left to refund.');
  await page.getByTestId('return-tax').fill('0');
  await page.getByTestId('return-reason').selectOption('damaged');
  await page.getByTestId('return-refund-method').selectOption('store-credit');
  await page.getByTestId('return-record').click();
  await expect(page.getByTestId('return-card')).toContainText('Damaged or faulty · refund: Store credit');
});
