import { seededRandom } from '../../shared/seeded-random';
import type { ScMessageId } from '../../shared/simpleconsign/vendor-messages';
import { trainingCredentials } from '../training/credentials';
import { json, type SimRequest, type SimResponse, type Simulator } from '../training/simulator';
import type { SimpleConsignCatalog } from './catalog';
import { RequestWindow } from './request-window';
import { scRefusal, scRewordings } from './transactions-sim-wording';

/** A key that is valid but whose location's plan has no API access, to rehearse that refusal. */
export const NO_API_PLAN_KEY = 'training-simpleconsign-basic-plan-key';

export interface RecordedTransaction {
  key: string;
  /** v1 calls (no type, no orderNumber) record a sale without an order number. */
  type: 'SALE' | 'RETURN';
  orderNumber: string | null;
  nonTaxableSaleTotal: number;
  taxableSaleTotal: number;
  tax: number;
  items: { sku: string; price: number; quantity: number }[];
  recordedAt: number;
}

export interface TransactionsSimOptions {
  /** The inventory simulator's items, looked up per request; null when it is not running. */
  catalog?: () => SimpleConsignCatalog | null;
  /** Requests per key in any ten minutes (sliding window). */
  rateLimit?: number;
  now?: () => number;
  /** Keys that are valid but on a plan without API access. */
  noApiPlanKeys?: string[];
  /** When set, each refusal is worded and given a status from this seeded generator (see transactions-sim-wording). */
  random?: () => number;
  /** The allowance shared with the inventory simulator (one key, one allowance); its own when absent. */
  requests?: () => RequestWindow | null;
}

/** Without the inventory simulator, any SKU that looks like one is taken to exist. */
const SANE_SKU = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/;

type Body = Record<string, unknown>;
type Item = RecordedTransaction['items'][number];

function hasJsonType(value: string | string[] | undefined): boolean {
  const text = Array.isArray(value) ? value.join(',') : (value ?? '');
  return /application\/json/i.test(text);
}

interface Totals {
  nonTaxable: number;
  taxable: number;
  tax: number;
}

/**
 * The money fields are numbers; absent ones count as zero, the way an unset integer would. A
 * value that is not a number cannot be read at all, which is answered HTTP 400 like a body that
 * is not JSON (the document lists no message for it).
 */
function readTotals(body: Body): Totals | null {
  const field = (name: string): number | null => {
    const v = body[name];
    if (v === undefined || v === null) return 0;
    return typeof v === 'number' && Number.isFinite(v) ? v : null;
  };
  const totals = { nonTaxable: field('nonTaxableSaleTotal'), taxable: field('taxableSaleTotal'), tax: field('tax') };
  return totals.nonTaxable === null || totals.taxable === null || totals.tax === null ? null : (totals as Totals);
}

/**
 * SimpleConsign Online Transactions (v1 and v2). It enforces each documented error with its exact
 * text. The document does not say whether a return may exceed what was sold, or include SKUs the
 * sale did not have; SimpleConsign does not appear to check either, so neither is refused here.
 */
export class SimpleConsignTransactionsSim implements Simulator {
  readonly id = 'simpleconsign-transactions';
  readonly name = 'SimpleConsign transactions';
  readonly prefix = '/simpleconsign/transaction';
  private readonly keys = new Set<string>();
  private readonly noPlanKeys: Set<string>;
  private readonly ownWindow: RequestWindow;
  private readonly capRandom: () => number;
  private recorded: RecordedTransaction[] = [];
  private readonly now: () => number;

  constructor(private readonly opts: TransactionsSimOptions = {}) {
    this.now = opts.now ?? Date.now;
    this.ownWindow = new RequestWindow(opts.rateLimit ?? 100);
    this.capRandom = opts.random ?? seededRandom(7);
    this.noPlanKeys = new Set(opts.noApiPlanKeys ?? [NO_API_PLAN_KEY]);
    this.acceptKey(trainingCredentials.simpleconsign.apiKey);
  }

  acceptKey(key: string): void {
    this.keys.add(key);
  }

  reset(): void {
    this.recorded = [];
    this.ownWindow.clear();
  }

  /** What was recorded, oldest first (copies). */
  transactions(): RecordedTransaction[] {
    return structuredClone(this.recorded);
  }

  handle(req: SimRequest): SimResponse {
    if (req.path !== '/') return json(404, { success: false, error: 'not found' });
    if (req.method !== 'POST') return { status: 405, headers: { Allow: 'POST' }, body: { success: false, error: 'method not allowed' } };
    if (!hasJsonType(req.headers.accept) || !hasJsonType(req.headers['content-type'])) {
      return json(400, { success: false, error: 'Accept and Content-Type must be application/json' });
    }
    if (!req.json || typeof req.json !== 'object' || Array.isArray(req.json)) return json(400, { success: false, error: 'the request body is not a JSON object' });
    return this.transaction(req.json as Body);
  }

