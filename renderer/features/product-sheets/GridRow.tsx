import { memo } from 'react';
import { H, IMAGE_HEADERS } from '../../../shared/trax-retail/columns';
import type { VendorRowError } from '../../../shared/trax-retail/contract';
import type { LocalImage, SheetIssue, SheetRow } from '../../../shared/trax-retail/sheet';
import { ImageCell } from './ImageCell';

/** Stays in view beside the row number while the sheet scrolls sideways. */
export const FROZEN_COLUMN = H.localName;

/** The id of a cell, for the grid's aria-activedescendant. */
export const cellId = (gridId: string, row: number, col: number) => `${gridId}-r${row}-c${col}`;

interface Props {
  gridId: string;
  row: SheetRow;
  index: number;
  /** The empty row after the last: typing or pasting there adds a row. */
  blank: boolean;
  columns: string[];
  widths: number[];
  /** The row number's width (the frozen column sticks right of it) and the row's height. */
  headWidth: number;
  rowHeight: number;
  frozen: number;
  draftId: string;
  issues: SheetIssue[] | undefined;
  vendor: VendorRowError[] | undefined;
  images: Record<string, LocalImage>;
  /** Selected block within this row, as column indexes, or null. */
  selected: { c0: number; c1: number; cursor: number | null } | null;
  editing: { col: number; value: string } | null;
  onEditChange: (value: string) => void;
  onEditKey: (e: React.KeyboardEvent<HTMLInputElement>) => void;
  onCellDown: (row: number, col: number, extend: boolean) => void;
  onCellOpen: (row: number, col: number) => void;
  onFiles: (row: number, column: string, files: File[]) => void;
  onPick: (row: number, column: string) => void;
}

/** Messages on a cell: the app's own checks, then the lines of Trax's error file (as Trax wrote them, no prefix). */
function cellState(column: string, issues: SheetIssue[] | undefined, vendor: VendorRowError[] | undefined) {
  const own = issues?.filter((i) => i.column === column) ?? [];
  const theirs = vendor?.filter((v) => v.column === column) ?? [];
  const messages = [...own.map((i) => i.message), ...theirs.map((v) => v.message)];
  const kind = theirs.length > 0 ? 'vendor' : own.some((i) => i.severity === 'error') ? 'error' : own.length > 0 ? 'warning' : null;
  return { kind, messages };
}

function CellContent(p: Props & { column: string; c: number; testId: string }) {
  const value = p.row.cells[p.column] ?? '';
  if (p.editing && p.editing.col === p.c) {
    return <input autoFocus className="cell-input" value={p.editing.value} onChange={(e) => p.onEditChange(e.target.value)} onKeyDown={p.onEditKey} data-testid="cell-editor" aria-label={p.column} />;
  }
  if (IMAGE_HEADERS.includes(p.column)) {
    return <ImageCell draftId={p.draftId} value={value} image={p.images[value]} testId={p.testId} onFiles={(f) => p.onFiles(p.index, p.column, f)} onPick={() => p.onPick(p.index, p.column)} />;
  }
  return <span className="cell-text">{value}</span>;
}

/** One sheet row; redrawn only when its row object, issues or selection change. */
export const GridRow = memo(function GridRow(p: Props) {
  const rowVendor = p.vendor?.filter((v) => v.column === null) ?? [];
  const rowIssues = p.issues?.filter((i) => i.column === null) ?? [];
  const rowTitle = [...rowIssues.map((i) => i.message), ...rowVendor.map((v) => v.message)].join('\n');
  return (
    <div className={p.blank ? 'grid-row blank-row' : 'grid-row'} role="row" aria-rowindex={p.index + 2} style={{ height: p.rowHeight }} data-testid={`sheet-row-${p.index}`}>
      <span className={rowTitle ? 'row-head flagged' : 'row-head'} role="rowheader" title={rowTitle || (p.blank ? 'Type or paste here to add a row' : undefined)} style={{ width: p.headWidth }}>
        {p.blank ? '+' : p.index + 1}
      </span>
      {p.columns.map((column, c) => {
        const { kind, messages } = cellState(column, p.issues, p.vendor);
        const inSel = p.selected && c >= p.selected.c0 && c <= p.selected.c1;
        const isCursor = p.selected?.cursor === c;
        const frozen = c === p.frozen;
        const cls = ['cell', kind ? `cell-${kind}` : '', inSel ? 'in-selection' : '', isCursor ? 'cursor' : '', frozen ? 'frozen' : ''].filter(Boolean).join(' ');
        const testId = `cell-${p.index}-${c}`;
        // Sticky just right of the row number once scrolled past its own place.
        const style = frozen ? { width: p.widths[c], left: p.headWidth } : { width: p.widths[c] };
        const editing = p.editing?.col === c;
        return (
          <span key={column} id={cellId(p.gridId, p.index, c)} role="gridcell" aria-colindex={c + 2} aria-selected={isCursor || undefined}
            aria-invalid={kind === 'error' || kind === 'vendor' || undefined} className={cls} style={style} title={messages.join('\n') || undefined}
            data-testid={testId} data-issue={kind ?? undefined}
            onMouseDown={(e) => !editing && p.onCellDown(p.index, c, e.shiftKey)} onDoubleClick={() => p.onCellOpen(p.index, c)}>
            <CellContent {...p} column={column} c={c} testId={testId} />
          </span>
        );
      })}
    </div>
  );
});
