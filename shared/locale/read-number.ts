import { groupVariants, SPACES, type NumberMarks } from './number-marks';

/**
 * Why typed text is not a number, so each field can say it in its own words:
 * - `marks`: separators where neither thousands nor decimals go ("1,2,3"), or this locale's marks mixed with another's;
 * - `too-many-decimals`: more digits after the decimal mark than the field takes;
 * - `ambiguous`: both a thousands and a decimal reading fit ("1,250" where three decimals are allowed).
 */
export type NumberProblem = 'empty' | 'not-a-number' | 'marks' | 'too-many-decimals' | 'ambiguous' | 'negative';

/** A number as digits, never as a float: `whole` and `fraction` are ASCII digit strings. */
export type NumberReading = { ok: true; negative: boolean; whole: string; fraction: string } | { ok: false; problem: NumberProblem; readings?: string[] };

export interface ReadOptions {
  /** Digits allowed after the decimal mark: 2 for money, 0 for a count. */
  maxFraction: number;
  allowNegative?: boolean;
  /** Text that may stand before or after the number and means nothing more ("$", "US$", "€", "USD", "%"). */
  affixes?: string[];
}

const MINUS = /^[-\u2212]/;

function stripAffixes(text: string, affixes: string[]): { rest: string; negative: boolean } {
  let rest = text.trim();
  let negative = false;
  for (let pass = 0; pass < 3; pass++) {
    if (MINUS.test(rest)) {
      negative = !negative;
      rest = rest.slice(1).trim();
    }
    const lower = rest.toLowerCase();
    const affix = affixes.find((a) => a && (lower.startsWith(a.toLowerCase()) || lower.endsWith(a.toLowerCase())));
    if (!affix) continue;
    rest = (lower.startsWith(affix.toLowerCase()) ? rest.slice(affix.length) : rest.slice(0, rest.length - affix.length)).trim();
  }
  return { rest, negative };
}

/** The locale's own digits as ASCII digits. */
function asciiDigits(text: string, marks: NumberMarks): string {
  return [...text].map((c) => (marks.digits.includes(c) ? String(marks.digits.indexOf(c)) : c)).join('');
}

/** Whether digit runs split by group marks are grouped as the locale groups (1,234,567; 12,34,567 in en-IN). */
function groupedRight(runs: string[], marks: NumberMarks): boolean {
  if (runs.length === 1) return runs[0].length > 0;
  const last = runs.length - 1;
  return runs.every((r, i) => {
    if (i === last) return r.length === marks.primaryGroup;
    if (i === 0) return r.length >= 1 && r.length <= marks.secondaryGroup;
    return r.length === marks.secondaryGroup;
  });
}

function result(negative: boolean, whole: string, fraction: string, opts: ReadOptions): NumberReading {
  if (negative && !opts.allowNegative && /[1-9]/.test(whole + fraction)) return { ok: false, problem: 'negative' };
  return { ok: true, negative: negative && /[1-9]/.test(whole + fraction), whole: whole.replace(/^0+(?=\d)/, '') || '0', fraction };
}

/** One separator only: a thousands mark, a decimal mark, or (where both readings fit the field) neither. */
function oneSeparator(before: string, sep: string, after: string, marks: NumberMarks, opts: ReadOptions, negative: boolean): NumberReading {
  const isGroup = groupVariants(marks).includes(sep);
  const asGroup = isGroup && before.length > 0 && groupedRight([before, after], marks);
  // A space or an apostrophe is never a decimal mark; "." and "," may be, where the locale does not group with them in this place.
  const canBeDecimal = !SPACES.includes(sep) && (sep === marks.decimal || sep === '.' || sep === ',');
  const asDecimal = canBeDecimal && after.length <= opts.maxFraction && (before.length > 0 || after.length > 0);
  if (asGroup && asDecimal) return { ok: false, problem: 'ambiguous', readings: [`${before}${after}`, `${before || '0'}.${after}`] };
  if (asGroup) return result(negative, before + after, '', opts);
  if (asDecimal) return result(negative, before, after, opts);
  return { ok: false, problem: canBeDecimal && after.length > opts.maxFraction ? 'too-many-decimals' : 'marks' };
}

/**
 * Reads a number as a person in `marks.locale` types it, or says why it cannot. The locale's decimal mark is a
 * decimal mark; "." and "," are both read as decimal marks where that is the only reading ("12,50" in en-US,
 * "12.50" in de-DE); thousands marks are read only as the locale writes them, in the right places.
 */
export function readNumber(text: string, marks: NumberMarks, opts: ReadOptions): NumberReading {
  const stripped = stripAffixes(asciiDigits(text, marks), opts.affixes ?? []);
  const negative = stripped.negative;
  // Any of the spaces (or apostrophes) a person may type for this locale's group mark counts as that mark.
  const rest = [...stripped.rest].map((c) => (groupVariants(marks).includes(c) ? marks.group : c)).join('');
  if (rest === '') return { ok: false, problem: text.trim() === '' ? 'empty' : 'not-a-number' };
  const separators = new Set(['.', ',', marks.decimal, ...groupVariants(marks)]);
  if (![...rest].every((c) => (c >= '0' && c <= '9') || separators.has(c))) return { ok: false, problem: 'not-a-number' };
  const runs = rest.split(/[^0-9]/);
  const seps = [...rest].filter((c) => !(c >= '0' && c <= '9'));
  if (seps.length === 0) return result(negative, rest, '', opts);
  if (seps.length === 1) return oneSeparator(runs[0], seps[0], runs[1], marks, opts, negative);
  const last = seps[seps.length - 1];
  const groups = seps.slice(0, -1);
  const groupOk = (c: string) => c === marks.group;
  if (seps.every((c) => c === last)) {
    // Several of one mark: thousands marks only.
    return groupOk(last) && groupedRight(runs, marks) ? result(negative, runs.join(''), '', opts) : { ok: false, problem: 'marks' };
  }
  // Thousands marks, then one decimal mark.
  const decimalOk = !SPACES.includes(last) && !groupOk(last) && (last === marks.decimal || last === '.' || last === ',');
  if (!groups.every(groupOk) || !decimalOk || !groupedRight(runs.slice(0, -1), marks)) return { ok: false, problem: 'marks' };
  const fraction = runs[runs.length - 1];
  if (fraction.length > opts.maxFraction) return { ok: false, problem: 'too-many-decimals' };
  return result(negative, runs.slice(0, -1).join(''), fraction, opts);
}
