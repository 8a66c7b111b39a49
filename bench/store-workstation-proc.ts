import path from 'node:path';
import { createAppServices } from '../electron/app/app-services';
import { MemorySecretStore } from '../electron/core/secrets/memory-secret-store';
import { ADMIN_USER } from '../electron/store-server/bundled-store';
import { ADMIN_ACCOUNT } from '../electron/store-server/link-config';

/**
 * One workstation of the store bench: the app's services over its own data folder, in a process of its own
 * as a workstation is. The parent asks over the IPC channel: `dispatch` a channel as the renderer would,
 * `record` a sale (answers its order number and when the call began), `watch` for an order number in
 * History (answers when it was first there). Times are absolute (ms), so the parent lines them up across processes.
 */
const secrets = new MemorySecretStore();
const services = await createAppServices({ dataDir: process.argv[2], secrets, version: 'bench', log: (m) => process.stderr.write(`[${path.basename(process.argv[2])}] ${m}\n`) });
const clock = () => performance.timeOrigin + performance.now();

type Ask = { id: number; ask: 'dispatch'; channel: string; input: unknown } | { id: number; ask: 'record'; n: number } | { id: number; ask: 'watch'; orderNumber: string; since: number } | { id: number; ask: 'admin' };

async function dispatch<T>(channel: string, input: unknown): Promise<T> {
  const r = await services.dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value as T;
}

async function record(n: number): Promise<{ orderNumber: string; at: number }> {
  const at = clock();
  const sale = await dispatch<{ orderNumber: string }>('sales:record-sale', {
    lines: [{ sku: `P${100 + (n % 50)}`, name: 'Bench part', unitPriceCents: 1000 + (n % 900), quantity: 1, taxable: false }],
    taxCents: 0,
  });
  return { orderNumber: sale.orderNumber, at };
}

/** Order numbers watched for in History, each with when its sale began and the answer to give when it shows there. */
const watched = new Map<string, { since: number; done: (at: number) => void; fail: (e: Error) => void; deadline: number }>();
/** A sale not seen by then fails the run rather than holding it. */
const WATCH_LIMIT_MS = 120_000;
/** How often History is asked while something is watched: the figures are late by up to this much. */
const LOOK_EVERY_MS = 10;
const PAGE = 200;
let looking = false;

/** Every sale History lists as recorded at or after `from` (a sale keeps the time its own workstation recorded it). */
async function historySince(from: number): Promise<Set<string>> {
  const found = new Set<string>();
  for (let page = 1; ; page++) {
    const got = await dispatch<{ rows: { orderNumber: string }[]; total: number }>('sales:get-history', { from, kind: 'SALE', page, pageSize: PAGE });
    for (const r of got.rows) found.add(r.orderNumber);
    if (page * PAGE >= got.total) return found;
  }
}

/**
 * Asks History, filtered by date as its screen can be, for everything since the oldest watched sale began,
 * every few milliseconds until each watched sale is there. One question a look for all of them, with a
 * pause between looks, so the watching takes little of the workstation's own time (a search per order
 * number, asked back to back, kept its event loop busy and grew with every sale recorded).
 */
async function look(): Promise<void> {
  if (looking) return;
  looking = true;
  try {
    while (watched.size > 0) {
      const from = Math.floor(Math.min(...[...watched.values()].map((w) => w.since))) - 1_000;
      const found = await historySince(from);
      const at = clock();
      for (const [orderNumber, w] of [...watched]) {
        if (found.has(orderNumber)) {
          watched.delete(orderNumber);
          w.done(at);
        } else if (at > w.deadline) {
          watched.delete(orderNumber);
          w.fail(new Error(`${orderNumber} was not in History after ${WATCH_LIMIT_MS / 1000} s`));
        }
      }
      await new Promise((resolve) => setTimeout(resolve, LOOK_EVERY_MS));
    }
  } catch (error) {
    for (const w of watched.values()) w.fail(error as Error);
    watched.clear();
  } finally {
    looking = false;
  }
}

function watch(orderNumber: string, since: number): Promise<{ at: number }> {
  return new Promise((resolve, reject) => {
    watched.set(orderNumber, { since, done: (at) => resolve({ at }), fail: reject, deadline: clock() + WATCH_LIMIT_MS });
    void look();
  });
}

process.on('message', (m: Ask | 'stop') => {
  if (m === 'stop') {
    void services.stop().finally(() => process.exit(0));
    return;
  }
  const work =
    m.ask === 'dispatch' ? dispatch(m.channel, m.input)
    : m.ask === 'record' ? record(m.n)
    : m.ask === 'watch' ? watch(m.orderNumber, m.since)
    : Promise.resolve({ user: ADMIN_USER, password: secrets.values.get(ADMIN_ACCOUNT) });
  void work.then(
    (value) => process.send?.({ id: m.id, value }),
    (error: unknown) => process.send?.({ id: m.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
process.send?.({ id: 0, value: 'ready' });
