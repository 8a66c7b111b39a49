import { z } from 'zod';
import { classifyScError } from '../../shared/simpleconsign/vendor-messages';
import type { VendorHttp } from '../core/http/vendor-http';
import { VendorError } from '../core/http/vendor-error';

/** SimpleConsign answers `{ success: true }` or `{ success: false, error: "…" }` (a "message" is read too). */
export const transactionAnswerSchema = z
  .object({ success: z.boolean(), error: z.string().nullish(), message: z.string().nullish() })
  .transform((a) => ({ success: a.success, error: a.error ?? a.message ?? null }));

export interface TransactionAnswer {
  success: boolean;
  error: string | null;
  /** The HTTP status it came with: the document does not say which status carries an error. */
  status?: number;
  retryAfterMs?: number;
}

/** …/app/api + /transaction, whatever trailing slash the address was saved with. */
export function transactionUrl(baseUrl: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/transaction`;
}

/**
 * A documented SimpleConsign error is its answer whatever status carried it (200, 4xx or 5xx) and
 * however the body named it; anything else stays a transport or HTTP problem.
 */
function documentedRefusal(error: VendorError): TransactionAnswer | null {
  const said = error.opts.vendorMessage;
  if ((error.kind !== 'http' && error.kind !== 'invalid-response') || !said || classifyScError(said) === null) return null;
  return { success: false, error: said, status: error.status, retryAfterMs: error.retryAfterMs };
}

/**
 * One POST to Online Transactions. Never retried here: a sale or return is not idempotent in
 * general, and the sales outbox decides when to send again.
 */
export async function postTransaction(http: VendorHttp, opts: { baseUrl: string; key: string; body: object; signal?: AbortSignal }): Promise<TransactionAnswer> {
  try {
    const res = await http.request({
      vendor: 'SimpleConsign',
      method: 'POST',
      url: transactionUrl(opts.baseUrl),
      json: { key: opts.key, ...opts.body },
      schema: transactionAnswerSchema,
      timeoutMs: 30_000,
      retries: 0,
      signal: opts.signal,
    });
    return { ...res.data, status: res.status };
  } catch (error) {
    const refusal = error instanceof VendorError ? documentedRefusal(error) : null;
    if (refusal) return refusal;
    throw error;
  }
}
