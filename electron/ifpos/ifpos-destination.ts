import type { IfposSaleInput } from '../../shared/ifpos/payload';
import type { CoreDeps } from '../app/feature';
import { AppError } from '../core/app-error';
import { VendorError } from '../core/http/vendor-error';
import type { DeliveryOutcome, Destination, TransactionToDeliver } from '../sales/destination';
import { answerSummary, IFPOS_CONNECTIONS, payloadFor, postIfpos, postUrl, schemaSourceNames, settingsProblems, type IfposAnswer } from './ifpos-client';
import { IfposSchemaStore, type ActiveSchema } from './schema-store';

const rejected = (reason: string, action: string): DeliveryOutcome => ({ kind: 'rejected', reason, action });

/**
 * IFPOS keeps one record per sale, so every delivery (the sale, or a return modifying it) sends the
 * whole sale with all its returns as credits. A return being checked before it is recorded is not
 * yet among the sale's returns, so it is added here.
 */
export function saleWithThisReturn(tx: TransactionToDeliver): IfposSaleInput {
  const { sale } = tx;
  const returns = [...sale.returns];
  const listed = tx.transactionId !== 0 && returns.some((r) => r.transactionId === tx.transactionId);
  if (tx.kind === 'RETURN' && !listed) returns.push({ transactionId: tx.transactionId, recordedAt: tx.recordedAt, lines: tx.lines, taxCents: tx.taxCents });
  return { orderNumber: sale.orderNumber, recordedAt: sale.recordedAt, lines: sale.lines, returns };
}

function schemaAction(active: ActiveSchema): string {
  if (active.source === 'bundled') return 'Correct the sale (its SKUs, descriptions, quantities or prices), then resend.';
  return `${schemaSourceNames[active.source]} expects something the app’s payload does not have. If that schema is wrong, clear it on the IFPOS card in ${IFPOS_CONNECTIONS}; otherwise report the difference. Then resend.`;
}

function schemaProblems(active: ActiveSchema, payload: unknown): string[] {
  return active.compiled.validate(payload).map((p) => `The IFPOS payload does not match ${schemaSourceNames[active.source]}: ${p}.`);
}

/** What IFPOS's Status means for the outbox. */
export function outcomeOfAnswer(answer: IfposAnswer): DeliveryOutcome {
  const details = (answer.ErrorDetails ?? []).join('; ');
  switch (answer.Status) {
    case 200:
      // A repeat of a sale we already sent only replaces it, so an odd count is safe to try again.
      if (answer.AffectedRecords < 1) return { kind: 'retry', reason: 'TRAX answered OK but changed no records; the sale will be sent again.' };
      return { kind: 'delivered', summary: answerSummary(answer), response: answer };
    case 401:
      return rejected(`TRAX did not accept the dealer API key (Status 401${details ? `: ${details}` : ''}).`, `Check the IFPOS dealer API key in ${IFPOS_CONNECTIONS} and test the connection, then resend.`);
    case 417:
      return rejected(`TRAX refused the ShowroomID or EmployeeID (Status 417): ${details || 'no details given'}`, `Fix the ShowroomID / EmployeeID in ${IFPOS_CONNECTIONS}, then resend.`);
    case 400:
      return rejected(`IFPOS refused the payload (Status 400): ${details || 'no details given'}`, `Load the official IFPOSv1 schema on the IFPOS card in ${IFPOS_CONNECTIONS} to see each difference before sending, then resend.`);
    default:
      return rejected(`IFPOS answered Status ${answer.Status}${details ? `: ${details}` : ''}.`, `Check the IFPOS address in ${IFPOS_CONNECTIONS}, then resend.`);
  }
}

/**
 * Transport trouble. IFPOS replaces a sale by its identifier, so sending the same sale again is
 * harmless even when the first attempt may have landed: every such case is a retry.
 */
export function outcomeOfError(error: VendorError): DeliveryOutcome {
  if (error.kind === 'insecure-endpoint') return rejected(error.message, `Correct the IFPOS address in ${IFPOS_CONNECTIONS}, then resend.`);
  const mayHaveApplied = error.mayHaveApplied || error.kind === 'invalid-response';
  if (error.transient || mayHaveApplied) {
    const outcome: DeliveryOutcome = { kind: 'retry', reason: error.message, retryAfterMs: error.retryAfterMs };
    return mayHaveApplied ? { ...outcome, mayHaveApplied: true } : outcome;
  }
  return rejected(error.message, `Check the IFPOS address in ${IFPOS_CONNECTIONS} and test the connection, then resend.`);
}

async function deliver(core: CoreDeps, schemas: IfposSchemaStore, tx: TransactionToDeliver, signal?: AbortSignal): Promise<DeliveryOutcome> {
  let conn;
  try {
    conn = await core.connections.resolve('ifpos');
  } catch (error) {
    if (error instanceof AppError) return { kind: 'retry', reason: error.message };
    throw error;
  }
  const key = conn.secrets.apiKey;
  if (!key) return rejected('No IFPOS dealer API key is stored.', `Enter the IFPOS dealer API key in ${IFPOS_CONNECTIONS}, then resend.`);
  const missing = settingsProblems(conn.settings, conn.training);
  if (missing.length > 0) return rejected(`IFPOS cannot be called yet: ${missing.join(' ')}`, `Complete the settings in ${IFPOS_CONNECTIONS}, then resend.`);
  await schemas.refreshIfStale();
  const active = schemas.active();
  const payload = payloadFor(saleWithThisReturn(tx), conn.settings, conn.training, key);
  const problems = schemaProblems(active, payload);
  if (problems.length > 0) return rejected(problems.join(' '), schemaAction(active));
  if (signal?.aborted) return { kind: 'retry', reason: 'Sending to IFPOS was cancelled before the call was made.' };
  try {
    return outcomeOfAnswer(await postIfpos(core.http, postUrl(conn.settings.url, conn.settings, key, conn.training), payload, signal));
  } catch (error) {
    if (error instanceof VendorError) return outcomeOfError(error);
    if (signal?.aborted) return { kind: 'retry', reason: 'The call to TRAX IFPOS was cancelled.', mayHaveApplied: true };
    throw error;
  }
}

/** Problems found before anything is recorded: dealer settings (live) and the active schema. */
function check(core: CoreDeps, schemas: IfposSchemaStore, tx: TransactionToDeliver): string[] {
  const training = core.connections.mode() === 'training';
  const settings = core.connections.settingsOf('ifpos');
  // Fetching the official schema must not hold up recording a sale: it is refreshed in the background.
  void schemas.refreshIfStale();
  const missing = settingsProblems(settings, training);
  if (missing.length > 0) return missing;
  // The key is read from the keychain only at send time; any non-empty text satisfies the schema here.
  return schemaProblems(schemas.active(), payloadFor(saleWithThisReturn(tx), settings, training, 'key-checked-at-send-time'));
}

/** TRAX IFPOS as a place sales and returns are delivered to. */
export function createIfposDestination(core: CoreDeps, schemas = new IfposSchemaStore(core)): Destination {
  return {
    id: 'ifpos',
    name: 'TRAX IFPOS',
    isEnabled: async () => core.connections.isActive('ifpos'),
    check: (tx) => check(core, schemas, tx),
    deliver: (tx, signal) => deliver(core, schemas, tx, signal),
  };
}
