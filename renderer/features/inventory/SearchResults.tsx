import { useDeferredValue, type RefObject } from 'react';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useFirstPage } from './queries';
import { ResultsTable, type ResultsHandle } from './ResultsTable';
import { SearchBar } from './SearchBar';
import { useInventoryUi } from './search-store';
import { count } from './format';

interface Props {
  dataVersion: number;
  categories: { name: string; count: number }[];
  results: RefObject<ResultsHandle | null>;
  searchBox: RefObject<HTMLInputElement | null>;
}

/**
 * The search box, its count and the results. Only this part follows the typed query, so a
 * keystroke never redraws the sync panel, and the table stays mounted from one query to the next
 * (the previous rows stay until the new ones arrive).
 */
export function SearchResults({ dataVersion, categories, results, searchBox }: Props) {
  // The keystroke redraws the search box at once; the results follow in a render React may
  // interrupt, done while the answer (already asked for by the search box) is on its way.
  const filters = useDeferredValue(useInventoryUi((s) => s.filters));
  const selected = useInventoryUi((s) => s.selectedSku);
  const select = useInventoryUi((s) => s.select);
  const first = useFirstPage(filters, dataVersion, true);
  const total = first.data?.total ?? 0;
  return (
    // The query whose rows are on screen (not while the previous answer stands in), for measuring typing.
    <div className="inventory-results" data-shown-query={first.data && !first.isPlaceholderData ? filters.query : undefined}>
      <SearchBar inputRef={searchBox} categories={categories} result={first.data ?? null} onArrowDown={() => (total > 0 ? results.current?.focusRow(0) : undefined)} />
      <ErrorMessage error={first.error} testId="inventory-search-error" />
      {first.data?.correctedQuery && (
        <p className="muted" role="status" data-testid="inventory-corrected">
          Nothing matches “{filters.query}”; showing items matching “{first.data.correctedQuery}”.
        </p>
      )}
      {first.data && !first.data.totalExact && (
        <p className="muted" data-testid="inventory-capped">
          More than {count(total)} items match: the list shows the first {count(total)}. Add words or filters to narrow it.
        </p>
      )}
      {first.data && total === 0 && <p className="muted" data-testid="inventory-no-results">No items match.</p>}
      {first.data && total > 0 && (
        <ResultsTable ref={results} filters={filters} dataVersion={dataVersion} first={first.data} selected={selected} onOpen={select} searchBox={searchBox} />
      )}
    </div>
  );
}
