import Papa from 'papaparse';

/**
 * The simulator's own reading of the vendor document, written apart from the app's rules so the
 * two cannot agree by construction: the 32 documented headers plus the project's attributes, CSV
 * with ";" only, one sheet per ZIP, and the row rules of the field list and use cases.
 */
const LIST: Record<string, string[]> = { 'Product type': ['SKU', 'POS', 'POSM', 'DVC'], Action: ['Create', 'Update', 'Deactivate'] };
const STRINGS: Record<string, number> = {
  'Product English name': 150, 'Product local name': 150, 'Product short name': 150, 'EAN code': 21, 'Brand name': 150,
  'Brand local name': 150, 'Manufacturer name': 150, 'Manufacturer local name': 150, 'Client category': 150,
  'Client sub-category': 100, 'Deactivation reason': 100, 'Container type': 150, 'Measurement unit': 20, 'Pack type': 100,
  '1 - Front Image Name/URL': 500, '2 - Left Image Name/URL': 500, '3 - Top Image Name/URL': 500, '7 - Back Image Name/URL': 500,
  '8 - Right Image Name/URL': 500, '9 - Bottom Image Name/URL': 500, 'Alternative Design Name': 150,
};
const INTS = ['Units', 'Width mm', 'Height mm', 'Depth mm', 'Trax product ID'];
const KNOWN = new Set([...Object.keys(LIST), ...Object.keys(STRINGS), ...INTS, 'Size', 'Trax product UUID', 'Start date', 'End date']);
const MANDATORY = ['Product type', 'Product local name', 'Brand local name', 'Manufacturer local name', 'Client category'];
const IMAGES = Object.keys(STRINGS).filter((h) => h.includes('Image Name/URL'));

export interface SimTable {
  headers: string[];
  rows: string[][];
}

export type FileVerdict = { ok: false; message: string } | { ok: true; table: SimTable; rowErrors: Map<number, string[]> };

async function tableOf(name: string, bytes: Buffer): Promise<SimTable> {
  if (/\.csv$/i.test(name)) {
    const data = Papa.parse<string[]>(bytes.toString('utf8'), { delimiter: ';', skipEmptyLines: true }).data;
    return { headers: data[0] ?? [], rows: data.slice(1) };
  }
  // The simulator reads workbooks only when one is uploaded: exceljs is not part of the app's start.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const rows: string[][] = [];
  ws?.eachRow((row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (c, i) => (cells[i - 1] = c.text ?? ''));
    rows.push(Array.from(cells, (c) => c ?? ''));
  });
  return { headers: rows[0] ?? [], rows: rows.slice(1) };
}

/** What the training project holds: its attribute columns, client categories and existing products. */
export interface SimProject {
  attributes: readonly string[];
  categories: readonly string[];
  /** Trax product IDs that exist (UUIDs are taken as existing). */
  productExists: (id: number) => boolean;
}

function rowErrors(headers: string[], row: string[], images: Set<string> | null, project: SimProject): string[] {
  const v = (h: string) => (row[headers.indexOf(h)] ?? '').trim();
  const errs: string[] = [];
  for (const h of MANDATORY) if (headers.includes(h) ? v(h) === '' : true) errs.push(`${h} is required`);
  for (const [h, values] of Object.entries(LIST)) if (v(h) && !values.includes(v(h))) errs.push(`${h} has an invalid value "${v(h)}"`);
  // Characters as a reader counts them: code points, so an emoji is one.
  const chars = (h: string) => [...v(h)].length;
  for (const [h, max] of Object.entries(STRINGS)) if (chars(h) > max) errs.push(`${h} exceeds ${max} characters`);
  for (const h of INTS) if (v(h) && !/^-?\d+$/.test(v(h))) errs.push(`${h} must be an integer`);
  if (v('Size') && Number.isNaN(Number(v('Size')))) errs.push('Size must be a number');
  if (v('Trax product UUID') && chars('Trax product UUID') !== 36) errs.push('Trax product UUID must be 36 characters');
  for (const h of ['Start date', 'End date']) if (v(h) && !/^\d{4}-\d{2}-\d{2}$/.test(v(h))) errs.push(`${h} must be YYYY-MM-DD`);
  const hasId = v('Trax product ID') !== '' || v('Trax product UUID') !== '';
  if (v('Action') === 'Create' && v('Product type') !== 'DVC' && hasId) errs.push('Trax product ID/UUID must be empty for new products');
  if ((v('Action') === 'Update' || v('Action') === 'Deactivate' || v('Product type') === 'DVC') && !hasId) errs.push('Trax product ID or Trax product UUID is required');
  if (v('Product type') === 'DVC' && !v('Alternative Design Name')) errs.push('Alternative Design Name is required for DVC');
  if (v('Client category') && !project.categories.some((c) => c.toLowerCase() === v('Client category').toLowerCase())) errs.push(`Client category "${v('Client category')}" does not exist in this project`);
  if (/^\d+$/.test(v('Trax product ID')) && v('Action') !== 'Create' && !project.productExists(Number(v('Trax product ID')))) errs.push(`Trax product ID ${v('Trax product ID')} does not exist`);
  for (const h of IMAGES) {
    const img = v(h);
    if (img && !/^https?:\/\//i.test(img) && images && !images.has(img.toLowerCase())) errs.push(`Image "${img}" not found in ZIP`);
    if (img && !/^https?:\/\//i.test(img) && !images) errs.push(`${h} must be a public URL`);
  }
  return errs;
}

/** Reads an uploaded file the vendor's way and judges it: a whole-file rejection, or the rows with errors. */
export async function checkUpload(fileName: string, bytes: Buffer, project: SimProject): Promise<FileVerdict> {
  let name = fileName;
  let content = bytes;
  let images: Set<string> | null = null;
  try {
    if (/\.zip$/i.test(fileName)) {
      const { default: JSZip } = await import('jszip');
      const zip = await JSZip.loadAsync(bytes);
      const entries = Object.values(zip.files).filter((f) => !f.dir);
      const sheets = entries.filter((f) => /\.(csv|xlsx?)$/i.test(f.name));
      if (sheets.length !== 1) return { ok: false, message: `The ZIP file must contain exactly 1 Excel or CSV file (found ${sheets.length})` };
      name = sheets[0].name;
      content = await sheets[0].async('nodebuffer');
      images = new Set(entries.filter((f) => f !== sheets[0]).map((f) => f.name.replace(/^.*\//, '').replace(/\.[^.]+$/, '').toLowerCase()));
    } else if (!/\.(csv|xlsx?)$/i.test(fileName)) {
      return { ok: false, message: `Unsupported file format: ${fileName}` };
    }
    const table = await tableOf(name, content);
    const unknown = table.headers.find((h) => !KNOWN.has(h) && !project.attributes.includes(h));
    if (unknown !== undefined) return { ok: false, message: `Column header not recognised: ${unknown}` };
    const errors = new Map<number, string[]>();
    table.rows.forEach((r, i) => {
      const e = rowErrors(table.headers, r, images, project);
      if (e.length > 0) errors.set(i, e);
    });
    return { ok: true, table, rowErrors: errors };
  } catch (error) {
    return { ok: false, message: `File could not be parsed: ${error instanceof Error ? error.message : String(error)}` };
  }
}
