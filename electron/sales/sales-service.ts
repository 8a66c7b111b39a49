import type { z } from 'zod';
import { generateOrderNumber } from '../../shared/sales/order-number';
import type { Delivery, RecordReturnInput, RecordSaleInput, SaleDetail } from '../../shared/sales/schemas';
import { recordReturnInputSchema, recordSaleInputSchema } from '../../shared/sales/schemas';
import { totalsOf } from '../../shared/sales/totals';
import { isEmptyCustomer } from '../../shared/sales/customer';
import { AppError } from '../core/app-error';
import type { Db } from '../core/store/database';
import { writeWhenFree } from '../core/store/write-lock';
import { describeIssues } from '../core/input-problems';
import type { DeliveryLine, Destination, TransactionToDeliver } from './destination';
import type { OrderNumbers } from './order-numbers';
import type { OutboxRepo } from './outbox-repo';
import { returnProblems, type ReturnRequestLine } from './return-rules';
import type { SaleRow, SalesRepo } from './sales-repo';
import { composeTransaction, loadPicture } from './transaction-builder';
import type { SalesViews } from './sales-views';

export interface SalesServiceDeps {
  db: Db;
  sales: SalesRepo;
  outbox: OutboxRepo;
  views: SalesViews;
  destinations: Destination[];
  now: () => number;
  /** A whole number below n, for order numbers. */
  randomIndex: (n: number) => number;
  /** Tells the delivery worker there is new work. */
  nudge: () => void;
  /** Numbers from the store server's prefix when this workstation is in a store (random ones when alone). */
  orderNumbers?: OrderNumbers;
  /** Tells the store share there is a new record to forward. */
  shared?: () => void;
}

function parse<T extends z.ZodType>(schema: T, raw: unknown, what: string): z.output<T> {
  const result = schema.safeParse(raw);
  if (!result.success) throw new AppError('invalid-input', `${what} The form has problems:`, describeIssues(result.error));
  return result.data;
}

