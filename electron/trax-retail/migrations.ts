import type { Migration } from '../core/store/database';

/** Trax Retail product sheets (versions 30–39): drafts as the user works, and every upload followed to its end, sent once per intent. */
export const traxRetailMigrations: Migration[] = [
  {
    version: 30,
    name: 'trax retail: draft sheets and imports',
    up: (db) => {
      db.exec(`
        CREATE TABLE trax_drafts (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL,
          created_at INTEGER NOT NULL,
          updated_at INTEGER NOT NULL,
          row_count INTEGER NOT NULL DEFAULT 0,
          model TEXT NOT NULL
        );
        CREATE TABLE trax_imports (
          id TEXT PRIMARY KEY,
          draft_id TEXT,
          sheet_name TEXT NOT NULL,
          file_name TEXT NOT NULL,
          file_path TEXT NOT NULL,
          format TEXT NOT NULL,
          row_count INTEGER NOT NULL,
          created_at INTEGER NOT NULL,
          phase TEXT NOT NULL,
          upload_sent INTEGER NOT NULL DEFAULT 0,
          upload_total INTEGER NOT NULL DEFAULT 0,
          import_id TEXT,
          status TEXT,
          review_status TEXT,
          parsed INTEGER,
          total INTEGER,
          errored INTEGER,
          message TEXT NOT NULL DEFAULT '',
          file_id TEXT,
          error_id TEXT,
          problem TEXT NOT NULL DEFAULT '',
          attempts INTEGER NOT NULL DEFAULT 0,
          next_poll_at INTEGER,
          ended_at INTEGER,
          outcome TEXT,
          written_rows TEXT NOT NULL
        );
        CREATE INDEX trax_imports_poll ON trax_imports (phase, next_poll_at);
      `);
    },
  },
  {
    version: 31,
    name: 'trax retail: one upload per intent; the contact and the problem details of each upload',
    up: (db) => {
      db.exec(`
        CREATE TABLE trax_upload_intents (
          intent_id TEXT PRIMARY KEY,
          import_id TEXT NOT NULL,
          draft_id TEXT,
          content_key TEXT NOT NULL,
          created_at INTEGER NOT NULL
        );
        CREATE INDEX trax_upload_intents_content ON trax_upload_intents (content_key, created_at);
        ALTER TABLE trax_imports ADD COLUMN email TEXT NOT NULL DEFAULT '';
        ALTER TABLE trax_imports ADD COLUMN problem_details TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE trax_imports ADD COLUMN may_have_arrived INTEGER NOT NULL DEFAULT 0;
      `);
    },
  },
];
