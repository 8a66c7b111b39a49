import { z } from 'zod';
import { scMessages, saidError } from '../../shared/simpleconsign/vendor-messages';
import type { ConnectionTester, ResolvedConnection } from '../connections/connections-service';
import type { VendorHttp } from '../core/http/vendor-http';
import { VendorError } from '../core/http/vendor-error';

/** SimpleConsign answers `{ success: true }` or `{ success: false, error: "…" }`. */
export const transactionAnswerSchema = z.object({ success: z.boolean(), error: z.string().nullish() });
export type TransactionAnswer = z.infer<typeof transactionAnswerSchema>;

/** …/app/api + /transaction, whatever trailing slash the address was saved with. */
export function transactionUrl(baseUrl: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/transaction`;
}

/**
 * One POST to Online Transactions. Never retried here: a sale or return is not idempotent in
 * general, and the sales outbox decides when to send again.
 */
export async function postTransaction(http: VendorHttp, opts: { baseUrl: string; key: string; body: object; signal?: AbortSignal }): Promise<TransactionAnswer> {
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
  return res.data;
}

/**
 * "Test connection" without recording anything: a v1-style transaction with zero totals and no
 * items is refused with "taxableSaleTotal and nonTaxableSaleTotal is $0.00" only once the key,
 * the rate allowance and the price plan have passed, so that answer proves the key works.
 */
export function simpleConsignTester(http: VendorHttp): ConnectionTester {
  return async (conn: ResolvedConnection) => {
    const settings = conn.settings as { baseUrl: string };
    try {
      const answer = await postTransaction(http, { baseUrl: settings.baseUrl, key: conn.secrets.apiKey ?? '', body: { nonTaxableSaleTotal: 0, taxableSaleTotal: 0, tax: 0 } });
      if (saidError(answer.error, scMessages.zeroTotals)) {
        return { ok: true, message: 'SimpleConsign accepted the API key. (Checked with an empty transaction, which it refuses, so nothing was recorded.)' };
      }
      if (answer.success) return { ok: true, message: 'SimpleConsign accepted the API key, and recorded the empty test transaction.' };
      if (saidError(answer.error, scMessages.invalidKey)) return { ok: false, message: 'SimpleConsign said “invalid API key”. Check the Location API key.' };
      return { ok: false, message: `SimpleConsign said “${answer.error ?? 'no reason given'}”.` };
    } catch (error) {
      if (error instanceof VendorError) return { ok: false, message: error.message };
      throw error;
    }
  };
}
