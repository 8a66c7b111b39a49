import type { Cents } from '../../shared/money';
import type { SaleCustomer } from '../../shared/sales/customer';

export type TransactionKind = 'SALE' | 'RETURN';

export interface DeliveryLine {
  sku: string;
  name: string;
  unitPriceCents: Cents;
  quantity: number;
  taxable: boolean;
}

/** One recorded sale or return on its way to one vendor. */
export interface TransactionToDeliver {
  /** Local id of the sale or return. */
  transactionId: number;
  kind: TransactionKind;
  /** For a RETURN, the original sale's order number (SimpleConsign matches returns by it). */
  orderNumber: string;
  recordedAt: number;
  lines: DeliveryLine[];
  taxCents: Cents;
  /**
   * The original sale with every return recorded against it so far, oldest first. Vendors that
   * keep one record per sale (IFPOS) re-send this whole picture when a sale is modified. For a
   * delivery it ends with this return (later ones are not included); for `check()` of a return not
   * yet recorded (transactionId 0) it holds only the returns recorded before it.
   */
  sale: {
    orderNumber: string;
    recordedAt: number;
    lines: DeliveryLine[];
    taxCents: Cents;
    returns: { transactionId: number; recordedAt: number; lines: DeliveryLine[]; taxCents: Cents }[];
  };
  /** 1 for the first try. */
  attempt: number;
  /**
   * An earlier attempt was sent but its answer never arrived (a lost answer, or the app stopped mid-call),
   * so the vendor may already have it. Stays true for every later attempt until a person resends it. A
   * destination whose vendor would record a repeat twice (a SimpleConsign RETURN) must not send it again
   * and answers `uncertain`; one whose vendor recognises or replaces a repeat may send it.
   */
  previousAttemptUncertain: boolean;
  /** How many earlier attempts were answered "OK" without the vendor recording anything (IFPOS AffectedRecords 0). */
  emptyAnswers?: number;
  /** The customer the sale names, if any (IFPOS carries the customer's details). */
  customer?: SaleCustomer | null;
}

/** What a vendor made of a delivery, in terms the outbox acts on. */
export type DeliveryOutcome =
  /** Recorded by the vendor; `summary` is shown in history (e.g. "AffectedRecords 1, ExecMS 152"). */
  | { kind: 'delivered'; summary: string; response: unknown }
  /**
   * Not recorded, safe to send again later (rate limit, outage, refused connection). `retryAfterMs` is the
   * wait the vendor asked for (429 Retry-After, "too many requests"): the outbox pauses the whole
   * destination until then. `mayHaveApplied` says this attempt reached the vendor and its answer was lost;
   * every later attempt of the entry is then sent with `previousAttemptUncertain: true`.
   */
  | { kind: 'retry'; reason: string; retryAfterMs?: number; mayHaveApplied?: boolean; emptyAnswer?: boolean }
  /** Sent, answer lost, and sending again could record it twice: a person must check (`action`: what to look for). */
  | { kind: 'uncertain'; reason: string; action?: string }
  /** Refused for good until someone changes something; `action` says what to do. */
  | { kind: 'rejected'; reason: string; action: string };

/** A vendor that receives sales and returns. */
export interface Destination {
  id: 'simpleconsign' | 'ifpos';
  name: string;
  /** Whether the store has this destination turned on now (training mode: always). */
  isEnabled(): Promise<boolean>;
  /** A hold the vendor asked for outside this queue (e.g. a request allowance shared with other features). */
  pausedUntil?(): { until: number; reason: string } | null;
  /** The least time between two calls to this vendor, so a backlog is not sent as a batch. */
  minSpacingMs?(): number;
  /**
   * Problems the vendor would refuse, found before anything is recorded; empty when fine. Called with
   * `transactionId: 0` and `attempt: 0`, since nothing has been written yet.
   */
  check(tx: TransactionToDeliver): string[] | Promise<string[]>;
  /** One call to the vendor. Never throws for vendor or network trouble: it answers an outcome. */
  deliver(tx: TransactionToDeliver, signal?: AbortSignal): Promise<DeliveryOutcome>;
}
