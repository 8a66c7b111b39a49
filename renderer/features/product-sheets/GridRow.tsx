import { memo } from 'react';
import { IMAGE_HEADERS } from '../../../shared/trax-retail/columns';
import type { VendorRowError } from '../../../shared/trax-retail/contract';
import type { SheetIssue, SheetRow } from '../../../shared/trax-retail/sheet';
import { ImageCell } from './ImageCell';

export const ROW_HEIGHT = 34;
export const ROW_HEAD_WIDTH = 52;
export const widthOf = (column: string) => (IMAGE_HEADERS.includes(column) ? 190 : column.length > 18 ? 170 : 130);

interface Props {
  row: SheetRow;
  index: number;
  columns: string[];
  draftId: string;
  issues: SheetIssue[] | undefined;
  vendor: VendorRowError[] | undefined;
  images: Record<string, unknown>;
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

function cellState(column: string, issues: SheetIssue[] | undefined, vendor: VendorRowError[] | undefined) {
  const own = issues?.filter((i) => i.column === column) ?? [];
  const theirs = vendor?.filter((v) => v.column === column) ?? [];
  const messages = [...own.map((i) => i.message), ...theirs.map((v) => `Trax: ${v.message}`)];
  const kind = theirs.length > 0 ? 'vendor' : own.some((i) => i.severity === 'error') ? 'error' : own.length > 0 ? 'warning' : null;
  return { kind, messages };
}

/** One sheet row; redrawn only when its row object, issues or selection change. */
export const GridRow = memo(function GridRow(p: Props) {
  const rowVendor = p.vendor?.filter((v) => v.column === null) ?? [];
  const rowIssues = p.issues?.filter((i) => i.column === null) ?? [];
  const rowTitle = [...rowIssues.map((i) => i.message), ...rowVendor.map((v) => `Trax: ${v.message}`)].join('\n');
  return (
    <div className="grid-row" role="row" aria-rowindex={p.index + 2} data-testid={`sheet-row-${p.index}`}>
      <span className={rowTitle ? 'row-head flagged' : 'row-head'} role="rowheader" title={rowTitle || undefined} style={{ width: ROW_HEAD_WIDTH }}>
        {p.index + 1}
      </span>
      {p.columns.map((column, c) => {
        const value = p.row.cells[column] ?? '';
        const { kind, messages } = cellState(column, p.issues, p.vendor);
        const inSel = p.selected && c >= p.selected.c0 && c <= p.selected.c1;
        const isCursor = p.selected?.cursor === c;
        const cls = ['cell', kind ? `cell-${kind}` : '', inSel ? 'in-selection' : '', isCursor ? 'cursor' : ''].filter(Boolean).join(' ');
        const testId = `cell-${p.index}-${c}`;
        const editing = p.editing && p.editing.col === c;
        return (
          <span
            key={column}
            role="gridcell"
            aria-selected={isCursor || undefined}
            aria-invalid={kind === 'error' || kind === 'vendor' || undefined}
            className={cls}
            style={{ width: widthOf(column) }}
            title={messages.join('\n') || undefined}
            data-testid={testId}
            data-issue={kind ?? undefined}
            onMouseDown={(e) => !editing && p.onCellDown(p.index, c, e.shiftKey)}
            onDoubleClick={() => p.onCellOpen(p.index, c)}
          >
            {editing ? (
              <input autoFocus className="cell-input" value={p.editing!.value} onChange={(e) => p.onEditChange(e.target.value)} onKeyDown={p.onEditKey} data-testid="cell-editor" aria-label={column} />
            ) : IMAGE_HEADERS.includes(column) ? (
              <ImageCell draftId={p.draftId} value={value} known={value in p.images} testId={testId} onFiles={(f) => p.onFiles(p.index, column, f)} onPick={() => p.onPick(p.index, column)} />
            ) : (
              <span className="cell-text">{value}</span>
            )}
          </span>
        );
      })}
    </div>
  );
});
