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

/** A row number means the n-th data row or the n-th line counting the header: both readings are tried. */
function byNumber(n: number, pool: number[] | null, total: number): number | null {
  for (const index of [n - 2, n - 1]) if (index >= 0 && index < total && (!pool || pool.includes(index))) return index;
  return null;
}

function matchRow(cells: string[], layout: Layout, written: WrittenRows, used: Set<number>): number | null {
  const pool = layout.keyCols.length > 0 ? candidates(cells, layout, written) : null;
  const n = layout.rowCol >= 0 ? Number((cells[layout.rowCol] ?? '').replace(/\D/g, '')) : NaN;
  if (Number.isInteger(n) && n > 0) {
    const hit = byNumber(n, pool, written.rows.length);
    if (hit !== null) return hit;
  }
  if (!pool) return null;
  return pool.find((i) => !used.has(i)) ?? pool[0] ?? null;
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
  const used = new Set<number>();
  const errors: VendorRowError[] = [];
  for (const cells of rows) {
    const index = matchRow(cells, layout, written, used);
    if (index !== null) used.add(index);
    const rowId = index === null ? null : written.rows[index].id;
    const asWritten = Object.fromEntries(headers.map((h, i) => [h.trim() || `Column ${i + 1}`, cells[i] ?? '']));
    const errorText = layout.errorCols.map((i) => cells[i] ?? '').filter(Boolean).join('; ');
    for (const m of messages(errorText, written.headers)) errors.push({ rowId, column: m.column, message: m.message, cells: asWritten });
  }
  return { headers: headers.map((h) => h.trim()), errors };
}
