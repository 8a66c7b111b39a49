import type { StoreMigration } from '../core/store-link';

/**
 * The store's sales and returns on the store server (versions 10–19, run in each mode's schema). Each
 * workstation forwards what it records; the other workstations copy them into their own store.
 * - `uid` is the record's own id, made where it was recorded: forwarding it twice stores it once
 *   (`INSERT … ON CONFLICT (uid) DO NOTHING`).
 * - Order numbers are unique across the store, without regard to case, as in each workstation's store.
 * - `txid` is the transaction that wrote the row: a workstation copies rows written since the oldest
 *   transaction still running when it last looked, so a row committed late is never skipped.
 * - `workstation_id` is set by the server from the signed-in role, never taken from the workstation.
 */
export const salesStoreMigrations: StoreMigration[] = [
  {
    version: 10,
    name: 'store sales, returns and order counters',
    sql: ({ schema: s, workstations }) => `
      CREATE FUNCTION ${s}.stamp() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = store, pg_temp AS $fn$
      BEGIN
        NEW.workstation_id := (SELECT w.id FROM store.workstations w WHERE w.role_name = session_user);
        IF NEW.workstation_id IS NULL THEN RAISE EXCEPTION 'this workstation is not part of the store' USING ERRCODE = '28000'; END IF;
        NEW.txid := pg_current_xact_id();
        RETURN NEW;
      END $fn$;

      CREATE TABLE ${s}.sales (
        uid uuid PRIMARY KEY,
        workstation_id integer NOT NULL REFERENCES store.workstations (id),
        order_number text NOT NULL,
        recorded_at bigint NOT NULL,
        body jsonb NOT NULL,
        forwarded_at timestamptz NOT NULL DEFAULT now(),
        txid xid8 NOT NULL
      );
      CREATE UNIQUE INDEX sales_order_number ON ${s}.sales (upper(order_number));
      CREATE INDEX sales_txid ON ${s}.sales (txid);
      CREATE TRIGGER sales_stamp BEFORE INSERT ON ${s}.sales FOR EACH ROW EXECUTE FUNCTION ${s}.stamp();

      CREATE TABLE ${s}.returns (
        uid uuid PRIMARY KEY,
        sale_uid uuid NOT NULL REFERENCES ${s}.sales (uid),
        workstation_id integer NOT NULL REFERENCES store.workstations (id),
        recorded_at bigint NOT NULL,
        body jsonb NOT NULL,
        forwarded_at timestamptz NOT NULL DEFAULT now(),
        txid xid8 NOT NULL
      );
      CREATE INDEX returns_txid ON ${s}.returns (txid);
      CREATE INDEX returns_sale ON ${s}.returns (sale_uid);
      CREATE TRIGGER returns_stamp BEFORE INSERT ON ${s}.returns FOR EACH ROW EXECUTE FUNCTION ${s}.stamp();

      -- The highest order number each workstation has used from its prefix, as far as the server knows:
      -- a workstation whose own counter is behind it was restored from a backup or copied from another disk.
      CREATE TABLE ${s}.order_counters (
        workstation_id integer PRIMARY KEY REFERENCES store.workstations (id),
        last_number bigint NOT NULL
      );
      CREATE FUNCTION ${s}.raise_counter(p_last bigint) RETURNS bigint
      LANGUAGE sql SECURITY DEFINER SET search_path = store, pg_temp AS $fn$
        INSERT INTO ${s}.order_counters AS c (workstation_id, last_number)
          SELECT w.id, p_last FROM store.workstations w WHERE w.role_name = session_user
        ON CONFLICT (workstation_id) DO UPDATE SET last_number = greatest(c.last_number, excluded.last_number)
        RETURNING last_number;
      $fn$;
      CREATE FUNCTION ${s}.my_counter() RETURNS bigint
      LANGUAGE sql SECURITY DEFINER SET search_path = store, pg_temp AS $fn$
        SELECT c.last_number FROM ${s}.order_counters c JOIN store.workstations w ON w.id = c.workstation_id WHERE w.role_name = session_user;
      $fn$;
      REVOKE ALL ON FUNCTION ${s}.stamp(), ${s}.raise_counter(bigint), ${s}.my_counter() FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION ${s}.raise_counter(bigint), ${s}.my_counter() TO ${workstations};
      GRANT SELECT, INSERT ON ${s}.sales, ${s}.returns TO ${workstations};
      GRANT SELECT ON ${s}.order_counters TO ${workstations};
    `,
  },
];
