import type { Migration } from '../core/store/database';
import type { StoreMigration } from '../core/store-link';

/**
 * Deliveries under a lease, on the store server (versions 11–12, in each mode's schema).
 * - `deliveries`: one row per vendor delivery of a forwarded sale or return, with the payload its recorder
 *   built, so another workstation can deliver it with the same order number when the recorder has been
 *   silent longer than the takeover setting. `lease_holder`/`lease_until` say who may send it now; every
 *   lease decision is taken on the server's clock (`now()`). `attempted`: someone may have sent it, so the
 *   next sender asks the vendor to recognise a repeat. `recorder_id` is set by the server, never sent.
 * - `sale_conflicts`: a one-off item (quantity at most 1 in the store's inventory copy) that two sales sold,
 *   for a person to settle; neither sale is dropped.
 */
export const leaseStoreMigrations: StoreMigration[] = [
  {
    version: 11,
    name: 'vendor deliveries under a lease',
    sql: ({ schema: s, workstations }) => `
      CREATE FUNCTION ${s}.my_workstation() RETURNS integer
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = store, pg_temp AS $fn$
        SELECT w.id FROM store.workstations w WHERE w.role_name = session_user;
      $fn$;
      CREATE FUNCTION ${s}.stamp_recorder() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = store, pg_temp AS $fn$
      BEGIN
        NEW.recorder_id := ${s}.my_workstation();
        IF NEW.recorder_id IS NULL THEN RAISE EXCEPTION 'this workstation is not part of the store' USING ERRCODE = '28000'; END IF;
        RETURN NEW;
      END $fn$;
      CREATE TABLE ${s}.deliveries (
        uid uuid NOT NULL,
        destination text NOT NULL,
        seq bigserial NOT NULL,
        kind text NOT NULL CHECK (kind IN ('SALE', 'RETURN')),
        order_number text NOT NULL,
        payload jsonb NOT NULL,
        recorder_id integer NOT NULL REFERENCES store.workstations (id),
        attempted boolean NOT NULL DEFAULT false,
        taken_over boolean NOT NULL DEFAULT false,
        lease_holder integer REFERENCES store.workstations (id),
        lease_until timestamptz,
        delivered_at timestamptz,
        delivered_by integer REFERENCES store.workstations (id),
        summary text,
        problem text,
        PRIMARY KEY (uid, destination)
      );
      CREATE INDEX deliveries_open ON ${s}.deliveries (seq) WHERE delivered_at IS NULL;
      CREATE INDEX deliveries_order ON ${s}.deliveries (destination, order_number, seq);
      CREATE TRIGGER deliveries_stamp BEFORE INSERT ON ${s}.deliveries FOR EACH ROW EXECUTE FUNCTION ${s}.stamp_recorder();
      REVOKE ALL ON FUNCTION ${s}.my_workstation(), ${s}.stamp_recorder() FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION ${s}.my_workstation() TO ${workstations};
      GRANT SELECT, INSERT, UPDATE ON ${s}.deliveries TO ${workstations};
      GRANT USAGE ON SEQUENCE ${s}.deliveries_seq_seq TO ${workstations};
    `,
  },
  {
    version: 12,
    name: 'one-off items sold twice',
    sql: ({ schema: s, workstations }) => `
      CREATE TABLE ${s}.sale_conflicts (
        id bigserial PRIMARY KEY,
        sku text NOT NULL,
        item_name text,
        first_uid uuid NOT NULL REFERENCES ${s}.sales (uid),
        second_uid uuid NOT NULL REFERENCES ${s}.sales (uid),
        flagged_at timestamptz NOT NULL DEFAULT now(),
        settled_at timestamptz,
        settled_by integer REFERENCES store.workstations (id),
        note text,
        UNIQUE (sku, first_uid, second_uid)
      );
      CREATE INDEX sales_lines ON ${s}.sales USING gin ((body -> 'lines') jsonb_path_ops);
      -- Flags each line of sale p_uid whose item is a one-off in the store's inventory copy and that an
      -- earlier sale (not returned since) sold too. Answers how many new conflicts it found.
      CREATE FUNCTION ${s}.flag_one_offs(p_uid uuid) RETURNS integer
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = ${s}, store, pg_temp AS $fn$
      DECLARE n integer;
      BEGIN
        IF to_regclass('${s}.inventory_items') IS NULL THEN RETURN 0; END IF;
        INSERT INTO ${s}.sale_conflicts (sku, item_name, first_uid, second_uid)
        SELECT DISTINCT ON (l.sku, o.uid) l.sku, l.name, o.uid, s.uid
          FROM ${s}.sales s
          CROSS JOIN LATERAL jsonb_to_recordset(s.body -> 'lines') AS l (sku text, name text)
          JOIN ${s}.inventory_items i ON i.sku_key = lower(l.sku)
          JOIN ${s}.sales o ON o.uid <> s.uid AND (o.body -> 'lines') @> jsonb_build_array(jsonb_build_object('sku', l.sku))
         WHERE s.uid = p_uid
           AND jsonb_typeof(i.item::jsonb -> 'quantity') = 'number' AND (i.item::jsonb ->> 'quantity')::numeric <= 1
           AND NOT EXISTS (SELECT 1 FROM ${s}.returns r WHERE r.sale_uid = o.uid)
           AND NOT EXISTS (SELECT 1 FROM ${s}.sale_conflicts c WHERE c.sku = l.sku AND c.first_uid = s.uid AND c.second_uid = o.uid)
        ON CONFLICT DO NOTHING;
        GET DIAGNOSTICS n = ROW_COUNT;
        RETURN n;
      END $fn$;
      REVOKE ALL ON FUNCTION ${s}.flag_one_offs(uuid) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION ${s}.flag_one_offs(uuid) TO ${workstations};
      GRANT SELECT, UPDATE (settled_at, settled_by, note) ON ${s}.sale_conflicts TO ${workstations};
    `,
  },
  {
    // A delivery a person cancelled on the workstation that recorded it: no one takes it over, and it no longer
    // holds back later deliveries of its order (as on the workstation itself). Cleared when it is sent again.
    version: 13,
    name: 'deliveries cancelled by the workstation that recorded them',
    sql: ({ schema: s }) => `ALTER TABLE ${s}.deliveries ADD COLUMN cancelled_at timestamptz;`,
  },
];

