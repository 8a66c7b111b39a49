import crypto from 'node:crypto';
import { StoreAwayError, type StoreLink, type StoreMigration } from '../core/store-link';
import { DEFAULT_BUDGET, SALES_RESERVE, VENDOR_CALL_LIMIT } from '../../shared/store/schemas';
import { RATE_CAP_PAUSE_MS } from './rate-allowance';

export { DEFAULT_BUDGET, SALES_RESERVE };
/**
 * Calls one workstation may make in the budget's window (10 minutes) while the server is away. The 20 calls
 * between the budget and SimpleConsign's 100 leave room for two workstations cut off at once.
 */
export const AWAY_SHARE = 10;

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

/** The calls each key made in the last 10 minutes, per mode schema; one statement takes a call or says when one is free. */
export const allowanceStoreMigration: StoreMigration = {
  version: 21,
  name: 'the SimpleConsign key allowance',
  sql: ({ schema: s, workstations }) => `
    CREATE TABLE ${s}.vendor_calls (
      key_id text NOT NULL,
      at timestamptz NOT NULL DEFAULT clock_timestamp(),
      kind text NOT NULL CHECK (kind IN ('sale', 'inventory')),
      workstation_id integer
    );
    CREATE INDEX vendor_calls_key_at ON ${s}.vendor_calls (key_id, at);
    CREATE TABLE ${s}.vendor_budget (
      singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
      budget integer NOT NULL DEFAULT ${DEFAULT_BUDGET} CHECK (budget BETWEEN 1 AND ${VENDOR_CALL_LIMIT})
    );
    INSERT INTO ${s}.vendor_budget DEFAULT VALUES;
    -- Takes one call for a key, or answers how long until one is free. Calls are serialised per key,
    -- so two workstations asking at once never both take the last one; inventory leaves the reserve to sales.
    CREATE FUNCTION ${s}.take_vendor_call(p_key text, p_kind text, p_workstation integer, p_reserve integer)
    RETURNS TABLE (ok boolean, used integer, budget integer, wait_ms bigint)
    LANGUAGE plpgsql SET search_path = ${s}, pg_temp AS $fn$
    DECLARE n integer; b integer; lim integer;
    BEGIN
      PERFORM pg_advisory_xact_lock(hashtext('${s} vendor calls'), hashtext(p_key));
      DELETE FROM vendor_calls c WHERE c.key_id = p_key AND c.at <= clock_timestamp() - interval '10 minutes';
      SELECT v.budget INTO b FROM vendor_budget v;
      SELECT count(*) INTO n FROM vendor_calls c WHERE c.key_id = p_key;
      lim := CASE WHEN p_kind = 'sale' THEN b ELSE greatest(b - p_reserve, 1) END;
      IF n < lim THEN
        INSERT INTO vendor_calls (key_id, kind, workstation_id) VALUES (p_key, p_kind, p_workstation);
        RETURN QUERY SELECT true, n + 1, b, 0::bigint;
      ELSE
        RETURN QUERY SELECT false, n, b, ceil(extract(epoch FROM (
          (SELECT c.at FROM vendor_calls c WHERE c.key_id = p_key ORDER BY c.at OFFSET n - lim LIMIT 1) + interval '10 minutes' - clock_timestamp())) * 1000)::bigint;
      END IF;
    END $fn$;
    GRANT SELECT, INSERT, DELETE ON ${s}.vendor_calls TO ${workstations};
    GRANT SELECT, UPDATE ON ${s}.vendor_budget TO ${workstations};
    GRANT EXECUTE ON FUNCTION ${s}.take_vendor_call(text, text, integer, integer) TO ${workstations};
  `,
};

/**
 * The window the budget is counted over, a store setting beside the budget: 10 minutes, as SimpleConsign counts.
 * A longer one is stricter; a shorter one is only for a stand-in of SimpleConsign that counts over a shorter window,
 * so a trial of many calls keeps the same proportions in a few minutes.
 */
export const allowanceWindowMigration: StoreMigration = {
  version: 22,
  name: 'the window the SimpleConsign allowance is counted over',
  sql: ({ schema: s }) => `
    ALTER TABLE ${s}.vendor_budget ADD COLUMN window_seconds integer NOT NULL DEFAULT 600 CHECK (window_seconds BETWEEN 1 AND 3600);
    CREATE OR REPLACE FUNCTION ${s}.take_vendor_call(p_key text, p_kind text, p_workstation integer, p_reserve integer)
    RETURNS TABLE (ok boolean, used integer, budget integer, wait_ms bigint)
    LANGUAGE plpgsql SET search_path = ${s}, pg_temp AS $fn$
    DECLARE n integer; b integer; lim integer; w interval;
    BEGIN
      PERFORM pg_advisory_xact_lock(hashtext('${s} vendor calls'), hashtext(p_key));
      SELECT v.budget, make_interval(secs => v.window_seconds) INTO b, w FROM vendor_budget v;
      DELETE FROM vendor_calls c WHERE c.key_id = p_key AND c.at <= clock_timestamp() - w;
      SELECT count(*) INTO n FROM vendor_calls c WHERE c.key_id = p_key;
      lim := CASE WHEN p_kind = 'sale' THEN b ELSE greatest(b - p_reserve, 1) END;
      IF n < lim THEN
        INSERT INTO vendor_calls (key_id, kind, workstation_id) VALUES (p_key, p_kind, p_workstation);
        RETURN QUERY SELECT true, n + 1, b, 0::bigint;
      ELSE
        RETURN QUERY SELECT false, n, b, ceil(extract(epoch FROM (
          (SELECT c.at FROM vendor_calls c WHERE c.key_id = p_key ORDER BY c.at OFFSET n - lim LIMIT 1) + w - clock_timestamp())) * 1000)::bigint;
      END IF;
    END $fn$;
  `,
};

