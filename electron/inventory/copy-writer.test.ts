import { MessageChannel, type Worker } from 'node:worker_threads';
import { afterEach, expect, it, vi } from 'vitest';
import { defaultSyncSettings } from '../../shared/inventory/schemas';
import { sqliteModulePath } from '../core/module-worker';
import { writeCopy } from './copy-writer';
import { LoadJob, type LoadSpec } from './load-job';
import type { FromWorker, ToWorker } from './load-messages';
import { tempDb } from './test-harness';

/** Readers the writer has started, counted as it starts them, and the last one. */
const readers = vi.hoisted(() => ({ started: 0, last: null as Worker | null }));
vi.mock('../core/module-worker', async (actual) => {
  const real = await actual<typeof import('../core/module-worker')>();
  return {
    ...real,
    startOwnModule: (...a: Parameters<typeof real.startOwnModule>) => {
      readers.started++;
      return (readers.last = real.startOwnModule(...a));
    },
  };
});

/** An answer's reader that tells it has started (as an empty piece taken in) and waits. */
const READER = `
  const { parentPort } = require('node:worker_threads');
  parentPort.on('message', () => {});
  parentPort.postMessage({ kind: 'taken', stream: 'items', bytes: 0 });
`;

let cleanup = () => {};
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** The copy's writer on this thread, over a store in a file, with READER as its answer's reader. */
function writer() {
  const t = tempDb();
  const { port1, port2 } = new MessageChannel();
  writeCopy(port1, { sqlite: sqliteModulePath(), file: t.db.name, busyMs: 1000, maxPageCount: 1_000_000, moduleCode: READER });
  const got: FromWorker[] = [];
  port2.on('message', (m: FromWorker) => got.push(m));
  const send = (m: ToWorker) => port2.postMessage(m);
  readers.started = 0;
  cleanup = () => {
    port1.close();
    port2.close();
    t.cleanup();
  };
  return { got, send, kinds: () => got.map((m) => m.kind) };
}

const spec = (readsAnswer: boolean): LoadSpec => ({ slot: 1, settings: defaultSyncSettings, vendorFiltered: readsAnswer, learnFlags: false, readsAnswer });

it('starts the answer’s reader with a load that reads an answer, while the request still waits for it, and stops it before the indexes are built', async () => {
  const w = writer();
  w.send({ kind: 'load', spec: spec(true) });
  // No byte has been sent: the reader has started with the load.
  await vi.waitFor(() => expect(w.kinds()).toEqual(['ready', 'taken']), { timeout: 10_000 });
  const stopped = vi.spyOn(readers.last!, 'terminate');
  const built = vi.spyOn(LoadJob.prototype, 'finish');
  w.send({ kind: 'finish' });
  await vi.waitFor(() => expect(w.kinds()).toContain('done'), { timeout: 10_000 });
  // With every answer ended, the reader is stopped before the indexes are built, not after.
  expect(stopped).toHaveBeenCalledTimes(1);
  expect(stopped.mock.invocationCallOrder[0]).toBeLessThan(built.mock.invocationCallOrder[0]);
});

it('starts no reader for a load whose rows come already read (a store server’s), and writes them', async () => {
  const w = writer();
  w.send({ kind: 'load', spec: spec(false) });
  w.send({ kind: 'rows', rows: [] });
  await vi.waitFor(() => expect(w.kinds()).toEqual(['ready', 'rows-written']), { timeout: 10_000 });
  // The writer handled the load and the rows before it answered: a reader started for them would be counted.
  expect(readers.started).toBe(0);
  w.send({ kind: 'finish' });
  await vi.waitFor(() => expect(w.kinds()).toContain('done'), { timeout: 10_000 });
  expect(w.kinds()).toEqual(['ready', 'rows-written', 'done']);
});
