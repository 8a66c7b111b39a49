import crypto from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';
import type { CoreDeps } from '../core/feature';
import { AppError } from '../core/app-error';
import { sheetFormatSchema, type Draft, type OpenReport, type SheetFormat, type SheetSettings, type SheetSettingsPatch } from '../../shared/trax-retail/contract';
import type { SheetModel } from '../../shared/trax-retail/sheet';
import { useCases, type UseCaseId } from '../../shared/trax-retail/use-cases';
import { DraftsRepo } from './drafts-repo';
import type { FileStore } from './file-store';
import { attachZipImages, tableToModel } from './open-sheet';
import { readSheetFile } from './sheet-reader';
import { checkForWriting, writeSheet } from './sheet-writer';
import { trainingProject } from './trax-sim';

const SETTINGS_KEY = 'trax-retail.sheets';
/** Each mode talks to its own Trax project (training has the simulator's), so each keeps its own list. */
const attributesKey = (mode: string) => `trax-retail.known-attributes.${mode}`;

/** The saved settings, each field read on its own: one damaged field falls back alone. */
const storedSchema = z.object({
  email: z.string().max(200).catch(''),
  format: sheetFormatSchema.catch('xlsx'),
  columnWidths: z.record(z.string(), z.number().int().min(40).max(1200)).catch({}),
  revision: z.number().int().nonnegative().catch(0),
});
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
    const { model, report } = tableToModel(table, rowId, this.settings().knownAttributes);
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
    return checkForWriting(id, d.model, this.files, rowIds, { knownAttributes: this.settings().knownAttributes });
  }

  async export(id: string, format: SheetFormat) {
    const d = this.draft(id);
    const w = await writeSheet({ draftId: id, name: d.name, model: d.model, format, files: this.files, now: this.core.now() });
    return { fileId: w.fileId, fileName: w.fileName, size: w.size };
  }

  settings(): SheetSettings {
    const stored = storedSchema.parse(this.core.settings.get(SETTINGS_KEY, {}));
    const mode = this.core.connections.mode();
    const fallback = mode === 'training' ? [...trainingProject.attributes] : [];
    const known = z.array(z.string()).catch(fallback).parse(this.core.settings.get(attributesKey(mode), fallback));
    return { ...stored, knownAttributes: known };
  }

  /**
   * Saves only the fields given, over what is saved now, in one step: a quick change of the file type
   * after an edit of the e-mail keeps both, whichever call lands first. The read and the write are
   * synchronous, so no other call runs between them.
   */
  saveSettings(patch: SheetSettingsPatch): SheetSettings {
    const { knownAttributes, columnWidths, ...plain } = patch;
    const current = storedSchema.parse(this.core.settings.get(SETTINGS_KEY, {}));
    const widths = { ...current.columnWidths };
    for (const [column, width] of Object.entries(columnWidths ?? {})) {
      if (width === null) delete widths[column];
      else widths[column] = width;
    }
    this.core.settings.set(SETTINGS_KEY, { ...current, ...plain, columnWidths: widths, revision: current.revision + 1 });
    if (knownAttributes) this.core.settings.set(attributesKey(this.core.connections.mode()), [...new Set(knownAttributes)]);
    return this.settings();
  }
}
