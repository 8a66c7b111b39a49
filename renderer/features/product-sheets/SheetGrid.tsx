import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useEffect, useId, useMemo, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { IMAGE_HEADERS } from '../../../shared/trax-retail/columns';
import { fullMapping, looksLikeHeaderRow } from '../../../shared/trax-retail/header-mapping';
import type { ValidationState } from '../../../shared/trax-retail/incremental';
import type { SheetRow } from '../../../shared/trax-retail/sheet';
import { gridKey } from './grid-keys';
import { GridHeader } from './GridHeader';
import { gridMetrics } from './grid-metrics';
import { cellId, FROZEN_COLUMN, GridRow } from './GridRow';
import { useSheetSettings } from './queries';
import { columnsOf, paste, parseClipboard, pasteByHeaders, setCell, toClipboard } from './sheet-ops';
import { selection, useSheet } from './sheet-store';
import type { useAddPicture } from './use-add-picture';
import { useColumnWidths } from './use-column-widths';

const BLANK: SheetRow = { id: 'blank-row', cells: {} };

/** Scrolls sideways just enough to show the cursor's column beside the row number and the frozen product name. */
function revealColumn(grid: HTMLDivElement | null, head: number, widths: number[], frozen: number, col: number) {
  if (!grid) return;
  const left = head + widths.slice(0, col).reduce((n, w) => n + w, 0);
  const right = left + widths[col];
  const covered = head + (col > frozen ? widths[frozen] : 0);
  // clientWidth is rounded to a whole pixel while the grid's own width may not be: a pixel less keeps the column wholly in view.
  const visible = grid.clientWidth - 1;
  if (left - covered < grid.scrollLeft) grid.scrollLeft = Math.max(0, left - covered);
  else if (right > grid.scrollLeft + visible) grid.scrollLeft = Math.ceil(right - visible);
}

/** Pastes a block: by its header line when it has one (the mapping stays open to correct), else by position. */
function pasteBlock(text: string, at: { row: number; col: number }, knownAttributes: readonly string[]) {
  const s = useSheet.getState();
  const matrix = parseClipboard(text);
  if (!looksLikeHeaderRow(matrix)) return s.edit((m) => paste(m, at.row, at.col, matrix));
  s.startMapping({
    kind: 'paste', source: `the ${matrix.length - 1} pasted row${matrix.length === 2 ? '' : 's'}`, base: s.model!,
    columns: fullMapping(matrix[0].map((h) => h.trim()), knownAttributes, 'leave-out'),
    apply: (base, columns) => pasteByHeaders(base, at.row, matrix, columns),
  });
}

/**
 * The sheet as a spreadsheet, and one stop in the page's Tab order (the ARIA grid pattern): the
 * grid holds the focus and names the cursor's cell with aria-activedescendant; arrows move inside,
 * Tab and Shift+Tab leave. Every documented column under its exact header, then the attribute
 * columns; the row number and product name stay in view sideways; only the rows on screen (and the
 * cursor's) are drawn; an empty row after the last takes typing and pasting.
 */
interface GridProps {
  validation: ValidationState;
  gridRef: React.RefObject<HTMLDivElement | null>;
  scrollToRow: React.RefObject<(row: number) => void>;
  picture: ReturnType<typeof useAddPicture>;
}