/** The key allowance's tables and the setting of its window, in order. */
export const allowanceStoreMigrations: StoreMigration[] = [allowanceStoreMigration, allowanceWindowMigration];

/** The calls of every key in the budget's window (10 minutes) and the budget, for the Store section. */
export const ALLOWANCE_USAGE_SQL = `SELECT (SELECT count(*) FROM vendor_calls WHERE at > clock_timestamp() - (SELECT make_interval(secs => window_seconds) FROM vendor_budget))::int AS used, (SELECT budget FROM vendor_budget) AS budget`;

/** Sets the store's budget in every mode's schema at once (one transaction), so both modes keep to it. */
export const setBudgetSql = (schema: string) => `UPDATE ${schema}.vendor_budget SET budget = $1`;

const minutes = (ms: number) => Math.max(1, Math.ceil(ms / 60_000));

/** "10 minutes", "30 seconds": the window a budget is counted over, as a person reads it. */
export function windowWords(windowMs: number): string {
  const seconds = Math.round(windowMs / 1000);
  if (seconds % 60 === 0) return seconds === 60 ? 'a minute' : `${seconds / 60} minutes`;
  return seconds === 1 ? 'a second' : `${seconds} seconds`;
}

/** Why a call waits, and that it goes on its own. */
function waiting(kind: CallKind, why: string, waitMs: number): string {
  const what = kind === 'sale' ? 'Not sent yet' : 'The inventory load waits';
  const when = waitMs < 60_000 ? `in ${Math.max(1, Math.ceil(waitMs / 1000))} s` : `in about ${minutes(waitMs)} min`;
  return `${what}: ${why}. It goes on its own ${when}.`;
}

interface Taken {
  ok: boolean;
  budget: number;
  wait_ms: string;
  window_seconds: number;
}

/**
 * One allowance per SimpleConsign key for the whole store: every call, from any workstation, is
 * counted on the store server before it is made. A workstation on its own spends as it always has
 * (SimpleConsign's own "too many requests" pauses it); one whose server is away keeps to AWAY_SHARE
 * over the store's window (as last heard from the server), and is free of that hold once the server answers.
 */
export class StoreAllowance {
  private readonly awayCalls: number[] = [];
  private windowMs = RATE_CAP_PAUSE_MS;

  constructor(
    private readonly store: StoreLink,
    private readonly now: () => number,
  ) {}

  async take(kind: CallKind, apiKey: string): Promise<Spend> {
    if (!this.store.paired) return { ok: true };
    try {
      // The window comes with the answer (one round trip), so the share kept while away is counted over it too.
      const rows = await this.store.query<Taken>('SELECT t.*, (SELECT window_seconds FROM vendor_budget) AS window_seconds FROM take_vendor_call($1, $2, $3, $4) t', [
        keyIdentity(apiKey), kind, this.store.workstation()?.id ?? null, SALES_RESERVE,
      ]);
      const r = rows[0];
      this.windowMs = Number(r.window_seconds) * 1000;
      if (r.ok) return { ok: true };
      const waitMs = Math.max(1_000, Number(r.wait_ms));
      const span = windowWords(this.windowMs);
      const why = kind === 'sale'
        ? `the store's budget of ${r.budget} SimpleConsign calls in ${span} is spent`
        : `inventory loads may use ${Math.max(r.budget - SALES_RESERVE, 1)} of the store's ${r.budget} SimpleConsign calls in ${span}, leaving the rest to sales, and they are spent`;
      return { ok: false, waitMs, message: waiting(kind, why, waitMs) };
    } catch (error) {
      if (!(error instanceof StoreAwayError)) throw error;
      return this.takeAway(kind);
    }
  }

  /**
   * While the server is away and this workstation's share is spent: until when its calls wait. Nothing once
   * the server answers again, since calls are then counted there.
   */
  awayHold(kind: CallKind = 'sale'): { until: number; reason: string } | null {
    if (!this.store.paired || this.store.reachable()) return null;
    const now = this.now();
    this.forget(now);
    if (this.awayCalls.length < AWAY_SHARE) return null;
    const waitMs = this.awayCalls[0] + this.windowMs - now;
    return { until: now + waitMs, reason: this.awayMessage(kind, waitMs) };
  }

  /** The server is away: this workstation alone keeps to its small share, counted here. */
  private takeAway(kind: CallKind): Spend {
    const now = this.now();
    this.forget(now);
    if (this.awayCalls.length < AWAY_SHARE) {
      this.awayCalls.push(now);
      return { ok: true };
    }
    const waitMs = this.awayCalls[0] + this.windowMs - now;
    return { ok: false, waitMs, message: this.awayMessage(kind, waitMs), away: true };
  }

  private forget(now: number): void {
    while (this.awayCalls.length > 0 && this.awayCalls[0] <= now - this.windowMs) this.awayCalls.shift();
  }

  private awayMessage(kind: CallKind, waitMs: number): string {
    return waiting(kind, `the store server does not answer, and meanwhile this workstation keeps to ${AWAY_SHARE} SimpleConsign calls in ${windowWords(this.windowMs)}`, waitMs);
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
