import type { ResolvedConnection } from '../core/feature-connections';
import { VendorError } from '../core/http/vendor-error';
import type { VendorHttp } from '../core/http/vendor-http';
import { z } from 'zod';
import { inventoryAnswerSchema, type InventoryAnswer } from './inventory-response';

/** The request options the document lists. Booleans travel as "true"/"false" and modifiedSince as a string, as in its examples. */
export interface InventoryQuery {
  category?: string;
  consignorId?: string;
  includeOnlyEcommerceItems?: boolean;
  includeItemsWithQuantityZero?: boolean;
  includeInactiveItems?: boolean;
  /** UTC milliseconds since the epoch. */
  modifiedSince?: number;
}

export type InventoryFailureKind = 'invalid-key' | 'request-cap' | 'unknown-category' | 'bad-request' | 'server-error' | 'unavailable' | 'network' | 'invalid-response' | 'setup';

/** Why a load could not get items, in words for the person and a kind for the scheduler. */
export class InventoryFetchError extends Error {
  constructor(
    readonly kind: InventoryFailureKind,
    message: string,
    readonly opts: { retryAfterMs?: number; vendorMessage?: string; details?: string[]; status?: number } = {},
  ) {
    super(message);
    this.name = 'InventoryFetchError';
  }
  /** Worth trying again later without anyone changing anything. */
  get transient(): boolean {
    return ['request-cap', 'server-error', 'unavailable', 'network', 'invalid-response'].includes(this.kind);
  }
}

const CAP = /too many (api )?requests/i;
const BAD_KEY = /invalid api key|api key (is )?(invalid|not valid)|unauthori[sz]ed/i;
const UNCHANGED = 'The local copy is unchanged.';

export function buildQueryBody(apiKey: string, q: InventoryQuery): Record<string, string> {
  const body: Record<string, string> = { key: apiKey };
  if (q.category) body.category = q.category;
  if (q.consignorId) body.consignorId = q.consignorId;
  if (q.includeOnlyEcommerceItems) body.includeOnlyEcommerceItems = 'true';
  if (q.includeItemsWithQuantityZero !== undefined) body.includeItemsWithQuantityZero = String(q.includeItemsWithQuantityZero);
  if (q.includeInactiveItems !== undefined) body.includeInactiveItems = String(q.includeInactiveItems);
  if (q.modifiedSince !== undefined) body.modifiedSince = String(Math.floor(q.modifiedSince));
  return body;
}

/** Turns SimpleConsign's own words (in any status) into a specific failure. */
export function vendorRefusal(vendorMessage: string, q: InventoryQuery, extra: { status?: number; retryAfterMs?: number } = {}): InventoryFetchError {
  const said = `SimpleConsign said: “${vendorMessage}”.`;
  const { status } = extra;
  const opts = { vendorMessage, ...extra };
  if (CAP.test(vendorMessage)) {
    return new InventoryFetchError('request-cap', `SimpleConsign limits how many inventory requests a location may make. ${said} ${UNCHANGED}`, opts);
  }
  if (BAD_KEY.test(vendorMessage) || status === 401 || status === 403) {
    return new InventoryFetchError('invalid-key', `SimpleConsign refused the API key. ${said} Check the Location API key on the Connections screen. ${UNCHANGED}`, opts);
  }
  if (q.category && /categor/i.test(vendorMessage)) {
    return new InventoryFetchError('unknown-category', `SimpleConsign does not know the category “${q.category}”. ${said} Correct the category in the sync settings or leave it empty. ${UNCHANGED}`, opts);
  }
  return new InventoryFetchError('bad-request', `SimpleConsign could not understand the request. ${said} ${UNCHANGED}`, opts);
}

function fromVendorError(e: VendorError, q: InventoryQuery): InventoryFetchError {
  const vm = e.opts.vendorMessage;
  const base = { retryAfterMs: e.retryAfterMs, vendorMessage: vm, details: e.opts.details, status: e.status };
  const s = e.status;
  if (e.kind === 'http' && s !== undefined) {
    if (vm && (CAP.test(vm) || BAD_KEY.test(vm) || (s >= 400 && s < 500 && s !== 429))) return vendorRefusal(vm, q, { status: s, retryAfterMs: e.retryAfterMs });
    if (s === 429) return new InventoryFetchError('request-cap', `SimpleConsign is limiting requests (HTTP 429). ${UNCHANGED}`, base);
    if (s === 503) return new InventoryFetchError('unavailable', `SimpleConsign is at capacity (HTTP 503) and asks to try again later. ${UNCHANGED}`, base);
    if (s >= 500) return new InventoryFetchError('server-error', `SimpleConsign had an internal error (HTTP ${s}); if it keeps happening, contact SimpleConsign support. ${UNCHANGED}`, base);
    if (s >= 400) return new InventoryFetchError(s === 401 || s === 403 ? 'invalid-key' : 'bad-request', `SimpleConsign refused the request (HTTP ${s}). ${e.message} ${UNCHANGED}`, base);
  }
  if (e.kind === 'insecure-endpoint') return new InventoryFetchError('setup', e.message, base);
  const kind = e.kind === 'invalid-response' ? 'invalid-response' : 'network';
  return new InventoryFetchError(kind, `${e.message} ${UNCHANGED}`, base);
}

export interface FetchOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Counts the call against the key's allowance before it is made; throws when the allowance is spent. */
  spend?: (apiKey: string) => Promise<void>;
}

