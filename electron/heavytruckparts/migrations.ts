import type { Migration } from '../core/store/database';

/** HeavyTruckParts owns versions 40–49. */
export const heavyTruckPartsMigrations: Migration[] = [
  {
    version: 40,
    name: 'heavytruckparts lists cache, logged interactions and sales documents asked for',
    up: (db) => {
      db.exec(`
        CREATE TABLE htp_lists (
          account TEXT NOT NULL,
          list_key TEXT NOT NULL,
          body TEXT NOT NULL,
          fetched_at INTEGER NOT NULL,
          PRIMARY KEY (account, list_key)
        );
        CREATE TABLE htp_interactions (
          id INTEGER PRIMARY KEY,
          kind TEXT NOT NULL,
          state TEXT NOT NULL,
          summary TEXT NOT NULL,
          body TEXT NOT NULL,
          answer TEXT,
          message TEXT,
          created_at INTEGER NOT NULL,
          updated_at INTEGER NOT NULL
        );
        CREATE TABLE htp_sales (
          id INTEGER PRIMARY KEY,
          state TEXT NOT NULL,
          user_id TEXT NOT NULL,
          po_number TEXT NOT NULL,
          total_cents INTEGER NOT NULL,
          draft TEXT NOT NULL,
          body TEXT NOT NULL,
          online_transaction_id TEXT,
          answer TEXT,
          message TEXT,
          created_at INTEGER NOT NULL,
          updated_at INTEGER NOT NULL
        );
        CREATE INDEX htp_sales_state ON htp_sales (state);
      `);
    },
  },
  {
    version: 41,
    name: 'heavytruckparts log answers in words beside the raw answer',
    up: (db) => {
      db.exec('ALTER TABLE htp_interactions ADD COLUMN answer_words TEXT');
    },
  },
];
