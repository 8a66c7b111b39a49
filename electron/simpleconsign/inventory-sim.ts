import { json, type SimRequest, type SimResponse, type Simulator } from '../training/simulator';
import type { SimpleConsignCatalog } from './catalog';
import { RequestWindow } from './request-window';
import { SimInventoryStore, type SimStoreOptions, type StoreQuery, type TickResult } from './inventory-sim-store';

export const INVENTORY_SIMULATOR_ID = 'simpleconsign-inventory';
export const INVALID_KEY_MESSAGE = 'Invalid API key';
export const CAP_MESSAGE = 'You have made too many API requests in the last ten minutes';

export interface InventorySimOptions extends SimStoreOptions {
  keys?: string[];
  /** Requests one key may make in the window before it is refused. */
  requestCap?: number;
  windowMs?: number;
}

/**
 * SimpleConsign's List and Search Inventory API as its document describes it.
 *
 * Errors (the document names the messages, not the shape) answer `{ "success": false, "error": "…" }`:
 * 401 "Invalid API key"; 429 "You have made too many API requests in the last ten minutes" with
 * Retry-After; 400 for a missing JSON body, wrong Accept/Content-Type, a bad parameter value or an
 * unknown category ("Category not found: …"); 503 "Server at capacity" when told to be at capacity.
 * Success answers 200 `{ "results": [ … ] }`.
 */
export class SimpleConsignInventorySimulator implements Simulator, SimpleConsignCatalog {
  readonly id = INVENTORY_SIMULATOR_ID;
  readonly name = 'SimpleConsign inventory';
  readonly prefix = '/simpleconsign/inventory';
  readonly store: SimInventoryStore;
  private readonly keys: Set<string>;
  private readonly now: () => number;
  /** One key, one allowance: the transactions simulator counts against this window too. */
  readonly requests: RequestWindow;
  private capacityFailures = 0;

  constructor(opts: InventorySimOptions = {}) {
    this.now = opts.now ?? Date.now;
    this.store = new SimInventoryStore({ ...opts, now: this.now });
    this.keys = new Set(opts.keys ?? []);
    this.requests = new RequestWindow(opts.requestCap ?? 100, opts.windowMs ?? 10 * 60_000);
  }

  acceptKey(key: string): void {
    this.keys.add(key);
  }

  setRequestCap(cap: number): void {
    this.requests.limit = cap;
  }

  /** The next `count` accepted requests answer 503 "Server at capacity". */
  beAtCapacity(count: number): void {
    this.capacityFailures = count;
  }

  reset(): void {
    this.store.reset();
    this.requests.clear();
    this.capacityFailures = 0;
  }

  hasSku(sku: string): boolean {
    return this.store.hasSku(sku);
  }

  adjustQuantity(sku: string, delta: number): void {
    this.store.adjustQuantity(sku, delta);
  }

  tick(changes = 1, opts: { keepActive?: boolean } = {}): TickResult {
    this.store.catchUp();
    return this.store.tick(changes, opts);
  }

  /** Every answer carries the store server's own clock in its Date header, as HTTP servers do. */
  handle(req: SimRequest): SimResponse {
    const out = this.answer(req);
    return { ...out, headers: { ...out.headers, Date: new Date(this.now()).toUTCString() } };
  }

  private answer(req: SimRequest): SimResponse {
    if (req.path !== '/' && req.path !== '') return fail(404, `No such resource: ${req.path}`);
    if (req.method !== 'GET' && req.method !== 'POST') return fail(405, 'Use GET or POST with a JSON body.');
    const headerProblem = checkHeaders(req);
    if (headerProblem) return fail(400, headerProblem);
    const body = req.json;
    if (!body || typeof body !== 'object' || Array.isArray(body)) return fail(400, 'The request body must be a JSON object with your query.');
    const params = body as Record<string, unknown>;
    if (typeof params.key !== 'string' || !this.keys.has(params.key)) return fail(401, INVALID_KEY_MESSAGE);
    const capped = this.countRequest(params.key);
    if (capped) return capped;
    if (this.capacityFailures > 0) {
      this.capacityFailures -= 1;
      return fail(503, 'Server at capacity');
    }
    const query = readQuery(params);
    if (typeof query === 'string') return fail(400, query);
    if (query.category !== undefined && !this.store.hasCategory(query.category)) return fail(400, `Category not found: ${query.category}`);
    return json(200, answerBody(this.store.query(query)));
  }

  /** Sliding ten-minute window per key, shared with the transactions simulator; refused requests do not count. */
  private countRequest(key: string): SimResponse | null {
    const refused = this.requests.admit(key, this.now());
    if (!refused) return null;
    return json(429, { success: false, error: CAP_MESSAGE }, { 'Retry-After': String(Math.ceil(refused.retryAfterMs / 1000)) });
  }
}

/** `{ "results": [...] }`; a store of a million items is serialized a slice at a time, past the longest string JavaScript allows. */
function answerBody(results: Record<string, unknown>[]): unknown {
  const SLICE = 20_000;
  if (results.length <= SLICE) return { results };
  const parts = [Buffer.from('{"results":[')];
  for (let i = 0; i < results.length; i += SLICE) {
    parts.push(Buffer.from((i > 0 ? ',' : '') + JSON.stringify(results.slice(i, i + SLICE)).slice(1, -1)));
  }
  parts.push(Buffer.from(']}'));
  return Buffer.concat(parts);
}

const fail = (status: number, error: string): SimResponse => json(status, { success: false, error });

function header(req: SimRequest, name: string): string {
  const v = req.headers[name];
  return (Array.isArray(v) ? v.join(',') : (v ?? '')).toLowerCase();
}

function checkHeaders(req: SimRequest): string | null {
  const accept = header(req, 'accept');
  const type = header(req, 'content-type');
  if (!accept.includes('application/json')) return 'Set the Accept header to application/json.';
  if (!type.startsWith('application/json')) return 'Set the Content-Type header to application/json.';
  return null;
}

function readFlag(params: Record<string, unknown>, name: string): boolean | string {
  const v = params[name];
  if (v === undefined || v === null) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string' && /^(true|false)$/i.test(v.trim())) return v.trim().toLowerCase() === 'true';
  return `Invalid value for ${name}: ${JSON.stringify(v)} (use true or false).`;
}

/** The request options, or what is wrong with them. */
function readQuery(params: Record<string, unknown>): StoreQuery | string {
  const flags: Record<string, boolean> = {};
  for (const name of ['includeOnlyEcommerceItems', 'includeItemsWithQuantityZero', 'includeInactiveItems']) {
    const v = readFlag(params, name);
    if (typeof v === 'string') return v;
    flags[name] = v;
  }
  let modifiedSince: number | undefined;
  if (params.modifiedSince !== undefined && params.modifiedSince !== null && params.modifiedSince !== '') {
    const text = String(params.modifiedSince).trim();
    if (!/^\d{1,15}$/.test(text)) return `Invalid value for modifiedSince: ${JSON.stringify(params.modifiedSince)} (milliseconds since the epoch).`;
    modifiedSince = Number(text);
  }
  const text = (name: string) => (typeof params[name] === 'string' || typeof params[name] === 'number' ? String(params[name]).trim() || undefined : undefined);
  return {
    category: text('category'),
    consignorId: text('consignorId'),
    ecommerceOnly: flags.includeOnlyEcommerceItems,
    includeZero: flags.includeItemsWithQuantityZero,
    includeInactive: flags.includeInactiveItems,
    modifiedSince,
  };
}
