import { draftBodySchema, defaultCounterSettings, type CounterSettings, type DraftBody, type ParkedDraft } from '../../shared/sales/counter';
import type { Delivery, RecordReturnInput, RecordSaleInput, SaleDetail } from '../../shared/sales/schemas';
import { totalsOf } from '../../shared/sales/totals';
import { currentFormats } from '../../shared/locale/current';
import { AppError } from '../core/app-error';
import type { SettingsRepo } from '../core/store/settings-repo';
import type { CounterRepo } from './counter-repo';
import type { OutboxRepo } from './outbox-repo';
import type { SalesService } from './sales-service';
import type { SalesViews } from './sales-views';

const SETTINGS_KEY = 'sales.counter';

export interface CounterServiceDeps {
  counter: CounterRepo;
  outbox: OutboxRepo;
  settings: SettingsRepo;
  service: SalesService;
  views: SalesViews;
  now: () => number;
  nudge: () => void;
}

/** A draft as stored, read back leniently: a damaged one is dropped rather than breaking the counter. */
function readBody(text: string): DraftBody | null {
  try {
    const parsed = draftBodySchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const isEmpty = (body: DraftBody) => body.lines.length === 0;

/**
 * What the counter adds around recording: the payment and tax rate of a sale, the reason and refund method of
 * a return, drafts of the sale in progress, finding a sale to return, and retrying a delivery at once.
 */
export class CounterService {
  constructor(private readonly deps: CounterServiceDeps) {}

  settings(): CounterSettings {
    // Earlier versions kept the store's name here too; it now lives in the store's profile.
    const saved = this.deps.settings.get<Partial<CounterSettings>>(SETTINGS_KEY, {});
    return { taxRate: saved.taxRate ?? defaultCounterSettings.taxRate, taxableByDefault: saved.taxableByDefault ?? defaultCounterSettings.taxableByDefault };
  }

  updateSettings(next: CounterSettings): CounterSettings {
    const before = this.deps.settings.get<Record<string, unknown>>(SETTINGS_KEY, {});
    // The legacy store name stays until the store's profile is saved, which takes it over.
    this.deps.settings.set(SETTINGS_KEY, { ...before, ...next });
    return this.settings();
  }

  /** Records the sale, keeps how it was paid and at which rate, and clears the draft it came from. */
  async recordSale(input: RecordSaleInput): Promise<SaleDetail> {
    const sale = await this.deps.service.recordSale(input);
    this.deps.counter.setSaleExtras(sale.id, {
      paymentMethod: input.paymentMethod ?? null,
      tenderedCents: input.paymentMethod === 'cash' ? (input.tenderedCents ?? null) : null,
      taxRateMilli: input.taxRateMilli ?? null,
    });
    this.deps.counter.clearCurrent();
    return this.decorate(sale);
  }

  async recordReturn(input: RecordReturnInput): Promise<SaleDetail> {
    const before = new Set(this.deps.views.sale({ orderNumber: input.orderNumber }).returns.map((r) => r.id));
    const sale = await this.deps.service.recordReturn(input);
    const added = sale.returns.find((r) => !before.has(r.id));
    if (added) this.deps.counter.setReturnExtras(added.id, { reason: input.reason ?? null, refundMethod: input.refundMethod ?? null });
    return this.decorate(sale);
  }

  sale(by: { orderNumber?: string; saleId?: number }): SaleDetail {
    return this.decorate(this.deps.views.sale(by));
  }

  /** Adds payment, change, tax rate and return reasons to a sale as the views read it. */
  decorate(sale: SaleDetail): SaleDetail {
    const extras = this.deps.counter.saleExtras(sale.id);
    const returns = this.deps.counter.returnExtras(sale.id);
    const change = extras.tenderedCents !== null ? Math.max(0, extras.tenderedCents - sale.totalCents) : null;
    return {
      ...sale,
      payment: extras.paymentMethod ? { method: extras.paymentMethod, tenderedCents: extras.tenderedCents, changeCents: change } : null,
      taxRateMilli: extras.taxRateMilli,
      returns: sale.returns.map((r) => ({ ...r, reason: returns.get(r.id)?.reason ?? null, refundMethod: returns.get(r.id)?.refundMethod ?? null })),
    };
  }

  drafts(): { current: DraftBody | null; parked: ParkedDraft[] } {
    const row = this.deps.counter.currentDraft();
    const parked = this.deps.counter.parked().flatMap((p) => {
      const body = readBody(p.body);
      if (!body) return [];
      const totals = totalsOf(body.lines, 0);
      return [{ id: p.id, parkedAt: p.updatedAt, itemCount: body.lines.reduce((n, l) => n + l.quantity, 0), totalCents: totals.totalCents, body }];
    });
    return { current: row ? readBody(row.body) : null, parked };
  }

  saveDraft(body: DraftBody): { saved: boolean } {
    if (isEmpty(body)) this.deps.counter.clearCurrent();
    else this.deps.counter.saveCurrent(body, this.deps.now());
    return { saved: true };
  }

  park(body: DraftBody) {
    if (isEmpty(body)) throw new AppError('invalid-input', 'There is nothing to park: the sale has no items.');
    this.deps.counter.park(body, this.deps.now());
    this.deps.counter.clearCurrent();
    return this.drafts();
  }

  resume(id: number, current: DraftBody) {
    const body = this.deps.counter.takeParked(id);
    if (body === undefined) throw new AppError('not-found', 'That parked sale is no longer there; it may have been resumed already.');
    if (!isEmpty(current)) this.deps.counter.park(current, this.deps.now());
    this.deps.counter.saveCurrent(readBody(body) ?? { ...current, lines: [] }, this.deps.now());
    return this.drafts();
  }

  voidDraft() {
    this.deps.counter.clearCurrent();
    return this.drafts();
  }

  /** A whole order number (as a receipt's barcode carries it, in any format) finds that sale alone; part of one lists every match. */
  findSales(input: { text: string; from?: number; to?: number }) {
    const sales = this.deps.counter.findSales(input);
    const exact = sales.filter((s) => s.orderNumber.toUpperCase() === input.text.toUpperCase());
    return { sales: exact.length === 1 ? exact : sales };
  }

  /** The next attempt at once, instead of at the end of its backoff; a vendor's own "wait until" is kept. */
  retryNow(deliveryId: number): Delivery {
    const row = this.deps.outbox.get(deliveryId);
    if (!row) throw new AppError('not-found', 'That delivery is no longer there.');
    if (row.state !== 'retrying') throw new AppError('conflict', `This delivery is ${row.state}; only a delivery waiting to retry can be sent at once.`);
    const now = this.deps.now();
    const pause = this.deps.outbox.pauseOf(row.destination);
    if (pause && pause.until > now) {
      throw new AppError('conflict', `The vendor asked the app to wait until ${currentFormats().time(pause.until)}: ${pause.reason}`);
    }
    this.deps.counter.retryAt(deliveryId, now);
    this.deps.nudge();
    return this.deps.views.delivery(this.deps.outbox.get(deliveryId)!);
  }
}
