import { useVirtualizer } from '@tanstack/react-virtual';
import { useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import type { ValidationState } from '../../../shared/trax-retail/incremental';
import { gridKey } from './grid-keys';
import { GridRow, ROW_HEAD_WIDTH, ROW_HEIGHT, widthOf } from './GridRow';
import { columnsOf, paste, parseClipboard, setCell, toClipboard } from './sheet-ops';
import { selection, useSheet } from './sheet-store';
import { useAddPicture } from './use-add-picture';

/**
 * The sheet as a spreadsheet: every documented column under its exact header, then the attribute
 * columns; only the rows on screen are drawn. Arrow keys, Tab, Enter/F2 to edit, typing replaces,
 * Delete clears, Ctrl+Z/Y undo and redo, Ctrl+D fills down, copy and paste work with Excel and Google Sheets.
 */
export function SheetGrid({ validation, gridRef, scrollToRow }: { validation: ValidationState; gridRef: React.RefObject<HTMLDivElement | null>; scrollToRow: React.MutableRefObject<(row: number) => void> }) {
  const model = useSheet((s) => s.model)!;
  const draftId = useSheet((s) => s.draftId)!;
  const cursor = useSheet((s) => s.cursor);
  const anchor = useSheet((s) => s.anchor);
  const vendor = useSheet((s) => s.vendor);
  const [editing, setEditing] = useState<{ row: number; col: number; value: string } | null>(null);
  const columns = columnsOf(model);
  const picture = useAddPicture(draftId);
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: model.rows.length, getScrollElement: () => gridRef.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });
  scrollToRow.current = (row) => virtualizer.scrollToIndex(row, { align: 'auto' });
  const sel = selection({ cursor, anchor });
  const totalWidth = ROW_HEAD_WIDTH + columns.reduce((n, c) => n + widthOf(c), 0);

  const startEdit = (initial?: string) => setEditing({ row: cursor.row, col: cursor.col, value: initial ?? model.rows[cursor.row]?.cells[columns[cursor.col]] ?? '' });
  const commit = (move: [number, number]) => {
    if (!editing) return;
    useSheet.getState().edit((m) => setCell(m, editing.row, columns[editing.col], editing.value.trim()));
    setEditing(null);
    const next = { row: Math.min(model.rows.length - 1, editing.row + move[0]), col: Math.min(columns.length - 1, editing.col + move[1]) };
    useSheet.getState().select(next);
    gridRef.current?.focus();
  };
  const onEditKey = (e: KeyboardEvent<HTMLInputElement>) => {
    e.stopPropagation();
    if (e.key === 'Enter') commit([1, 0]);
    else if (e.key === 'Tab') {
      e.preventDefault();
      commit([0, e.shiftKey ? -1 : 1]);
    } else if (e.key === 'Escape') {
      setEditing(null);
      gridRef.current?.focus();
    }
  };
  const onKey = (e: KeyboardEvent) => {
    if (editing) return;
    if (gridKey(e, { startEdit, rowCount: model.rows.length, colCount: columns.length, scrollTo: (r) => virtualizer.scrollToIndex(r, { align: 'auto' }) })) e.preventDefault();
  };
  const onPaste = (e: ClipboardEvent) => {
    if (editing) return;
    e.preventDefault();
    const matrix = parseClipboard(e.clipboardData.getData('text/plain'));
    useSheet.getState().edit((m) => paste(m, sel.r0, sel.c0, matrix));
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
    <div className="sheet-grid" ref={gridRef} tabIndex={0} role="grid" aria-label="Product sheet" aria-rowcount={model.rows.length + 1} aria-colcount={columns.length}
      onKeyDown={onKey} onPaste={onPaste} onCopy={onCopy} data-testid="sheet-grid">
      {picture.input}
      <div style={{ width: totalWidth, position: 'relative' }}>
        <div className="grid-row grid-head" role="row">
          <span className="row-head" style={{ width: ROW_HEAD_WIDTH }} role="columnheader">#</span>
          {columns.map((c, i) => (
            <span key={c} role="columnheader" className={i >= columns.length - model.attributes.length ? 'cell head attribute' : 'cell head'} style={{ width: widthOf(c) }} title={i >= columns.length - model.attributes.length ? 'Additional attribute: valid names depend on the Trax project' : c} data-testid={`header-${i}`}>
              {c}
            </span>
          ))}
        </div>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((v) => {
            const row = model.rows[v.index];
            const inRows = v.index >= sel.r0 && v.index <= sel.r1;
            return (
              <div key={row.id} className="grid-slot" style={{ transform: `translateY(${v.start}px)`, height: ROW_HEIGHT }}>
                <GridRow row={row} index={v.index} columns={columns} draftId={draftId} issues={validation.byRow.get(row.id)} vendor={vendor?.byRow.get(row.id)} images={model.images}
                  selected={inRows ? { c0: sel.c0, c1: sel.c1, cursor: v.index === cursor.row ? cursor.col : null } : null}
                  editing={editing && editing.row === v.index ? { col: editing.col, value: editing.value } : null}
                  onEditChange={(value) => setEditing((e) => e && { ...e, value })} onEditKey={onEditKey} onCellDown={onCellDown}
                  onCellOpen={(r, c) => (useSheet.getState().select({ row: r, col: c }), setEditing({ row: r, col: c, value: model.rows[r]?.cells[columns[c]] ?? '' }))}
                  onFiles={picture.fromFiles} onPick={picture.pick} />
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
