import { HEADERS } from '../../../shared/trax-retail/columns';
import type { ColumnMapping } from '../../../shared/trax-retail/header-mapping';
import type { SheetModel, SheetRow } from '../../../shared/trax-retail/sheet';

/**
 * Pure edits of a sheet. Rows are never mutated: a changed row is a new object, so validation
 * re-checks only it. The grid always shows one empty row after the last: an edit there (index
 * `rows.length`) adds a row.
 */

let counter = 0;
export const newRowId = () => `${Date.now().toString(36)}-${(counter++).toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

export const columnsOf = (model: SheetModel): string[] => [...HEADERS, ...model.attributes];

function withCell(row: SheetRow, column: string, value: string): SheetRow {
  if ((row.cells[column] ?? '') === value) return row;
  const cells = { ...row.cells };
  if (value === '') delete cells[column];
  else cells[column] = value;
  return { ...row, cells };
}

export function setCell(model: SheetModel, rowIndex: number, column: string, value: string): SheetModel {
  const row = model.rows[rowIndex] ?? (rowIndex === model.rows.length ? { id: newRowId(), cells: {} } : null);
  if (!row) return model;
  const next = withCell(row, column, value);
  if (next === row) return model;
  const rows = [...model.rows];
  rows[rowIndex] = next;
  return { ...model, rows };
}

/** Reads text copied from Excel or Google Sheets: tabs between cells, quoted cells may hold tabs, quotes and line breaks. */
export function parseClipboard(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const src = text.replace(/\r\n?/g, '\n').replace(/\n$/, '');
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === '\t') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  row.push(cell);
  rows.push(row);
  return rows;
}

/** Cells as Excel takes them from the clipboard. */
export function toClipboard(matrix: string[][]): string {
  return matrix.map((r) => r.map((v) => (/[\t\n"]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join('\t')).join('\n');
}

/** Pastes a block at a cell, adding rows below as needed; columns past the last are dropped. */
export function paste(model: SheetModel, rowIndex: number, colIndex: number, matrix: string[][]): SheetModel {
  const columns = columnsOf(model);
  const rows = [...model.rows];
  matrix.forEach((values, r) => {
    const at = rowIndex + r;
    let row = rows[at] ?? { id: newRowId(), cells: {} };
    values.forEach((v, c) => {
      const column = columns[colIndex + c];
      if (column) row = withCell(row, column, v.trim());
    });
    rows[at] = row;
  });
  return { ...model, rows };
}

export function insertRows(model: SheetModel, at: number, cells: Record<string, string>[]): SheetModel {
  const rows = [...model.rows];
  rows.splice(at, 0, ...cells.map((c) => ({ id: newRowId(), cells: { ...c } })));
  return { ...model, rows };
}

export function duplicateRows(model: SheetModel, from: number, to: number): SheetModel {
  return insertRows(model, to + 1, model.rows.slice(from, to + 1).map((r) => r.cells));
}

export function deleteRows(model: SheetModel, from: number, to: number): SheetModel {
  const rows = model.rows.filter((_, i) => i < from || i > to);
  return { ...model, rows };
}

/** Copies the top cell of each selected column into the rows below it in the selection. */
export function fillDown(model: SheetModel, r0: number, r1: number, c0: number, c1: number): SheetModel {
  const columns = columnsOf(model).slice(c0, c1 + 1);
  const rows = [...model.rows];
  const top = rows[r0];
  if (!top) return model;
  for (let r = r0 + 1; r <= r1 && r < rows.length; r++) {
    let row = rows[r];
    for (const col of columns) row = withCell(row, col, top.cells[col] ?? '');
    rows[r] = row;
  }
  return { ...model, rows };
}

export function clearCells(model: SheetModel, r0: number, r1: number, c0: number, c1: number): SheetModel {
  const columns = columnsOf(model).slice(c0, c1 + 1);
  const rows = [...model.rows];
  for (let r = r0; r <= r1 && r < rows.length; r++) {
    let row = rows[r];
    for (const col of columns) row = withCell(row, col, '');
    rows[r] = row;
  }
  return { ...model, rows };
}

export function addAttribute(model: SheetModel, name: string): SheetModel {
  return { ...model, attributes: [...model.attributes, name] };
}

const isAttribute = (name: string) => !HEADERS.includes(name);

/**
 * Puts each mapped column's values where the mapping says: into a documented column, under another
 * attribute name, or nowhere (`to` null drops the column). A column mapped to itself stays.
 */
export function applyMapping(model: SheetModel, mapping: readonly Pick<ColumnMapping, 'from' | 'to'>[]): SheetModel {
  const moves = new Map(mapping.filter((m) => m.to !== m.from).map((m) => [m.from, m.to]));
  if (moves.size === 0) return model;
  const rows = model.rows.map((r) => {
    if (!Object.keys(r.cells).some((k) => moves.has(k))) return r;
    const cells: Record<string, string> = {};
    for (const [k, v] of Object.entries(r.cells)) {
      const to = moves.has(k) ? moves.get(k) : k;
      if (to && (cells[to] ?? '') === '') cells[to] = v;
    }
    return { ...r, cells };
  });
  const added = [...moves.values()].filter((to): to is string => to !== null && isAttribute(to));
  const attributes = [...new Set([...model.attributes.filter((a) => !moves.has(a)), ...added])];
  return { ...model, attributes, rows };
}

/**
 * Pastes a block whose first line names its columns: each column goes where the mapping puts it
 * (by name, not by position), from `rowIndex` down. Attribute columns it names are added.
 */
export function pasteByHeaders(model: SheetModel, rowIndex: number, matrix: string[][], mapping: readonly Pick<ColumnMapping, 'to'>[]): SheetModel {
  const targets = mapping.map((m) => m.to);
  const added = targets.filter((t): t is string => t !== null && isAttribute(t) && !model.attributes.includes(t));
  const rows = [...model.rows];
  matrix.slice(1).forEach((values, r) => {
    const at = rowIndex + r;
    let row = rows[at] ?? { id: newRowId(), cells: {} };
    values.forEach((v, c) => {
      const column = targets[c];
      if (column) row = withCell(row, column, v.trim());
    });
    rows[at] = row;
  });
  return { ...model, attributes: [...model.attributes, ...new Set(added)], rows };
}
