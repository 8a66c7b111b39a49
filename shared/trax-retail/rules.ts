import { ATTRIBUTE_MAX, COLUMNS, H, HEADERS, type ColumnSpec } from './columns';
import { cell, isBlankRow, LARGE_IMAGE_BYTES, type SheetIssue, type SheetModel, type SheetRow } from './sheet';

const INTEGER = /^-?\d+$/;
/** The document's lengths are in characters: code points, so an emoji counts once (not as two UTF-16 units). */
export const charCount = (v: string): number => {
  let n = 0;
  for (const _ of v) n++;
  return n;
};
const FLOAT = /^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
/** Base names the ZIP can carry on every system. */
export const IMAGE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export function isValidDate(v: string): boolean {
  const m = DATE.exec(v);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** What is wrong with one cell against its documented type; null when nothing. */
export function cellProblem(spec: ColumnSpec, value: string): string | null {
  const v = value.trim();
  const name = spec.header;
  if (v === '') return spec.mandatory ? `${name} is mandatory.` : null;
  const k = spec.kind;
  switch (k.type) {
    case 'list':
      if (k.values.includes(v)) return null;
      {
        const near = k.values.find((x) => x.toLowerCase() === v.toLowerCase());
        return near ? `${name} must be written “${near}”.` : `${name} must be one of ${k.values.join(', ')} (not “${v}”).`;
      }
    case 'string':
      return charCount(v) > k.max ? `${name} is at most ${k.max} characters (this has ${charCount(v)}).` : null;
    case 'char':
      return charCount(v) !== k.length ? `${name} has exactly ${k.length} characters (this has ${charCount(v)}).` : null;
    case 'integer':
      return INTEGER.test(v) ? null : `${name} must be a whole number (not “${v}”).`;
    case 'float':
      if (FLOAT.test(v)) return null;
      return /^-?\d+,\d+$/.test(v) ? `${name} uses a point as decimal mark (${v.replace(',', '.')}).` : `${name} must be a number (not “${v}”).`;
    case 'date':
      return isValidDate(v) ? null : `${name} must be a date written YYYY-MM-DD (not “${v}”).`;
  }
}

function parsesAsUrl(v: string): boolean {
  try {
    return new URL(v).hostname !== '';
  } catch {
    return false;
  }
}

export const isUrl = (v: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(v);

const IMAGE_SPECS = COLUMNS.filter((c) => c.image);

function imageProblems(row: SheetRow, model: SheetModel, out: SheetIssue[]): void {
  for (const spec of IMAGE_SPECS) {
    const header = spec.header;
    const v = cell(row, header);
    if (v === '') continue;
    const add = (severity: SheetIssue['severity'], message: string) => out.push({ rowId: row.id, column: header, severity, message });
    const tooLong = cellProblem(spec, v);
    if (tooLong) {
      add('error', tooLong);
      continue;
    }
    if (isUrl(v)) {
      if (!/^https:\/\//i.test(v)) add('error', `${header}: an image address must be a public https address.`);
      else if (!parsesAsUrl(v)) add('error', `${header}: “${v.slice(0, 60)}” is not a valid address.`);
      continue;
    }
    const image = model.images[v];
    if (!image) add('error', `${header}: there is no image file named “${v}” in this sheet. Add the file, or enter a public https address.`);
    else if (!image.readable) add('error', `${header}: the image file “${image.originalName}” is missing or cannot be read.`);
    else if (image.kind === null) add('error', `${header}: “${image.originalName}” is not a picture (PNG, JPEG, GIF, WebP, BMP or TIFF).`);
    else if (image.size > LARGE_IMAGE_BYTES) add('warning', `${header}: “${image.originalName}” is ${(image.size / 1048576).toFixed(1)} MB; Trax may refuse very large images.`);
  }
}

function useCaseProblems(row: SheetRow, out: SheetIssue[]): void {
  const type = cell(row, H.type);
  const action = cell(row, H.action);
  const hasId = cell(row, H.id) !== '' || cell(row, H.uuid) !== '';
  const add = (column: string | null, severity: SheetIssue['severity'], message: string) => out.push({ rowId: row.id, column, severity, message });
  if (action === '') add(H.action, 'warning', 'Action is empty: say whether this row creates, updates or deactivates a product.');
  if (type === 'DVC') {
    if (!hasId) add(H.id, 'error', 'A DVC carries the Trax product ID or UUID of the product it belongs to.');
    if (cell(row, H.design) === '') add(H.design, 'error', 'A DVC needs an Alternative Design Name.');
    if (action === 'Create') {
      if (cell(row, H.start) === '') add(H.start, 'warning', 'A new DVC should carry a start date.');
      if (cell(row, H.end) === '') add(H.end, 'warning', 'A new DVC should carry an end date.');
    }
  } else if (action === 'Create' && hasId) {
    const column = cell(row, H.id) !== '' ? H.id : H.uuid;
    add(column, 'error', 'A new product or POSM carries no Trax product ID or UUID.');
  }
  if ((action === 'Update' || action === 'Deactivate') && !hasId) {
    add(H.id, 'error', `${action} needs the Trax product ID or the Trax product UUID of the existing product.`);
  }
  if (action === 'Deactivate' && cell(row, H.reason) === '') add(H.reason, 'warning', 'A deactivation should carry a reason.');
  const uuid = cell(row, H.uuid);
  if (charCount(uuid) === 36 && !UUID.test(uuid)) add(H.uuid, 'warning', 'Trax product UUID does not look like a UUID (8-4-4-4-12 hexadecimal digits).');
  const start = cell(row, H.start);
  const end = cell(row, H.end);
  if (start && end && start > end && !cellProblem({ header: H.end, mandatory: false, kind: { type: 'date' } }, end)) {
    add(H.end, 'error', 'End date is before Start date.');
  }
}

const DOCUMENTED = COLUMNS.filter((c) => !c.image);

/** Every problem of one row. Blank rows are skipped when the file is written, so they have none. */
export function validateRow(row: SheetRow, model: SheetModel): SheetIssue[] {
  if (isBlankRow(row)) return [];
  const out: SheetIssue[] = [];
  for (const spec of DOCUMENTED) {
    const problem = cellProblem(spec, row.cells[spec.header] ?? '');
    if (problem) out.push({ rowId: row.id, column: spec.header, severity: 'error', message: problem });
  }
  for (const a of model.attributes) {
    const v = cell(row, a);
    if (charCount(v) > ATTRIBUTE_MAX) out.push({ rowId: row.id, column: a, severity: 'error', message: `${a} is at most ${ATTRIBUTE_MAX} characters (this has ${charCount(v)}).` });
  }
  imageProblems(row, model, out);
  useCaseProblems(row, out);
  return out;
}

/** What the sheet is checked against beyond the document: the attribute columns the Trax project knows. */
export interface SheetContext {
  /** Null when not known yet (no warning is given then). */
  knownAttributes: readonly string[] | null;
}

/** An attribute column the project does not know rejects the whole file: a warning before upload. */
function attributeWarning(a: string, known: readonly string[]): SheetIssue | null {
  if (known.includes(a)) return null;
  const near = known.find((k) => k.toLowerCase() === a.trim().toLowerCase());
  const message = near
    ? `The project writes this attribute column “${near}”; Trax rejects the whole file for “${a}”.`
    : `The attribute column “${a}” is not among the project’s known attributes. Trax rejects the whole file when its project does not know a column: remove or rename it, or add it to the known attributes if the project has it.`;
  return { rowId: null, column: a, severity: 'warning', message };
}

/** Problems of the sheet as a whole: its columns and whether it has any rows. */
export function validateSheetLevel(model: SheetModel, context?: SheetContext): SheetIssue[] {
  const out: SheetIssue[] = [];
  const seen = new Set<string>();
  for (const a of model.attributes) {
    if (HEADERS.includes(a)) out.push({ rowId: null, column: a, severity: 'error', message: `“${a}” is already a documented column; an additional attribute needs another name.` });
    else if (seen.has(a.toLowerCase())) out.push({ rowId: null, column: a, severity: 'error', message: `The attribute column “${a}” appears twice.` });
    else if (context?.knownAttributes) {
      const w = attributeWarning(a, context.knownAttributes);
      if (w) out.push(w);
    }
    seen.add(a.toLowerCase());
  }
  if (!model.rows.some((r) => !isBlankRow(r))) out.push({ rowId: null, column: null, severity: 'error', message: 'The sheet has no rows yet.' });
  return out;
}

/** Every problem of a sheet, sheet-level first, then row by row. */
export function validateSheet(model: SheetModel, context?: SheetContext): SheetIssue[] {
  return [...validateSheetLevel(model, context), ...model.rows.flatMap((r) => validateRow(r, model))];
}

export const countBySeverity = (issues: readonly SheetIssue[]) => ({
  errors: issues.filter((i) => i.severity === 'error').length,
  warnings: issues.filter((i) => i.severity === 'warning').length,
});
