import type { StoreMigration } from '../core/store-link';
import { DEFAULT_BUDGET, VENDOR_CALL_LIMIT } from '../../shared/store/schemas';

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

/**
 * Calls granted ahead (version 23): a workstation is given a few calls while the server answers, to make while it
 * does not. Such a call is counted from when it was granted for two windows, since it may be made up to a window
 * later; every call counts a little longer than its window, for the moment between the count and the call. So the
 * vendor never sees more than the budget in any window, whoever was cut off.
 */
export const awayCallsMigration: StoreMigration = {
  version: 23,
  name: 'SimpleConsign calls granted ahead for a workstation cut off from the server',
  sql: ({ schema: s, workstations }) => `
    ALTER TABLE ${s}.vendor_calls ADD COLUMN away boolean NOT NULL DEFAULT false;
    CREATE FUNCTION ${s}.vendor_call_expiry(p_at timestamptz, p_away boolean, p_window interval) RETURNS timestamptz
    LANGUAGE sql IMMUTABLE AS $fn$ SELECT p_at + (p_window + interval '2 seconds') * CASE WHEN p_away THEN 2 ELSE 1 END $fn$;
    CREATE OR REPLACE FUNCTION ${s}.take_vendor_call(p_key text, p_kind text, p_workstation integer, p_reserve integer)
    RETURNS TABLE (ok boolean, used integer, budget integer, wait_ms bigint)
    LANGUAGE plpgsql SET search_path = ${s}, pg_temp AS $fn$
    DECLARE n integer; b integer; lim integer; w interval;
    BEGIN
      PERFORM pg_advisory_xact_lock(hashtext('${s} vendor calls'), hashtext(p_key));
      SELECT v.budget, make_interval(secs => v.window_seconds) INTO b, w FROM vendor_budget v;
      DELETE FROM vendor_calls c WHERE c.key_id = p_key AND vendor_call_expiry(c.at, c.away, w) <= clock_timestamp();
      SELECT count(*) INTO n FROM vendor_calls c WHERE c.key_id = p_key;
      lim := CASE WHEN p_kind = 'sale' THEN b ELSE greatest(b - p_reserve, 1) END;
      IF n < lim THEN
        INSERT INTO vendor_calls (key_id, kind, workstation_id) VALUES (p_key, p_kind, p_workstation);
        RETURN QUERY SELECT true, n + 1, b, 0::bigint;
      ELSE
        RETURN QUERY SELECT false, n, b, ceil(extract(epoch FROM (
          (SELECT vendor_call_expiry(c.at, c.away, w) AS e FROM vendor_calls c WHERE c.key_id = p_key ORDER BY e OFFSET n - lim LIMIT 1) - clock_timestamp())) * 1000)::bigint;
      END IF;
    END $fn$;
    -- Lets go of the calls granted ahead that a workstation did not make, then grants it up to p_want more,
    -- never from the sales' reserve. Answers how many were granted.
    CREATE FUNCTION ${s}.grant_away_calls(p_key text, p_workstation integer, p_reserve integer, p_want integer, p_unused integer)
    RETURNS integer
    LANGUAGE plpgsql SET search_path = ${s}, pg_temp AS $fn$
    DECLARE n integer; b integer; w interval; g integer;
    BEGIN
      PERFORM pg_advisory_xact_lock(hashtext('${s} vendor calls'), hashtext(p_key));
      SELECT v.budget, make_interval(secs => v.window_seconds) INTO b, w FROM vendor_budget v;
      DELETE FROM vendor_calls c WHERE c.key_id = p_key AND vendor_call_expiry(c.at, c.away, w) <= clock_timestamp();
      DELETE FROM vendor_calls c WHERE c.ctid IN (SELECT u.ctid FROM vendor_calls u
        WHERE u.key_id = p_key AND u.away AND u.workstation_id = p_workstation ORDER BY u.at DESC LIMIT greatest(p_unused, 0));
      SELECT count(*) INTO n FROM vendor_calls c WHERE c.key_id = p_key;
      g := least(greatest(p_want, 0), greatest(b - p_reserve - n, 0));
      INSERT INTO vendor_calls (key_id, kind, workstation_id, away) SELECT p_key, 'sale', p_workstation, true FROM generate_series(1, g);
      RETURN g;
    END $fn$;
    GRANT EXECUTE ON FUNCTION ${s}.vendor_call_expiry(timestamptz, boolean, interval) TO ${workstations};
    GRANT EXECUTE ON FUNCTION ${s}.grant_away_calls(text, integer, integer, integer, integer) TO ${workstations};
  `,
};

/** The key allowance's tables, the setting of its window and the calls granted ahead, in order. */
export const allowanceStoreMigrations: StoreMigration[] = [allowanceStoreMigration, allowanceWindowMigration, awayCallsMigration];

/** The calls of every key in the budget's window (10 minutes) and the budget, for the Store section. */
export const ALLOWANCE_USAGE_SQL = `SELECT (SELECT count(*) FROM vendor_calls WHERE NOT away AND at > clock_timestamp() - (SELECT make_interval(secs => window_seconds) FROM vendor_budget))::int AS used, (SELECT budget FROM vendor_budget) AS budget`;

/** Sets the store's budget in every mode's schema at once (one transaction), so both modes keep to it. */
export const setBudgetSql = (schema: string) => `UPDATE ${schema}.vendor_budget SET budget = $1`;
