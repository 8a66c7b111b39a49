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
const fold = (s: string) => (NOT_ASCII.test(s) ? s.normalize('NFD').replace(/\p{M}+/gu, '') : s).toLowerCase();

const LETTER_OR_DIGIT_LAST = /[\p{L}\p{N}]$/u;

/** Whether the character before `at` is a letter or digit (a surrogate pair read whole). */
function afterLetterOrDigit(text: string, at: number): boolean {
  const c = text.charCodeAt(at - 1);
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
  return LETTER_OR_DIGIT_LAST.test(text.slice(Math.max(0, at - 2), at));
}

/** Whether a (folded) word starts a word of the (folded) text: at its start or after a character that is not a letter or digit. */
function startsAWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) if (at === 0 || !afterLetterOrDigit(text, at)) return true;
  return false;
}

/** Between the columns of a row's text as a walk reads it (rowTextSql): not a letter or digit, so a word never spans two columns. */
const COLUMN_SEPARATOR = '\x1f';
/** Between rows, in the text of a batch of rows (group_concat of rowTextSql). */
export const ROW_SEPARATOR = '\x1e';

/**
 * One row's searchable text as one value, for a walk to test: the consignor's column first (a
 * named consignor is tested on it alone), then the others, each separator taken out of the
 * columns so that neither a row nor the consignor's column is ever split in two.
 */
export function rowTextSql(columns: readonly string[], consignor: string): string {
  const others = columns.filter((c) => c !== consignor);
  return `replace(concat_ws(char(31), replace(coalesce(${consignor}, ''), char(31), ' '), ${others.join(', ')}), char(30), ' ')`;
}

/**
 * A character outside plain text, the text that folding changes only in case: ASCII, and general
 * punctuation (curly quotes, dashes), none of which is a letter, a digit or a mark.
 */
const NOT_PLAIN = /[^\x00-\x7f\u2000-\u206f]/;

/**
 * The match tested on a row's text as rowTextSql reads it, the way the full-text index would
 * answer it: every word starts a word of some column, and a named consignor starts a word of the
 * consignor's column. Plain text (most of it) only needs its case folded; other text is folded
 * as the full-text index folds it. Lets a broad query walk a sort index and test each row
 * without asking the full-text index once per row.
 */
export function rowTextMatcher(q: ParsedQuery): (text: string) => boolean {
  const words = q.words.map(fold);
  const consignor = q.consignor === null ? null : fold(q.consignor);
  // Plain text is searched as it is, ignoring case; a folded word that is not plain ASCII is in no such text.
  const ascii = [...words, ...(consignor === null ? [] : [consignor])].some((w) => NOT_ASCII.test(w))
    ? null
    : { words: words.map((w) => new RegExp(`(?:^|[^a-z0-9])${w}`, 'i')), consignor: consignor === null ? null : new RegExp(`^(?:[^\x1f]*[^a-z0-9\x1f])?${consignor}`, 'i') };
  const consignorColumn = (text: string) => {
    const end = text.indexOf(COLUMN_SEPARATOR);
    return end < 0 ? text : text.slice(0, end);
  };
  return (raw) => {
    if (!NOT_PLAIN.test(raw)) {
      if (ascii === null || !ascii.words.every((w) => w.test(raw))) return false;
      return ascii.consignor === null || ascii.consignor.test(raw);
    }
    const text = fold(raw);
    if (!words.every((w) => startsAWord(text, w))) return false;
    return consignor === null || startsAWord(consignorColumn(text), consignor);
  };
}
