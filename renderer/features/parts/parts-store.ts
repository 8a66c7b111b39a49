import { create } from 'zustand';
import type { SearchInputRaw } from '../../../shared/heavytruckparts/inputs';
import type { CartLine } from '../../../shared/heavytruckparts/sale';
import type { EndUser, ItemKey } from '../../../shared/heavytruckparts/types';

export type PartsView = 'search' | 'item' | 'cart' | 'documents' | 'calls' | 'more';

/** The search form as typed: years and distance stay text until a search is run. */
export interface Criteria {
  partType: string;
  make: string;
  model: string;
  yearFrom: string;
  yearTo: string;
  keywords: string;
  zipcode: string;
  distance: string;
  category: string;
  store: string;
  vendor: string;
  sortColumn: string;
  sortOrder: string;
  resultSize: string;
  showSuggested: boolean;
}

export const emptyCriteria: Criteria = { partType: '', make: '', model: '', yearFrom: '', yearTo: '', keywords: '', zipcode: '', distance: '', category: '', store: '', vendor: '', sortColumn: '', sortOrder: '', resultSize: '25', showSuggested: false };

/** What the bridge receives for a search; bad numbers are left as NaN so the main process names the problem. */
export function toSearchInput(c: Criteria, page: number, userId: string): SearchInputRaw {
  const n = (s: string) => (s.trim() === '' ? 0 : Number(s));
  return {
    partType: c.partType || '*', make: c.make || '*', model: c.model || '*', yearFrom: n(c.yearFrom), yearTo: n(c.yearTo), keywords: c.keywords, zipcode: c.zipcode, distance: n(c.distance),
    category: c.category, store: c.store, vendor: c.vendor, userId, page, resultSize: c.resultSize === 'all' ? 'all' : n(c.resultSize) || 25,
    sortColumn: c.sortColumn as SearchInputRaw['sortColumn'], sortOrder: c.sortOrder as SearchInputRaw['sortOrder'], showSuggested: c.showSuggested,
  };
}

/** A search that ran: the form, the page, or a suggested part type's address. */
export type RunSearch = { kind: 'form'; criteria: Criteria; page: number } | { kind: 'uri'; uri: string; label: string };

const RECENT_KEY = 'parts-recent-searches';
const loadRecent = (): Criteria[] => {
  try {
    return JSON.parse(localStorage.getItem(RECENT_KEY) ?? '[]') as Criteria[];
  } catch {
    return [];
  }
};

interface PartsState {
  view: PartsView;
  criteria: Criteria;
  run: RunSearch | null;
  selected: number;
  item: ItemKey | { uri: string } | null;
  endUser: EndUser | null;
  cart: CartLine[];
  recent: Criteria[];
  setView(view: PartsView): void;
  setCriteria(patch: Partial<Criteria>): void;
  search(criteria: Criteria, page?: number): void;
  searchUri(uri: string, label: string): void;
  select(index: number): void;
  open(item: ItemKey | { uri: string }): void;
  attach(user: EndUser | null): void;
  addToCart(line: CartLine): void;
  updateLine(index: number, patch: Partial<CartLine>): void;
  removeLine(index: number): void;
  clearCart(): void;
}

const sameCriteria = (a: Criteria, b: Criteria) => JSON.stringify(a) === JSON.stringify(b);

export const useParts = create<PartsState>((set, get) => ({
  view: 'search',
  criteria: emptyCriteria,
  run: null,
  selected: 0,
  item: null,
  endUser: null,
  cart: [],
  recent: loadRecent(),
  setView: (view) => set({ view }),
  setCriteria: (patch) => set({ criteria: { ...get().criteria, ...patch } }),
  search: (criteria, page = 1) => {
    const recent = [criteria, ...get().recent.filter((r) => !sameCriteria(r, criteria))].slice(0, 9);
    localStorage.setItem(RECENT_KEY, JSON.stringify(recent));
    set({ criteria, run: { kind: 'form', criteria, page }, selected: 0, view: 'search', recent });
  },
  searchUri: (uri, label) => set({ run: { kind: 'uri', uri, label }, selected: 0, view: 'search' }),
  select: (selected) => set({ selected }),
  open: (item) => set({ item, view: 'item' }),
  attach: (endUser) => set({ endUser }),
  addToCart: (line) => {
    const cart = get().cart;
    const same = cart.findIndex((l) => l.vendorId === line.vendorId && l.store === line.store && l.inventoryId === line.inventoryId);
    set({ cart: same >= 0 ? cart.map((l, i) => (i === same ? { ...l, quantity: l.quantity + line.quantity } : l)) : [...cart, line] });
  },
  updateLine: (index, patch) => set({ cart: get().cart.map((l, i) => (i === index ? { ...l, ...patch } : l)) }),
  removeLine: (index) => set({ cart: get().cart.filter((_, i) => i !== index) }),
  clearCart: () => set({ cart: [] }),
}));