export function SheetGrid({ validation, gridRef, scrollToRow, picture }: GridProps) {
  const model = useSheet((s) => s.model)!;
  const draftId = useSheet((s) => s.draftId)!;
  const cursor = useSheet((s) => s.cursor);
  const anchor = useSheet((s) => s.anchor);
  const vendor = useSheet((s) => s.vendor);
  const known = useSheetSettings().data?.knownAttributes ?? [];
  const gridId = `sheet-${useId().replace(/[^A-Za-z0-9]/g, '')}`;
  const [editing, setEditing] = useState<{ row: number; col: number; value: string } | null>(null);
  const attributes = model.attributes;
  const columns = useMemo(() => columnsOf({ attributes, rows: [], images: {} }), [attributes]);
  // Read once: the text size is the user's setting, and a change of it reloads the page.
  const [metrics] = useState(gridMetrics);
  const { rowHeight, headWidth } = metrics;
  const widths = useColumnWidths(columns, metrics.width);
  const rowCount = model.rows.length + 1;
  // Rows or columns removed under the cursor: it moves back inside the sheet.
  useEffect(() => {
    if (cursor.row >= rowCount || cursor.col >= columns.length) useSheet.getState().select({ row: Math.min(cursor.row, rowCount - 1), col: Math.min(cursor.col, columns.length - 1) });
  }, [cursor, rowCount, columns.length]);
  // The cursor's row is always drawn, so aria-activedescendant always names a cell that exists.
  const rangeExtractor = useCallback((range: Range) => [...new Set([...defaultRangeExtractor(range), cursor.row])].filter((i) => i < range.count).sort((a, b) => a - b), [cursor.row]);
  // The rows start below the sticky header line: scrolled to, a row stops below it, not under it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: rowCount, getScrollElement: () => gridRef.current, estimateSize: () => rowHeight, overscan: 10, rangeExtractor, scrollMargin: rowHeight, scrollPaddingStart: rowHeight });
  const frozen = columns.indexOf(FROZEN_COLUMN);
  useEffect(() => revealColumn(gridRef.current, headWidth, widths.widths, frozen, cursor.col), [gridRef, headWidth, widths.widths, frozen, cursor.col]);
  scrollToRow.current = (row) => virtualizer.scrollToIndex(row, { align: 'auto' });
  const sel = selection({ cursor, anchor });
  const totalWidth = headWidth + widths.widths.reduce((n, w) => n + w, 0);
  const valueAt = (r: number, c: number) => model.rows[r]?.cells[columns[c]] ?? '';

  const startEdit = (initial?: string) => setEditing({ row: cursor.row, col: cursor.col, value: initial ?? valueAt(cursor.row, cursor.col) });
  const commit = (move: [number, number]) => {
    if (!editing) return;
    useSheet.getState().edit((m) => setCell(m, editing.row, columns[editing.col], editing.value.trim()));
    setEditing(null);
    const rows = useSheet.getState().model!.rows.length + 1;
    useSheet.getState().select({ row: Math.min(rows - 1, editing.row + move[0]), col: Math.max(0, Math.min(columns.length - 1, editing.col + move[1])) });
    gridRef.current?.focus();
  };
  const onEditKey = (e: KeyboardEvent<HTMLInputElement>) => {
    e.stopPropagation();
    if (e.key === 'Enter') commit([1, 0]);
    else if (e.key === 'Tab') {
      // While typing, Tab keeps the value and moves along the row, as in a spreadsheet.
      e.preventDefault();
      commit([0, e.shiftKey ? -1 : 1]);
    } else if (e.key === 'Escape') {
      setEditing(null);
      gridRef.current?.focus();
    }
  };
  const pickPicture = () => {
    const column = columns[cursor.col];
    if (!IMAGE_HEADERS.includes(column)) return false;
    picture.pick(cursor.row, column);
    return true;
  };
  const onKey = (e: KeyboardEvent) => {
    if (editing) return;
    const actions = {
      startEdit, rowCount, colCount: columns.length, pickPicture,
      scrollTo: (r: number) => virtualizer.scrollToIndex(r, { align: 'auto' }),
      filled: (r: number, c: number) => valueAt(r, c) !== '',
      resize: (delta: number) => widths.commit(columns[cursor.col], widths.widths[cursor.col] + delta),
    };
    if (gridKey(e, actions)) e.preventDefault();
  };
  const onPaste = (e: ClipboardEvent) => {
    if (editing) return;
    e.preventDefault();
    pasteBlock(e.clipboardData.getData('text/plain'), { row: sel.r0, col: sel.c0 }, known);
  };
  const onCopy = (e: ClipboardEvent) => {
    if (editing) return;
    e.preventDefault();
    const rows = model.rows.slice(sel.r0, sel.r1 + 1).map((r) => columns.slice(sel.c0, sel.c1 + 1).map((c) => r.cells[c] ?? ''));
    e.clipboardData.setData('text/plain', toClipboard(rows));
  };
  const onCellDown = (row: number, col: number, extend: boolean) => {
    if (editing) commit([0, 0]);
    useSheet.getState().select({ row, col }, extend);
  };

  return (
    <>
      <div className="sheet-grid" ref={gridRef} tabIndex={0} role="grid" aria-label="Product sheet" aria-rowcount={rowCount + 1} aria-colcount={columns.length + 1}
        aria-activedescendant={editing || cursor.row >= rowCount || cursor.col >= columns.length ? undefined : cellId(gridId, cursor.row, cursor.col)} aria-describedby={`${gridId}-keys`}
        onKeyDown={onKey} onPaste={onPaste} onCopy={onCopy} data-testid="sheet-grid">
        <span id={`${gridId}-keys`} className="visually-hidden">
          Arrow keys move, Ctrl+arrow jumps to the edge, Enter or F2 edits, Ctrl+O chooses a picture file in a picture column, Tab leaves the sheet.
        </span>
        <div style={{ width: totalWidth, position: 'relative' }}>
          <GridHeader columns={columns} widths={widths.widths} attributeFrom={columns.length - model.attributes.length} frozen={frozen} metrics={metrics}
            onResize={(c, w, done) => (done ? widths.commit(c, w) : widths.preview(c, w))} onResetWidth={widths.reset} />
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((v) => {
              const blank = v.index === model.rows.length;
              const row = blank ? BLANK : model.rows[v.index];
              const inRows = v.index >= sel.r0 && v.index <= sel.r1;
              return (
                <div key={row.id} className="grid-slot" style={{ transform: `translateY(${v.start - rowHeight}px)`, height: rowHeight }}>
                  <GridRow gridId={gridId} row={row} index={v.index} blank={blank} columns={columns} widths={widths.widths} headWidth={headWidth} rowHeight={rowHeight} frozen={frozen} draftId={draftId}
                    issues={validation.byRow.get(row.id)} vendor={vendor?.byRow.get(row.id)} images={model.images}
                    selected={inRows ? { c0: sel.c0, c1: sel.c1, cursor: v.index === cursor.row ? cursor.col : null } : null}
                    editing={editing && editing.row === v.index ? { col: editing.col, value: editing.value } : null}
                    onEditChange={(value) => setEditing((e) => e && { ...e, value })} onEditKey={onEditKey} onCellDown={onCellDown}
                    onCellOpen={(r, c) => (useSheet.getState().select({ row: r, col: c }), setEditing({ row: r, col: c, value: valueAt(r, c) }))}
                    onFiles={picture.fromFiles} onPick={picture.pick} />
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </>
  );
}
