import { Worker } from 'node:worker_threads';

// Plain JS run by the worker. It finds where each element of the answer's list begins and ends
// (the top-level array, or the array under a top-level "results" key) by scanning the bytes,
// then parses one slice of elements per request. Only the bytes and the slice being handed over
// are ever held: never the whole answer as objects, never the whole answer as one string.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const bytes = new Uint8Array(workerData.bytes);
const n = bytes.length;
const decoder = new TextDecoder();
const ws = (c) => c === 32 || c === 9 || c === 10 || c === 13;
const skipWs = (i) => { while (i < n && ws(bytes[i])) i++; return i; };
function skipString(i) {
  for (i++; i < n; i++) { const c = bytes[i]; if (c === 92) i++; else if (c === 34) return i + 1; }
  throw new SyntaxError('Unterminated string in JSON');
}
function skipValue(i) {
  let depth = 0;
  while (i < n) {
    const c = bytes[i];
    if (c === 34) { i = skipString(i); if (depth === 0) return i; continue; }
    if (c === 123 || c === 91) depth++;
    else if (c === 125 || c === 93) { if (depth === 0) return i; depth--; if (depth === 0) return i + 1; }
    else if (depth === 0 && (c === 44 || ws(c))) return i;
    i++;
  }
  if (depth !== 0) throw new SyntaxError('Unexpected end of JSON input');
  return i;
}
function listAt(i, bounds) {
  i = skipWs(i + 1);
  if (bytes[i] === 93) return i + 1;
  for (;;) {
    const end = skipValue(i);
    bounds.push(i, end);
    i = skipWs(end);
    if (bytes[i] === 44) { i = skipWs(i + 1); continue; }
    if (bytes[i] === 93) return i + 1;
    throw new SyntaxError('Unexpected token in JSON list at position ' + i);
  }
}
function scan() {
  const bounds = [];
  let i = skipWs(0);
  if (bytes[i] === 91) { i = listAt(i, bounds); if (skipWs(i) !== n) throw new SyntaxError('Unexpected data after JSON'); return { shell: null, bounds }; }
  if (bytes[i] !== 123) throw new SyntaxError('Unexpected token in JSON at position ' + i);
  const shell = {};
  let found = false;
  i = skipWs(i + 1);
  if (bytes[i] === 125) return { shell, bounds: null };
  for (;;) {
    if (bytes[i] !== 34) throw new SyntaxError('Expected a property name in JSON at position ' + i);
    const keyEnd = skipString(i);
    const key = JSON.parse(decoder.decode(bytes.subarray(i, keyEnd)));
    i = skipWs(keyEnd);
    if (bytes[i] !== 58) throw new SyntaxError("Expected ':' in JSON at position " + i);
    i = skipWs(i + 1);
    if (key === 'results' && bytes[i] === 91) { i = listAt(i, bounds); found = true; }
    else { const end = skipValue(i); shell[key] = JSON.parse(decoder.decode(bytes.subarray(i, end))); i = end; }
    i = skipWs(i);
    if (bytes[i] === 44) { i = skipWs(i + 1); continue; }
    if (bytes[i] === 125 && skipWs(i + 1) === n) return { shell, bounds: found ? bounds : null };
    throw new SyntaxError('Unexpected token in JSON at position ' + i);
  }
}
(function run() {
let scanned;
try { scanned = scan(); } catch (e) { parentPort.postMessage({ kind: 'invalid', message: String(e && e.message) }); return; }
const bounds = scanned.bounds;
const total = bounds ? bounds.length / 2 : 0;
let next = 0;
parentPort.on('message', (want) => {
  if (next >= total) { parentPort.postMessage({ kind: 'end' }); return; }
  const last = Math.min(total, next + want);
  try {
    const items = JSON.parse('[' + decoder.decode(bytes.subarray(bounds[2 * next], bounds[2 * last - 1])) + ']');
    next = last;
    parentPort.postMessage({ kind: 'part', items });
  } catch (e) { parentPort.postMessage({ kind: 'invalid', message: String(e && e.message) }); }
});
parentPort.postMessage({ kind: 'start', shell: scanned.shell, total: bounds ? total : null });
})();
`;

type Message =
  | { kind: 'invalid'; message: string }
  | { kind: 'start'; shell: Record<string, unknown> | null; total: number | null }
  | { kind: 'part'; items: unknown[] }
  | { kind: 'end' };

/** A JSON answer's list, read a slice at a time. */
export interface JsonArrayStream {
  /** The answer's other top-level fields (null when the answer is a bare list). */
  shell: Record<string, unknown> | null;
  /** How many elements the list holds, or null when the answer has no list. */
  total: number | null;
  /** The next elements (at most `max`), or null once all were read. Rejects with a SyntaxError for an element that is not JSON. */
  next(max: number): Promise<unknown[] | null>;
  close(): void;
}

/**
 * Reads a JSON answer whose data is a list (`[...]` or `{"results": [...], ...}`) in a worker, a
 * slice per call: the bytes move there and are never turned into one string. Rejects with a
 * SyntaxError when the answer is not JSON of that shape.
 */
export function openJsonArray(bytes: ArrayBuffer): Promise<JsonArrayStream> {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { bytes }, transferList: [bytes] });
  let waiting: { resolve: (m: Message) => void; reject: (e: Error) => void } | null = null;
  const ask = () => new Promise<Message>((resolve, reject) => (waiting = { resolve, reject }));
  worker.on('message', (m: Message) => waiting?.resolve(m));
  worker.on('error', (e) => waiting?.reject(e));
  worker.on('exit', (code) => waiting?.reject(new Error(`the JSON reader stopped (${code})`)));
  const close = () => void worker.terminate();
  return ask().then((first) => {
    if (first.kind === 'invalid') {
      close();
      throw new SyntaxError(first.message);
    }
    if (first.kind !== 'start') throw new Error('the JSON reader answered out of turn');
    return {
      shell: first.shell,
      total: first.total,
      close,
      next: async (max: number) => {
        const reply = ask();
        worker.postMessage(max);
        const m = await reply;
        if (m.kind === 'part') return m.items;
        close();
        if (m.kind === 'invalid') throw new SyntaxError(m.message);
        return null;
      },
    };
  });
}
