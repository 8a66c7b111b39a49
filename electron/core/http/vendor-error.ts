import { secretRedactor } from '../secrets/redact';

export type VendorErrorKind = 'timeout' | 'network' | 'http' | 'invalid-response' | 'insecure-endpoint';

export interface VendorErrorOptions {
  status?: number;
  retryAfterMs?: number;
  vendorMessage?: string;
  mayHaveApplied?: boolean;
  details?: string[];
  /** What a body that is not JSON looked like, so a caller can explain it (e.g. a user set up for XML). */
  bodyFormat?: 'html' | 'xml' | 'text';
  /** The start of a body that is not JSON, for callers that accept a plain-text answer. */
  bodyText?: string;
  /** The transport's own code for a failed connection (ECONNRESET, UND_ERR_SOCKET…), for a details view. */
  code?: string;
}

/**
 * A vendor call that did not give a usable answer. `mayHaveApplied` says whether the vendor could
 * have acted on the request anyway (a timeout or reset after it was sent): callers of
 * non-idempotent operations must not blindly repeat those. Its texts never hold a secret: a vendor
 * that echoes a key (an error page quoting the request path) has it blanked out here, once for all.
 */
export class VendorError extends Error {
  readonly opts: VendorErrorOptions;

  constructor(
    readonly vendor: string,
    readonly kind: VendorErrorKind,
    message: string,
    opts: VendorErrorOptions = {},
  ) {
    super(secretRedactor.scrub(message));
    this.name = 'VendorError';
    this.opts = { ...opts, vendorMessage: opts.vendorMessage === undefined ? undefined : secretRedactor.scrub(opts.vendorMessage), details: secretRedactor.scrubDeep(opts.details), bodyText: opts.bodyText === undefined ? undefined : secretRedactor.scrub(opts.bodyText) };
  }

  get status() {
    return this.opts.status;
  }
  get retryAfterMs() {
    return this.opts.retryAfterMs;
  }
  get mayHaveApplied() {
    return this.opts.mayHaveApplied ?? false;
  }
  /** Worth trying again later: the vendor was unreachable, busy or failing, not refusing the request. */
  get transient(): boolean {
    if (this.kind === 'timeout' || this.kind === 'network') return true;
    const s = this.opts.status;
    return this.kind === 'http' && s !== undefined && (s === 429 || s === 408 || s >= 500);
  }
}

/** Retry-After is either seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Full-jitter exponential backoff, never sooner than the vendor asked. */
export function backoffDelay(attempt: number, opts: { baseMs?: number; maxMs?: number; retryAfterMs?: number; random?: () => number } = {}): number {
  const { baseMs = 1000, maxMs = 5 * 60_000, retryAfterMs, random = Math.random } = opts;
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  const jittered = Math.round(ceiling / 2 + random() * (ceiling / 2));
  return Math.max(jittered, retryAfterMs ?? 0);
}
