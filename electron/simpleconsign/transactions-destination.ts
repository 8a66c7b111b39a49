import { buildTransactionRequest, checkTransaction } from '../../shared/simpleconsign/transaction-rules';
import { classifyScError } from '../../shared/simpleconsign/vendor-messages';
import type { CoreDeps } from '../core/feature';
import { AppError } from '../core/app-error';
import { VendorError } from '../core/http/vendor-error';
import type { DeliveryOutcome, Destination, TransactionToDeliver } from '../sales/destination';
import { allowanceFor, RATE_CAP_PAUSE_MS } from './rate-allowance';
import { storeAllowanceFor } from './store-allowance';
import { postTransaction, type TransactionAnswer } from './transactions-client';

const CONNECTIONS = 'Connections → SimpleConsign';
const rejected = (reason: string, action: string): DeliveryOutcome => ({ kind: 'rejected', reason, action });

function describe(tx: TransactionToDeliver): string {
  return tx.kind === 'SALE' ? `online sale ${tx.orderNumber}` : `a return against order ${tx.orderNumber}`;
}

function alreadyExists(tx: TransactionToDeliver, answer: TransactionAnswer): DeliveryOutcome {
  // Only an attempt of ours that may have arrived (answer lost, connection cut after sending, app stopped
  // mid-call) can explain the clash; after refusals that certainly did not arrive, the number is someone else's.
  if (tx.previousAttemptUncertain) {
    return { kind: 'delivered', summary: `Already recorded by an earlier attempt whose answer was lost: SimpleConsign has online sale ${tx.orderNumber}.`, response: answer };
  }
  const earlier = tx.attempt > 1 ? ' None of the earlier attempts reached SimpleConsign, so that sale is not this one unless someone entered it by hand.' : '';
  return rejected(
    `SimpleConsign already has an online sale with order number ${tx.orderNumber} (it said “${answer.error}”).${earlier}`,
    `Order number ${tx.orderNumber} is taken in SimpleConsign. Look it up there: if it is this sale, mark this delivery as done; if it is a different sale, record this one again under a new order number.`,
  );
}

/** What SimpleConsign's documented answers mean for the outbox. */
export function outcomeOfAnswer(tx: TransactionToDeliver, answer: TransactionAnswer): DeliveryOutcome {
  if (answer.success) return { kind: 'delivered', summary: `Recorded in SimpleConsign as ${describe(tx)}.`, response: answer };
  const error = answer.error ?? '';
  const quoted = `SimpleConsign refused ${describe(tx)}: “${error || 'no reason given'}”${answer.status && answer.status !== 200 ? ` (HTTP ${answer.status})` : ''}.`;
  const said = classifyScError(error);
  if (said === 'saleExists' && tx.kind === 'SALE') return alreadyExists(tx, answer);
  if (said === 'tooMany') {
    const wait = Math.max(RATE_CAP_PAUSE_MS, answer.retryAfterMs ?? 0);
    return { kind: 'retry', reason: `${quoted} Sales, returns and inventory loads to SimpleConsign all wait ${Math.ceil(wait / 60_000)} minutes, then sending resumes on its own.`, retryAfterMs: wait };
  }
  if (said === 'invalidKey') return rejected(quoted, `Check the Location API key in ${CONNECTIONS} and test the connection, then resend.`);
  if (said === 'pricePlan') {
    return rejected(quoted, `This location’s SimpleConsign plan does not include API access. Ask SimpleConsign to enable it, or enter the key of a location that has it in ${CONNECTIONS}, then resend.`);
  }
  if (said === 'noOriginalSale') {
    return rejected(
      quoted,
      `SimpleConsign has no online sale ${tx.orderNumber} to return against. If that sale has not been delivered yet, deliver it first and resend this return; if it was recorded in SimpleConsign without an order number, record the return there by hand and mark this delivery as done.`,
    );
  }
  if (said === 'unknownSku') {
    const skus = [...new Set(tx.lines.map((l) => l.sku.trim()))].join(', ');
    return rejected(quoted, `Check that every SKU on it exists in SimpleConsign (sent: ${skus}). Correct the item there or on the ${tx.kind === 'SALE' ? 'sale' : 'return'}, then resend.`);
  }
  return rejected(quoted, 'Correct what SimpleConsign names, then resend.');
}

