import { create } from 'zustand';
import type { DraftBody, DraftLineData, PaymentMethod } from '../../../shared/sales/counter';

/** One line of the sale being rung up. */
export type DraftLine = DraftLineData;

/** An item sold by hand (its SKU is not in the inventory copy): what is typed before it becomes a line. */
export interface ManualEntry {
  sku: string;
  name: string;
  price: string;
  quantity: string;
  taxable: boolean;
}

interface SaleDraft {
  lines: DraftLine[];
  orderNumber: string;
  /** Percent as typed; starts at the counter setting. */
  taxRate: string;
  paymentMethod: PaymentMethod;
  tendered: string;
  nextKey: number;
  /** Scanned SKUs the inventory copy does not know, each waiting for "sell by hand" or "skip". */
  unknown: string[];
  manual: ManualEntry | null;
  /** Line fields ("price-3", "quantity-3") holding text that cannot be read; the sale waits until they are corrected. */
  badFields: string[];
  /** False until the saved draft has been read back, so an empty screen never overwrites it. */
  hydrated: boolean;
  /** Adds the line, or raises the quantity of an identical one (the same item scanned again). */
  addLine: (line: Omit<DraftLine, 'key'>) => void;
  updateLine: (key: number, patch: Partial<DraftLine>) => void;
  removeLine: (key: number) => void;
  set: (patch: Partial<Pick<SaleDraft, 'orderNumber' | 'taxRate' | 'paymentMethod' | 'tendered' | 'manual'>>) => void;
  addUnknown: (sku: string) => void;
  dropUnknown: (sku: string) => void;
  setBadField: (field: `${'price' | 'quantity'}-${number}`, bad: boolean) => void;
  /** Replaces the sale with a saved one (or an empty one at the given tax rate). */
  load: (body: DraftBody | null, taxRate: string) => void;
}

const empty = (taxRate: string) => ({
  lines: [] as DraftLine[],
  orderNumber: '',
  taxRate,
  paymentMethod: 'cash' as PaymentMethod,
  tendered: '',
  unknown: [] as string[],
  manual: null,
  badFields: [] as string[],
});

/** The sale in progress: UI state kept as a draft in the store (see `useDraftSync`), gone once the sale is recorded. */
export const useSaleDraft = create<SaleDraft>((set) => ({
  ...empty('0'),
  nextKey: 1,
  hydrated: false,
  addLine: (line) =>
    set((s) => {
      const same = s.lines.find((l) => l.sku.toUpperCase() === line.sku.toUpperCase() && l.unitPriceCents === line.unitPriceCents && l.taxable === line.taxable);
      if (same) return { lines: s.lines.map((l) => (l === same ? { ...l, quantity: Math.min(9999, l.quantity + line.quantity) } : l)) };
      return { lines: [...s.lines, { ...line, key: s.nextKey }], nextKey: s.nextKey + 1 };
    }),
  updateLine: (key, patch) => set((s) => ({ lines: s.lines.map((l) => (l.key === key ? { ...l, ...patch } : l)) })),
  removeLine: (key) => set((s) => ({ lines: s.lines.filter((l) => l.key !== key), badFields: s.badFields.filter((f) => !f.endsWith(`-${key}`)) })),
  set: (patch) => set(patch),
  addUnknown: (sku) => set((s) => ({ unknown: s.unknown.some((u) => u.toUpperCase() === sku.toUpperCase()) ? s.unknown : [...s.unknown, sku] })),
  dropUnknown: (sku) => set((s) => ({ unknown: s.unknown.filter((u) => u !== sku) })),
  setBadField: (field, bad) => set((s) => ({ badFields: bad ? [...new Set([...s.badFields, field])] : s.badFields.filter((f) => f !== field) })),
  load: (body, taxRate) =>
    set(() => {
      const base = { ...empty(taxRate), hydrated: true };
      if (!body) return { ...base, nextKey: 1 };
      const nextKey = body.lines.reduce((k, l) => Math.max(k, l.key + 1), 1);
      return { ...base, lines: body.lines, orderNumber: body.orderNumber, taxRate: body.taxRate || taxRate, paymentMethod: body.paymentMethod, tendered: body.tendered, nextKey };
    }),
}));

/** What is kept of the sale in progress. */
export function draftBody(s: Pick<SaleDraft, 'lines' | 'orderNumber' | 'taxRate' | 'paymentMethod' | 'tendered'>): DraftBody {
  return { lines: s.lines, orderNumber: s.orderNumber.slice(0, 60), taxRate: s.taxRate.slice(0, 20), paymentMethod: s.paymentMethod, tendered: s.tendered.slice(0, 20) };
}

/** Which part of the sales screen shows, and the history filter, so the status bar can open it. */
interface SalesUi {
  tab: 'record' | 'history';
  historyState: '' | 'pending' | 'attention';
  show: (tab: 'record' | 'history', historyState?: '' | 'pending' | 'attention') => void;
}

export const useSalesUi = create<SalesUi>((set) => ({
  tab: 'record',
  historyState: '',
  show: (tab, historyState) => set((s) => ({ tab, historyState: historyState ?? s.historyState })),
}));
