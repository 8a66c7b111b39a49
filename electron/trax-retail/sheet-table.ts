import { HEADERS, IMAGE_HEADERS } from '../../shared/trax-retail/columns';
import { isUrl } from '../../shared/trax-retail/rules';
import { isBlankRow, type LocalImage, type SheetModel, type SheetRow } from '../../shared/trax-retail/sheet';

/** What a file builder writes: headers, then each row's cells in header order. */
export interface SheetTable {
  headers: string[];
  /** Rows to write, lazily: a 10,000-row sheet is never copied as a whole. */
  rows: () => Iterable<string[]>;
  rowCount: number;
  /** The draft rows behind the written rows, in order (row 1 of the file is sourceRows[0]). */
  sourceRows: SheetRow[];
}

/** The table for a sheet, or for only the chosen rows; blank rows are left out. */
export function sheetTable(model: SheetModel, rowIds?: readonly string[]): SheetTable {
  const wanted = rowIds ? new Set(rowIds) : null;
  const sourceRows = model.rows.filter((r) => !isBlankRow(r) && (!wanted || wanted.has(r.id)));
  const headers = [...HEADERS, ...model.attributes];
  return {
    headers,
    rowCount: sourceRows.length,
    sourceRows,
    rows: function* () {
      for (const r of sourceRows) yield headers.map((h) => (r.cells[h] ?? '').trim());
    },
  };
}

/** The local images the chosen rows refer to, each once. */
export function referencedImages(model: SheetModel, rows: readonly SheetRow[]): LocalImage[] {
  const out = new Map<string, LocalImage>();
  for (const r of rows) {
    for (const h of IMAGE_HEADERS) {
      const v = (r.cells[h] ?? '').trim();
      if (v && !isUrl(v) && model.images[v]) out.set(v, model.images[v]);
    }
  }
  return [...out.values()];
}
