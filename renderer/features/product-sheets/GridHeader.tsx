import type { PointerEvent } from 'react';
import type { GridMetrics } from './grid-metrics';

interface Props {
  columns: string[];
  widths: number[];
  attributeFrom: number;
  frozen: number;
  metrics: GridMetrics;
  onResize: (column: string, width: number, done: boolean) => void;
  onResetWidth: (column: string) => void;
}

/** Drags a column's right edge; the width follows the pointer and is kept when it is let go. */
function startDrag(e: PointerEvent<HTMLSpanElement>, column: string, width: number, onResize: Props['onResize']) {
  e.preventDefault();
  e.stopPropagation();
  const handle = e.currentTarget;
  const x0 = e.clientX;
  handle.setPointerCapture(e.pointerId);
  const move = (ev: globalThis.PointerEvent) => onResize(column, width + ev.clientX - x0, false);
  const up = (ev: globalThis.PointerEvent) => {
    handle.removeEventListener('pointermove', move);
    handle.removeEventListener('pointerup', up);
    onResize(column, width + ev.clientX - x0, true);
  };
  handle.addEventListener('pointermove', move);
  handle.addEventListener('pointerup', up);
}

/** The header row: sticky at the top, the row number and product name columns sticky at the left. */
export function GridHeader({ columns, widths, attributeFrom, frozen, metrics, onResize, onResetWidth }: Props) {
  const head = metrics.headWidth;
  return (
    <div className="grid-row grid-head" role="row" aria-rowindex={1} style={{ height: metrics.rowHeight }}>
      <span className="row-head" style={{ width: head }} role="columnheader" aria-colindex={1}>#</span>
      {columns.map((c, i) => {
        const attribute = i >= attributeFrom;
        const cls = ['cell', 'head', attribute ? 'attribute' : '', i === frozen ? 'frozen' : ''].filter(Boolean).join(' ');
        return (
          <span key={c} role="columnheader" aria-colindex={i + 2} className={cls} style={i === frozen ? { width: widths[i], left: head } : { width: widths[i] }}
            title={attribute ? 'Additional attribute: valid names depend on the Trax project' : c} data-testid={`header-${i}`}>
            {c}
            <span className="resize-handle" aria-hidden="true" title="Drag to resize (Alt+Shift+←/→ in the grid); double-click for the usual width" data-testid={`resize-${i}`}
              onPointerDown={(e) => startDrag(e, c, widths[i], onResize)} onDoubleClick={() => onResetWidth(c)} />
          </span>
        );
      })}
    </div>
  );
}
