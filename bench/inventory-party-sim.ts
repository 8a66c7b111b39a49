import fs from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { SimpleConsignInventorySimulator } from '../electron/simpleconsign/inventory-sim';
import { SimHost } from '../electron/training/sim-host';

export const BENCH_KEY = 'bench-key';

/**
 * The simulator stands for SimpleConsign's servers, which run elsewhere: on this machine it runs below
 * the app's priority, so that building and sending its answers (half a gigabyte at a million items)
 * does not take the app's cores from it. Every thread of the process is lowered (Linux keeps a
 * priority per thread); threads started later inherit it.
 */
function runBelowTheApp(): void {
  if (process.platform !== 'linux') return;
  for (const tid of fs.readdirSync('/proc/self/task')) os.setPriority(Number(tid), os.constants.priority.PRIORITY_BELOW_NORMAL);
}

/** The SimpleConsign simulator, alone in its process, on the real clock. */
export async function simParty(args: Record<string, unknown>) {
  runBelowTheApp();
  // Items carry the E-commerce flag unless told otherwise, so the app and the bare script receive the same bytes and
  // make one request each; a store without it is measured on its own (the 'flags' command).
  const sendsEcommerceFlag = args.sendsFlag !== false;
  const sim = new SimpleConsignInventorySimulator({ items: Number(args.items), keys: [BENCH_KEY], changesPerMinute: 0, requestCap: 1_000_000, sendsEcommerceFlag });
  const host = new SimHost([sim]);
  // When each request arrived and how long the simulator took to build its answer (absolute ms, to line up with the app's).
  const served: { at: number; buildMs: number; bytes: number }[] = [];
  const handle = sim.handle.bind(sim);
  sim.handle = (req) => {
    const at = performance.timeOrigin + performance.now();
    const out = handle(req);
    const bytes = Buffer.isBuffer(out.body) ? out.body.length : JSON.stringify(out.body ?? '').length;
    served.push({ at, buildMs: performance.timeOrigin + performance.now() - at, bytes });
    return out;
  };
  await host.start();
  return async (c: Record<string, unknown>) => {
    if (c.cmd === 'url') {
      // The first load's answer is built once, whole, before anyone is timed: the first party to ask would
      // otherwise pay for the simulator's warming up (at a million items its heap grows by gigabytes).
      const json = { key: BENCH_KEY, includeItemsWithQuantityZero: 'false', includeInactiveItems: 'false' };
      const headers = { accept: 'application/json', 'content-type': 'application/json' };
      handle({ method: 'POST', path: '/', query: new URLSearchParams(), headers, body: JSON.stringify(json), json });
      return host.url('/simpleconsign');
    }
    if (c.cmd === 'served') return served.splice(0);
    if (c.cmd === 'flags') {
      sim.store.sendsEcommerceFlag = Boolean(c.on);
      return null;
    }
    if (c.cmd === 'tick') {
      const r = sim.tick(Number(c.changes));
      return r.updated.length + r.added.length + r.inactivated.length;
    }
    throw new Error(`unknown command ${String(c.cmd)}`);
  };
}
