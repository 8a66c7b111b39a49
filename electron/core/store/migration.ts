import type Database from 'better-sqlite3';

/** One numbered step of a store's schema. */
export interface Migration {
  /** Unique and never reused; applied in ascending order, each once. */
  version: number;
  name: string;
  up: (db: Database.Database) => void;
}
