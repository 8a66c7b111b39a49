import Papa from 'papaparse';
import { HEADERS } from '../../shared/trax-retail/columns';
import type { VendorRowError } from '../../shared/trax-retail/contract';
import type { WrittenRows } from './imports-repo';

const ERROR_HEADER = /error|message|reason|problem|issue|fehler/i;
const ROW_HEADER = /^\s*(row|line|row ?(no|nr|number|#|index)|line ?(no|nr|number|#)|#)\s*$/i;
/** Headers longest first, so "Brand local name" wins over "Brand name" inside a message. */
const MENTIONABLE = [...HEADERS].sort((a, b) => b.length - a.length);

interface Layout {
  errorCols: number[];
  rowCol: number;
  /** Columns of the error file that are columns of the uploaded sheet, with their index there. */
  keyCols: { at: number; sheet: number }[];
}

function layoutOf(headers: string[], written: WrittenRows): Layout {
  const keyCols = headers.map((h, at) => ({ at, sheet: written.headers.indexOf(h) })).filter((k) => k.sheet >= 0);
  const rest = headers.map((_, i) => i).filter((i) => !keyCols.some((k) => k.at === i));
  const rowCol = rest.find((i) => ROW_HEADER.test(headers[i])) ?? -1;
  const named = rest.filter((i) => i !== rowCol && ERROR_HEADER.test(headers[i]));
  const others = rest.filter((i) => i !== rowCol);
  return { errorCols: named.length > 0 ? named : others.length > 0 ? others : [headers.length - 1], rowCol, keyCols };
}

/** The sheet rows whose identifying cells are those of the error row. */
function candidates(cells: string[], layout: Layout, written: WrittenRows): number[] {
  if (layout.keyCols.length === 0) return [];
  const out: number[] = [];
  written.rows.forEach((r, i) => {
    if (layout.keyCols.every((k) => (cells[k.at] ?? '').trim() === (r.cells[k.sheet] ?? ''))) out.push(i);
  });
  return out;
}

/** The row number written in an error row, or null. */
function numberOf(cells: string[], layout: Layout): number | null {
  if (layout.rowCol < 0) return null;
  const n = Number((cells[layout.rowCol] ?? '').replace(/\D/g, ''));
  return Number.isInteger(n) && n > 0 ? n : null;
}

/**
 * How the file counts rows, decided once for the whole file: the n-th line counting the header
 * (index n - 2) or the n-th data row (index n - 1). Deciding row by row would put two identical
 * rows' errors on one of them. A 1 can only be a data row; otherwise the reading whose rows agree
 * with their identifying cells wins, the header-counting one when both do.
 */
function numberOffset(rows: string[][], layout: Layout, written: WrittenRows, pools: (number[] | null)[]): 1 | 2 {
  const numbers = rows.map((r) => numberOf(r, layout));
  if (numbers.includes(1)) return 1;
  const fits = (offset: number) =>
    numbers.filter((n, i) => n !== null && n - offset >= 0 && n - offset < written.rows.length && (!pools[i] || pools[i]!.includes(n - offset))).length;
  return fits(1) > fits(2) ? 1 : 2;
}

/**
 * The sheet row each error row came from, one to one: a row number when the file has one, else the
 * first sheet row with the same identifying cells that no earlier error row took (so two identical
 * refused rows each get their own errors).
 */
function matchRows(rows: string[][], layout: Layout, written: WrittenRows): (number | null)[] {
  const pools = rows.map((cells) => (layout.keyCols.length > 0 ? candidates(cells, layout, written) : null));
  const offset = numberOffset(rows, layout, written, pools);
  const used = new Set<number>();
  return rows.map((cells, i) => {
    const n = numberOf(cells, layout);
    const pool = pools[i];
    let index: number | null = null;
    if (n !== null && n - offset >= 0 && n - offset < written.rows.length && (!pool || pool.includes(n - offset))) index = n - offset;
    else if (pool) index = pool.find((p) => !used.has(p)) ?? pool[0] ?? null;
    if (index !== null) used.add(index);
    return index;
  });
}

/** Splits the vendor's text into single messages and says which column each speaks of, when it names one. */
function messages(text: string, headers: readonly string[]): { column: string | null; message: string }[] {
  const parts = text.split(/\s*(?:;|\||\n)\s*/).map((p) => p.trim()).filter(Boolean);
  const names = [...MENTIONABLE, ...headers.filter((h) => !HEADERS.includes(h))];
  return (parts.length > 0 ? parts : [text.trim() || 'Trax reported an error for this row.']).map((message) => {
    const lower = message.toLowerCase();
    return { column: names.find((h) => lower.includes(h.toLowerCase())) ?? null, message };
  });
}

/**
 * Reads an error file whose layout the vendor does not document: any delimiter, a byte-order mark
 * or not, the error text in one or more columns named like "Error", and the row identified by its
 * sheet columns and/or a row number. Each row is matched to the uploaded sheet row it came from;
 * one that cannot be matched keeps its cells as the vendor wrote them.
 */
export function readErrorFile(bytes: Buffer, written: WrittenRows): { headers: string[]; errors: VendorRowError[] } {
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const data = Papa.parse<string[]>(text, { delimitersToGuess: [';', ',', '\t', '|'], skipEmptyLines: 'greedy' }).data;
  const [headers = [], ...rows] = data;
  const layout = layoutOf(headers.map((h) => h.trim()), written);
  const matched = matchRows(rows, layout, written);
  const errors: VendorRowError[] = [];
  for (const [i, cells] of rows.entries()) {
    const index = matched[i];
    const rowId = index === null ? null : written.rows[index].id;
    const asWritten = Object.fromEntries(headers.map((h, i) => [h.trim() || `Column ${i + 1}`, cells[i] ?? '']));
    const errorText = layout.errorCols.map((i) => cells[i] ?? '').filter(Boolean).join('; ');
    for (const m of messages(errorText, written.headers)) errors.push({ rowId, column: m.column, message: m.message, cells: asWritten });
  }
  return { headers: headers.map((h) => h.trim()), errors };
}
