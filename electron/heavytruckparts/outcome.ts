import { VendorError } from '../core/http/vendor-error';
import { scrub, toAppError, XML_USER_MESSAGE } from './client-errors';
import type { HtpConnection } from './connection';

/** What became of a call that acts at HeavyTruckParts (creates a document, sends an e-mail). */
export type Outcome =
  | { kind: 'answered'; body: unknown; text: string | null }
  | { kind: 'unknown'; message: string }
  | { kind: 'failed'; message: string };

/**
 * Sorts a failure into "it did not happen" and "it may have happened". A time-out, a dropped
 * connection or a 5xx after sending may have landed; so has a 2xx whose body cannot be read.
 */
export function outcomeOf(error: unknown, conn: HtpConnection, feature: 'logging' | 'sales documents'): Outcome {
  if (!(error instanceof VendorError)) throw error;
  if (error.kind === 'invalid-response' && (error.status ?? 200) < 300) {
    const text = error.opts.bodyText ?? '';
    if (error.opts.bodyFormat === 'text' || error.opts.bodyFormat === 'xml') {
      return { kind: 'answered', body: null, text: `${scrub(text, conn)}${error.opts.bodyFormat === 'xml' ? `\n(${XML_USER_MESSAGE})` : ''}` };
    }
    return { kind: 'unknown', message: `HeavyTruckParts answered, but not in a form the app can read, so whether it acted is not known. ${scrub(error.message, conn)}` };
  }
  if (error.kind === 'invalid-response') return { kind: 'unknown', message: scrub(error.message, conn) };
  if (error.mayHaveApplied) {
    return { kind: 'unknown', message: `${scrub(error.message, conn).replace(/ ?the app will try again\.?/i, '')} HeavyTruckParts may have received it.` };
  }
  const app = toAppError(error, conn, feature);
  return { kind: 'failed', message: app instanceof Error ? app.message : String(app) };
}
