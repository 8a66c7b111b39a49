import type { StoreMigration } from '../core/store-link';

/**
 * The store's inventory copy on the store server, in each mode's schema: the items as SimpleConsign
 * sent them (one row per SKU, an item that left the copy kept as a short "inactive" entry until the
 * next full load), each stamped with the change that wrote it, and the loader's watermark. The
 * loading workstation writes a load's rows and the watermark in one transaction; the others take
 * every row stamped after the last change they applied.
 */
export const inventoryStoreMigrations: StoreMigration[] = [
  {
    version: 20,
    name: 'the store inventory copy',
    sql: ({ schema: s, workstations }) => `
      CREATE SEQUENCE ${s}.inventory_change;
      CREATE TABLE ${s}.inventory_state (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        -- Made anew by each full load: a workstation that knows another takes the whole copy.
        copy_id uuid NOT NULL,
        -- The last change written.
        change bigint NOT NULL,
        watermark bigint,
        clock_start bigint,
        newest_stamp bigint,
        source text NOT NULL,
        options text NOT NULL,
        item_count integer NOT NULL,
        loaded_by integer,
        loaded_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE ${s}.inventory_items (
        sku_key text PRIMARY KEY,
        item text NOT NULL,
        change bigint NOT NULL
      );
      CREATE INDEX inventory_items_change ON ${s}.inventory_items (change);
      GRANT SELECT, INSERT, UPDATE, DELETE ON ${s}.inventory_state, ${s}.inventory_items TO ${workstations};
      GRANT USAGE ON SEQUENCE ${s}.inventory_change TO ${workstations};
    `,
  },
];
