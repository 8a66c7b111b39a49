import type { RefObject } from 'react';
import type { SearchFilters, SearchResult, SearchSort } from '../../../shared/inventory/schemas';
import { count, countText } from './format';
import { useStartSearch } from './queries';
import { useInventoryUi } from './search-store';

const sorts: { id: SearchSort; label: string }[] = [
  { id: 'relevance', label: 'Best match' },
  { id: 'name', label: 'Name' },
  { id: 'sku', label: 'SKU' },
  { id: 'price-asc', label: 'Price, low to high' },
  { id: 'price-desc', label: 'Price, high to low' },
  { id: 'quantity', label: 'Quantity on hand' },
  { id: 'newest', label: 'Newest' },
  { id: 'updated', label: 'Recently changed' },
];

/** Category, stock, flags and order: each change is a new search at once. */
function Filters({ categories }: { categories: { name: string; count: number }[] }) {
  const filters = useInventoryUi((s) => s.filters);
  const setFilters = useInventoryUi((s) => s.setFilters);
  const toggle = (key: keyof Pick<SearchFilters, 'ecommerceOnly' | 'inStockOnly' | 'activeOnly'>, label: string) => (
    <label className="checkbox">
      <input type="checkbox" checked={filters[key]} onChange={(e) => setFilters({ [key]: e.target.checked })} data-testid={`inventory-filter-${key}`} /> {label}
    </label>
  );
  return (
    <>
      <select value={filters.category ?? ''} onChange={(e) => setFilters({ category: e.target.value || null })} aria-label="Category" data-testid="inventory-filter-category">
        <option value="">All categories</option>
        {categories.map((c) => (
          <option key={c.name} value={c.name}>
            {c.name} ({count(c.count)})
          </option>
        ))}
      </select>
      <select value={filters.stock} onChange={(e) => setFilters({ stock: e.target.value as SearchFilters['stock'] })} aria-label="Stock" data-testid="inventory-filter-stock">
        <option value="all">All stock</option>
        <option value="consignment">Consignment only</option>
        <option value="store">Store stock only</option>
      </select>
      {toggle('ecommerceOnly', 'E-commerce')}
      {toggle('inStockOnly', 'In stock')}
      {toggle('activeOnly', 'Status active')}
      <select value={filters.sort} onChange={(e) => setFilters({ sort: e.target.value as SearchSort })} aria-label="Order" data-testid="inventory-sort">
        {sorts.map((s) => (
          <option key={s.id} value={s.id}>
            {s.label}
          </option>
        ))}
      </select>
    </>
  );
}

interface SearchBarProps {
  categories: { name: string; count: number }[];
  result: Pick<SearchResult, 'total' | 'totalExact'> | null;
  inputRef: RefObject<HTMLInputElement | null>;
  /** Arrow Down moves from the search box into the results. */
  onArrowDown: () => void;
}

export function SearchBar({ categories, result, inputRef, onArrowDown }: SearchBarProps) {
  // Every keystroke is a search: the copy answers the first page in milliseconds, the last answer stays until the next arrives.
  const query = useInventoryUi((s) => s.filters.query);
  const setQuery = useInventoryUi((s) => s.setQuery);
  const startSearch = useStartSearch();
  return (
    <div className="inventory-search-bar" role="search">
      <input
        ref={inputRef}
        type="search"
        className="inventory-query"
        onKeyDown={(e) => {
          if (e.key !== 'ArrowDown') return;
          e.preventDefault();
          onArrowDown();
        }}
        placeholder="SKU, name, brand, consignor… (↓ to results)"
        value={query}
        onChange={(e) => {
          startSearch({ ...useInventoryUi.getState().filters, query: e.target.value });
          setQuery(e.target.value);
        }}
        aria-label="Search the inventory"
        data-testid="inventory-search"
      />
      <Filters categories={categories} />
      <span className="muted" data-testid="inventory-result-count">
        {result === null ? '' : countText(result.total, result.totalExact)}
      </span>
    </div>
  );
}
