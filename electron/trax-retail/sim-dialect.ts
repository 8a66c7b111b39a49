import Papa from 'papaparse';
import type { SimTable } from './sim-file-check';

/**
 * Where the document is silent, the simulator picks one reading per import from its seed, so the
 * app cannot pass its tests by agreeing with a single guess.
 */
export interface Dialect {
  /** How status words are written: "accepted", "Accepted" or "ACCEPTED". */
  statusCase: 'lower' | 'capital' | 'upper';
  /** The document's sample shows the review's end in `status` as well as in `reviewStatus`. */
  importedInStatus: boolean;
  /** Counts as JSON numbers or as strings. */
  countsAsStrings: boolean;
  /** How "no error file" is said. */
  noErrorId: 'null' | 'empty' | 'absent';
  /** The upload's answer: `{"importId": …}` or the id as a bare JSON string. */
  importIdAsString: boolean;
  /** The error file; a row number counts the header as line 1 (`rowBase` 2: the first data row is 2) or counts data rows only (1). */
  errorFile: { delimiter: ';' | ','; layout: 'row-copy' | 'row-number' | 'error-first'; joiner: '; ' | ' | '; bom: boolean; rowBase?: 1 | 2 };
}

export function pickDialect(random: () => number): Dialect {
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
  return {
    statusCase: pick(['lower', 'capital', 'upper'] as const),
    importedInStatus: random() < 0.5,
    countsAsStrings: random() < 0.3,
    noErrorId: pick(['null', 'empty', 'absent'] as const),
    importIdAsString: random() < 0.3,
    errorFile: {
      delimiter: pick([';', ','] as const), layout: pick(['row-copy', 'row-number', 'error-first'] as const), joiner: pick(['; ', ' | '] as const), bom: random() < 0.5,
      rowBase: pick([1, 2] as const),
    },
  };
}

export function cased(word: string, d: Dialect): string {
  if (d.statusCase === 'upper') return word.toUpperCase();
  if (d.statusCase === 'capital') return word.charAt(0).toUpperCase() + word.slice(1);
  return word;
}

const IDENTIFYING = ['Product type', 'Action', 'Product local name', 'EAN code', 'Trax product ID', 'Trax product UUID', 'Alternative Design Name'];

/**
 * The error file, laid out one of three ways: every column of the row plus an "Error" column; a
 * row number (counting the header as line 1, or data rows only), a few identifying columns and
 * "Errors"; or "Error message" first, then the row.
 */
export function writeErrorFile(table: SimTable, errors: Map<number, string[]>, d: Dialect): Buffer {
  const { layout, delimiter, joiner, bom, rowBase = 2 } = d.errorFile;
  const ids = IDENTIFYING.filter((h) => table.headers.includes(h));
  let out: string[][];
  if (layout === 'row-copy') {
    out = [[...table.headers, 'Error'], ...[...errors].map(([i, e]) => [...table.headers.map((_, c) => table.rows[i][c] ?? ''), e.join(joiner)])];
  } else if (layout === 'row-number') {
    out = [['Row', ...ids, 'Errors'], ...[...errors].map(([i, e]) => [String(i + rowBase), ...ids.map((h) => table.rows[i][table.headers.indexOf(h)] ?? ''), e.join(joiner)])];
  } else {
    out = [['Error message', ...table.headers], ...[...errors].map(([i, e]) => [e.join(joiner), ...table.headers.map((_, c) => table.rows[i][c] ?? '')])];
  }
  const text = Papa.unparse(out, { delimiter, newline: '\n' });
  return Buffer.from((bom ? '\uFEFF' : '') + text, 'utf8');
}
