import { expect, type Browser, type Locator, type Page } from '@playwright/test';
import type { TrainingStatus } from '../../shared/contract/training';
import { HEADERS } from '../../shared/trax-retail/columns';
import { startShell, type RunningShell } from '../fixtures/web-shell';
import { AppFrame } from './app-frame';

/** Runs a test on its own app whose Trax simulator steps quickly (and, when given, with a fixed seed), on the Product sheets screen. */
export async function withTraxShell(browser: Browser, run: (s: ProductSheetsPage, shell: RunningShell) => Promise<void>, env: Record<string, string> = {}) {
  const shell = await startShell({ env: { BACKOFFICE_TRAX_SIM_STEP_MS: '700', ...env } });
  try {
    const page = await browser.newPage();
    await page.goto(shell.url);
    await expect(page.getByTestId('app-ready')).toBeVisible();
    const sheets = new ProductSheetsPage(page);
    await sheets.open();
    await run(sheets, shell);
  } finally {
    await shell.stop();
  }
}

/** How many uploads the Trax simulator has received, as the training status counts them. */
export async function uploadsAtTrax(shell: RunningShell): Promise<number> {
  const status = await shell.call<TrainingStatus>('training:get-status');
  if (!status.ok) throw new Error(status.error.message);
  return status.value.simulators.find((s) => s.id === 'trax-retail')!.counters['uploads received'];
}

/** The Product sheets screen: drafts, the grid, its problems and the save and upload panel. */
export class ProductSheetsPage {
  constructor(readonly page: Page) {}

  async open() {
    await new AppFrame(this.page).go('product-sheets');
    await expect(this.page.getByTestId('screen-product-sheets')).toBeVisible();
  }

  async create(name: string, useCases: string[] = ['new-product']) {
    await this.page.getByTestId('new-sheet-name').fill(name);
    for (const id of ['new-product', ...useCases.filter((u) => u !== 'new-product')]) {
      const box = this.page.getByTestId(`use-case-${id}`);
      if ((await box.isChecked()) !== useCases.includes(id)) await box.click();
    }
    await this.page.getByTestId('create-sheet').click();
    await expect(this.page.getByTestId('sheet-editor')).toBeVisible();
  }

  col(header: string): number {
    const i = HEADERS.indexOf(header);
    if (i < 0) throw new Error(`no column ${header}`);
    return i;
  }

  cell(row: number, header: string): Locator {
    return this.page.getByTestId(`cell-${row}-${this.col(header)}`);
  }

  /** Types into a cell the way a user does: select it, type, Enter. */
  async type(row: number, header: string, text: string) {
    await this.cell(row, header).click();
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
    await expect(this.cell(row, header)).toHaveText(text);
  }

  /** Pastes tab-separated text (as Excel or Google Sheets put on the clipboard) at a cell. */
  async paste(row: number, header: string, text: string) {
    await this.cell(row, header).click();
    await this.page.getByTestId('sheet-grid').evaluate((grid, t) => {
      const data = new DataTransfer();
      data.setData('text/plain', t);
      grid.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
  }

  /** Drops a picture file on a picture cell. */
  async dropPicture(row: number, header: string, name: string, bytes: Buffer) {
    const dataTransfer = await this.page.evaluateHandle(({ name, b64 }) => {
      const bin = atob(b64);
      const arr = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) arr[i] = bin.charCodeAt(i);
      const dt = new DataTransfer();
      dt.items.add(new File([arr], name, { type: 'image/png' }));
      return dt;
    }, { name, b64: bytes.toString('base64') });
    await this.page.getByTestId(`cell-${row}-${this.col(header)}-drop`).dispatchEvent('drop', { dataTransfer });
  }

  /** Picks a picture file for a cell through the file chooser. */
  async pickPicture(row: number, header: string, file: string) {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByTestId(`cell-${row}-${this.col(header)}-attach`).click();
    await (await chooser).setFiles(file);
  }

  thumb(row: number, header: string): Locator {
    return this.page.getByTestId(`cell-${row}-${this.col(header)}-thumb`);
  }

  get grid(): Locator {
    return this.page.getByTestId('sheet-grid');
  }

  /** The data-testid of the cell the grid names as active (aria-activedescendant), e.g. "cell-2-5". */
  async activeCell(): Promise<string | null> {
    return this.grid.evaluate((g) => {
      const id = g.getAttribute('aria-activedescendant');
      return id ? (document.getElementById(id)?.getAttribute('data-testid') ?? `missing ${id}`) : null;
    });
  }

  /** The data-testid of whatever has the keyboard focus. */
  async focused(): Promise<string | null> {
    return this.page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName ?? null);
  }

  get errorCount() {
    return this.page.getByTestId('error-count');
  }

  get warningCount() {
    return this.page.getByTestId('warning-count');
  }

  /** Fills a row's mandatory cells (and any others given) through the grid, as a user types. */
  async fill(row: number, cells: Record<string, string>) {
    for (const [header, value] of Object.entries(cells)) await this.type(row, header, value);
  }

  async saved() {
    await expect(this.page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  }
}
