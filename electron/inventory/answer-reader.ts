/**
 * The copy's answer reader: a thread the copy's worker starts for a load's answers (see
 * load-worker.ts). It takes the answer's bytes as they arrive, finds and parses its items and reads
 * them into rows, and hands the rows to the worker, which writes them. Reading the next rows while
 * the worker writes the last ones keeps both of the machine's cores at the load: reading an item
 * costs about as much as writing it.
 */
import type { MessagePort } from 'node:worker_threads';
import { SpooledJsonList } from '../core/http/spooled-json-list';
import { readItems } from '../simpleconsign/inventory-row';
import { lacksEcommerceFlag, skuField } from './copy-filter';
import { failedMessage, type AnswerStream, type FromReader, type ToReader } from './load-messages';

/**
 * Slices of rows handed to the worker and not yet written, past which the reader waits: the rest
 * stays on disk, unparsed. Sixteen slices of 500 items: the two threads share two cores with the
 * main thread and V8's collector and compiler threads, so each is held up now and then, and the
 * writer should find rows waiting when it is not (`npm run bench inventory`: with four of these
 * queued, the rows of 100,000 items took 1.7 s to write; with sixteen, 1.5 s).
 */
const AHEAD = 16;
/**
 * Items per slice at most (fewer when the writer's transactions should be shorter), and the bytes
 * they may span (fewer items when they are large): a slice is parsed whole, and its objects, rows
 * and their copy on the way to the writer are all held at once. Small, so that they are gone by the
 * thread's next young-generation collection (8 MB, see module-worker.ts): slices of 2,000 items
 * outlived it, and copying and promoting them cost the reader a quarter of its time.
 */
const SLICE_ITEMS = 500;
const SLICE_BYTES = 512 * 1024;

/** Runs the reader on the port to the worker that started it. */
export function readAnswers(port: MessagePort): void {
  const post = (m: FromReader, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);
  const lists: Partial<Record<AnswerStream, SpooledJsonList>> = {};
  const ended = new Set<AnswerStream>();
  const reported = new Set<AnswerStream>();
  let items = false;
  let watching = false;
  let slice = 500;
  let ahead = 0;
  let scheduled = false;
  let broken = false;

  function fail(e: unknown, stream?: AnswerStream): void {
    broken = true;
    post(failedMessage(e, stream));
    for (const list of Object.values(lists)) list?.close();
  }

  /** One slice of whichever answer has elements waiting; answers whether there was one. */
  function step(): boolean {
    for (const stream of ['flags', 'items'] as const) {
      const list = lists[stream];
      // Without a load, only a list of E-commerce items is read (for its SKUs).
      if (!list || (stream === 'items' && (!items || ahead >= AHEAD))) continue;
      // Slices fill up while the answer arrives; once it has ended, what is left goes as it is. The
      // first items go at once: they tell whether the E-commerce list must be asked for.
      const want = stream === 'items' ? Math.min(slice, SLICE_ITEMS) : SLICE_ITEMS;
      const early = stream === 'items' && watching;
      if (list.waiting === 0 || (list.waiting < want && !early && !ended.has(stream))) continue;
      let raw: unknown[] | null;
      try {
        raw = list.take(want, SLICE_BYTES);
      } catch (e) {
        fail(e, stream);
        return false;
      }
      if (!raw) continue;
      if (stream === 'items') {
        const first = watching ? { lacksFlag: raw.some(lacksEcommerceFlag) } : {};
        watching = false;
        const read = readItems(raw);
        ahead += 1;
        post({ kind: 'rows', rows: read.rows, skipped: read.skipped, found: list.found, ...first });
      } else post({ kind: 'flagged', skus: raw.map(skuField) });
      return true;
    }
    return false;
  }

  /** An answer has ended once all of it has arrived and every item of it has been read and handed on. */
  function reportEnds(): void {
    for (const stream of ended) {
      const list = lists[stream]!;
      if (reported.has(stream) || list.waiting > 0) continue;
      reported.add(stream);
      const { fields, hasList } = list.shell;
      const total = hasList ? list.found : null;
      list.close();
      post({ kind: 'ended', stream, total, shell: fields });
    }
  }

  /** Works a slice per turn of the event loop, so arriving bytes are taken in between slices. */
  function schedule(): void {
    if (scheduled || broken) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      try {
        const worked = step();
        reportEnds();
        if (worked) schedule();
      } catch (e) {
        fail(e);
      }
    });
  }

  port.on('message', (m: ToReader) => {
    if (broken) return;
    try {
      if (m.kind === 'start') {
        items = m.items;
        watching = m.watch;
        slice = m.slice;
      } else if (m.kind === 'bytes') {
        const list = (lists[m.stream] ??= new SpooledJsonList());
        let free: boolean;
        try {
          free = list.feed(new Uint8Array(m.bytes, 0, m.length));
        } catch (e) {
          return fail(e, m.stream);
        }
        // The buffer goes back to be filled again: a fresh megabyte per message costs the main thread more than its bytes.
        const taken = { kind: 'taken' as const, stream: m.stream, bytes: m.bytes.byteLength };
        if (free) post({ ...taken, spare: m.bytes }, [m.bytes]);
        else post(taken);
      } else if (m.kind === 'end') {
        const list = (lists[m.stream] ??= new SpooledJsonList());
        try {
          list.end();
        } catch (e) {
          return fail(e, m.stream);
        }
        ended.add(m.stream);
        reportEnds();
      } else if (m.kind === 'written') {
        ahead -= 1;
        slice = m.slice;
      }
      schedule();
    } catch (e) {
      fail(e);
    }
  });
}
