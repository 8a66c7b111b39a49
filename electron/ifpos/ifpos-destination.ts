import { currentFormats } from '../../shared/locale/current';
import type { IfposSaleInput } from '../../shared/ifpos/payload';
import { centsToDecimal } from '../../shared/money';
import type { CoreDeps } from '../core/feature';
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
  return { orderNumber: sale.orderNumber, recordedAt: sale.recordedAt, lines: sale.lines, returns, customer: tx.customer ?? null };
}

/** What to do when the active schema refuses a payload; staff cannot change the payload, so never "correct the sale". */
export function schemaAction(active: ActiveSchema): string {
  const where = `the IFPOS card in ${IFPOS_CONNECTIONS}`;
  const reload = active.source === 'file' ? 'load the newer schema file' : active.source === 'fetched' ? 'choose “Fetch the official schema now”' : 'load the official IFPOSv1 schema file';
  return `The sale is recorded and the other vendors have it; only this IFPOS delivery waits. Report the difference (the words above) to whoever looks after this app’s IFPOS link. If TRAX has a newer schema, ${reload} on ${where}, then resend; or turn IFPOS off there until it is sorted out.`;
}

function schemaProblems(active: ActiveSchema, payload: unknown): string[] {
  return active.compiled.validate(payload).map((p) => `The IFPOS payload does not match ${schemaSourceNames[active.source]}: ${p}.`);
}

/** Answers "OK" with nothing recorded that are sent again before a person is asked. */
export const EMPTY_ANSWERS_BEFORE_CHECK = 3;

const money = (cents: number) => `$${centsToDecimal(cents)}`;

/** The sale's amount as IFPOS is sent it: items less credits, without tax. */
function netCents(sale: IfposSaleInput): number {
  const sum = (lines: IfposSaleInput['lines']) => lines.reduce((n, l) => n + l.unitPriceCents * l.quantity, 0);
  return sum(sale.lines) - sum(sale.returns.flatMap((r) => r.lines));
}

/** What IFPOS's AffectedRecords means for an answer with Status 200. */
function outcomeOfOk(answer: IfposAnswer, tx: TransactionToDeliver): DeliveryOutcome {
  const sale = saleWithThisReturn(tx);
  if (answer.AffectedRecords < 1) {
    const seen = (tx.emptyAnswers ?? 0) + 1;
    if (seen >= EMPTY_ANSWERS_BEFORE_CHECK) {
      return {
        kind: 'uncertain',
        reason: `TRAX answered OK ${seen} times but said it changed no records (AffectedRecords 0), so it is not known whether it has sale ${sale.orderNumber}.`,
        action: `Look up sale ${sale.orderNumber} in TRAX. If it is there with the amount ${money(netCents(sale))}, choose “Mark as delivered”; if it is missing or shows another amount, choose “Resend”.`,
      };
    }
    // A repeat only replaces the record, so sending again is harmless; a person is asked if it keeps happening.
    return { kind: 'retry', reason: `TRAX answered OK but changed no records (AffectedRecords 0, ${seen} of ${EMPTY_ANSWERS_BEFORE_CHECK}); it will be sent again on its own.`, emptyAnswer: true };
  }
  if (answer.AffectedRecords === 1 && tx.kind === 'RETURN') {
    // This post modifies a sale TRAX accepted before; "1" means it was taken as a new record, not a replacement.
    return {
      kind: 'uncertain',
      reason: `TRAX recorded this change to sale ${sale.orderNumber} as a new sale (AffectedRecords 1) instead of replacing the earlier record (2), so TRAX may now hold two records for it (${answerSummary(answer)}).`,
      action: `Look up sale ${sale.orderNumber} in TRAX. It should appear once, for ${money(netCents(sale))} with ${currentFormats().count(sale.returns.length, 'credit', 'credits')}. If it appears twice (the earlier amount and this one), remove the older record in TRAX. Then choose “Mark as delivered”.`,
    };
  }
  return { kind: 'delivered', summary: answerSummary(answer), response: answer };
}

/** What IFPOS's Status means for the outbox. */
export function outcomeOfAnswer(answer: IfposAnswer, tx?: TransactionToDeliver): DeliveryOutcome {
  const details = (answer.ErrorDetails ?? []).join('; ');
  switch (answer.Status) {
    case 200:
      if (tx) return outcomeOfOk(answer, tx);
      if (answer.AffectedRecords < 1) return { kind: 'retry', reason: 'TRAX answered OK but changed no records (AffectedRecords 0).' };
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
    const outcome: DeliveryOutcome = { kind: 'retry', reason: `${error.message} It will be sent again on its own.`, retryAfterMs: error.retryAfterMs };
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
  if (problems.length > 0) {
    // Nothing was sent: the status bar shows the mismatch, the IFPOS card offers the fixes.
    core.connections.recordHealth('ifpos', false, `The IFPOS schema refuses the app’s payload: ${problems[0]}`);
    return rejected(problems.join(' '), schemaAction(active));
  }
  if (signal?.aborted) return { kind: 'retry', reason: 'Sending to IFPOS was cancelled before the call was made.' };
  try {
    return outcomeOfAnswer(await postIfpos(core.http, postUrl(conn.settings.url, conn.settings, key, conn.training), payload, signal), tx);
  } catch (error) {
    if (error instanceof VendorError) return outcomeOfError(error);
    if (signal?.aborted) return { kind: 'retry', reason: 'The call to TRAX IFPOS was cancelled.', mayHaveApplied: true };
    throw error;
  }
}

/**
 * Problems found before anything is recorded: the dealer settings (live). The schema is not one of
 * them: a schema that refuses the app's payload is nothing staff at the counter can correct, so the
 * sale is recorded and only its IFPOS delivery is held, with the schema's words.
 */
function check(core: CoreDeps, schemas: IfposSchemaStore): string[] {
  const training = core.connections.mode() === 'training';
  // Fetching the official schema must not hold up recording a sale: it is refreshed in the background.
  void schemas.refreshIfStale();
  return settingsProblems(core.connections.settingsOf('ifpos'), training);
}

const SPACING_MS_DEFAULT = 2000;

/** The least time between two IFPOS calls, from the connection's setting. */
function spacingMs(core: CoreDeps): number {
  const seconds = Number(core.connections.settingsOf('ifpos').minCallSpacingSeconds);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : SPACING_MS_DEFAULT;
}

/** TRAX IFPOS as a place sales and returns are delivered to. */
export function createIfposDestination(core: CoreDeps, schemas = new IfposSchemaStore(core)): Destination {
  return {
    id: 'ifpos',
    name: 'TRAX IFPOS',
    isEnabled: async () => core.connections.isActive('ifpos'),
    check: () => check(core, schemas),
    deliver: (tx, signal) => deliver(core, schemas, tx, signal),
    // IFPOS is "intentionally rate limited" and not for batches: a backlog drains one call at a time, spaced.
    minSpacingMs: () => spacingMs(core),
  };
}
