import crypto from 'node:crypto';
import fs from 'node:fs';
import type { CoreDeps } from '../core/feature';
import { AppError } from '../core/app-error';
import { sheetSettingsSchema, type Draft, type OpenReport, type SheetFormat, type SheetSettings } from '../../shared/trax-retail/contract';
import type { SheetModel } from '../../shared/trax-retail/sheet';
import { useCases, type UseCaseId } from '../../shared/trax-retail/use-cases';
import { DraftsRepo } from './drafts-repo';
import type { FileStore } from './file-store';
import { attachZipImages, tableToModel } from './open-sheet';
import { readSheetFile } from './sheet-reader';
import { checkForWriting, writeSheet } from './sheet-writer';

const SETTINGS_KEY = 'trax-retail.sheets';
const rowId = () => crypto.randomUUID().slice(0, 13);

/** Draft sheets, their pictures, opening files and writing them for "Save as". */
export class SheetsService {
  readonly drafts: DraftsRepo;

  constructor(private readonly core: CoreDeps, readonly files: FileStore) {
    this.drafts = new DraftsRepo(core.db);
  }

  draft(id: string): Draft {
    const d = this.drafts.get(id);
    if (!d) throw new AppError('not-found', 'That sheet no longer exists.');
    return d;
  }

  create(name: string, starters: UseCaseId[]): Draft {
    const id = crypto.randomUUID();
    const rows = starters.map((u) => ({ id: rowId(), cells: { ...useCases.find((c) => c.id === u)!.cells } }));
    const model: SheetModel = { attributes: [], rows: rows.length > 0 ? rows : [{ id: rowId(), cells: {} }], images: {} };
    const updatedAt = this.drafts.save(id, name, model, this.core.now());
    return { id, name, updatedAt, model };
  }

  save(id: string, name: string, model: SheetModel): { updatedAt: number } {
    const current = this.draft(id);
    // Pictures are registered by the main process only (the screen's copy of the list may lag behind an
    // upload in flight); only the pictures the rows name go into a file.
    return { updatedAt: this.drafts.save(id, name, { ...model, images: current.model.images }, this.core.now()) };
  }

  delete(id: string): void {
    this.drafts.delete(id);
    this.files.deleteDraft(id);
  }

  addImage(draftId: string, stageId: string, fileName: string) {
    const d = this.draft(draftId);
    const image = this.files.addImage(draftId, { stageId }, fileName, Object.keys(d.model.images));
    this.drafts.save(d.id, d.name, { ...d.model, images: { ...d.model.images, [image.name]: image } }, this.core.now());
    return image;
  }

  preview(draftId: string, name: string): string | null {
    const image = this.draft(draftId).model.images[name];
    return image ? this.files.preview(draftId, image) : null;
  }

  async open(stageId: string, fileName: string): Promise<{ draft: Draft; report: OpenReport }> {
    const path = this.files.stagedPath(stageId);
    const { table, images } = await readSheetFile(fileName, fs.readFileSync(path));
    fs.rmSync(path, { force: true });
    if (table.headers.length === 0) throw new AppError('invalid-input', `“${fileName}” has no header line.`);
    const { model, report } = tableToModel(table, rowId);
    const id = crypto.randomUUID();
    const taken: string[] = [];
    const stored = images.map(({ entry, bytes }) => {
      const image = this.files.addImage(id, { bytes }, entry.replace(/^.*\//, ''), taken);
      taken.push(image.name);
      return { entry, image };
    });
    const full = attachZipImages(model, stored);
    const name = fileName.replace(/\.[^.]+$/, '').slice(0, 120) || 'Opened sheet';
    const updatedAt = this.drafts.save(id, name, full, this.core.now());
    return { draft: { id, name, updatedAt, model: full }, report: { ...report, fileName, imagesAdded: stored.length } };
  }

  check(id: string, rowIds?: string[]) {
    const d = this.draft(id);
    return checkForWriting(id, d.model, this.files, rowIds);
  }

  async export(id: string, format: SheetFormat) {
    const d = this.draft(id);
    const w = await writeSheet({ draftId: id, name: d.name, model: d.model, format, files: this.files, now: this.core.now() });
    return { fileId: w.fileId, fileName: w.fileName, size: w.size };
  }

  settings(): SheetSettings {
    return sheetSettingsSchema.catch({ email: '', format: 'xlsx' }).parse(this.core.settings.get(SETTINGS_KEY, { email: '', format: 'xlsx' }));
  }

  saveSettings(s: SheetSettings): SheetSettings {
    this.core.settings.set(SETTINGS_KEY, s);
    return s;
  }
}
