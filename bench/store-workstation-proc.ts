import path from 'node:path';
import Database from 'better-sqlite3';
import { dataStoreFile } from '../electron/app/mode-stores';
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

type Ask = { id: number; ask: 'dispatch'; channel: string; input: unknown } | { id: number; ask: 'record'; n: number } | { id: number; ask: 'watch'; orderNumber: string } | { id: number; ask: 'admin' };

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

/** Order numbers watched for, each with the answer to give when this workstation shows the sale. */
const watched = new Map<string, { done: (at: number) => void; fail: (e: Error) => void; deadline: number }>();
/** A sale not seen by then fails the run rather than holding it. */
const WATCH_LIMIT_MS = 120_000;
/** How often this workstation's store is looked at while something is watched: the figures are late by up to this much. */
const LOOK_EVERY_MS = 10;
let looking = false;
let store: Database.Database | null = null;

/**
 * The watched order numbers this workstation's own store has now, in one indexed look at its file (the
 * training store, which History, the return search and reprints read), without going through the app: a
 * look that cost the app time would slow what is being measured, more so the further behind it is.
 */
function arrived(): string[] {
  store ??= new Database(dataStoreFile(process.argv[2], 'training'), { readonly: true, fileMustExist: true });
  return store.prepare('SELECT order_number FROM sales WHERE order_number IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify([...watched.keys()])) as string[];
}

/**
 * Every few milliseconds until each watched sale is in this workstation's store; each one found is then
 * asked for as the return search and a reprint ask for it (`sales:get-sale`), and timed when that answers.
 */
async function look(): Promise<void> {
  if (looking) return;
  looking = true;
  try {
    while (watched.size > 0) {
      for (const orderNumber of arrived()) {
        const w = watched.get(orderNumber)!;
        watched.delete(orderNumber);
        const sale = await dispatch<{ orderNumber: string }>('sales:get-sale', { orderNumber });
        if (sale.orderNumber === orderNumber) w.done(clock());
        else w.fail(new Error(`asked for ${orderNumber}, the app answered ${sale.orderNumber}`));
      }
      const now = clock();
      for (const [orderNumber, w] of [...watched]) {
        if (now <= w.deadline) continue;
        watched.delete(orderNumber);
        w.fail(new Error(`${orderNumber} was not on this workstation after ${WATCH_LIMIT_MS / 1000} s`));
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

function watch(orderNumber: string): Promise<{ at: number }> {
  return new Promise((resolve, reject) => {
    watched.set(orderNumber, { done: (at) => resolve({ at }), fail: reject, deadline: clock() + WATCH_LIMIT_MS });
    void look();
  });
}

process.on('message', (m: Ask | 'stop') => {
  if (m === 'stop') {
    store?.close();
    void services.stop().finally(() => process.exit(0));
    return;
  }
  const work =
    m.ask === 'dispatch' ? dispatch(m.channel, m.input)
    : m.ask === 'record' ? record(m.n)
    : m.ask === 'watch' ? watch(m.orderNumber)
    : Promise.resolve({ user: ADMIN_USER, password: secrets.values.get(ADMIN_ACCOUNT) });
  void work.then(
    (value) => process.send?.({ id: m.id, value }),
    (error: unknown) => process.send?.({ id: m.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
process.send?.({ id: 0, value: 'ready' });
