import { create } from 'zustand';
import type { SearchFilters } from '../../../shared/inventory/schemas';

export const defaultFilters: SearchFilters = {
  query: '',
  category: null,
  stock: 'all',
  ecommerceOnly: false,
  inStockOnly: false,
  activeOnly: false,
  sort: 'relevance',
};

interface InventoryUiState {
  filters: SearchFilters;
  /** The item shown in the side panel. */
  selectedSku: string | null;
  setFilters: (change: Partial<SearchFilters>) => void;
  setQuery: (query: string) => void;
  select: (sku: string | null) => void;
}

/** What the inventory screen is showing; kept while moving between screens. */
export const useInventoryUi = create<InventoryUiState>((set) => ({
  filters: defaultFilters,
  selectedSku: null,
  setFilters: (change) => set((s) => ({ filters: { ...s.filters, ...change } })),
  setQuery: (query) => set((s) => (s.filters.query === query ? s : { filters: { ...s.filters, query } })),
  select: (sku) => set({ selectedSku: sku }),
}));
