import type { ConnectionHealth } from '../../shared/connections';
import type { VendorId } from '../../shared/vendors';
import type { Db } from '../core/store/database';

export interface ConnectionRow {
  enabled: boolean;
  settings: Record<string, unknown>;
  health: ConnectionHealth;
}

export class ConnectionsRepo {
  constructor(private readonly db: Db) {}

  get(id: VendorId): ConnectionRow {
    const row = this.db.prepare('SELECT * FROM connections WHERE id = ?').get(id) as
      | { enabled: number; settings: string; health_state: ConnectionHealth['state']; health_message: string; health_checked_at: number | null }
      | undefined;
    if (!row) return { enabled: false, settings: {}, health: { state: 'unknown', message: 'Not tested yet.', checkedAt: null } };
    return {
      enabled: row.enabled === 1,
      settings: JSON.parse(row.settings) as Record<string, unknown>,
      health: { state: row.health_state, message: row.health_message, checkedAt: row.health_checked_at },
    };
  }

  save(id: VendorId, enabled: boolean, settings: Record<string, unknown>): void {
    this.db
      .prepare(
        `INSERT INTO connections (id, enabled, settings) VALUES (?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET enabled = excluded.enabled, settings = excluded.settings`,
      )
      .run(id, enabled ? 1 : 0, JSON.stringify(settings));
  }

  setHealth(id: VendorId, health: ConnectionHealth): void {
    this.db
      .prepare(
        `INSERT INTO connections (id, health_state, health_message, health_checked_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET health_state = excluded.health_state, health_message = excluded.health_message,
           health_checked_at = excluded.health_checked_at`,
      )
      .run(id, health.state, health.message, health.checkedAt);
  }
}
