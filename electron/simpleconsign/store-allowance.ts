import crypto from 'node:crypto';
import { StoreAwayError, type StoreLink } from '../core/store-link';
import { DEFAULT_BUDGET, SALES_RESERVE } from '../../shared/store/schemas';
import { RATE_CAP_PAUSE_MS } from './rate-allowance';

export { DEFAULT_BUDGET, SALES_RESERVE };
export { ALLOWANCE_USAGE_SQL, allowanceStoreMigration, allowanceStoreMigrations, setBudgetSql } from './store-allowance-migrations';
/**
 * Calls the server grants each workstation that sells ahead of need, to make while it is cut off from the
 * server. They come out of the budget, so a store of four keeps 20 of its 80 for such a time.
 */
export const AWAY_SHARE = 5;

export type CallKind = 'sale' | 'inventory';
/** `away`: refused by the share kept while the server is away, which ends as soon as the server answers. */
export type Spend = { ok: true } | { ok: false; waitMs: number; message: string; away?: boolean };

/**
 * The key's identity on the server: a keyed hash (HMAC-SHA-256 keyed by the key itself over the
 * store's own label), so the server can tell two keys apart and never learns either.
 */
export function keyIdentity(apiKey: string): string {
  return crypto.createHmac('sha256', apiKey).update('backoffice simpleconsign allowance').digest('hex').slice(0, 32);
}

const minutes = (ms: number) => Math.max(1, Math.ceil(ms / 60_000));

/** "10 minutes", "30 seconds": the window a budget is counted over, as a person reads it. */
export function windowWords(windowMs: number): string {
  const seconds = Math.round(windowMs / 1000);
  if (seconds % 60 === 0) return seconds === 60 ? 'a minute' : `${seconds / 60} minutes`;
  return seconds === 1 ? 'a second' : `${seconds} seconds`;
}

/** Why a call waits, and when it goes on: on its own after `waitMs`, or when the store server answers. */
function waiting(kind: CallKind, why: string, waitMs: number | 'server'): string {
  const what = kind === 'sale' ? 'Not sent yet' : 'The inventory load waits';
  if (waitMs === 'server') return `${what}: ${why}. It goes on as soon as the server answers.`;
  const when = waitMs < 60_000 ? `in ${Math.max(1, Math.ceil(waitMs / 1000))} s` : `in about ${minutes(waitMs)} min`;
  return `${what}: ${why}. It goes on its own ${when}.`;
}

interface Taken {
  ok: boolean;
  budget: number;
  wait_ms: string;
  window_seconds: number;
}

/** How soon a sale that waits for the server (its calls granted ahead made) is looked at again; the server's return nudges it sooner. */
export const AWAY_RECHECK_MS = 30_000;

/**
 * One allowance per SimpleConsign key for the whole store: every call, from any workstation, is counted on
 * the store server before it is made. A workstation on its own spends as it always has (SimpleConsign's own
 * "too many requests" pauses it). While the server answers, each workstation that sells is granted AWAY_SHARE
 * calls ahead, counted on the server; cut off from it, the workstation sends sales with those only, so the
 * store keeps to its budget whoever is cut off. Inventory loads wait for the server.
 */