const isUniqueViolation = (e: unknown) => (e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE';

const duplicateOrder = (orderNumber: string) =>
  new AppError('conflict', `A sale with order number ${orderNumber} is already recorded. SimpleConsign allows one sale per order number: type another number, or leave it empty to have one generated.`);

/**
 * Records sales and returns. Each is validated, checked against every enabled vendor's rules, then written
 * with its outbox entries in one transaction before any vendor is called; the worker is nudged afterwards.
 */
export class SalesService {
  constructor(private readonly deps: SalesServiceDeps) {}

  /** Records a sale; refuses it, with each vendor's reason, when a vendor would. */
  async recordSale(raw: RecordSaleInput): Promise<SaleDetail> {
    const input = parse(recordSaleInputSchema, raw, 'The sale was not recorded.');
    const { sales, outbox, db } = this.deps;
    if (input.orderNumber && sales.saleByOrderNumber(input.orderNumber)) throw duplicateOrder(input.orderNumber);
    // In a store the number is taken from the counter when the sale is written; vendors check this one's form.
    const orderNumber = input.orderNumber ?? this.deps.orderNumbers?.peek() ?? this.freeOrderNumber();
    const numbered = !input.orderNumber && this.deps.orderNumbers?.prefix() != null;
    const recordedAt = this.deps.now();
    const lines: DeliveryLine[] = input.lines.map((l) => ({ sku: l.sku, name: l.name, unitPriceCents: l.unitPriceCents, quantity: l.quantity, taxable: l.taxable }));
    const targets = await this.enabledDestinations();
    const customer = isEmptyCustomer(input.customer) ? null : input.customer!;
    const sale = { orderNumber, recordedAt, lines, taxCents: input.taxCents, returns: [] };
    await this.check(targets, { ...sale, transactionId: 0, kind: 'SALE', sale, attempt: 0, previousAttemptUncertain: false, customer }, 'The sale was not recorded');
    let saleId: number;
    let recordedNumber = orderNumber;
    try {
      saleId = await writeWhenFree(db, () => {
        if (numbered) recordedNumber = this.deps.orderNumbers?.take() ?? orderNumber;
        const id = sales.insertSale({ orderNumber: recordedNumber, recordedAt, lines, totals: totalsOf(lines, input.taxCents), customer });
        outbox.enqueue(targets.map((d) => ({ kind: 'SALE' as const, saleId: id, returnId: null, destination: d.id })), recordedAt);
        return id;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicateOrder(recordedNumber);
      throw error;
    }
    this.deps.nudge();
    this.deps.shared?.();
    return this.deps.views.sale({ saleId });
  }

  /** Records a return of some of a sale's items; never more of a line than sold minus already returned. */
  async recordReturn(raw: RecordReturnInput): Promise<SaleDetail> {
    const input = parse(recordReturnInputSchema, raw, 'The return was not recorded.');
    const { sales, outbox, db, views } = this.deps;
    const sale = views.findSale({ orderNumber: input.orderNumber });
    this.assertReturnable(sale, input.lines, input.taxCents);
    const recordedAt = this.deps.now();
    const targets = await this.returnDestinations(sale.id);
    await this.check(targets, this.returnProbe(sale, input.lines, input.taxCents, recordedAt), 'The return was not recorded');
    await writeWhenFree(db, () => {
      // Checked again inside the transaction: another return may have been recorded meanwhile.
      this.assertReturnable(sale, input.lines, input.taxCents);
      const saleLines = new Map(sales.linesOf(sale.id).map((l) => [l.id, l]));
      const totals = totalsOf(input.lines.map((l) => ({ ...saleLines.get(l.saleLineId)!, quantity: l.quantity })), input.taxCents);
      const returnId = sales.insertReturn({ saleId: sale.id, recordedAt, totals, lines: input.lines });
      outbox.enqueue(targets.map((d) => ({ kind: 'RETURN' as const, saleId: sale.id, returnId, destination: d.id })), recordedAt);
    });
    this.deps.nudge();
    this.deps.shared?.();
    return views.sale({ saleId: sale.id });
  }

  resend(deliveryId: number): Delivery {
    return this.act(() => this.deps.outbox.resend(deliveryId, this.deps.now()));
  }

  cancel(deliveryId: number): Delivery {
    return this.act(() => this.deps.outbox.cancel(deliveryId, this.deps.now()));
  }

  /** Staff checked the vendor (or did by hand what it needed); who and when stay with the delivery. */
  markDelivered(deliveryId: number, by: string): Delivery {
    const now = this.deps.now();
    const when = new Date(now).toISOString().replace('T', ' ').slice(0, 16);
    return this.act(() => this.deps.outbox.markDelivered(deliveryId, now, `Marked as done by ${by.trim()} on ${when} UTC, after checking the vendor.`));
  }

  private act(change: () => Parameters<SalesViews['delivery']>[0]): Delivery {
    const row = change();
    // A resolved delivery may release entries held behind it.
    this.deps.nudge();
    return this.deps.views.delivery(row);
  }

  private freeOrderNumber(): string {
    for (let i = 0; i < 50; i++) {
      const candidate = generateOrderNumber(new Date(this.deps.now()), this.deps.randomIndex);
      if (!this.deps.sales.saleByOrderNumber(candidate)) return candidate;
    }
    throw new AppError('conflict', 'No free order number could be generated. Type one instead.');
  }

  private async enabledDestinations(): Promise<Destination[]> {
    const enabled = await Promise.all(this.deps.destinations.map((d) => d.isEnabled()));
    return this.deps.destinations.filter((_, i) => enabled[i]);
  }

  /** A return goes to the enabled vendors that have (or are being sent) the sale; the others never saw it. */
  private async returnDestinations(saleId: number): Promise<Destination[]> {
    // A sale another workstation recorded was delivered by it, to the vendors it names.
    const elsewhere = this.deps.sales.originDestinations(saleId);
    const withSale = new Set(elsewhere ?? this.deps.outbox.forSale(saleId).filter((d) => d.kind === 'SALE' && d.state !== 'cancelled').map((d) => d.destination));
    return (await this.enabledDestinations()).filter((d) => withSale.has(d.id));
  }

  private async check(targets: Destination[], tx: TransactionToDeliver, refused: string): Promise<void> {
    const problems = await Promise.all(targets.map(async (d) => (await d.check(tx)).map((p) => `${d.name}: ${p}`)));
    const details = problems.flat();
    if (details.length === 0) return;
    const names = targets.filter((_, i) => problems[i].length > 0).map((d) => d.name);
    throw new AppError('invalid-input', `${refused}: ${names.join(' and ')} would refuse it. Correct it and record again.`, details);
  }

  private assertReturnable(sale: SaleRow, lines: ReturnRequestLine[], taxCents: number): void {
    const { sales } = this.deps;
    const refunded = sales.returnsOf(sale.id).reduce((sum, r) => sum + r.taxCents, 0);
    const problems = returnProblems(sales.linesOf(sale.id), sales.returnedQuantities(sale.id), lines, taxCents, sale.taxCents - refunded);
    if (problems.length > 0) throw new AppError('conflict', `The return was not recorded: it asks for more than order ${sale.orderNumber} can give back.`, problems);
  }

  /**
   * The return as the vendors would get it, built before anything is written so they can check it. Not
   * recorded yet, it has transactionId 0 and is not among `sale.returns` (those recorded so far).
   */
  private returnProbe(sale: SaleRow, lines: ReturnRequestLine[], taxCents: number, recordedAt: number): TransactionToDeliver {
    const picture = loadPicture(this.deps.sales, sale.id);
    const recorded = picture.returns.length;
    picture.returns.push({ id: 0, recordedAt, taxCents, lines });
    const tx = composeTransaction(picture, { kind: 'RETURN', returnId: 0 }, 0, false);
    return { ...tx, sale: { ...tx.sale, returns: tx.sale.returns.slice(0, recorded) } };
  }
}
