import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { currentFormats } from '../../shared/locale/current';
import { AppError } from '../core/app-error';
import type { SheetFormat } from '../../shared/trax-retail/contract';
import { validateRow, validateSheetLevel, type SheetContext } from '../../shared/trax-retail/rules';
import type { SheetIssue, SheetModel } from '../../shared/trax-retail/sheet';
import { csvStream } from './csv-builder';
import type { FileStore } from './file-store';
import type { WrittenRows } from './imports-repo';
import { referencedImages, sheetTable } from './sheet-table';
import { xlsxStream } from './xlsx-builder';
import { zipStream } from './zip-builder';

export const CONTENT_TYPES: Record<SheetFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  zip: 'application/zip',
};

export interface WrittenSheet {
  fileId: string;
  path: string;
  fileName: string;
  format: SheetFormat;
  size: number;
  written: WrittenRows;
}

/** The draft's pictures as the disk has them now: a file deleted or damaged since it was added shows as such. */
export function withImagesOnDisk(draftId: string, model: SheetModel, files: FileStore): SheetModel {
  const images = Object.fromEntries(
    Object.entries(model.images).map(([name, img]) => {
      const { info } = files.image(draftId, img);
      return [name, { ...img, readable: info !== null, kind: info?.kind ?? null, size: info?.size ?? img.size }];
    }),
  );
  return { ...model, images };
}

/** The same checks as the editor, on the chosen rows, with the picture files as they are on disk. */
export function checkForWriting(draftId: string, model: SheetModel, files: FileStore, rowIds?: readonly string[], context?: SheetContext): SheetIssue[] {
  const current = withImagesOnDisk(draftId, model, files);
  const wanted = rowIds ? new Set(rowIds) : null;
  const rows = current.rows.filter((r) => !wanted || wanted.has(r.id));
  return [...validateSheetLevel({ ...current, rows }, context), ...rows.flatMap((r) => validateRow(r, current))];
}

const stamp = (now: number) => new Date(now).toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
const slug = (name: string) => name.normalize('NFKD').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'products';

/**
 * Writes a draft as the file Trax will receive, after the same checks the editor runs: never a file
 * with errors. A sheet whose rows use local pictures is always a ZIP (the pictures travel in it).
 */
export async function writeSheet(opts: { draftId: string; name: string; model: SheetModel; format: SheetFormat; rowIds?: readonly string[]; files: FileStore; now: number }): Promise<WrittenSheet> {
  const { draftId, model, files } = opts;
  const errors = checkForWriting(draftId, model, files, opts.rowIds).filter((i) => i.severity === 'error');
  if (errors.length > 0) {
    throw new AppError('invalid-input', `The sheet has ${currentFormats().count(errors.length, 'error', 'errors')}; fix ${errors.length === 1 ? 'it' : 'them'} first.`, errors.slice(0, 20).map((e) => e.message));
  }
  const table = sheetTable(model, opts.rowIds);
  const images = referencedImages(model, table.sourceRows);
  const format: SheetFormat = images.length > 0 ? 'zip' : opts.format;
  const base = `${slug(opts.name)}-${stamp(opts.now)}`;
  const out = files.outPath(`${base}.${format}`);
  let stream: Readable;
  if (format === 'csv') stream = csvStream(table);
  else if (format === 'xlsx') stream = xlsxStream(table);
  else {
    const zipImages = images.map((img) => ({ name: img.name, kind: img.kind!, path: files.image(draftId, img).path }));
    stream = zipStream({ name: `${base}.xlsx`, stream: xlsxStream(table) }, zipImages);
  }
  await pipeline(stream, fs.createWriteStream(out.path));
  return {
    fileId: out.fileId,
    path: out.path,
    fileName: `${base}.${format}`,
    format,
    size: fs.statSync(out.path).size,
    written: { headers: table.headers, rows: table.sourceRows.map((r) => ({ id: r.id, cells: table.headers.map((h) => (r.cells[h] ?? '').trim()) })) },
  };
}
