import type { Migration } from '../core/store/database';

export const salesMigrations: Migration[] = [];