  /**
   * The "rate-cap" fault: SimpleConsign's own "too many requests" refusal, reworded and with a 4xx
   * status, as its inventory document words it rather than its transactions one.
   */
  capRefusal(): SimResponse {
    const words = scRewordings.tooMany[Math.floor(this.capRandom() * scRewordings.tooMany.length)];
    const status = [429, 400, 403][Math.floor(this.capRandom() * 3)];
    return json(status, { success: false, error: words }, status === 429 ? { 'Retry-After': '600' } : undefined);
  }

  private fail(id: ScMessageId, detail: { sku?: string; order?: string } = {}): SimResponse {
    return scRefusal(id, this.opts.random, detail);
  }

  private transaction(body: Body): SimResponse {
    const key = typeof body.key === 'string' ? body.key : '';
    if (!this.keys.has(key) && !this.noPlanKeys.has(key)) return this.fail('invalidKey');
    if ((this.opts.requests?.() ?? this.ownWindow).admit(key, this.now())) return this.fail('tooMany');
    if (this.noPlanKeys.has(key)) return this.fail('pricePlan');
    const v2 = body.type !== undefined || body.orderNumber !== undefined;
    const orderNumber = typeof body.orderNumber === 'string' && body.orderNumber.trim() ? body.orderNumber : null;
    if (v2 && body.orderNumber !== undefined && body.type === undefined) return this.fail('missingType');
    if (v2 && body.type !== 'SALE' && body.type !== 'RETURN') return this.fail('badType');
    if (v2 && orderNumber === null) return this.fail('missingOrderNumber');
    const totals = readTotals(body);
    const items = this.items(body.items);
    if (!totals || !items) return json(400, { success: false, error: 'the request body could not be read' });
    const problem = this.totalsProblem(totals, items);
    if (problem) return this.fail(problem, { sku: items.find((i) => !this.skuExists(i.sku))?.sku });
    const type = v2 ? (body.type as 'SALE' | 'RETURN') : 'SALE';
    const conflict = this.orderProblem(key, type, orderNumber);
    if (conflict) return this.fail(conflict, { order: orderNumber ?? '' });
    this.record({ key, type, orderNumber, nonTaxableSaleTotal: totals.nonTaxable, taxableSaleTotal: totals.taxable, tax: totals.tax, items, recordedAt: this.now() });
    return json(200, { success: true });
  }

  private items(raw: unknown): Item[] | null {
    if (raw === undefined || raw === null) return [];
    if (!Array.isArray(raw)) return null;
    const items: Item[] = [];
    for (const it of raw) {
      if (!it || typeof it !== 'object') return null;
      const { sku, price, quantity } = it as Record<string, unknown>;
      if ((price !== undefined && typeof price !== 'number') || (quantity !== undefined && typeof quantity !== 'number')) return null;
      items.push({ sku: typeof sku === 'string' ? sku : '', price: (price as number | undefined) ?? 0, quantity: (quantity as number | undefined) ?? 0 });
    }
    return items;
  }

  private totalsProblem(t: Totals, items: Item[]): ScMessageId | null {
    if (items.some((i) => !i.sku.trim())) return 'missingSku';
    if (t.taxable === 0 && t.nonTaxable === 0) return 'zeroTotals';
    if (t.taxable > 0 && t.tax === 0) return 'taxableNoTax';
    if (t.taxable === 0 && t.tax > 0) return 'taxNoTaxable';
    // Items are optional; when they are sent they must add up to the sub total.
    const itemsTotal = items.reduce((sum, i) => sum + i.price * i.quantity, 0);
    if (items.length > 0 && Math.abs(itemsTotal - (t.taxable + t.nonTaxable)) > 1e-9) return 'totalsMismatch';
    if (items.some((i) => !this.skuExists(i.sku))) return 'unknownSku';
    return null;
  }

  private skuExists(sku: string): boolean {
    const catalog = this.opts.catalog?.() ?? null;
    return catalog ? catalog.hasSku(sku) : SANE_SKU.test(sku);
  }

  /** Order numbers are unique per location (key) for sales; any number of returns may follow a sale. */
  private orderProblem(key: string, type: 'SALE' | 'RETURN', orderNumber: string | null): ScMessageId | null {
    if (orderNumber === null) return null;
    const sold = this.recorded.some((r) => r.key === key && r.type === 'SALE' && r.orderNumber === orderNumber);
    if (type === 'SALE' && sold) return 'saleExists';
    if (type === 'RETURN' && !sold) return 'noOriginalSale';
    return null;
  }

  private record(tx: RecordedTransaction): void {
    this.recorded.push(tx);
    const catalog = this.opts.catalog?.() ?? null;
    for (const item of tx.items) catalog?.adjustQuantity(item.sku, tx.type === 'SALE' ? -item.quantity : item.quantity);
  }
}
