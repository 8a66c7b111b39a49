import type { Migration } from '../core/store/database';

export const inventoryMigrations: Migration[] = [];
