import { currentFormats } from '../../shared/locale/current';
import type { SaleListInput, SaleLookupInput } from '../../shared/heavytruckparts/inputs';
import type { LocalSale } from '../../shared/heavytruckparts/records';
import { saleCreateBody, type SaleDraft } from '../../shared/heavytruckparts/sale';
import { readCreateAnswer, readSalesDocument, readSalesList, type SalesDocument } from '../../shared/heavytruckparts/sales-doc';
import { isObj } from '../../shared/heavytruckparts/fields';
import { AppError } from '../core/app-error';
import type { HtpClient } from './client';
import type { HtpConnection } from './connection';
import { outcomeOf } from './outcome';
import type { RecordsRepo } from './records-repo';

const DAY = 86_400_000;
const ymd = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Sales documents. `/sale/create` has no idempotency key: the cart is recorded before the call,
 * the call is made once, and a lost answer is settled through `/sale/list` or by the clerk.
 */
export class HtpSalesService {
  constructor(
    private readonly client: HtpClient,
    private readonly repo: RecordsRepo,
    private readonly now: () => number,
  ) {}

  async create(draft: SaleDraft): Promise<LocalSale> {
    const conn = await this.client.connection();
    const body = saleCreateBody(draft);
    const row = this.repo.addSale(draft, body, this.now());
    return this.send(conn, row.id, body);
  }

  private async send(conn: HtpConnection, id: number, body: unknown): Promise<LocalSale> {
    let raw: unknown;
    try {
      raw = await this.client.send(conn, '/sale/create', body);
    } catch (error) {
      const o = outcomeOf(error, conn, 'sales documents');
      const message = o.kind === 'answered' ? `HeavyTruckParts answered without a transaction id the app can read: ${o.text}` : o.message;
      return this.repo.setSale(id, { state: o.kind === 'failed' ? 'failed' : 'unknown', message }, this.now());
    }
    const answer = readCreateAnswer(raw);
    const tx = answer.onlineTransactionId && answer.onlineTransactionId !== '0' ? answer.onlineTransactionId : null;
    if (!tx && answer.errors.length === 0) {
      return this.repo.setSale(id, { state: 'unknown', answer, message: 'HeavyTruckParts answered without an online transaction id or any error. Check the sales documents list before sending again.' }, this.now());
    }
    const state = !tx ? 'refused' : answer.errors.length > 0 ? 'partial' : 'created';
    const lines = (body as { line_items: unknown[] }).line_items.length;
    const message = state === 'created' ? null : state === 'refused' ? 'No line could be added; see each line’s reason.' : `${lines - answer.errors.length} of ${lines} lines made it; see the reasons for the others.`;
    return this.repo.setSale(id, { state, answer, onlineTransactionId: tx, message }, this.now());
  }

  list() {
    return { sales: this.repo.sales() };
  }

  async documents(q: SaleListInput): Promise<{ documents: SalesDocument[] }> {
    const conn = await this.client.connection();
    const range = q.dateFrom || q.dateTo ? `${q.dateFrom},${q.dateTo}` : undefined;
    const body = await this.client.call(conn, '/sale/list', { userid: q.userId, vendor_id: q.vendorId, date_range: range, vendor_status: q.vendorStatus, customer_status: q.customerStatus }, { feature: 'sales documents' });
    return { documents: readSalesList(body) };
  }

  async lookup(q: SaleLookupInput): Promise<{ document: SalesDocument }> {
    const conn = await this.client.connection();
    const query = q.onlineTransactionId ? { vendor_id: q.vendorId, online_transaction_id: q.onlineTransactionId } : { vendor_id: q.vendorId, vendor_store: q.store, vendor_salesdocument_id: q.documentId };
    const body = await this.client.call(conn, '/sale/lookup', query, { feature: 'sales documents' });
    const obj = Array.isArray(body) ? body.find(isObj) : body;
    if (!isObj(obj) || Object.keys(obj).length === 0) throw new AppError('not-found', 'HeavyTruckParts has no sales document with those ids.');
    return { document: readSalesDocument(obj) };
  }

  /** The documents of the same end user around the sale's day that no other sale here already claims. */
  async reconcile(id: number) {
    const sale = this.mustBe(id, ['unknown']);
    const from = ymd(sale.createdAt - DAY);
    const to = ymd(sale.createdAt + DAY);
    const { documents } = await this.documents({ userId: sale.userId, vendorId: '', dateFrom: from, dateTo: to, vendorStatus: '', customerStatus: '' });
    const known = this.repo.knownTransactionIds();
    const candidates = documents.filter((d) => d.onlineTransactionId && !known.has(d.onlineTransactionId) && (!sale.poNumber || !d.poNumber || d.poNumber === sale.poNumber));
    const txs = [...new Set(candidates.map((d) => d.onlineTransactionId))];
    // One unclaimed transaction with this PO number is the sale; anything less certain is the clerk's call.
    if (txs.length === 1 && sale.poNumber && candidates.every((d) => d.poNumber === sale.poNumber)) {
      const settled = this.repo.setSale(id, { state: 'created', onlineTransactionId: txs[0], message: `Found in the sales documents list (online transaction ${txs[0]}); it was created.` }, this.now());
      return { sale: settled, candidates, message: settled.message! };
    }
    const message = candidates.length === 0
      ? `No unclaimed sales document for ${sale.userId ? `end user ${sale.userId}` : 'this API user'} between ${from} and ${to}. It was probably not created: send it again, or abandon it.`
      : `${currentFormats().count(txs.length, 'possible match', 'possible matches')}: compare the lines and choose, or send again if none is this sale.`;
    return { sale, candidates, message };
  }

  async resolve(id: number, action: 'matched' | 'send-again' | 'abandon', tx: string): Promise<LocalSale> {
    if (action === 'abandon') {
      this.mustBe(id, ['unknown', 'failed', 'refused']);
      return this.repo.setSale(id, { state: 'abandoned', message: 'Abandoned by the clerk.' }, this.now());
    }
    if (action === 'matched') {
      this.mustBe(id, ['unknown']);
      if (!tx) throw new AppError('invalid-input', 'Give the online transaction id of the matching sales document.');
      return this.repo.setSale(id, { state: 'created', onlineTransactionId: tx, message: `Matched by the clerk to online transaction ${tx}.` }, this.now());
    }
    this.mustBe(id, ['unknown', 'failed']);
    const conn = await this.client.connection();
    this.repo.setSale(id, { state: 'sending', message: null }, this.now());
    return this.send(conn, id, this.repo.saleBody(id));
  }

  private mustBe(id: number, states: LocalSale['state'][]): LocalSale {
    const sale = this.repo.sale(id);
    if (!sale) throw new AppError('not-found', 'That sale is no longer on this computer.');
    if (!states.includes(sale.state)) throw new AppError('conflict', `That sale is ${sale.state}; this cannot be done now.`);
    return sale;
  }
}
