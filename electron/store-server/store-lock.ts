import type pg from 'pg';
import type { StoreHold } from '../core/store-link';

/** How often the holder proves to the server that it is alive (and learns that the server is). */
export const HOLD_CHECK_MS = 5_000;
/**
 * Silence after which the server ends the holder's connection and so lets its lock go. A workstation
 * killed outright is noticed at once (its socket closes); one cut off by the network, a proxy or a
 * frozen machine after this long; well inside the 30 s in which another must take over.
 */
export const HOLD_SILENCE_S = 15;

/** The two keys of a lock: the mode's space and the lock's name, hashed by the server itself. */
export const LOCK_KEYS = 'hashtext($1), hashtext($2)';

/**
 * A session advisory lock on a connection of its own. The holder asks `SELECT 1` every few seconds:
 * a failed or slow answer means the server may already have let the lock go, so the hold ends here
 * too, before another workstation can have taken it (the server waits HOLD_SILENCE_S).
 */
export class AdvisoryHold implements StoreHold {
  readonly lost: Promise<void>;
  private ended = false;
  private timer: NodeJS.Timeout | undefined;
  private resolveLost!: () => void;

  private constructor(private readonly client: pg.Client) {
    this.lost = new Promise((resolve) => (this.resolveLost = resolve));
    client.on('end', () => void this.end());
    client.on('error', () => void this.end());
    this.schedule();
  }

  /** Connects `client` (already configured), and takes the lock or answers null (the connection closed). */
  static async take(client: pg.Client, space: string, name: string): Promise<AdvisoryHold | null> {
    client.on('error', () => {});
    try {
      await client.connect();
      // Keepalives and an idle limit: the server ends a vanished holder's session, and its lock with it.
      // (PostgreSQL 13 has no idle limit; keepalives alone then notice a holder whose network is gone.)
      await client.query('SET tcp_keepalives_idle = 5; SET tcp_keepalives_interval = 3; SET tcp_keepalives_count = 3');
      await client.query(`SET idle_session_timeout = '${HOLD_SILENCE_S}s'`).catch(() => undefined);
      const got = await client.query<{ ok: boolean }>(`SELECT pg_try_advisory_lock(${LOCK_KEYS}) AS ok`, [space, name]);
      if (got.rows[0]?.ok) return new AdvisoryHold(client);
    } catch (error) {
      await client.end().catch(() => {});
      throw error;
    }
    await client.end().catch(() => {});
    return null;
  }

  held(): boolean {
    return !this.ended;
  }

  async release(): Promise<void> {
    await this.end();
  }

  private schedule(): void {
    this.timer = setTimeout(() => void this.check(), HOLD_CHECK_MS);
    this.timer.unref();
  }

  private async check(): Promise<void> {
    if (this.ended) return;
    try {
      await this.client.query('SELECT 1');
      this.schedule();
    } catch {
      await this.end();
    }
  }

  private async end(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    clearTimeout(this.timer);
    this.resolveLost();
    // Ending the session lets the lock go on the server (when it still answers).
    await this.client.end().catch(() => {});
  }
}

/** The workstation whose session holds a lock: advisory locks of two keys show as classid, objid, objsubid 2. */
export const HOLDER_SQL = `
  SELECT w.name FROM pg_locks l
  JOIN pg_stat_activity a ON a.pid = l.pid
  JOIN store.workstations w ON w.role_name = a.usename
  WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
    AND l.classid = hashtext($1)::oid AND l.objid = hashtext($2)::oid
  LIMIT 1`;
