import type { ResolvedConnection } from '../connections/connections-service';
import { VendorError } from '../core/http/vendor-error';
import type { VendorHttp } from '../core/http/vendor-http';
import { inventoryAnswerSchema } from './inventory-response';

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
}

export interface InventoryAnswerRead {
  /** The raw `results` entries; each is read later, in chunks. */
  results: unknown[];
  /** SimpleConsign's clock when it answered (its Date header), or null when it sent none. */
  serverDate: number | null;
}

/**
 * One List and Search Inventory request. POST, because fetch refuses a GET body and the document
 * allows either.
 */
export async function fetchInventory(http: VendorHttp, conn: ResolvedConnection<'simpleconsign'>, q: InventoryQuery, opts: FetchOptions = {}): Promise<InventoryAnswerRead> {
  const apiKey = conn.secrets.apiKey;
  if (!apiKey) throw new InventoryFetchError('setup', 'Enter the SimpleConsign Location API key on the Connections screen first.');
  const url = `${conn.settings.baseUrl.replace(/\/+$/, '')}/inventory`;
  let answer;
  let serverDate: number | null = null;
  try {
    const res = await http.request({
      vendor: 'SimpleConsign',
      method: 'POST',
      url,
      json: buildQueryBody(apiKey, q),
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      schema: inventoryAnswerSchema,
      timeoutMs: opts.timeoutMs ?? 120_000,
      retries: 0,
      signal: opts.signal,
    });
    answer = res.data;
    serverDate = res.serverDate;
  } catch (e) {
    if (e instanceof VendorError) throw fromVendorError(e, q);
    throw e;
  }
  if (answer.error !== null || answer.results === null) throw vendorRefusal(answer.error ?? 'no results', q);
  return { results: answer.results, serverDate };
}
