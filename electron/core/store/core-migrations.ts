import type { Migration } from './database';

export const coreMigrations: Migration[] = [
  {
    version: 1,
    name: 'settings and connections',
    up: (db) => {
      db.exec(`
        CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE connections (
          id TEXT PRIMARY KEY,
          enabled INTEGER NOT NULL DEFAULT 0,
          settings TEXT NOT NULL DEFAULT '{}',
          health_state TEXT NOT NULL DEFAULT 'unknown',
          health_message TEXT NOT NULL DEFAULT '',
          health_checked_at INTEGER
        );
      `);
    },
  },
];
