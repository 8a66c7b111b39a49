import { currentFormats } from '../../../shared/locale/current';
import { memo, useCallback, useEffect, useRef, type KeyboardEvent } from 'react';
import type { SearchHit, SearchPage } from '../../../shared/heavytruckparts/types';
import { focusTestId, money, orDash } from './format';
import { PartImage, THUMBNAIL_DELAY_MS } from './PartImage';
import { useParts } from './parts-store';

/** One result; moving the selection re-renders only the two rows it leaves and reaches. */
const Row = memo(function Row({ hit, index, selected, onOpen }: { hit: SearchHit; index: number; selected: boolean; onOpen: (index: number) => void }) {
  return (
    <div role="option" id={`parts-result-${index}`} aria-selected={selected} className={selected ? 'parts-row selected' : 'parts-row'} onClick={() => onOpen(index)} data-testid={`parts-result-${index}`}>
      <PartImage url={hit.images[0]} alt="" className="parts-thumb" delayMs={THUMBNAIL_DELAY_MS} />
      <span className="parts-row-main">
        <strong>{orDash(hit.partName)}</strong> · {orDash(hit.makeModel)} · {orDash(hit.year)}
        <small className="muted">
          {hit.type ?? ''} · OEM {orDash(hit.oemNumber)} · SKU {orDash(hit.vendorSku)} · {orDash(hit.condition)}
          {hit.distance !== null ? ` · ${hit.distance} mi` : ''}
        </small>
        <small className="parts-row-desc">{hit.description}</small>
        {hit.qa.length > 0 && <small className="muted">{hit.qa.map((q) => `${q.label}: ${q.value}`).join(' · ')}</small>}
      </span>
      <span className="parts-row-vendor">
        {orDash(hit.vendor.company)}
        <small className="muted">{[hit.vendor.city, hit.vendor.state].filter(Boolean).join(', ')}</small>
      </span>
      <span className="money" data-testid={`parts-result-price-${index}`}>
        {money(hit.priceCents)}
        {hit.corePriceCents ? <small className="muted">core {money(hit.corePriceCents)}</small> : null}
      </span>
    </div>
  );
});

/** Results: arrows move, Enter opens, PageDown/PageUp change page, Esc goes back to the search. */
export function ResultsList({ page, onPage }: { page: SearchPage; onPage: (page: number) => void }) {
  const selected = useParts((s) => s.selected);
  const select = useParts((s) => s.select);
  const open = useParts((s) => s.open);
  const list = useRef<HTMLDivElement>(null);
  const index = Math.min(selected, Math.max(0, page.hits.length - 1));
  const openAt = useCallback(
    (i: number) => {
      const hit = page.hits[i];
      if (hit?.key) open(hit.key);
      else if (hit?.detailsUri) open({ uri: hit.detailsUri });
    },
    [page.hits, open],
  );
  const clicked = useCallback((i: number) => (select(i), openAt(i)), [select, openAt]);
  useEffect(() => {
    // Braces matter: scrollIntoView may return a promise, which React would take for a cleanup.
    document.getElementById(`parts-result-${index}`)?.scrollIntoView({ block: 'nearest' });
  }, [index]);
  const onKey = (e: KeyboardEvent) => {
    const moves: Record<string, () => void> = {
      ArrowDown: () => select(Math.min(page.hits.length - 1, index + 1)),
      ArrowUp: () => select(Math.max(0, index - 1)),
      Home: () => select(0),
      End: () => select(page.hits.length - 1),
      Enter: () => openAt(index),
      Escape: () => focusTestId('parts-part-type'),
      PageDown: () => page.page < page.totalPages && onPage(page.page + 1),
      PageUp: () => page.page > 1 && onPage(page.page - 1),
    };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      move();
    }
  };
  return (
    <div
      ref={list}
      role="listbox"
      tabIndex={0}
      aria-label="Search results"
      aria-activedescendant={page.hits.length > 0 ? `parts-result-${index}` : undefined}
      className="parts-results"
      onKeyDown={onKey}
      data-testid="parts-results"
      data-count={page.hits.length}
    >
      {page.hits.map((hit, i) => (
        <Row key={hit.key ? `${hit.key.vendorId}/${hit.key.store}/${hit.key.inventoryId}` : `${i}-${hit.vendorSku}`} hit={hit} index={i} selected={i === index} onOpen={clicked} />
      ))}
    </div>
  );
}

/** Totals, pages, the ignored page size and suggested part types above the list. */
export function ResultsHeader({ page, onPage }: { page: SearchPage; onPage: (page: number) => void }) {
  const searchUri = useParts((s) => s.searchUri);
  return (
    <div className="parts-results-head">
      <p data-testid="parts-result-count">
        {currentFormats().count(page.totalResults, 'part', 'parts')} · page {page.page} of {Math.max(1, page.totalPages)}{' '}
        <button type="button" className="link" disabled={page.page <= 1} onClick={() => onPage(page.page - 1)}>previous</button>{' '}
        <button type="button" className="link" disabled={page.page >= page.totalPages} onClick={() => onPage(page.page + 1)} data-testid="parts-next-page">next</button>
        <span className="muted"> (PageUp/PageDown)</span>
      </p>
      {page.resultSizeIgnored && <p className="muted" data-testid="parts-size-ignored">HeavyTruckParts sent its own page size for this search (it needs part type, make, model and a customer, or a vendor, for larger pages).</p>}
      {page.unreadable > 0 && <p className="warning">{page.unreadable} entries in the answer were not items and are not shown.</p>}
      {page.suggested.length > 0 && (
        <p className="parts-suggested" data-testid="parts-suggested">
          Narrow to:{' '}
          {page.suggested.map((s) => (
            <button key={s.partName} type="button" className="secondary" disabled={!s.uri} onClick={() => s.uri && searchUri(s.uri, s.partName)}>
              {s.partName}
            </button>
          ))}
        </p>
      )}
    </div>
  );
}
