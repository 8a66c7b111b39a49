import type { ItemRow } from '../simpleconsign/inventory-row';
import type { CopyFacts, FactsRoom } from './copy-facts';
import type { FactsChange, TextAnchors } from './facts-patch';
import type { LoadOutcome, LoadSpec } from './load-job';
import type { Slot } from './slot-schema';

/** The answers a load takes in: the items, and (when they lack it) the list of E-commerce items. */
export type AnswerStream = 'items' | 'flags';

/** What the main thread tells the copy's worker (load-worker.ts). */
export type ToWorker =
  | { kind: 'load'; spec: LoadSpec }
  /** The answer's next bytes: the first `length` of `bytes`. */
  | { kind: 'bytes'; stream: AnswerStream; bytes: ArrayBuffer; length: number }
  | { kind: 'end'; stream: AnswerStream }
  | { kind: 'rows'; rows: ItemRow[] }
  | { kind: 'items'; items: unknown[] }
  | { kind: 'finish' }
  /** The load (or the change set whose facts were patched) is committed: the log may be copied back into the file. */
  | { kind: 'checkpoint' }
  | { kind: 'facts'; slot: Slot }
  /** The facts of the version a change set applied in place made, from the previous version's (facts-patch.ts). */
  | { kind: 'patch'; previous: CopyFacts; change: FactsChange; anchors: TextAnchors; room?: FactsRoom }
  /** Memory for the facts of the next version, to be written through (copy-facts.ts). */
  | { kind: 'fill'; room: FactsRoom }
  /** The SKUs of the 'flags' answer piped without a load (a change set's list of E-commerce items). */
  | { kind: 'skus' };

/** What the copy's worker answers. */
export type FromWorker =
  | { kind: 'ready' }
  | { kind: 'lacks-flag' }
  /**
   * A message of an answer's bytes has been taken in (written to the answer's file and scanned);
   * its buffer comes back when nothing holds it, for the next bytes.
   */
  | { kind: 'taken'; stream: AnswerStream; bytes: number; spare?: ArrayBuffer }
  | { kind: 'progress'; received: number; applied: number }
  | { kind: 'ended'; stream: AnswerStream; total: number | null; shell: Record<string, unknown> | null }
  | { kind: 'rows-written'; applied: number }
  | { kind: 'done'; outcome: LoadOutcome }
  | { kind: 'checkpointed' }
  | { kind: 'facts'; facts: CopyFacts }
  | { kind: 'filled' }
  | { kind: 'skus'; skus: string[] }
  | { kind: 'failed'; message: string; code?: string; syntax: boolean; stream?: AnswerStream };

/** An error as the copy's threads report it: its message and code, and whether the answer was not JSON of a list's shape. */
export function failedMessage(e: unknown, stream?: AnswerStream): Extract<FromWorker, { kind: 'failed' }> {
  const err = e as { message?: string; code?: string };
  return { kind: 'failed', message: String(err?.message ?? e), code: err?.code, syntax: e instanceof SyntaxError, stream };
}

/** What the copy's worker tells its answer reader (answer-reader.ts). */
export type ToReader =
  /** Whether a load's items are read (else only a list of E-commerce items), whether their first ones are watched for the flag, rows per slice. */
  | { kind: 'start'; items: boolean; watch: boolean; slice: number }
  | Extract<ToWorker, { kind: 'bytes' | 'end' }>
  /** A slice of rows has been written; the next ones should hold `slice` rows. */
  | { kind: 'written'; slice: number };

/** What the answer reader tells the copy's worker. */
export type FromReader =
  | Extract<FromWorker, { kind: 'taken' | 'ended' | 'failed' }>
  /** A slice of items read: the rows to write, items not kept by reason, items found in the answer so far; with the first slice watched, whether it lacks the flag. */
  | { kind: 'rows'; rows: ItemRow[]; skipped: [string, number][]; found: number; lacksFlag?: boolean }
  /** The `sku` fields of a slice of E-commerce items, as sent. */
  | { kind: 'flagged'; skus: unknown[] };
