import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useImperativeHandle, useLayoutEffect, useRef, useState, type KeyboardEvent, type Ref, type RefObject } from 'react';
import type { ItemRow, SearchFilters, SearchResult } from '../../../shared/inventory/schemas';
import { VendorPicture } from '../../ui/VendorPicture';
import { money, orDash } from './format';
import { PAGE_SIZE, usePages } from './queries';

let measuredRowHeight = 0;
/** 44 px at the usual 14 px text, and in step with the user's own text size (the rows are 3.143rem tall). */
function rowHeight(): number {
  measuredRowHeight ||= Math.round((44 * parseFloat(getComputedStyle(document.documentElement).fontSize || '14')) / 14);
  return measuredRowHeight;
}
/** Pictures load once the results have stood still this long: typing never loads pictures of results already passed by. */
const PICTURE_DELAY_MS = 150;

/** Whether this answer has been on screen for PICTURE_DELAY_MS without a newer one. */
function useSettled(answer: SearchResult): boolean {
  const [settled, setSettled] = useState<SearchResult | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(answer), PICTURE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [answer]);
  return settled === answer;
}

/** What the search box and the item panel ask of the table: focus a row. */
export interface ResultsHandle {
  focusRow: (index: number) => void;
  focusSku: (sku: string) => void;
}

/** One row; memoised, so scrolling redraws only rows that enter the window. */
const Row = memo(function Row({ item, index, selected, active, picture, onOpen }: { item: ItemRow; index: number; selected: boolean; active: boolean; picture: boolean; onOpen: (sku: string) => void }) {
  return (
    <div
      role="row"
      tabIndex={active ? 0 : -1}
      data-index={index}
      className={selected ? 'inventory-row selected' : 'inventory-row'}
      onClick={() => onOpen(item.sku)}
      data-testid={`inventory-row-${item.sku}`}
      aria-selected={selected}
      aria-rowindex={index + 2}
    >
      <span role="cell" className="inventory-thumb">
        {/* SimpleConsign's 125-pixel thumbnail, drawn at 40×30: fetched by the app for the rows on screen, decoded off the main thread. */}
        {item.thumbnailUrl && picture ? <VendorPicture url={item.thumbnailUrl} alt="" decoding="async" width={40} height={30} /> : null}
      </span>
      <span role="cell" className="inventory-sku">
        {item.sku}
      </span>
      <span role="cell" className="inventory-name" title={item.name ?? ''}>
        {orDash(item.name)}
        {item.brand && <span className="muted"> · {item.brand}</span>}
      </span>
      <span role="cell">{orDash(item.category)}</span>
      <span role="cell" className="muted">
        {[item.size, item.color].filter(Boolean).join(' · ') || '—'}
      </span>
      <span role="cell">{item.consignment ? `Consignor ${item.consignorId ?? '?'}` : 'Store'}</span>
      <span role="cell" className="money">
        {orDash(item.quantity)}
      </span>
      <span role="cell" className="money">
        {money(item.currentPriceCents)}
      </span>
    </div>
  );
});

/** Arrow keys, Page Up/Down, Home and End move between rows; Enter (or Space) opens the row's item. */
function nextIndex(key: string, current: number, total: number, page: number): number | null {
  const moves: Record<string, number> = { ArrowDown: current + 1, ArrowUp: current - 1, PageDown: current + page, PageUp: current - page, Home: 0, End: total - 1 };
  if (!(key in moves)) return null;
  return Math.max(0, Math.min(total - 1, moves[key]));
}

interface Props {
  filters: SearchFilters;
  dataVersion: number;
  first: SearchResult;
  selected: string | null;
  onOpen: (sku: string) => void;
  /** Arrow Up from the first row goes back to the search box. */
  searchBox: RefObject<HTMLInputElement | null>;
  ref?: Ref<ResultsHandle>;
}

/**
 * The results, however many: only the rows on screen are drawn, and only the pages under them are
 * asked of the main process, a hundred rows at a time. One row at a time takes Tab (the one last moved to).
 */
