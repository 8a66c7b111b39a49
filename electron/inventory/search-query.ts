/** What a person typed, read as words and the consignor they named. */
export interface ParsedQuery {
  words: string[];
  /** "Consignor 100009", as the results table shows an owner. */
  consignor: string | null;
}

const WORD = /[\p{L}\p{N}]+/gu;
const CONSIGNOR = /\bconsignor\s*(?:#|no\.?|id)?\s*([\p{L}\p{N}]+)/iu;

export function parseQuery(text: string): ParsedQuery {
  const named = CONSIGNOR.exec(text);
  const rest = named ? text.slice(0, named.index) + ' ' + text.slice(named.index + named[0].length) : text;
  const words = Array.from(rest.matchAll(WORD), (m) => m[0]).slice(0, 12);
  return { words, consignor: named ? named[1] : null };
}

const term = (w: string) => `"${w.replace(/"/g, '""')}"*`;

/**
 * Words → an FTS5 query: each word a quoted prefix term, all of them required, so punctuation and
 * FTS syntax in the input can never break the query. A named consignor matches their id column only.
 */
export function matchExpression(q: ParsedQuery): string | null {
  const parts = q.words.map(term);
  if (q.consignor) parts.push(`consignor_id : ${term(q.consignor)}`);
  return parts.length === 0 ? null : parts.join(' ');
}

/** The FTS5 query for typed text (kept for callers that only need the expression). */
export function ftsQuery(text: string): string | null {
  return matchExpression(parseQuery(text));
}

/** Whether two words differ by one letter dropped, added or changed, or two neighbours swapped. */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const rest = (x: string, from: number) => x.slice(from);
  if (a.length === b.length) {
    if (rest(a, i + 1) === rest(b, i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && rest(a, i + 2) === rest(b, i + 2);
  }
  return a.length > b.length ? rest(a, i + 1) === rest(b, i) : rest(a, i) === rest(b, i + 1);
}

const NOT_ASCII = /[^\x00-\x7f]/;

/** Case and accents folded as the full-text index folds them (unicode61, remove_diacritics); plain ASCII only needs its case. */
const fold = (s: string) => (NOT_ASCII.test(s) ? s.normalize('NFKD').replace(/\p{M}+/gu, '') : s).toLowerCase();

/** A word that starts a word of the text: at the text's start or after a character that is not a letter or digit. */
const startsAWord = (word: string) => new RegExp(`(?:^|[^\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'u');

/**
 * A word's test on one column's text: plain ASCII text (most of it) is searched ignoring case,
 * as it is; other text is folded first, as the full-text index folds it.
 */
function wordTest(word: string): (text: string) => boolean {
  const folded = startsAWord(fold(word));
  const plain = NOT_ASCII.test(folded.source) ? null : new RegExp(folded.source, 'ui');
  return (text) => (plain && !NOT_ASCII.test(text) ? plain.test(text) : folded.test(fold(text)));
}

/**
 * The match tested on a row's own text columns (FTS column order, consignor last), the way the
 * full-text index would answer it: every word starts a word of some column. Lets a broad query
 * walk a sort index and test each row without asking the full-text index once per row. Each
 * column is tested on its own, so a word never spans two of them.
 */
export function rowMatcher(q: ParsedQuery): (columns: unknown[]) => boolean {
  const words = q.words.map(wordTest);
  const consignor = q.consignor === null ? null : wordTest(q.consignor);
  const holds = (test: (text: string) => boolean, v: unknown) => typeof v === 'string' && test(v);
  return (columns) => {
    if (!words.every((w) => columns.some((v) => holds(w, v)))) return false;
    return consignor === null || holds(consignor, columns[columns.length - 1]);
  };
}