export class StoreAllowance {
  private windowMs = RATE_CAP_PAUSE_MS;
  /** The calls granted ahead: how many are left, and until when (this computer's clock) they may be made. */
  private ahead = { key: '', left: 0, validUntil: 0 };
  private lastGrantAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly store: StoreLink,
    private readonly now: () => number,
  ) {}

  async take(kind: CallKind, apiKey: string): Promise<Spend> {
    if (!this.store.paired) return { ok: true };
    try {
      // The window comes with the answer (one round trip): calls granted ahead are good for one window.
      const rows = await this.store.query<Taken>('SELECT t.*, (SELECT window_seconds FROM vendor_budget) AS window_seconds FROM take_vendor_call($1, $2, $3, $4) t', [
        keyIdentity(apiKey), kind, this.store.workstation()?.id ?? null, SALES_RESERVE,
      ]);
      const r = rows[0];
      this.windowMs = Number(r.window_seconds) * 1000;
      if (r.ok) {
        if (kind === 'sale') await this.topUp(apiKey);
        return { ok: true };
      }
      const waitMs = Math.max(1_000, Number(r.wait_ms));
      const span = windowWords(this.windowMs);
      const why = kind === 'sale'
        ? `the store's budget of ${r.budget} SimpleConsign calls in ${span} is spent`
        : `inventory loads may use ${Math.max(r.budget - SALES_RESERVE, 1)} of the store's ${r.budget} SimpleConsign calls in ${span}, leaving the rest to sales, and they are spent`;
      return { ok: false, waitMs, message: waiting(kind, why, waitMs) };
    } catch (error) {
      if (!(error instanceof StoreAwayError)) throw error;
      return this.takeAway(kind, apiKey);
    }
  }

  /**
   * While the server is away and this workstation has no call granted ahead left: until when its sales wait
   * (looked at again then). Nothing once the server answers, since calls are then counted there.
   */
  awayHold(): { until: number; reason: string } | null {
    if (!this.store.paired || this.store.reachable() || this.hasAhead()) return null;
    return { until: this.now() + AWAY_RECHECK_MS, reason: this.awayMessage('sale') };
  }

  /** Keeps AWAY_SHARE calls granted ahead and fresh for half a window at least; asked at most ten times a window. */
  private async topUp(apiKey: string): Promise<void> {
    const now = this.now();
    const key = keyIdentity(apiKey);
    // Another key (entered anew): the calls granted ahead were that key's.
    if (this.ahead.key !== key) {
      this.ahead = { key, left: 0, validUntil: 0 };
      this.lastGrantAt = Number.NEGATIVE_INFINITY;
    }
    const fresh = this.ahead.validUntil - now > this.windowMs / 2;
    if ((this.ahead.left >= AWAY_SHARE && fresh) || now - this.lastGrantAt < this.windowMs / 10) return;
    this.lastGrantAt = now;
    try {
      const [row] = await this.store.query<{ granted: number }>('SELECT grant_away_calls($1, $2, $3, $4, $5) AS granted', [
        key, this.store.workstation()?.id ?? null, SALES_RESERVE, AWAY_SHARE, this.ahead.left,
      ]);
      // Good for one window from before the request left: the server counts them from when it granted them.
      this.ahead = { key, left: Number(row.granted), validUntil: now + this.windowMs };
    } catch (error) {
      // Away now: the ones held are still good, and the next sale's call finds the server away.
      if (!(error instanceof StoreAwayError)) throw error;
    }
  }

  private hasAhead(key = this.ahead.key): boolean {
    return this.ahead.key === key && this.ahead.left > 0 && this.now() < this.ahead.validUntil;
  }

  /** The server is away: a sale goes with a call granted ahead for its key, if one is left; an inventory load waits. */
  private takeAway(kind: CallKind, apiKey: string): Spend {
    if (kind === 'sale' && this.hasAhead(keyIdentity(apiKey))) {
      this.ahead.left -= 1;
      return { ok: true };
    }
    return { ok: false, waitMs: AWAY_RECHECK_MS, message: this.awayMessage(kind), away: true };
  }

  private awayMessage(kind: CallKind): string {
    const why = kind === 'sale'
      ? `the store server does not answer, and this workstation has made the SimpleConsign calls the server set aside for such a time (up to ${AWAY_SHARE} in ${windowWords(this.windowMs)})`
      : 'the store server does not answer, and inventory loads are counted there';
    return waiting(kind, why, 'server');
  }
}

const allowances = new WeakMap<StoreLink, StoreAllowance>();

/** The mode's allowance, one per store link, so sales and inventory loads count together. */
export function storeAllowanceFor(core: { store?: StoreLink; now: () => number }): StoreAllowance | null {
  if (!core.store) return null;
  let a = allowances.get(core.store);
  if (!a) {
    a = new StoreAllowance(core.store, core.now);
    allowances.set(core.store, a);
  }
  return a;
}
