import type { Migration } from '../core/store/database';

/**
 * What the counter adds to sales (versions 15–19): drafts of sales in progress, how a sale was paid and at
 * which tax rate, and why and how a return was refunded. Columns are added, never changed, so older rows stay
 * valid (their new columns are null).
 */
export const counterMigrations: Migration[] = [
  {
    version: 15,
    name: 'sale drafts (in progress and parked)',
    up: (db) => {
      db.exec(`
        CREATE TABLE sale_drafts (
          id INTEGER PRIMARY KEY,
          -- One 'current' draft (the sale on the counter) and any number of 'parked' ones.
          status TEXT NOT NULL CHECK (status IN ('current', 'parked')),
          body TEXT NOT NULL,
          updated_at INTEGER NOT NULL
        );
        CREATE UNIQUE INDEX sale_drafts_one_current ON sale_drafts (status) WHERE status = 'current';
      `);
    },
  },
  {
    version: 16,
    name: 'sale payment and tax rate',
    up: (db) => {
      db.exec(`
        ALTER TABLE sales ADD COLUMN payment_method TEXT;
        ALTER TABLE sales ADD COLUMN tendered_cents INTEGER CHECK (tendered_cents IS NULL OR tendered_cents >= 0);
        ALTER TABLE sales ADD COLUMN tax_rate_milli INTEGER;
        CREATE INDEX sale_lines_sku ON sale_lines (sku COLLATE NOCASE);
      `);
    },
  },
  {
    version: 17,
    name: 'return reason and refund method',
    up: (db) => {
      db.exec(`
        ALTER TABLE returns ADD COLUMN reason TEXT;
        ALTER TABLE returns ADD COLUMN refund_method TEXT;
      `);
    },
  },
];