/** Transport trouble: was the request certainly not applied, or may SimpleConsign have recorded it? */
export function outcomeOfError(tx: TransactionToDeliver, error: VendorError): DeliveryOutcome {
  if (error.kind === 'insecure-endpoint') return rejected(error.message, `Correct the API address in ${CONNECTIONS}, then resend.`);
  // A broken or HTML body came back after the request arrived: it may have been recorded.
  const mayHaveApplied = error.mayHaveApplied || error.kind === 'invalid-response';
  if (!mayHaveApplied && error.status === 429) {
    // A 429 is the key's allowance too, whatever words came with it.
    return { kind: 'retry', reason: `${error.message} Sending resumes on its own.`, retryAfterMs: Math.max(RATE_CAP_PAUSE_MS, error.retryAfterMs ?? 0) };
  }
  if (!mayHaveApplied && error.transient) return { kind: 'retry', reason: `${error.message} It will be sent again on its own.`, retryAfterMs: error.retryAfterMs };
  if (!mayHaveApplied) return rejected(error.message, `Check the API address in ${CONNECTIONS} and test the connection, then resend.`);
  if (tx.kind === 'SALE') {
    // Safe to repeat: SimpleConsign refuses a second sale with one order number, which outcomeOfAnswer counts as delivered.
    return {
      kind: 'retry',
      reason: `${error.message} SimpleConsign may have recorded the sale; sending it again is safe, since a sale already recorded under order number ${tx.orderNumber} is recognised.`,
      mayHaveApplied: true,
    };
  }
  return {
    kind: 'uncertain',
    reason: `${error.message} SimpleConsign may have recorded this return, and sending it again could record it twice. Check the returns for order ${tx.orderNumber} in SimpleConsign, then mark this one delivered or send it again.`,
  };
}

/** A rate-cap answer pauses the key's whole allowance, so inventory loads hold off too. */
function holdAllowance(core: CoreDeps, outcome: DeliveryOutcome, rateLimited = true): DeliveryOutcome {
  if (outcome.kind === 'retry' && rateLimited && outcome.retryAfterMs !== undefined && outcome.retryAfterMs >= RATE_CAP_PAUSE_MS) {
    allowanceFor(core).pause(core.now() + outcome.retryAfterMs, outcome.reason);
  }
  return outcome;
}

async function deliver(core: CoreDeps, tx: TransactionToDeliver, signal?: AbortSignal): Promise<DeliveryOutcome> {
  if (tx.kind === 'RETURN' && tx.previousAttemptUncertain) {
    // An earlier attempt may have landed and SimpleConsign accepts several returns per order: never repeat one blindly.
    return {
      kind: 'uncertain',
      reason: `An earlier attempt to send this return to SimpleConsign may have been recorded (its answer never arrived). Check the returns for order ${tx.orderNumber} in SimpleConsign, then mark this one delivered or send it again.`,
    };
  }
  const built = buildTransactionRequest(tx);
  if (!built.ok) return rejected(`SimpleConsign would refuse ${describe(tx)}: ${built.problems.join(' ')}`, 'Correct the sale or return, then resend.');
  let conn;
  try {
    conn = await core.connections.resolve('simpleconsign');
  } catch (error) {
    // Nothing was sent; the keychain may be back on the next attempt.
    if (error instanceof AppError) return { kind: 'retry', reason: error.message };
    throw error;
  }
  const key = conn.secrets.apiKey;
  if (!key) return rejected('No SimpleConsign API key is stored.', `Enter the Location API key in ${CONNECTIONS}, then resend.`);
  if (signal?.aborted) return { kind: 'retry', reason: 'Sending to SimpleConsign was cancelled before the call was made.' };
  // Counted against the store's allowance for the key before it is made; sales may use all of it.
  const spent = await storeAllowanceFor(core)?.take('sale', key);
  // The share kept while the server is away is no vendor's pause: it is held by `pausedUntil` below, and lifts when the server answers.
  if (spent && !spent.ok) return spent.away ? { kind: 'retry', reason: spent.message } : { kind: 'retry', reason: spent.message, retryAfterMs: spent.waitMs };
  try {
    return holdAllowance(core, outcomeOfAnswer(tx, await postTransaction(core.http, { baseUrl: conn.settings.baseUrl, key, body: built.body, signal })));
  } catch (error) {
    if (error instanceof VendorError) return holdAllowance(core, outcomeOfError(tx, error), error.status === 429);
    // A cancellation surfaces as the signal's own reason once the call may already be on its way.
    if (signal?.aborted) return outcomeOfError(tx, new VendorError('SimpleConsign', 'network', 'The call to SimpleConsign was cancelled.', { mayHaveApplied: true }));
    throw error;
  }
}

/** SimpleConsign Online Transactions v2 as a place sales and returns are delivered to. */
export function createSimpleConsignDestination(core: CoreDeps): Destination {
  return {
    id: 'simpleconsign',
    name: 'SimpleConsign',
    isEnabled: async () => core.connections.isActive('simpleconsign'),
    pausedUntil: () => allowanceFor(core).pausedAt(core.now()) ?? storeAllowanceFor(core)?.awayHold() ?? null,
    check: (tx) => checkTransaction(tx),
    deliver: (tx, signal) => deliver(core, tx, signal),
  };
}
