import type pg from 'pg';
import type { ServerState } from '../../shared/store/schemas';
import { formatServerAddress } from '../../shared/store/rules';
import type { StoreMigration } from '../core/store-link';
import { OneRun } from '../core/one-run';
import type { LinkConfig } from './link-config';
import { clientConfig, describeConnectionError, isUnreachable, storePool, type Credentials } from './server-connection';
import { readSchemaState, unknownVersions } from './server-migrations';

/** How often a workstation tells the server it is alive, and looks again when the server is away. */
export const HEARTBEAT_MS = 10_000;

export interface WorkstationRow {
  id: number;
  name: string;
  prefix: string;
  lastSeenAt: number | null;
}

export interface ServerLinkDeps {
  config: LinkConfig;
  password: () => Promise<string | null>;
  version: string;
  features: StoreMigration[];
  now: () => number;
  log: (message: string) => void;
  /** The takeover setting heard from the server. */
  onTakeover?: (minutes: number) => void;
  heartbeatMs?: number;
}

/**
 * This workstation's connection to the store server: a heartbeat every few seconds (which is how the
 * others know it is alive), the server's state as the Store screen and the status bar show it, and the
 * list of the store's workstations. When the server comes back after being away, every subscriber is told.
 */
export class ServerLink {
  state: ServerState = 'connecting';
  message = 'Connecting to the store server…';
  lastContactAt: number | null = null;
  workstations: WorkstationRow[] = [];
  takeoverMinutes = 10;
  /** What a person must see about the store, newest last, each once. */
  readonly notices: string[] = [];
  private pool: pg.Pool | null = null;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly ticking = new OneRun();
  private readonly reconnectListeners = new Set<() => void>();

  constructor(private readonly deps: ServerLinkDeps) {}

  get config(): LinkConfig {
    return this.deps.config;
  }

  start(): void {
    this.stopped = false;
    void this.tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.ticking.settled();
    await this.pool?.end().catch(() => {});
    this.pool = null;
  }

  /** Runs after every return of the server (and the first contact). */
  onReconnect(listener: () => void): () => void {
    this.reconnectListeners.add(listener);
    return () => this.reconnectListeners.delete(listener);
  }

  async credentials(): Promise<Credentials> {
    const password = await this.deps.password();
    if (password === null) throw Object.assign(new Error('This workstation’s store server password is missing from the keychain. Pair it again with a new code.'), { code: 'no-password' });
    return { user: this.config.workstation.roleName, password };
  }

  warn(message: string): void {
    if (this.notices.includes(message)) return;
    this.deps.log(`store server: ${message}`);
    this.notices.push(message);
    if (this.notices.length > 20) this.notices.shift();
  }

  /** A statement failed because the server is out of reach: say so now rather than at the next heartbeat. */
  markAway(error: unknown): void {
    if (this.state === 'connected') this.setState('away', this.awayMessage(error));
    this.schedule(1_000);
  }

  /** Looks at the server now (and then on its schedule). */
  tick(): Promise<void> {
    return this.ticking.run(() => this.beat().finally(() => this.schedule(this.deps.heartbeatMs ?? HEARTBEAT_MS)));
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), ms);
    this.timer.unref();
  }

  private async beat(): Promise<void> {
    if (this.stopped) return;
    try {
      const pool = await this.ensurePool();
      const beat = await pool.query<{ store_id: string; takeover_minutes: number; server_now: Date }>('SELECT store_id, takeover_minutes, server_now FROM store.heartbeat($1)', [this.deps.version]);
      if (beat.rows[0]?.store_id !== this.config.storeId) return this.refuse(`The server at ${this.address()} now holds another store. This workstation keeps working alone; ask whoever runs the server.`);
      if (this.state !== 'connected') {
        const client = await pool.connect();
        const unknown = await readSchemaState(client).then((s) => unknownVersions(s, this.deps.features)).finally(() => client.release());
        if (unknown.length > 0) return this.refuse('The store server was updated by a newer version of Parts Back Office. Update the app on this computer to keep sharing sales.');
      }
      this.takeoverMinutes = beat.rows[0].takeover_minutes;
      this.deps.onTakeover?.(this.takeoverMinutes);
      const rows = await pool.query<{ id: number; name: string; prefix: string; last_seen_at: Date | null }>(
        'SELECT id, name, prefix, last_seen_at FROM store.workstations WHERE left_at IS NULL ORDER BY prefix',
      );
      // The server's clock, moved onto this computer's, so "last seen" reads right even when the two differ.
      const offset = beat.rows[0].server_now.getTime() - this.deps.now();
      this.workstations = rows.rows.map((r) => ({ id: r.id, name: r.name, prefix: r.prefix, lastSeenAt: r.last_seen_at ? r.last_seen_at.getTime() - offset : null }));
      this.lastContactAt = this.deps.now();
      const back = this.state !== 'connected';
      this.setState('connected', `Connected to the store server at ${this.address()}.`);
      if (back) for (const listener of [...this.reconnectListeners]) listener();
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      if (code === 'no-password' || code.startsWith('28')) return this.refuse(code === 'no-password' ? (error as Error).message : describeConnectionError(error, this.config.endpoint, 'workstation'));
      this.setState('away', this.awayMessage(error));
    }
  }

  private awayMessage(error: unknown): string {
    const seen = this.lastContactAt ? ` Sales are kept here and shared when it is back; the others’ are shown as of ${new Date(this.lastContactAt).toLocaleString()}.` : '';
    const why = isUnreachable(error) ? describeConnectionError(error, this.config.endpoint, 'workstation') : (error as Error).message;
    return `The store server does not answer: ${why.replace(/[^.]$/, '$&.')}${seen}`;
  }

  private refuse(message: string): void {
    this.setState('refused', message);
  }

  private setState(state: ServerState, message: string): void {
    if (state !== this.state || message !== this.message) {
      if (state !== 'connected' || this.state !== 'connected') this.deps.log(`store server: ${message}`);
    }
    this.state = state;
    this.message = message;
  }

  private address(): string {
    return formatServerAddress(this.config.endpoint);
  }

  private async ensurePool(): Promise<pg.Pool> {
    if (this.pool) return this.pool;
    const pool = await storePool(clientConfig(this.config.endpoint, await this.credentials()), 2);
    this.pool = pool;
    return pool;
  }
}
