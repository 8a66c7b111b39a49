import { Worker } from 'node:worker_threads';
import { answerFile } from './answer-file';
import { JSON_ARRAY_WORKER } from './json-array-worker';

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

export interface JsonArrayOptions {
  /** Hand over only this field of each element (e.g. "sku"): the rest is never copied to this thread. */
  pick?: string;
}

/** The bytes as pieces the worker may own: a piece that shares its memory with others is copied first. */
function ownedPiece(piece: Uint8Array): ArrayBuffer {
  const whole = piece.byteOffset === 0 && piece.byteLength === piece.buffer.byteLength && piece.buffer instanceof ArrayBuffer;
  return whole ? (piece.buffer as ArrayBuffer) : (piece.slice().buffer as ArrayBuffer);
}

/**
 * Reads a JSON answer whose data is a list (`[...]` or `{"results": [...], ...}`) in a worker, a
 * slice per call. The bytes move there piece by piece as they arrive and go straight to a file
 * (the answer of a million items is half a gigabyte); elements are read back a slice at a time,
 * and while this thread applies one slice the worker already parses the next. Answers once the
 * whole answer has arrived; rejects with a SyntaxError when it is not JSON of that shape, and with
 * the body's own error when receiving it failed.
 */
export function openJsonArray(body: ArrayBuffer | AsyncIterable<Uint8Array>, opts: JsonArrayOptions = {}): Promise<JsonArrayStream> {
  const file = answerFile();
  const worker = new Worker(JSON_ARRAY_WORKER, { eval: true, workerData: { pick: opts.pick, fd: file.fd } });
  let failure: Error | null = null;
  // Callers waiting for the worker's answers, which come in the order they were asked for.
  const waiting: { resolve: (m: Message) => void; reject: (e: Error) => void }[] = [];
  let closed = false;
  const fail = (e: Error) => {
    failure ??= e;
    for (const w of waiting.splice(0)) w.reject(failure);
    close();
  };
  const ask = () => new Promise<Message>((resolve, reject) => (failure ? reject(failure) : waiting.push({ resolve, reject })));
  const close = () => {
    if (closed) return;
    closed = true;
    // The file goes once the worker can no longer use it.
    void worker.terminate().finally(file.remove);
  };
  worker.on('message', (m: Message) => {
    if (m.kind === 'invalid') return fail(new SyntaxError(m.message));
    waiting.shift()?.resolve(m);
  });
  worker.on('error', (e) => fail(e));
  worker.on('exit', (code) => fail(new Error(`the JSON reader stopped (${code})`)));
  const started = ask();
  void pump(body, worker, () => closed).then(() => closed || worker.postMessage({ kind: 'end' }), fail);
  return started.then((first) => {
    if (first.kind !== 'start') throw new Error('the JSON reader answered out of turn');
    return { shell: first.shell, total: first.total, close, next: reader(worker, ask, close) };
  });
}

/** Hands the body's pieces to the worker as they arrive. */
async function pump(body: ArrayBuffer | AsyncIterable<Uint8Array>, worker: Worker, closed: () => boolean): Promise<void> {
  if (body instanceof ArrayBuffer) {
    worker.postMessage({ kind: 'bytes', bytes: body }, [body]);
    return;
  }
  for await (const piece of body) {
    if (closed()) return;
    const bytes = ownedPiece(piece);
    worker.postMessage({ kind: 'bytes', bytes }, [bytes]);
  }
}

/** Slices asked of the worker ahead of the caller, so a late one does not leave the caller waiting. */
const AHEAD = 2;

/**
 * `next` for the stream: slices are always on their way from the worker while the caller applies
 * the last one, and a slice larger than asked for is handed over in parts.
 */
function reader(worker: Worker, ask: () => Promise<Message>, close: () => void): (max: number) => Promise<unknown[] | null> {
  let held: unknown[] = [];
  const coming: Promise<Message>[] = [];
  let ended = false;
  const request = (max: number) => {
    const reply = ask();
    // Read later by `next`; a failure meanwhile must not count as unhandled.
    reply.catch(() => undefined);
    coming.push(reply);
    worker.postMessage({ kind: 'next', max });
  };
  return async (max: number) => {
    while (held.length === 0 && !ended) {
      if (coming.length === 0) request(max);
      const m = await coming.shift()!;
      if (m.kind === 'part') held = m.items;
      else ended = true;
    }
    if (held.length === 0) {
      close();
      return null;
    }
    const out = held.length <= max ? held : held.slice(0, max);
    held = held.length <= max ? [] : held.slice(max);
    while (!ended && coming.length < AHEAD) request(max);
    return out;
  };
}
