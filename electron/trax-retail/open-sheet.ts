import { HEADERS, IMAGE_HEADERS } from '../../shared/trax-retail/columns';
import { suggestMapping } from '../../shared/trax-retail/header-mapping';
import type { OpenReport } from '../../shared/trax-retail/contract';
import { isUrl } from '../../shared/trax-retail/rules';
import type { LocalImage, SheetModel, SheetRow } from '../../shared/trax-retail/sheet';
import type { RawTable } from './sheet-reader';

const MAX_ROWS = 100_000;

/**
 * A file's table as a draft: documented headers become their columns; every other header is kept as
 * an attribute column under its own name, and reported with the column suggested for it (a
 * mis-cased, older-format or shop's name for a documented column, or one of the project's known
 * attributes), which the user sees, may correct and applies.
 */
export function tableToModel(table: RawTable, newRowId: () => string, knownAttributes: readonly string[] = []): { model: SheetModel; report: Omit<OpenReport, 'fileName' | 'imagesAdded'> } {
  const headers = table.headers.map((h, i) => h.trim() || `Column ${i + 1}`);
  const attributes: string[] = [];
  for (const h of headers) if (!HEADERS.includes(h) && !attributes.includes(h)) attributes.push(h);
  const mapping = suggestMapping([...new Set(headers)], knownAttributes, 'keep');
  const rows: SheetRow[] = table.rows.slice(0, MAX_ROWS).map((cells) => {
    const out: Record<string, string> = {};
    headers.forEach((h, i) => {
      const v = (cells[i] ?? '').trim();
      if (v !== '') out[h] = v.slice(0, 2000);
    });
    return { id: newRowId(), cells: out };
  });
  return { model: { attributes, rows, images: {} }, report: { rowCount: rows.length, mapping } };
}

/**
 * Pictures that came in a ZIP: each kept under a flat ASCII base name; cells that named a picture by
 * its entry's base name are rewritten when the name had to change.
 */
export function attachZipImages(model: SheetModel, images: { entry: string; image: LocalImage }[]): SheetModel {
  const renamed = new Map<string, string>();
  const map: SheetModel['images'] = { ...model.images };
  for (const { entry, image } of images) {
    const base = entry.replace(/^.*\//, '').replace(/\.[^.]+$/, '');
    renamed.set(base.toLowerCase(), image.name);
    map[image.name] = image;
  }
  const rows = model.rows.map((r) => {
    let cells = r.cells;
    for (const h of IMAGE_HEADERS) {
      const v = cells[h];
      if (!v || isUrl(v)) continue;
      const to = renamed.get(v.toLowerCase());
      if (to && to !== v) cells = { ...cells, [h]: to };
    }
    return cells === r.cells ? r : { ...r, cells };
  });
  return { ...model, rows, images: map };
}
