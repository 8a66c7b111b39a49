import { z } from 'zod';
import { dollarsToCents } from './money';

/**
 * Liberal reading of HeavyTruckParts answers. The document writes the same field several ways
 * ("document_is closed", "days_to return", "function_grup_name", "templatename") and gives values
 * as numbers or strings, so fields are matched ignoring case, spaces and underscores, and values
 * are converted here, once.
 */
export type Obj = Record<string, unknown>;
export const objSchema = z.record(z.string(), z.unknown());

const norm = (k: string) => k.toLowerCase().replace(/[^a-z0-9]/g, '');

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The first of these fields that is present, names compared loosely. */
export function pick(o: Obj, names: string[]): unknown {
  for (const n of names) if (o[n] !== undefined) return o[n];
  const wanted = new Set(names.map(norm));
  for (const [k, v] of Object.entries(o)) if (wanted.has(norm(k)) && v !== undefined) return v;
  return undefined;
}

/** Whether a key is one of these names, compared loosely. */
export function isKnown(key: string, names: Iterable<string>): boolean {
  const n = norm(key);
  for (const name of names) if (norm(name) === n) return true;
  return false;
}

export function textOf(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  return null;
}

export function numOf(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v.replace(/,/g, ''))) return Number(v.replace(/,/g, ''));
  return null;
}

export function intOf(v: unknown): number | null {
  const n = numOf(v);
  return n === null ? null : Math.trunc(n);
}

/** A numeric id as digits ("12", 12, "0012" stays "0012"); anything else is null. */
export function idOf(v: unknown): string | null {
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return String(v);
  if (typeof v === 'string' && /^\s*\d{1,18}\s*$/.test(v)) return v.trim();
  return null;
}

export function boolOf(v: unknown): boolean | null {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') {
    const s = v.trim().toLowerCase();
    if (['true', '1', 'yes', 'y', 't'].includes(s)) return true;
    if (['false', '0', 'no', 'n', 'f', ''].includes(s)) return false;
  }
  return null;
}

export const centsOf = dollarsToCents;

/**
 * A list however it came: an array, an object keyed "0", "1", … (a PHP array turned into JSON),
 * an object holding one array, or a single object.
 */
export function listOf(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  if (!isObj(v)) return [];
  const entries = Object.entries(v);
  if (entries.length === 0) return [];
  if (entries.every(([k]) => /^\d+$/.test(k))) return entries.map(([, x]) => x);
  const arrays = entries.filter(([, x]) => Array.isArray(x));
  if (arrays.length === 1) return arrays[0][1] as unknown[];
  return [v];
}

/** Scalars of an object not in `known`, as label/value pairs, so nothing the vendor sent is hidden. */
export function extraFields(o: Obj, known: Iterable<string>): { label: string; value: string }[] {
  const names = [...known];
  return Object.entries(o)
    .filter(([k, v]) => !isKnown(k, names) && !isObj(v) && !Array.isArray(v) && textOf(v) !== null)
    .map(([k, v]) => ({ label: k, value: textOf(v)! }));
}

/** Q&A as label/value pairs from an object, or from an array of pairs in any of the usual spellings. */
export function qaOf(v: unknown): { label: string; value: string }[] {
  if (Array.isArray(v)) {
    return v.filter(isObj).flatMap((p) => {
      const label = textOf(pick(p, ['label', 'key', 'question', 'name', 'q']));
      const value = textOf(pick(p, ['value', 'answer', 'a']));
      return label ? [{ label, value: value ?? '' }] : [];
    });
  }
  if (!isObj(v)) return [];
  return Object.entries(v).map(([label, x]) => ({ label, value: textOf(x) ?? (Array.isArray(x) ? x.map(textOf).filter(Boolean).join(', ') : '') }));
}

/** Image addresses from an array of strings, one string, or objects with a url. */
export function imagesOf(v: unknown): string[] {
  const list = Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
  return list
    .map((x) => (typeof x === 'string' ? x.trim() : isObj(x) ? textOf(pick(x, ['url', 'uri', 'src', 'image'])) : null))
    .filter((x): x is string => !!x && /^https?:\/\//i.test(x));
}
