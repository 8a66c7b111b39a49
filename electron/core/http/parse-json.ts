import { Worker } from 'node:worker_threads';

/** Answers above this size are parsed off the main thread (a 50 MB answer takes about a second to parse). */
export const LARGE_JSON_BYTES = 2 * 1024 * 1024;
const CHUNK = 1000;

// Plain JS run by the worker: parse, then hand the top-level array (or `results`) over one slice per
// request. The main thread asks for the next slice only after taking in the last one, because a
// port delivers every queued message in one go and that would stall it as long as parsing in place.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
(function run() {
let value;
try { value = JSON.parse(new TextDecoder().decode(workerData.bytes)); } catch (e) { parentPort.postMessage({ kind: 'invalid', message: String(e && e.message) }); return; }
workerData.bytes = null;
const list = Array.isArray(value) ? value : value && typeof value === 'object' && Array.isArray(value.results) ? value.results : null;
if (!list) { parentPort.postMessage({ kind: 'whole', value }); return; }
const shell = Array.isArray(value) ? null : Object.assign({}, value, { results: [] });
let next = 0;
parentPort.on('message', () => {
  if (next >= list.length) { parentPort.postMessage({ kind: 'end' }); return; }
  const end = Math.min(list.length, next + workerData.chunk);
  parentPort.postMessage({ kind: 'part', items: list.slice(next, end) });
  // Once copied over, a slice is let go of here, so the answer is never held twice in full.
  list.fill(undefined, next, end);
  next = end;
});
parentPort.postMessage({ kind: 'start', shell, total: list.length });
})();
`;

type Message =
  | { kind: 'invalid'; message: string }
  | { kind: 'whole'; value: unknown }
  | { kind: 'start'; shell: Record<string, unknown> | null; total: number }
  | { kind: 'part'; items: unknown[] }
  | { kind: 'end' };

/** Parses JSON bytes in a worker thread (the buffer is moved there, not copied); rejects with a SyntaxError for text that is not JSON. */
export function parseJsonOffThread(bytes: ArrayBuffer): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { bytes, chunk: CHUNK }, transferList: [bytes] });
    let shell: Record<string, unknown> | null = null;
    const items: unknown[] = [];
    let settled = false;
    const finish = (fn: () => void) => {
      settled = true;
      fn();
      void worker.terminate();
    };
    worker.on('message', (m: Message) => {
      if (m.kind === 'invalid') finish(() => reject(new SyntaxError(m.message)));
      else if (m.kind === 'whole') finish(() => resolve(m.value));
      else if (m.kind === 'start' || m.kind === 'part') {
        if (m.kind === 'start') shell = m.shell;
        else for (const item of m.items) items.push(item);
        setImmediate(() => worker.postMessage('next'));
      }
      else finish(() => resolve(shell ? { ...shell, results: items } : items));
    });
    worker.on('error', (e) => !settled && finish(() => reject(e)));
    worker.on('exit', (code) => !settled && finish(() => reject(new Error(`the JSON worker stopped (${code})`))));
  });
}

export interface ReadBody {
  /** The answer's text, or its first kilobyte for a large answer: enough to quote it in a message. */
  head: string;
  body: unknown;
  isJson: boolean;
}

const decoder = new TextDecoder();

/** Reads an answer's bytes: small ones in place, large ones off the main thread. */
export async function readJsonBody(bytes: ArrayBuffer): Promise<ReadBody> {
  if (bytes.byteLength < LARGE_JSON_BYTES) {
    const text = decoder.decode(bytes);
    try {
      return { head: text, body: text === '' ? null : JSON.parse(text), isJson: true };
    } catch {
      return { head: text, body: undefined, isJson: false };
    }
  }
  const head = decoder.decode(new Uint8Array(bytes, 0, 1024));
  try {
    return { head, body: await parseJsonOffThread(bytes), isJson: true };
  } catch (error) {
    if (error instanceof SyntaxError) return { head, body: undefined, isJson: false };
    throw error;
  }
}
