import type { ImportView, SheetSettings } from '../shared/trax-retail/contract';
import { expect, test } from './fixtures/test';
import type { RunningShell } from './fixtures/web-shell';
import { PresentationCheck } from './pages/axe-check';
import { ImportsPage } from './pages/imports-page';
import { ProductSheetsPage, uploadsAtTrax, withTraxShell } from './pages/product-sheets-page';

const complete = { 'Product local name': 'Tea', 'Brand local name': 'Leaf', 'Manufacturer local name': 'Leaf Ltd', 'Client category': 'Drinks' };

async function value<T>(shell: RunningShell, channel: string, input: unknown = {}): Promise<T> {
  const r = await shell.call<T>(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value;
}

/** Every upload once none is still on its way. */
async function settledImports(shell: RunningShell): Promise<ImportView[]> {
  await expect.poll(async () => (await value<{ imports: ImportView[] }>(shell, 'imports:list')).imports.some((i) => i.phase === 'uploading')).toBe(false);
  return (await value<{ imports: ImportView[] }>(shell, 'imports:list')).imports;
}

// Each test follows an upload through Trax's lifecycle (queued, validating, review): on a busy machine that takes a while.
test.describe.configure({ timeout: 120_000 });

test('a double-click on Upload makes one import at Trax, and a quick file-type change keeps the e-mail just typed', async ({ browser }) => {
  await withTraxShell(browser, async (sheets, shell) => {
    const page = sheets.page;
    await sheets.create('Double press');
    await sheets.fill(0, complete);
    const email = page.getByTestId('contact-email');
    await email.fill('old@example.com');
    await email.press('Tab');
    await expect.poll(async () => (await value<SheetSettings>(shell, 'sheets:get-settings')).email).toBe('old@example.com');
    // The new contact is typed and, at once, another file type is chosen.
    await email.fill('new@example.com');
    await page.getByTestId('sheet-format').focus();
    await page.getByTestId('sheet-format').selectOption('csv');
    await sheets.saved();
    await page.getByTestId('upload').dblclick();
    await expect(page.getByTestId('upload-started')).toBeVisible();
    const imports = await settledImports(shell);
    expect(imports).toHaveLength(1);
    expect(imports[0]).toMatchObject({ email: 'new@example.com', format: 'csv' });
    expect(await uploadsAtTrax(shell)).toBe(1);
    await page.getByTestId('follow-upload').click();
    await expect(new ImportsPage(page).latest.getByTestId('import-email')).toHaveText('new@example.com');

    await page.reload();
    await sheets.open();
    await page.getByTestId('draft-Double press').click();
    await expect(page.getByTestId('contact-email')).toHaveValue('new@example.com');
    await expect(page.getByTestId('sheet-format')).toHaveValue('csv');
  });
});

test('lengths are counted in characters as Trax counts them, and an attribute column the project does not know is a warning before upload', async ({ page }) => {
  const sheets = new ProductSheetsPage(page);
  await sheets.open();
  await sheets.create('Rules', ['change-product']);
  await sheets.paste(0, 'Product local name', 'Tea');
  await sheets.paste(0, 'Brand local name', 'Leaf');
  await sheets.paste(0, 'Manufacturer local name', 'Leaf Ltd');
  await sheets.paste(0, 'Client category', 'Drinks');
  await sheets.paste(0, 'Trax product ID', '1055');
  await expect(sheets.errorCount).toHaveText('0 errors');
  // A signed CDN address of 501 characters.
  const url = `https://cdn.example.com/${'a'.repeat(501 - 'https://cdn.example.com/'.length)}`;
  await sheets.paste(0, '9 - Bottom Image Name/URL', url);
  await expect(sheets.errorCount).toHaveText('1 error');
  await expect(sheets.cell(0, '9 - Bottom Image Name/URL')).toHaveAttribute('title', /is at most 500 characters \(this has 501\)/);
  await sheets.paste(0, '9 - Bottom Image Name/URL', url.slice(0, 500));
  await expect(sheets.errorCount).toHaveText('0 errors');
  // An emoji and 34 digits: 35 characters, not 36.
  await sheets.paste(0, 'Trax product UUID', `🍫${'1'.repeat(34)}`);
  await expect(sheets.errorCount).toHaveText('1 error');
  await expect(sheets.cell(0, 'Trax product UUID')).toHaveAttribute('title', 'Trax product UUID has exactly 36 characters (this has 35).');
  await sheets.cell(0, 'Trax product UUID').click();
  await page.keyboard.press('Delete');
  await expect(sheets.errorCount).toHaveText('0 errors');

  await page.getByTestId('attribute-name').fill('Shelf life');
  await page.getByTestId('add-attribute').click();
  await expect(sheets.warningCount).toHaveText('1 warning');
  await expect(page.getByTestId('issues-panel')).toContainText('The attribute column “Shelf life” is not among the project’s known attributes');
  await page.getByTestId('attribute-name').fill('Flavour');
  await page.getByTestId('add-attribute').click();
  await expect(sheets.warningCount).toHaveText('1 warning');
  await page.getByTestId('know-attribute').click();
  await expect(sheets.warningCount).toHaveText('0 warnings');
  await page.getByTestId('close-sheet').click();
  await expect(page.getByTestId('known-attributes')).toHaveValue('Flavour, Colour, Segment, Shelf life');
});

test('status tells the truth: health follows real calls, a dropped upload is tried again once, ended imports say when they ended', async ({ browser }, testInfo) => {
  await withTraxShell(browser, async (sheets, shell) => {
    const page = sheets.page;
    const health = page.getByTestId('status-health-trax-retail');
    await value(shell, 'training:inject-fault', { simulator: 'trax-retail', fault: { kind: 'unavailable', count: 3, retryAfterSeconds: 0 } });
    await value(shell, 'connections:test', { id: 'trax-retail' });
    await value(shell, 'training:clear-faults', { simulator: 'trax-retail' });
    await expect(health).toHaveAttribute('data-state', 'failing', { timeout: 15_000 });

    await sheets.create('Truthful');
    await sheets.fill(0, complete);
    await sheets.saved();
    await page.getByTestId('upload').click();
    await page.getByTestId('follow-upload').click();
    const imports = new ImportsPage(page);
    await imports.expectEnded('imported');
    await expect(imports.latest.getByTestId('import-ended')).toBeVisible();
    await expect(imports.latest).not.toContainText('Next check');
    await expect(health).toHaveAttribute('data-state', 'ok', { timeout: 15_000 });

    // The connection drops while the file is sent: the file may or may not have arrived.
    await page.getByTestId('nav-product-sheets').click();
    await sheets.type(0, 'Product short name', 'Tea 50 g');
    await sheets.saved();
    await value(shell, 'training:inject-fault', { simulator: 'trax-retail', fault: { kind: 'drop', count: 1 } });
    await page.getByTestId('upload').click();
    await page.getByTestId('follow-upload').click();
    await expect(imports.latest).toHaveAttribute('data-phase', 'upload-failed');
    const problem = imports.latest.getByTestId('import-problem');
    await expect(problem).toContainText('The file may have arrived all the same');
    await expect(problem).not.toContainText(/UND_ERR|ECONN|\([A-Z_]{5,}\)/);
    await imports.latest.getByTestId('import-problem-details').locator('summary').click();
    await expect(imports.latest.getByTestId('import-problem-details')).toContainText('Connection error code:');
    expect(await uploadsAtTrax(shell)).toBe(1);
    await imports.latest.getByTestId('import-retry').click();
    await expect(page.getByTestId('retry-confirm')).toContainText('opens a second review ticket');
    // The confirmation as opened, in every presentation the accessibility spec checks.
    const check = await PresentationCheck.start(page, testInfo);
    expect(await check.findings('import-retry-confirmation')).toEqual([]);
    await check.done();
    await page.getByTestId('retry-confirm-confirm').click();
    await imports.expectEnded('imported');
    expect(await uploadsAtTrax(shell)).toBe(2);
    await expect(page.locator('[data-testid^="import-"][data-phase]')).toHaveCount(2);
  });
});

test('two identical refused rows each get their error, the refused count comes first, and a notice never covers a control', async ({ browser }, testInfo) => {
  // Seed 2: the first error file numbers data rows from 1, the reading that put both errors on one row.
  await withTraxShell(browser, async (sheets, shell) => {
    const page = sheets.page;
    await page.setViewportSize({ width: 1024, height: 768 });
    await sheets.create('Twins');
    const cols = ['Product type', 'Action', 'Product English name', 'Product local name', 'Product short name', 'EAN code', 'Brand name', 'Brand local name', 'Manufacturer name', 'Manufacturer local name', 'Client category'];
    const line = (v: Record<string, string>) => cols.map((c) => v[c] ?? '').join('\t');
    const twin = line({ ...complete, 'Product type': 'SKU', Action: 'Update', 'Product local name': 'Cola' });
    await sheets.paste(0, 'Product type', [line({ ...complete, 'Product type': 'SKU', Action: 'Create' }), twin, twin].join('\r\n'));
    await sheets.paste(1, 'Trax product ID', '55\r\n55');
    await expect(sheets.errorCount).toHaveText('0 errors');
    await sheets.saved();
    await page.getByTestId('upload').click();
    await page.getByTestId('follow-upload').click();
    const imports = new ImportsPage(page);
    await imports.expectEnded('imported');
    await expect(imports.latest.getByTestId('import-state')).toHaveText('Partly imported: 2 of 3 rows refused');
    const notice = page.getByTestId('import-notice');
    await expect(notice).toHaveText(/^Trax refused 2 of 3 rows of “Twins” and imported the other 1\./);
    await page.screenshot({ path: testInfo.outputPath('notice-1024x768.png') });
    await imports.latest.getByTestId('show-errors').click();
    await expect(sheets.cell(1, 'Trax product ID')).toHaveAttribute('data-issue', 'vendor');
    await expect(sheets.cell(2, 'Trax product ID')).toHaveAttribute('data-issue', 'vendor');
    await expect(page.getByTestId('vendor-issue')).toHaveText(['Row 2: Trax product ID 55 does not exist', 'Row 3: Trax product ID 55 does not exist']);
    await expect(page.getByTestId('upload-failed-rows')).toHaveText('Upload only the 2 refused rows');
    // The notice takes its own line: every control of the upload bar stays clickable.
    for (const id of ['upload-failed-rows', 'save-as', 'contact-email']) {
      const el = page.getByTestId(id);
      await expect(el).toBeInViewport({ ratio: 1 });
      const box = (await el.boundingBox())!;
      const hit = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.closest('[data-testid]')?.getAttribute('data-testid'), [box.x + box.width - 4, box.y + box.height - 4]);
      expect(hit).toBe(id);
    }
    // Pressed twice, "Upload only the refused rows" sends the two rows once.
    await page.getByTestId('upload-failed-rows').dblclick();
    await expect(page.getByTestId('upload-started')).toBeVisible();
    await expect.poll(async () => (await value<{ imports: ImportView[] }>(shell, 'imports:list')).imports.length).toBe(2);
    const after = await settledImports(shell);
    expect(after.map((i) => i.rowCount)).toEqual([2, 3]);
    expect(await uploadsAtTrax(shell)).toBe(2);
  }, { BACKOFFICE_TRAX_SIM_SEED: '2' });
});

test('a failed upload is sent again once, however quickly "Try again" is pressed twice', async ({ browser }) => {
  await withTraxShell(browser, async (sheets, shell) => {
    const page = sheets.page;
    await sheets.create('Again');
    await sheets.fill(0, complete);
    await sheets.saved();
    // Trax answers 503 to every try: the upload ends failed, and nothing reached Trax.
    await value(shell, 'training:inject-fault', { simulator: 'trax-retail', fault: { kind: 'unavailable', count: null, retryAfterSeconds: 0 } });
    await page.getByTestId('upload').click();
    await page.getByTestId('follow-upload').click();
    const imports = new ImportsPage(page);
    await expect(imports.latest).toHaveAttribute('data-phase', 'upload-failed', { timeout: 45_000 });
    expect(await uploadsAtTrax(shell)).toBe(0);
    await value(shell, 'training:clear-faults', { simulator: 'trax-retail' });
    await imports.latest.getByTestId('import-retry').dblclick();
    await imports.expectEnded('imported');
    expect(await settledImports(shell)).toHaveLength(1);
    expect(await uploadsAtTrax(shell)).toBe(1);
  });
});
