import { create } from 'zustand';
import type { Cents } from '../../../shared/money';

/** One line of the sale being rung up. */
export interface DraftLine {
  key: number;
  sku: string;
  name: string;
  quantity: number;
  unitPriceCents: Cents;
  taxable: boolean;
  /** Quantity on hand in the local inventory copy, when the SKU is there. */
  onHand: number | null;
}

/** What is typed in the entry row before it becomes a line. */
export interface Entry {
  sku: string;
  name: string;
  quantity: string;
  price: string;
  taxable: boolean;
  onHand: number | null;
}

const emptyEntry: Entry = { sku: '', name: '', quantity: '1', price: '', taxable: false, onHand: null };

interface SaleDraft {
  lines: DraftLine[];
  entry: Entry;
  orderNumber: string;
  tax: string;
  nextKey: number;
  setEntry: (patch: Partial<Entry>) => void;
  /** Adds the line, or raises the quantity of an identical one (the same item scanned again). */
  addLine: (line: Omit<DraftLine, 'key'>) => void;
  updateLine: (key: number, patch: Partial<DraftLine>) => void;
  removeLine: (key: number) => void;
  setOrderNumber: (value: string) => void;
  setTax: (value: string) => void;
  clearEntry: () => void;
  clear: () => void;
}

/** The sale in progress: UI state that survives switching screens, gone once the sale is recorded. */
export const useSaleDraft = create<SaleDraft>((set) => ({
  lines: [],
  entry: emptyEntry,
  orderNumber: '',
  tax: '',
  nextKey: 1,
  setEntry: (patch) => set((s) => ({ entry: { ...s.entry, ...patch } })),
  addLine: (line) =>
    set((s) => {
      const same = s.lines.find((l) => l.sku.toUpperCase() === line.sku.toUpperCase() && l.unitPriceCents === line.unitPriceCents && l.taxable === line.taxable);
      if (same) return { lines: s.lines.map((l) => (l === same ? { ...l, quantity: l.quantity + line.quantity } : l)), entry: emptyEntry };
      return { lines: [...s.lines, { ...line, key: s.nextKey }], nextKey: s.nextKey + 1, entry: emptyEntry };
    }),
  updateLine: (key, patch) => set((s) => ({ lines: s.lines.map((l) => (l.key === key ? { ...l, ...patch } : l)) })),
  removeLine: (key) => set((s) => ({ lines: s.lines.filter((l) => l.key !== key) })),
  setOrderNumber: (orderNumber) => set({ orderNumber }),
  setTax: (tax) => set({ tax }),
  clearEntry: () => set({ entry: emptyEntry }),
  clear: () => set({ lines: [], entry: emptyEntry, orderNumber: '', tax: '' }),
}));

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
