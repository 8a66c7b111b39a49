import type { Cents } from '../money';
import type { Formats } from './formats';
import { readNumber, type NumberProblem, type NumberReading } from './read-number';

/** What a person typed into a money or quantity field: the value, or why it cannot be read, in plain words. */
export type Read<T> = { ok: true; value: T } | { ok: false; problem: string };

/** Amounts up to a hundred billion: cents stay exact integers far beyond any sale. */
const MAX_WHOLE_DIGITS = 11;

const quoted = (text: string) => `“${text.trim()}”`;

/** "12.50" in en-US, "12,50" in de-DE: the example every message gives. */
const example = (f: Formats) => f.amount(1250);
const groupedExample = (f: Formats) => (f.marks.group ? `1${f.marks.group}234${f.marks.decimal}50` : `1234${f.marks.decimal}50`);

function problemText(problem: NumberProblem, text: string, f: Formats, what: string, readings?: string[]): string {
  switch (problem) {
    case 'empty':
      return `Type the ${what}, e.g. ${example(f)}.`;
    case 'negative':
      return `The ${what} cannot be negative.`;
    case 'too-many-decimals':
      return `${quoted(text)} has more decimals than an amount has: type the ${what} like ${example(f)}.`;
    case 'ambiguous':
      return `${quoted(text)} could be ${(readings ?? []).map((r) => f.decimal(r)).join(' or ')}: type the ${what} without a thousands mark.`;
    case 'marks':
      return `${quoted(text)} is not an amount: its marks are not where thousands or cents go. Type the ${what} like ${example(f)} or ${groupedExample(f)}.`;
    default:
      return `${quoted(text)} is not an amount: type the ${what} like ${example(f)}.`;
  }
}

/** Money typed in the workstation's locale, to integer cents on the digits. `what` names the field ("price"). */
export function readMoney(text: string, f: Formats, opts: { what?: string; allowNegative?: boolean } = {}): Read<Cents> {
  const what = opts.what ?? 'amount';
  const r = readNumber(text, f.marks, { maxFraction: 2, allowNegative: opts.allowNegative, affixes: f.currencyAffixes });
  if (!r.ok) return { ok: false, problem: problemText(r.problem, text, f, what, r.readings) };
  if (r.whole.length > MAX_WHOLE_DIGITS) return { ok: false, problem: `${quoted(text)} is more than an amount can be.` };
  const cents = Number(r.whole) * 100 + Number(r.fraction.padEnd(2, '0'));
  return { ok: true, value: r.negative ? -cents : cents };
}

/** A whole number of things (a quantity, minutes) from `min` to `max`, typed in the workstation's locale. */
export function readCount(text: string, f: Formats, opts: { what?: string; min: number; max: number; emptyMeans?: number }): Read<number> {
  const what = opts.what ?? 'quantity';
  const range = `a whole number from ${f.number(opts.min)} to ${f.number(opts.max)}`;
  if (text.trim() === '' && opts.emptyMeans !== undefined) return { ok: true, value: opts.emptyMeans };
  const r: NumberReading = readNumber(text, f.marks, { maxFraction: 0 });
  if (!r.ok || r.whole.length > 15) {
    const unread = !r.ok && r.problem !== 'empty';
    return { ok: false, problem: unread ? `${quoted(text)} cannot be read: the ${what} is ${range}.` : `The ${what} is ${range}.` };
  }
  const n = Number(r.whole);
  if (n < opts.min || n > opts.max) return { ok: false, problem: `The ${what} is ${range}.` };
  return { ok: true, value: n };
}

/** A percentage with up to three decimals ("8.25", "8,25 %"), as thousandths of a percent (8250), from 0 to 99.999. */
export function readPercentMilli(text: string, f: Formats, what = 'tax rate'): Read<number> {
  const r = readNumber(text, f.marks, { maxFraction: 3, affixes: ['%'] });
  if (!r.ok) {
    const hint = `Type the ${what} as a percentage, e.g. ${f.decimal('8.25')}.`;
    if (r.problem === 'ambiguous') return { ok: false, problem: `${quoted(text)} could be ${(r.readings ?? []).map((x) => f.decimal(x)).join(' or ')}. ${hint}` };
    return { ok: false, problem: r.problem === 'empty' ? hint : `${quoted(text)} is not a percentage. ${hint}` };
  }
  if (r.whole.length > 2) return { ok: false, problem: `The ${what} is below 100 %. Type it as a percentage, e.g. ${f.decimal('8.25')}.` };
  return { ok: true, value: Number(r.whole) * 1000 + Number(r.fraction.padEnd(3, '0')) };
}