export interface InventoryAnswerRead {
  /** The raw `results` entries; each is read later, in chunks. */
  results: unknown[];
  /** SimpleConsign's clock when it answered (its Date header), or null when it sent none. */
  serverDate: number | null;
}

async function ask<T extends z.ZodType>(http: VendorHttp, conn: ResolvedConnection<'simpleconsign'>, q: InventoryQuery, opts: FetchOptions, schema: T, streamBody: boolean) {
  const apiKey = conn.secrets.apiKey;
  if (!apiKey) throw new InventoryFetchError('setup', 'Enter the SimpleConsign Location API key on the Connections screen first.');
  // Every call is counted against the key's allowance before it is made, a second try too.
  const send = async () => {
    await opts.spend?.(apiKey);
    return http.request({
      vendor: 'SimpleConsign',
      method: 'POST',
      url: `${conn.settings.baseUrl.replace(/\/+$/, '')}/inventory`,
      json: buildQueryBody(apiKey, q),
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      schema,
      timeoutMs: opts.timeoutMs ?? 120_000,
      retries: 0,
      signal: opts.signal,
      streamBody,
    });
  };
  try {
    // The request only reads: a connection dropped before any answer came (a kept-alive connection
    // the server closed just as it was reused, say) is asked once more, at once.
    return await send().catch((e: unknown) => {
      if (e instanceof VendorError && e.kind === 'network' && !opts.signal?.aborted) return send();
      throw e;
    });
  } catch (e) {
    if (e instanceof VendorError) throw fromVendorError(e, q);
    throw e;
  }
}

function answerOf(answer: InventoryAnswer, q: InventoryQuery): unknown[] {
  if (answer.error !== null || answer.results === null) throw vendorRefusal(answer.error ?? 'no results', q);
  return answer.results;
}

/**
 * One List and Search Inventory request, read whole. POST, because fetch refuses a GET body and
 * the document allows either.
 */
export async function fetchInventory(http: VendorHttp, conn: ResolvedConnection<'simpleconsign'>, q: InventoryQuery, opts: FetchOptions = {}): Promise<InventoryAnswerRead> {
  const res = await ask(http, conn, q, opts, inventoryAnswerSchema, false);
  return { results: answerOf(res.data, q), serverDate: res.serverDate };
}

const asPieces = z.custom<AsyncIterable<Uint8Array>>((v) => !!v && typeof (v as Partial<AsyncIterable<Uint8Array>>)[Symbol.asyncIterator] === 'function');

/** One piece holding a whole answer already read. */
async function* onePiece(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

/** A large answer as it arrives, and how to word what goes wrong while it is read. */
export interface OpenedAnswer {
  /** The answer's bytes as they arrive; a failure to receive them is thrown already worded. */
  pieces: AsyncIterable<Uint8Array>;
  /** SimpleConsign's clock when it answered (its Date header), or null when it sent none. */
  serverDate: number | null;
  /** A failure met while reading the answer, worded for the person (not JSON: its first bytes are quoted). */
  problem(e: unknown): unknown;
  /** The answer had no list: SimpleConsign's own refusal, from its other fields. */
  refusal(shell: Record<string, unknown> | null): InventoryFetchError;
}

/**
 * The same request for a large answer, handed over as its bytes arrive, to be read a slice at a
 * time as it is applied (see electron/core/http/spooled-json-list.ts): the whole answer is never held.
 */
export async function openInventory(http: VendorHttp, conn: ResolvedConnection<'simpleconsign'>, q: InventoryQuery, opts: FetchOptions = {}): Promise<OpenedAnswer> {
  const res = await ask(http, conn, q, opts, z.union([asPieces, inventoryAnswerSchema]), true);
  const head: Uint8Array[] = [];
  const streamed = asPieces.safeParse(res.data).success;
  // An answer read whole (it did not start like a list) went through the schema: its list is handed on as one piece.
  const pieces = streamed ? keepingHead(res.data as AsyncIterable<Uint8Array>, head) : onePiece(Buffer.from(JSON.stringify(answerOf(res.data as InventoryAnswer, q))));
  return {
    pieces: worded(pieces, q),
    serverDate: res.serverDate,
    problem: (e) => {
      if (!(e instanceof SyntaxError)) return e;
      const began = Buffer.concat(head).toString('utf8').replace(/\s+/g, ' ').trim();
      return new InventoryFetchError('invalid-response', `SimpleConsign sent data that is not valid JSON (${e.message}).${began ? ` Its answer began: “${began}”.` : ''} ${UNCHANGED}`);
    },
    refusal: (shell) => {
      const parsed = inventoryAnswerSchema.safeParse(shell ?? {});
      return vendorRefusal(parsed.success ? (parsed.data.error ?? 'no results') : 'The answer has neither a "results" list nor an error message.', q);
    },
  };
}

/** The pieces, a failure to receive them worded as SimpleConsign's. */
async function* worded(pieces: AsyncIterable<Uint8Array>, q: InventoryQuery): AsyncGenerator<Uint8Array> {
  try {
    yield* pieces;
  } catch (e) {
    throw e instanceof VendorError ? fromVendorError(e, q) : e;
  }
}

/** The pieces as they pass, keeping the answer's first bytes to quote when it is not JSON. */
async function* keepingHead(pieces: AsyncIterable<Uint8Array>, head: Uint8Array[]): AsyncGenerator<Uint8Array> {
  let kept = 0;
  for await (const piece of pieces) {
    if (kept < 200) {
      head.push(piece.subarray(0, 200 - kept).slice());
      kept += head[head.length - 1].length;
    }
    yield piece;
  }
}
