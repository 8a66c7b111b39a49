import { secretPattern } from './secret-forms';

/** Shorter values are too likely to occur in ordinary text (an amount, a year) to be blanked out everywhere. */
export const MIN_SCRUBBED_LENGTH = 6;
export const HIDDEN = '[hidden]';

/** Values kept per credential: the current one and those it just replaced (a call in flight may still echo them). */
const VALUES_PER_SLOT = 3;
/** Values told without saying whose they are; the oldest go first. */
const LOOSE_VALUES = 32;

/**
 * Every secret the app has read or stored this run, in every form it can take inside a text (see
 * `secret-forms.ts`). `scrub` blanks them out of any text before it is logged, stored or shown. Values
 * are kept per credential (`slot`), a few each, so a burst of new values cannot grow the list without end.
 */
export class SecretRedactor {
  private readonly slots = new Map<string, string[]>();
  /** One expression per value, built once: a burst of new values costs one build each, not one of all. */
  private readonly built = new Map<string, RegExp>();
  private patterns: RegExp[] = [];

  add(value: string, slot = ''): void {
    if (value.length < MIN_SCRUBBED_LENGTH) return;
    const values = this.slots.get(slot) ?? [];
    if (values[values.length - 1] === value) return;
    const next = [...values.filter((v) => v !== value), value];
    this.slots.set(slot, next.slice(-(slot === '' ? LOOSE_VALUES : VALUES_PER_SLOT)));
    const kept = [...new Set([...this.slots.values()].flat())];
    for (const v of this.built.keys()) if (!kept.includes(v)) this.built.delete(v);
    for (const v of kept) if (!this.built.has(v)) this.built.set(v, new RegExp(secretPattern(v), 'g'));
    // Longest first, so a value that contains another is replaced whole.
    this.patterns = kept.sort((a, b) => b.length - a.length).map((v) => this.built.get(v)!);
  }

  get active(): boolean {
    return this.patterns.length > 0;
  }

  scrub(text: string): string {
    let out = text;
    for (const pattern of this.patterns) {
      pattern.lastIndex = 0;
      // Testing first is many times faster than replacing when, as nearly always, there is nothing to hide.
      if (pattern.test(out)) out = out.replace(pattern, HIDDEN);
    }
    return out;
  }

  /** Whether a text holds a known secret in any form. */
  holdsSecret(text: string): boolean {
    return this.patterns.some((pattern) => ((pattern.lastIndex = 0), pattern.test(text)));
  }

  /** Scrubs every string inside a value (an error's details, a row's fields). */
  scrubDeep<T>(value: T): T {
    if (!this.active) return value;
    if (typeof value === 'string') return this.scrub(value) as T;
    if (Array.isArray(value)) return value.map((v: unknown) => this.scrubDeep(v)) as T;
    if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [this.scrub(k), this.scrubDeep(v)])) as T;
    }
    return value;
  }
}

/** The app's one redactor: the keychain store feeds it; errors, the log and the store's writes consult it. */
export const secretRedactor = new SecretRedactor();

export const scrubSecrets = (text: string): string => secretRedactor.scrub(text);
