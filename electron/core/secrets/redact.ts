/** Shorter values are too likely to occur in ordinary text (an amount, a year) to be blanked out everywhere. */
export const MIN_SCRUBBED_LENGTH = 6;
export const HIDDEN = '[hidden]';

/**
 * Every secret the app has read or stored this run, in the forms it can take inside a text: as typed,
 * URL-encoded (a key in a request path, echoed back by an error page) and JSON-escaped. `scrub` blanks
 * them out of any text before it is logged, stored or shown.
 */
export class SecretRedactor {
  private forms: string[] = [];

  add(value: string): void {
    if (value.length < MIN_SCRUBBED_LENGTH) return;
    const forms = [value, encodeURIComponent(value), encodeURI(value), JSON.stringify(value).slice(1, -1)];
    const next = new Set([...this.forms, ...forms]);
    // Longest first, so a form that contains another is replaced whole.
    this.forms = [...next].sort((a, b) => b.length - a.length);
  }

  get active(): boolean {
    return this.forms.length > 0;
  }

  scrub(text: string): string {
    let out = text;
    for (const form of this.forms) if (out.includes(form)) out = out.split(form).join(HIDDEN);
    return out;
  }

  /** Scrubs every string inside a value (an error's details, a row's fields). */
  scrubDeep<T>(value: T): T {
    if (!this.active) return value;
    if (typeof value === 'string') return this.scrub(value) as T;
    if (Array.isArray(value)) return value.map((v: unknown) => this.scrubDeep(v)) as T;
    if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.scrubDeep(v)])) as T;
    }
    return value;
  }
}

/** The app's one redactor: the keychain store feeds it; errors, the log and the store's writes consult it. */
export const secretRedactor = new SecretRedactor();

export const scrubSecrets = (text: string): string => secretRedactor.scrub(text);
