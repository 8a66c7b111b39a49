import pg from 'pg';
import { percentile } from './harness';
import type { BenchWorkstation } from './store-fleet';

const clock = () => performance.timeOrigin + performance.now();
const sorted = (v: number[]) => [...v].sort((a, b) => a - b);
export const p95 = (v: number[]) => percentile(sorted(v), 95);

/** A sale's record as the server keeps it, near the app's in size (its columns, two lines, its vendors). */
const body = (n: number) =>
  JSON.stringify({
    sale: { order_number: `B${n}`, kind: 'SALE', recorded_at: Date.now(), total_cents: 1000 + n, tax_cents: 0, mode: 'training', payment: 'cash', tendered_cents: 2000, note: null },
    lines: [1, 2].map((position) => ({ position, sku: `P${100 + (n % 50)}`, name: 'Bench part', unit_price_cents: 500, quantity: 1, taxable: 0, discount_cents: 0 })),
    destinations: ['simpleconsign', 'ifpos'],
  });

/** Record on `from`, wait until `to`'s History has it; one sale at a time. */
export async function appVisible(from: BenchWorkstation, to: BenchWorkstation, count: number, offset = 0): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const sale = await from.record(offset + i);
    times.push((await to.seen(sale.orderNumber)) - sale.at);
  }
  return times;
}

/** The bare pg scripts' table and channel, in the store's database, apart from the app's schemas. */
export class BarePg {
  private constructor(private readonly config: pg.ClientConfig) {}

  static async open(config: pg.ClientConfig): Promise<BarePg> {
    const c = new pg.Client(config);
    await c.connect();
    await c.query('DROP SCHEMA IF EXISTS bench CASCADE; CREATE SCHEMA bench; CREATE TABLE bench.sales (uid uuid PRIMARY KEY DEFAULT gen_random_uuid(), txid xid8 NOT NULL DEFAULT pg_current_xact_id(), body jsonb NOT NULL); CREATE INDEX ON bench.sales (txid)');
    await c.end();
    return new BarePg(config);
  }

  async client(): Promise<pg.Client> {
    const c = new pg.Client(this.config);
    await c.connect();
    return c;
  }

  /** NOTIFY on one connection until the other's LISTEN hears it: the floor for "visible elsewhere". */
  async notifyRoundTrips(count: number): Promise<number[]> {
    const [sender, listener] = [await this.client(), await this.client()];
    await listener.query('LISTEN bench_floor');
    const times: number[] = [];
    try {
      for (let i = 0; i < count; i++) {
        const heard = new Promise<number>((resolve) => listener.once('notification', () => resolve(clock())));
        const at = clock();
        await sender.query(`NOTIFY bench_floor, '${i}'`);
        times.push((await heard) - at);
      }
    } finally {
      await Promise.all([sender.end(), listener.end()]);
    }
    return times;
  }

  /**
   * The same work as the app's sharing, bare: each sender inserts a sale and NOTIFYs in one transaction;
   * the reader, woken, selects what is new since it last looked. Answers `at` for each sale (send → read).
   */
  async watcher(): Promise<{ expect: (uid: string) => Promise<number>; stop: () => Promise<void> }> {
    const reader = await this.client();
    await reader.query('LISTEN bench_sales');
    const wanted = new Map<string, (at: number) => void>();
    const seen = new Map<string, number>();
    // As the app's copier reads: everything since the oldest transaction still running when it last looked,
    // so a sale committed late is not skipped; sales it has already are passed over.
    let horizon = '0';
    const had = new Set<string>();
    let reading: Promise<void> | null = null;
    let again = false;
    const read = async () => {
      await reader.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const [{ xmin }] = (await reader.query<{ xmin: string }>('SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin')).rows;
      const rows = (await reader.query<{ uid: string; body: unknown }>('SELECT uid, body FROM bench.sales WHERE txid >= $1::xid8', [horizon])).rows;
      await reader.query('COMMIT');
      horizon = xmin;
      const at = clock();
      for (const r of rows) {
        if (had.has(r.uid)) continue;
        had.add(r.uid);
        const done = wanted.get(r.uid);
        if (done) {
          wanted.delete(r.uid);
          done(at);
        } else seen.set(r.uid, at);
      }
    };
    const wake = () => {
      if (reading) {
        again = true;
        return;
      }
      reading = read().finally(() => {
        reading = null;
        if (again) {
          again = false;
          wake();
        }
      });
    };
    reader.on('notification', wake);
    return {
      expect: (uid) => {
        const at = seen.get(uid);
        if (at !== undefined) return Promise.resolve(at);
        return new Promise((resolve) => wanted.set(uid, resolve));
      },
      stop: async () => {
        while (reading) await reading;
        await reader.end();
      },
    };
  }

  /** One sale inserted and announced in one statement (one transaction), as the app's forwarder commits one. */
  async send(sender: pg.Client, n: number): Promise<{ uid: string; at: number }> {
    const at = clock();
    const { rows } = await sender.query<{ uid: string }>("WITH s AS (INSERT INTO bench.sales (body) VALUES ($1) RETURNING uid) SELECT uid, pg_notify('bench_sales', 'sales') FROM s", [body(n)]);
    return { uid: rows[0].uid, at };
  }

  /** For each app sale recorded since `since` (ms), how long after its recording the server had it (the forwarding's start). */
  async forwardDelays(since: number): Promise<{ ms: number }[]> {
    const c = await this.client();
    try {
      const { rows } = await c.query<{ ms: number }>('SELECT extract(epoch FROM forwarded_at) * 1000 - recorded_at AS ms FROM training.sales WHERE recorded_at >= $1 ORDER BY recorded_at', [Math.floor(since)]);
      return rows.map((r) => ({ ms: Number(r.ms) }));
    } finally {
      await c.end();
    }
  }

  /** One sale at a time: insert and NOTIFY on one connection, read on another. */
  async visible(count: number): Promise<number[]> {
    const sender = await this.client();
    const watcher = await this.watcher();
    const times: number[] = [];
    try {
      for (let i = 0; i < count; i++) {
        const sent = await this.send(sender, i);
        times.push((await watcher.expect(sent.uid)) - sent.at);
      }
    } finally {
      await watcher.stop();
      await sender.end();
    }
    return times;
  }
}

/**
 * Starts `total` jobs at `perSecond`, on the schedule (a late start is not made up by skipping), each
 * answering a latency; answers them in the order started, and the rate achieved.
 */
export async function atRate(total: number, perSecond: number, job: (i: number) => Promise<number>): Promise<{ times: number[]; achieved: number; first: number }> {
  const started = clock();
  const runs: Promise<number>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / perSecond;
    const wait = due - clock();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    runs.push(job(i));
  }
  const sentIn = clock() - started;
  const times = await Promise.all(runs);
  return { times, achieved: (total * 1000) / sentIn, first: started };
}

/** p95 of the first and the last tenth of a run, and their ratio. */
export function growth(times: number[]): { first: number; last: number } {
  const tenth = Math.max(1, Math.floor(times.length / 10));
  return { first: p95(times.slice(0, tenth)), last: p95(times.slice(-tenth)) };
}
