import { expect, type Locator, type Page } from '@playwright/test';
import { HEADERS } from '../../shared/trax-retail/columns';
import { AppFrame } from './app-frame';

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

  get errorCount() {
    return this.page.getByTestId('error-count');
  }

  async saved() {
    await expect(this.page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  }
}
