import { currentFormats } from '../../shared/locale/current';
import type { PartLists } from '../../shared/heavytruckparts/records';
import { readNames, readPartTypes, readVendors } from '../../shared/heavytruckparts/read-lists';
import { AppError } from '../core/app-error';
import type { Db } from '../core/store/database';
import type { HtpClient } from './client';
import type { HtpConnection } from './connection';

interface Cached {
  body: unknown;
  fetchedAt: number;
}

/** Whose lists these are: the lists are customised per API user (and the training port changes per run). */
const accountOf = (c: HtpConnection) => (c.training ? `training|${c.user}` : `${c.base}|${c.user}`);

export interface ListsCacheLimits {
  /** A list older than this is fetched again when next asked for. */
  maxAgeMs: number;
  /** Lists kept per API user (one per part type for makes, per part type and make for models); the oldest go first. */
  maxLists: number;
}

export const defaultListLimits: ListsCacheLimits = { maxAgeMs: 24 * 60 * 60_000, maxLists: 200 };

/**
 * The search pickers' lists, kept in SQLite: shown at once from the cache, fetched when missing,
 * older than a day, or when the clerk refreshes. A failed fetch keeps the older list and says why.
 * The cache is bounded: makes and models are kept for the part types and makes actually chosen.
 */
export class ListsService {
  constructor(
    private readonly db: Db,
    private readonly client: HtpClient,
    private readonly now: () => number,
    private readonly limits: ListsCacheLimits = defaultListLimits,
  ) {}

  private read(account: string, key: string): Cached | null {
    const row = this.db.prepare('SELECT body, fetched_at FROM htp_lists WHERE account = ? AND list_key = ?').get(account, key) as { body: string; fetched_at: number } | undefined;
    return row ? { body: JSON.parse(row.body), fetchedAt: row.fetched_at } : null;
  }

  private write(account: string, key: string, body: unknown): Cached {
    const at = this.now();
    this.db.transaction(() => {
      this.db.prepare('INSERT INTO htp_lists (account, list_key, body, fetched_at) VALUES (?, ?, ?, ?) ON CONFLICT (account, list_key) DO UPDATE SET body = excluded.body, fetched_at = excluded.fetched_at').run(account, key, JSON.stringify(body), at);
      this.db
        .prepare('DELETE FROM htp_lists WHERE account = ? AND list_key NOT IN (SELECT list_key FROM htp_lists WHERE account = ? ORDER BY fetched_at DESC, list_key LIMIT ?)')
        .run(account, account, this.limits.maxLists);
    })();
    return { body, fetchedAt: at };
  }

  /** One list: from the cache unless refreshing or missing; on failure the cached copy and the reason. */
  private async list(conn: HtpConnection, key: string, path: string, query: Record<string, string>, refresh: boolean): Promise<{ cached: Cached | null; problem: string | null }> {
    const account = accountOf(conn);
    const cached = this.read(account, key);
    if (cached && !refresh && this.now() - cached.fetchedAt < this.limits.maxAgeMs) return { cached, problem: null };
    try {
      return { cached: this.write(account, key, await this.client.call(conn, path, query)), problem: null };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (!cached) throw error;
      return { cached, problem: `Showing the lists from ${currentFormats().dateTime(cached.fetchedAt)}: ${error.message}` };
    }
  }

  async lists(refresh: boolean): Promise<PartLists> {
    const conn = await this.client.connection();
    const [types, categories, vendors] = [
      await this.list(conn, 'part_types', '/inventory/available/part_types', {}, refresh),
      await this.list(conn, 'categories', '/inventory/available/categories', {}, refresh),
      await this.list(conn, 'vendors', '/inventory/available/vendors', {}, refresh),
    ];
    const fetched = [types, categories, vendors].map((l) => l.cached?.fetchedAt ?? null).filter((x): x is number => x !== null);
    return {
      partTypes: readPartTypes(types.cached?.body),
      categories: readNames(categories.cached?.body, ['category', 'name']),
      vendors: readVendors(vendors.cached?.body),
      fetchedAt: fetched.length > 0 ? Math.min(...fetched) : null,
      problem: types.problem ?? categories.problem ?? vendors.problem,
    };
  }

  async makes(partType: string, refresh: boolean) {
    const conn = await this.client.connection();
    const pt = partType.trim() === '' ? '*' : partType.trim();
    const query: Record<string, string> = pt === '*' ? {} : { part_type: pt };
    const { cached, problem } = await this.list(conn, `makes|${pt.toLowerCase()}`, '/inventory/available/makes', query, refresh);
    return { names: readNames(cached?.body, ['make', 'manufacturer', 'name']), fetchedAt: cached?.fetchedAt ?? null, problem };
  }

  async models(partType: string, make: string, refresh: boolean) {
    const conn = await this.client.connection();
    const pt = partType.trim() || '*';
    const mk = make.trim() || '*';
    const query: Record<string, string> = {};
    if (pt !== '*') query.part_type = pt;
    if (mk !== '*') query.make = mk;
    const { cached, problem } = await this.list(conn, `models|${pt.toLowerCase()}|${mk.toLowerCase()}`, '/inventory/available/models', query, refresh);
    return { names: readNames(cached?.body, ['model', 'name']), fetchedAt: cached?.fetchedAt ?? null, problem };
  }
}
