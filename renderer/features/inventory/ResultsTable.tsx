import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type KeyboardEvent } from 'react';
import type { ItemRow, SearchFilters, SearchResult } from '../../../shared/inventory/schemas';
import { money, orDash } from './format';
import { PAGE_SIZE, usePages } from './queries';

const ROW_HEIGHT = 44;

function Row({ item, selected, onOpen }: { item: ItemRow; selected: boolean; onOpen: (sku: string) => void }) {
  const open = () => onOpen(item.sku);
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      open();
    }
  };
  return (
    <div role="row" tabIndex={0} className={selected ? 'inventory-row selected' : 'inventory-row'} onClick={open} onKeyDown={onKey} data-testid={`inventory-row-${item.sku}`} aria-selected={selected}>
      <span role="cell" className="inventory-thumb">
        {item.thumbnailUrl ? <img src={item.thumbnailUrl} alt="" loading="lazy" width={40} height={30} /> : null}
      </span>
      <span role="cell" className="inventory-sku">{item.sku}</span>
      <span role="cell" className="inventory-name" title={item.name ?? ''}>
        {orDash(item.name)}
        {item.brand && <span className="muted"> · {item.brand}</span>}
      </span>
      <span role="cell">{orDash(item.category)}</span>
      <span role="cell" className="muted">{[item.size, item.color].filter(Boolean).join(' · ') || '—'}</span>
      <span role="cell">{item.consignment ? `Consignor ${item.consignorId ?? '?'}` : 'Store'}</span>
      <span role="cell" className="money">{orDash(item.quantity)}</span>
      <span role="cell" className="money">{money(item.currentPriceCents)}</span>
    </div>
  );
}

/**
 * The results, however many: only the rows on screen are drawn, and only the pages under them are
 * asked of the main process, a hundred rows at a time.
 */
export function ResultsTable(props: { filters: SearchFilters; dataVersion: number; first: SearchResult; selected: string | null; onOpen: (sku: string) => void }) {
  const { filters, dataVersion, first, selected, onOpen } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  // The virtualizer keeps its own measurements; the React Compiler must not memoize around it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: first.total, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const rows = virtualizer.getVirtualItems();
  const pageNumbers = [...new Set(rows.map((r) => Math.floor(r.index / PAGE_SIZE)))].filter((p) => p > 0);
  const pages = usePages(filters, dataVersion, pageNumbers);
  const byPage = new Map<number, SearchResult>([[0, first]]);
  pageNumbers.forEach((p, i) => {
    const data = pages[i]?.data;
    if (data) byPage.set(p, data);
  });
  const rowAt = (index: number) => byPage.get(Math.floor(index / PAGE_SIZE))?.items[index % PAGE_SIZE];
  return (
    <div className="inventory-table" role="table" aria-label="Inventory" aria-rowcount={first.total}>
      <div className="inventory-row inventory-head" role="row">
        {['', 'SKU', 'Name', 'Category', 'Size · color', 'Owner', 'Qty', 'Price'].map((h, i) => (
          <span role="columnheader" key={i} className={i >= 6 ? 'money' : undefined}>
            {h}
          </span>
        ))}
      </div>
      <div className="inventory-scroll" ref={scrollRef} data-testid="inventory-results">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {rows.map((r) => {
            const item = rowAt(r.index);
            return (
              <div key={r.key} className="inventory-row-slot" style={{ transform: `translateY(${r.start}px)`, height: ROW_HEIGHT }}>
                {item ? <Row item={item} selected={item.sku === selected} onOpen={onOpen} /> : <div className="inventory-row loading muted">Loading…</div>}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
