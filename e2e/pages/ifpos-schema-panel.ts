import type { Page } from '@playwright/test';

/** The JSON Schema panel on the IFPOS connection card. */
export class IfposSchemaPanel {
  constructor(readonly page: Page) {}

  get root() {
    return this.page.getByTestId('ifpos-schema-panel');
  }

  get source() {
    return this.page.getByTestId('ifpos-schema-source');
  }

  get title() {
    return this.page.getByTestId('ifpos-schema-title');
  }

  get draft() {
    return this.page.getByTestId('ifpos-schema-draft');
  }

  get summary() {
    return this.page.getByTestId('ifpos-schema-summary');
  }

  get error() {
    return this.page.getByTestId('ifpos-schema-error');
  }

  /** Shown while the active schema refuses the app's payload, with the fixes. */
  get mismatch() {
    return this.page.getByTestId('ifpos-schema-mismatch');
  }

  get moneyModel() {
    return this.page.getByTestId('ifpos-money-model');
  }

  loadFile(name: string, text: string) {
    return this.page.getByTestId('ifpos-schema-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text, 'utf8') });
  }

  clear() {
    return this.page.getByTestId('ifpos-schema-clear').click();
  }

  async openPreview() {
    await this.page.getByTestId('ifpos-preview-toggle').click();
  }

  get previewVerdict() {
    return this.page.getByTestId('ifpos-preview-verdict');
  }

  get previewProblems() {
    return this.page.getByTestId('ifpos-preview-problems');
  }
}
