import type { Migration } from '../core/store/database';

/**
 * Sales, returns and the outbox that delivers them. Money is integer cents. The outbox holds one row per
 * (sale or return, destination); a sale and its rows are written in one transaction before any vendor call.
 */
export const salesMigrations: Migration[] = [
  {
    version: 10,
    name: 'sales, returns and delivery outbox',
    up: (db) => {
      db.exec(`
        CREATE TABLE sales (
          id INTEGER PRIMARY KEY,
          order_number TEXT NOT NULL COLLATE NOCASE UNIQUE,
          recorded_at INTEGER NOT NULL,
          nontaxable_cents INTEGER NOT NULL,
          taxable_cents INTEGER NOT NULL,
          tax_cents INTEGER NOT NULL CHECK (tax_cents >= 0)
        );
        CREATE INDEX sales_recorded_at ON sales (recorded_at);

        CREATE TABLE sale_lines (
          id INTEGER PRIMARY KEY,
          sale_id INTEGER NOT NULL REFERENCES sales (id),
          position INTEGER NOT NULL,
          sku TEXT NOT NULL,
          name TEXT NOT NULL,
          unit_price_cents INTEGER NOT NULL CHECK (unit_price_cents >= 0),
          quantity INTEGER NOT NULL CHECK (quantity > 0),
          taxable INTEGER NOT NULL CHECK (taxable IN (0, 1)),
          UNIQUE (sale_id, position)
        );

        CREATE TABLE returns (
          id INTEGER PRIMARY KEY,
          sale_id INTEGER NOT NULL REFERENCES sales (id),
          recorded_at INTEGER NOT NULL,
          nontaxable_cents INTEGER NOT NULL,
          taxable_cents INTEGER NOT NULL,
          tax_cents INTEGER NOT NULL CHECK (tax_cents >= 0)
        );
        CREATE INDEX returns_sale ON returns (sale_id);
        CREATE INDEX returns_recorded_at ON returns (recorded_at);

        CREATE TABLE return_lines (
          id INTEGER PRIMARY KEY,
          return_id INTEGER NOT NULL REFERENCES returns (id),
          sale_line_id INTEGER NOT NULL REFERENCES sale_lines (id),
          quantity INTEGER NOT NULL CHECK (quantity > 0),
          UNIQUE (return_id, sale_line_id)
        );
        CREATE INDEX return_lines_sale_line ON return_lines (sale_line_id);

        CREATE TABLE outbox (
          id INTEGER PRIMARY KEY,
          kind TEXT NOT NULL CHECK (kind IN ('SALE', 'RETURN')),
          sale_id INTEGER NOT NULL REFERENCES sales (id),
          return_id INTEGER REFERENCES returns (id),
          destination TEXT NOT NULL CHECK (destination IN ('simpleconsign', 'ifpos')),
          state TEXT NOT NULL CHECK (state IN ('waiting', 'sending', 'sent', 'retrying', 'uncertain', 'failed', 'cancelled')),
          attempts INTEGER NOT NULL DEFAULT 0,
          next_attempt_at INTEGER NOT NULL,
          -- An earlier attempt reached the vendor and its answer was lost; later attempts say so.
          may_have_applied INTEGER NOT NULL DEFAULT 0,
          last_reason TEXT,
          action TEXT,
          summary TEXT,
          response TEXT,
          created_at INTEGER NOT NULL,
          updated_at INTEGER NOT NULL,
          sent_at INTEGER,
          CHECK ((kind = 'SALE') = (return_id IS NULL))
        );
        CREATE UNIQUE INDEX outbox_once ON outbox (destination, kind, sale_id, IFNULL(return_id, 0));
        CREATE INDEX outbox_queue ON outbox (destination, state, id);
        CREATE INDEX outbox_sale ON outbox (sale_id, destination, state);
        CREATE INDEX outbox_return ON outbox (return_id);

        -- A vendor that asked the app to hold off (429, "too many requests") until a time.
        CREATE TABLE delivery_pauses (
          destination TEXT PRIMARY KEY,
          until INTEGER NOT NULL,
          reason TEXT NOT NULL
        );
      `);
    },
  },
  {
    version: 11,
    name: 'sales: optional customer; outbox: count of empty vendor answers',
    up: (db) => {
      db.exec(`
        -- The customer a sale names (JSON: name, phone, email, address), or NULL.
        ALTER TABLE sales ADD COLUMN customer TEXT;
        -- Answers "OK" that recorded nothing (IFPOS AffectedRecords 0); after a few, a person checks.
        ALTER TABLE outbox ADD COLUMN empty_answers INTEGER NOT NULL DEFAULT 0;
      `);
    },
  },
];
