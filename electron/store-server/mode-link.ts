import type pg from 'pg';
import { StoreAwayError, type StoreHold, type StoreLink, type StoreQuery, type StoreWorkstation } from '../core/store-link';
import { OneRun } from '../core/one-run';
import { secretRedactor } from '../core/secrets/redact';
import { clientConfig, describeConnectionError, isUnreachable, postgres, storePool, type Credentials } from './server-connection';
import type { ServerLink } from './server-link';
import { AdvisoryHold, HOLD_CHECK_MS, HOLDER_SQL } from './store-lock';

/** This workstation's sign-in; a password missing from the keychain counts as the server being out of reach. */
async function credentialsOf(link: ServerLink): Promise<Credentials> {
  try {
    return await link.credentials();
  } catch (error) {
    throw new StoreAwayError((error as Error).message);
  }
}

const TOPIC = /^[a-z][a-z0-9-]{0,40}$/;

/**
 * One mode's view of the store server: statements run in that mode's schema, so a training sale never
 * meets a live one. While this computer is not paired it behaves as a workstation on its own. Pairing,
 * leaving or the server coming and going change what it answers, not the object the features hold.
 */
export class ModeLink implements StoreLink {
  private pool: pg.Pool | null = null;
  private listener: pg.Client | null = null;
  private readonly listening = new OneRun();
  private readonly topics = new Map<string, Set<() => void>>();
  private unsubscribe: (() => void) | null = null;
  private boundTo: ServerLink | null = null;

  constructor(
    private readonly schema: string,
    private readonly current: () => ServerLink | null,
    private readonly log: (message: string) => void,
  ) {}

  get paired(): boolean {
    return this.current() !== null;
  }

  workstation(): StoreWorkstation | null {
    const w = this.current()?.config.workstation;
    return w ? { id: w.id, name: w.name, prefix: w.prefix } : null;
  }

  reachable(): boolean {
    return this.current()?.state === 'connected';
  }

  takeoverMinutes(): number {
    return this.current()?.takeoverMinutes ?? 10;
  }

  lastContactAt(): number | null {
    return this.current()?.lastContactAt ?? null;
  }

  async query<R = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<R[]> {
    const pool = await this.ensurePool();
    try {
      return (await pool.query(sql, params)).rows as R[];
    } catch (error) {
      throw this.translate(error);
    }
  }

  async transaction<T>(work: (q: StoreQuery) => Promise<T>): Promise<T> {
    const pool = await this.ensurePool();
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      throw this.translate(error);
    }
    const q: StoreQuery = { query: async (sql, params = []) => (await client.query(sql, params)).rows };
    try {
      await client.query('BEGIN');
      const result = await work(q);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw this.translate(error);
    } finally {
      client.release();
    }
  }

  onChange(topic: string, listener: () => void): () => void {
    if (!TOPIC.test(topic)) throw new Error(`bad topic ${topic}`);
    const set = this.topics.get(topic) ?? new Set();
    set.add(listener);
    this.topics.set(topic, set);
    void this.listen();
    return () => set.delete(listener);
  }

  notifySql(topic: string): string {
    if (!TOPIC.test(topic)) throw new Error(`bad topic ${topic}`);
    return `SELECT pg_notify('${this.channel()}', '${topic}')`;
  }

  async hold(name: string): Promise<StoreHold | null> {
    const link = this.current();
    if (!link) throw new StoreAwayError('This workstation is not part of a store server.');
    const creds = await credentialsOf(link);
    const { Client } = await postgres();
    // A check slower than this means the server may be letting the lock go: the hold ends here first.
    const client = new Client({ ...clientConfig(link.config.endpoint, creds, this.schema), query_timeout: HOLD_CHECK_MS - 1_000 });
    try {
      return await AdvisoryHold.take(client, this.channel(), name);
    } catch (error) {
      throw this.translate(error);
    }
  }

  async holder(name: string): Promise<string | null> {
    const rows = await this.query<{ name: string }>(HOLDER_SQL, [this.channel(), name]);
    return rows[0]?.name ?? null;
  }

  warn(message: string): void {
    const link = this.current();
    if (!link) return;
    link.warn(message);
  }

  /** The mode's features stopped: their subscriptions go with them, and the connections are let go. */
  async close(): Promise<void> {
    this.topics.clear();
    await this.release();
  }

  private async release(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = null;
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => {});
    await this.pool?.end().catch(() => {});
    this.pool = null;
    this.boundTo = null;
  }

  private channel(): string {
    return `backoffice_${this.schema}`;
  }

  /** The pool of the server this computer is paired with now; a new pairing gets a new pool. */
  private async ensurePool(): Promise<pg.Pool> {
    const link = this.current();
    if (!link) throw new StoreAwayError('This workstation is not part of a store server.');
    if (link !== this.boundTo) await this.rebind(link);
    // Announcements are listened for from the first statement on, including after pairing while running.
    if (!this.listener && this.topics.size > 0) void this.listen();
    if (this.pool) return this.pool;
    const creds = await credentialsOf(link);
    const pool = await storePool(clientConfig(link.config.endpoint, creds, this.schema), 4);
    this.pool = pool;
    return pool;
  }

  private async rebind(link: ServerLink): Promise<void> {
    await this.release();
    this.boundTo = link;
    // When the server comes back: listen again, and let every subscriber catch up on what it missed.
    this.unsubscribe = link.onReconnect(() => {
      void this.listen().finally(() => this.fireAll());
    });
  }

  private fireAll(): void {
    for (const set of this.topics.values()) for (const l of [...set]) l();
  }

  private translate(error: unknown): Error {
    const link = this.current();
    if (link && isUnreachable(error)) {
      link.markAway(error);
      return new StoreAwayError(describeConnectionError(error, link.config.endpoint, 'workstation'));
    }
    if (!(error instanceof Error)) return new Error(String(error));
    // The SQLSTATE and constraint stay with the message, so a feature can tell a clash from a failure.
    const { code, constraint } = error as { code?: string; constraint?: string };
    return Object.assign(new Error(secretRedactor.scrub(error.message)), { code, constraint });
  }

  /** One connection LISTENs for this mode's announcements; a dropped one is made again when the server is back. */
  private listen(): Promise<void> {
    if (this.listener || this.topics.size === 0) return Promise.resolve();
    return this.listening.run(() => this.openListener());
  }

  private async openListener(): Promise<void> {
    const link = this.current();
    if (!link) return;
    try {
      if (link !== this.boundTo) await this.rebind(link);
      const { Client } = await postgres();
      const client = new Client(clientConfig(link.config.endpoint, await link.credentials(), this.schema));
      client.on('error', () => {});
      client.on('end', () => {
        if (this.listener === client) this.listener = null;
      });
      client.on('notification', (n) => {
        for (const l of [...(this.topics.get(n.payload ?? '') ?? [])]) l();
      });
      await client.connect();
      await client.query(`LISTEN ${this.channel()}`);
      this.listener = client;
    } catch (error) {
      if (!isUnreachable(error)) this.log(`store server: could not listen for changes: ${secretRedactor.scrub((error as Error).message)}`);
    }
  }
}
