import type { Migration } from '../core/store/database';

/**
 * What sharing sales with a store server adds to a workstation's store (version 12). Nothing here is used
 * while the workstation works alone.
 * - `uid`: each sale's and return's own id across the store, made when it is recorded.
 * - `origin`: null for what this workstation recorded; the recording workstation's prefix for what was
 *   copied from the server (those are shown and may be returned here, but are delivered by their recorder).
 * - `shared_at` / `share_problem`: the forwarding outbox. A record this workstation made is forwarded until
 *   the server has it; one the server cannot take (its order number is another sale's) waits for a person.
 * - `order_counter`: the last number this workstation used from the prefix the server gave it.
 */
export const shareMigrations: Migration[] = [
  {
    version: 12,
    name: 'sales shared with a store server',
    up: (db) => {
      db.exec(`
        ALTER TABLE sales ADD COLUMN uid TEXT;
        ALTER TABLE sales ADD COLUMN origin TEXT;
        ALTER TABLE sales ADD COLUMN origin_destinations TEXT;
        ALTER TABLE sales ADD COLUMN shared_at INTEGER;
        ALTER TABLE sales ADD COLUMN share_problem TEXT;
        UPDATE sales SET uid = lower(hex(randomblob(16)));
        CREATE UNIQUE INDEX sales_uid ON sales (uid);
        CREATE INDEX sales_to_share ON sales (id) WHERE origin IS NULL AND shared_at IS NULL;
        CREATE TRIGGER sales_uid_given AFTER INSERT ON sales WHEN NEW.uid IS NULL
          BEGIN UPDATE sales SET uid = lower(hex(randomblob(16))) WHERE id = NEW.id; END;

        ALTER TABLE returns ADD COLUMN uid TEXT;
        ALTER TABLE returns ADD COLUMN origin TEXT;
        ALTER TABLE returns ADD COLUMN shared_at INTEGER;
        ALTER TABLE returns ADD COLUMN share_problem TEXT;
        UPDATE returns SET uid = lower(hex(randomblob(16)));
        CREATE UNIQUE INDEX returns_uid ON returns (uid);
        CREATE INDEX returns_to_share ON returns (id) WHERE origin IS NULL AND shared_at IS NULL;
        CREATE TRIGGER returns_uid_given AFTER INSERT ON returns WHEN NEW.uid IS NULL
          BEGIN UPDATE returns SET uid = lower(hex(randomblob(16))) WHERE id = NEW.id; END;

        CREATE TABLE order_counter (
          prefix TEXT PRIMARY KEY,
          last_number INTEGER NOT NULL CHECK (last_number >= 0)
        );

        -- How far this workstation has copied the store's records from the server, and when it last did.
        CREATE TABLE store_copy (
          singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
          horizon TEXT NOT NULL,
          copied_at INTEGER NOT NULL
        );
      `);
    },
  },
];