export const ResultsTable = memo(function ResultsTable({ filters, dataVersion, first, selected, onOpen, searchBox, ref }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  // A new search starts at its first row. The table itself stays: remounting it would rebuild every row on each keystroke.
  const searchKey = JSON.stringify(filters);
  const [shownSearch, setShownSearch] = useState(searchKey);
  if (shownSearch !== searchKey) {
    setShownSearch(searchKey);
    setActive(0);
  }
  useLayoutEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [searchKey]);
  // The row to focus once the virtualizer has drawn it.
  const pendingFocus = useRef<number | null>(null);
  // The virtualizer keeps its own measurements; the React Compiler must not memoize around it.
  // Without flushSync each scroll event is a normal React update: several are batched into one frame.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: first.total, getScrollElement: () => scrollRef.current, estimateSize: () => rowHeight(), overscan: 3, useFlushSync: false });
  const rows = virtualizer.getVirtualItems();
  const pictures = useSettled(first);
  const pageNumbers = [...new Set(rows.map((r) => Math.floor(r.index / PAGE_SIZE)))].filter((p) => p > 0);
  const pages = usePages(filters, dataVersion, pageNumbers);
  const byPage = new Map<number, SearchResult>([[0, first]]);
  pageNumbers.forEach((p, i) => {
    const data = pages[i]?.data;
    if (data) byPage.set(p, data);
  });
  const rowAt = (index: number) => byPage.get(Math.floor(index / PAGE_SIZE))?.items[index % PAGE_SIZE];

  const focusRow = (index: number) => {
    const i = Math.max(0, Math.min(first.total - 1, index));
    setActive(i);
    pendingFocus.current = i;
    virtualizer.scrollToIndex(i, { align: 'auto' });
    scrollRef.current?.querySelector<HTMLElement>(`[data-index="${i}"]`)?.focus({ preventScroll: true });
  };
  useImperativeHandle(ref, () => ({
    focusRow,
    focusSku: (sku) => {
      const el = scrollRef.current?.querySelector<HTMLElement>(`[data-testid="inventory-row-${CSS.escape(sku)}"]`);
      if (el) el.focus();
      else focusRow(active);
    },
  }));
  // Before the browser hands on the next key: a key pressed as the rows are redrawn finds the row it moved to focused.
  useLayoutEffect(() => {
    const i = pendingFocus.current;
    if (i === null) return;
    const el = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${i}"]`);
    if (el) {
      el.focus({ preventScroll: true });
      pendingFocus.current = null;
    }
  });

  const onKeyDown = (e: KeyboardEvent) => {
    const row = (e.target as HTMLElement).closest<HTMLElement>('[role="row"][data-index]');
    if (!row) return;
    // Keys pressed faster than the rows are drawn move on from the row last moved to, not from the one still focused.
    const current = pendingFocus.current ?? Number(row.dataset.index);
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      const item = rowAt(current);
      if (item) onOpen(item.sku);
      return;
    }
    if (e.key === 'ArrowUp' && current === 0) {
      e.preventDefault();
      pendingFocus.current = null;
      searchBox.current?.focus();
      return;
    }
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? rowHeight() * 10) / rowHeight()) - 1);
    const next = nextIndex(e.key, current, first.total, page);
    if (next === null) return;
    e.preventDefault();
    focusRow(next);
  };

  return (
    <div className="inventory-table" role="table" aria-label="Inventory" aria-rowcount={first.total + 1}>
      <div className="inventory-row inventory-head" role="row" aria-rowindex={1}>
        {['Picture', 'SKU', 'Name', 'Category', 'Size · color', 'Owner', 'Qty', 'Price'].map((h, i) => (
          <span role="columnheader" key={h} className={i >= 6 ? 'money' : undefined}>
            {i === 0 ? <span className="visually-hidden">{h}</span> : h}
          </span>
        ))}
      </div>
      <div className="inventory-scroll" ref={scrollRef} onKeyDown={onKeyDown} data-testid="inventory-results">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {rows.map((r) => {
            const item = rowAt(r.index);
            return (
              <div key={r.key} className="inventory-row-slot" role="presentation" style={{ transform: `translateY(${r.start}px)`, height: rowHeight() }}>
                {item ? (
                  <Row item={item} index={r.index} selected={item.sku === selected} active={r.index === active} picture={pictures} onOpen={onOpen} />
                ) : (
                  <div className="inventory-row loading muted" role="row" aria-rowindex={r.index + 2}>
                    <span role="cell">Loading…</span>
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
});