/**
 * What delivering under a lease adds to a workstation's outbox (versions 13, 18 and 19).
 * - `store_marked_at`: the store server was told this delivery reached its vendor.
 * - `store_tried`: the store server knows this delivery may have been sent (so a workstation taking it over
 *   asks the vendor to recognise a repeat). Only such a delivery, or one of a record not yet on the server,
 *   is sent while the server is away. Deliveries from before the store server knew deliveries count as known.
 */
export const leaseMigrations: Migration[] = [
  {
    version: 13,
    name: 'outbox: deliveries known to the store server',
    up: (db) => {
      db.exec(`
        ALTER TABLE outbox ADD COLUMN store_marked_at INTEGER;
        ALTER TABLE outbox ADD COLUMN store_tried INTEGER NOT NULL DEFAULT 0;
        UPDATE outbox SET store_tried = 1;
      `);
    },
  },
  {
    // `store_wait_until`: the store server said this delivery waits for another workstation (a return for its
    // sale's delivery); until then it steps aside, with the rest of its sale, and other deliveries go on.
    version: 18,
    name: 'outbox: deliveries set aside by the store server',
    up: (db) => {
      db.exec('ALTER TABLE outbox ADD COLUMN store_wait_until INTEGER');
    },
  },
  {
    // `store_cancelled`: the store server was told this delivery is cancelled (so no one takes it over).
    version: 19,
    name: 'outbox: cancellations the store server knows',
    up: (db) => {
      db.exec('ALTER TABLE outbox ADD COLUMN store_cancelled INTEGER NOT NULL DEFAULT 0');
    },
  },
];
