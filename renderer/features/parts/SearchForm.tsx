import { useEffect, useRef } from 'react';
import { sortColumns } from '../../../shared/heavytruckparts/inputs';
import { useParts, type Criteria } from './parts-store';
import { usePickerLists } from './picker-lists';
import { useLists, useRefreshLists, useSearchNow } from './queries';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { when } from './format';

type Setter = (patch: Partial<Criteria>) => void;

interface TextProps {
  label: string;
  field: keyof Criteria;
  c: Criteria;
  set: Setter;
  list?: string;
  width?: string;
  testId: string;
  inputRef?: React.Ref<HTMLInputElement>;
  onTyped?: (value: string) => void;
  onFocus?: () => void;
}

function Text({ label, field, c, set, list, width, testId, inputRef, onTyped, onFocus }: TextProps) {
  return (
    <label style={width ? { flex: `0 0 ${width}` } : undefined}>
      {label}
      <input
        ref={inputRef}
        value={String(c[field])}
        onChange={(e) => (set({ [field]: e.target.value }), onTyped?.(e.target.value))}
        onFocus={onFocus}
        list={list}
        data-testid={testId}
        autoComplete="off"
      />
    </label>
  );
}

/** Category, stores, vendors, order, page size, suggested part types. */
function MoreFilters({ c, set }: { c: Criteria; set: Setter }) {
  const lists = useLists();
  return (
    <details className="parts-more-filters">
      <summary>More filters</summary>
      <div className="parts-filter-grid">
        <label>
          Category
          <select value={c.category} onChange={(e) => set({ category: e.target.value })} data-testid="parts-filter-category">
            <option value="">Any</option>
            {(lists.data?.categories ?? []).map((x) => <option key={x}>{x}</option>)}
          </select>
        </label>
        <Text label="Store ids (comma-separated)" field="store" c={c} set={set} testId="parts-filter-store" />
        <label>
          Vendor
          <select value={c.vendor} onChange={(e) => set({ vendor: e.target.value })} data-testid="parts-filter-vendor">
            <option value="">All vendors</option>
            {[...new Map((lists.data?.vendors ?? []).filter((v) => v.vendorId).map((v) => [v.vendorId!, v])).values()].map((v) => (
              <option key={v.vendorId} value={v.vendorId!}>{v.company} ({v.vendorId})</option>
            ))}
          </select>
        </label>
        <label>
          Sort by
          <select value={c.sortColumn} onChange={(e) => set({ sortColumn: e.target.value })} data-testid="parts-filter-sort">
            <option value="">Default (price; distance with a zip code)</option>
            {sortColumns.map((s) => <option key={s} value={s}>{s.replace(/_/g, ' ')}</option>)}
          </select>
        </label>
        <label>
          Order
          <select value={c.sortOrder} onChange={(e) => set({ sortOrder: e.target.value })} data-testid="parts-filter-order">
            <option value="">Default (ascending)</option>
            <option value="ascending">Ascending</option>
            <option value="descending">Descending</option>
          </select>
        </label>
        <label>
          Results a page
          <select value={c.resultSize} onChange={(e) => set({ resultSize: e.target.value })} data-testid="parts-filter-size">
            {['10', '25', '50', '100', '250', 'all'].map((s) => <option key={s}>{s}</option>)}
          </select>
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={c.showSuggested} onChange={(e) => set({ showSuggested: e.target.checked })} data-testid="parts-filter-suggested" /> Suggest part types (searches without a part type)
        </label>
      </div>
    </details>
  );
}

/** Part type, make and model pickers fed by the cached lists; Enter searches. F2 comes back here. */
export function SearchForm() {
  const c = useParts((s) => s.criteria);
  const set = useParts((s) => s.setCriteria);
  const runSearch = useSearchNow();
  const { lists, makes, models, typedPartType, typedMake, enteredMake, enteredModel } = usePickerLists(c);
  const refresh = useRefreshLists();
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => {
    first.current?.focus();
  }, []);
  return (
    <form className="parts-search card" role="search" aria-label="Parts search" onSubmit={(e) => (e.preventDefault(), runSearch(c))} data-testid="parts-search-form">
      <div className="parts-search-row">
        <Text label="Part type" field="partType" c={c} set={set} list="parts-part-types" testId="parts-part-type" inputRef={first} onTyped={typedPartType} />
        <Text label="Make or manufacturer" field="make" c={c} set={set} list="parts-makes" testId="parts-make" onTyped={typedMake} onFocus={enteredMake} />
        <Text label="Model" field="model" c={c} set={set} list="parts-models" testId="parts-model" onFocus={enteredModel} />
        <Text label="Year from" field="yearFrom" c={c} set={set} width="84px" testId="parts-year-from" />
        <Text label="Year to" field="yearTo" c={c} set={set} width="84px" testId="parts-year-to" />
      </div>
      <div className="parts-search-row">
        <Text label="Keywords — (a b)|(c d) for either group" field="keywords" c={c} set={set} testId="parts-keywords" />
        <Text label="Zip code" field="zipcode" c={c} set={set} width="96px" testId="parts-zipcode" />
        <Text label="Within miles" field="distance" c={c} set={set} width="96px" testId="parts-distance" />
        <button type="submit" data-testid="parts-search-submit">Search</button>
      </div>
      <MoreFilters c={c} set={set} />
      <datalist id="parts-part-types">{(lists.data?.partTypes ?? []).map((p) => <option key={p.name} value={p.name} />)}</datalist>
      <datalist id="parts-makes">{(makes.data?.names ?? []).map((m) => <option key={m} value={m} />)}</datalist>
      <datalist id="parts-models">{(models.data?.names ?? []).map((m) => <option key={m} value={m} />)}</datalist>
      <p className="muted parts-lists-line">
        Empty or * means any. Lists from {when(lists.data?.fetchedAt ?? null)}{' '}
        <button type="button" className="link" onClick={() => refresh.mutate()} disabled={refresh.isPending} data-testid="parts-refresh-lists">
          {refresh.isPending ? 'Refreshing…' : 'Refresh lists'}
        </button>
        {lists.data?.problem && <span className="warning"> {lists.data.problem}</span>}
      </p>
      <ErrorMessage error={lists.error ?? refresh.error} testId="parts-lists-error" />
    </form>
  );
}
