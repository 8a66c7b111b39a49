import { clearCells, fillDown } from './sheet-ops';
import { selection, useSheet } from './sheet-store';

export interface GridActions {
  startEdit: (initial?: string) => void;
  /** Rows on screen: the sheet's rows and the empty row after them. */
  rowCount: number;
  colCount: number;
  scrollTo: (row: number) => void;
  /** Whether a cell holds anything (for Ctrl+arrow). */
  filled: (row: number, col: number) => boolean;
  /** Opens the file picker for the cursor's cell when it is a picture column; false when it is not. */
  pickPicture: () => boolean;
  /** Widens (or narrows, negative) the cursor's column. */
  resize: (delta: number) => void;
}

const MOVES: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };

/**
 * Where Ctrl+arrow lands, as in a spreadsheet: from a filled cell whose neighbour is filled, the
 * last filled cell of that run; otherwise the next filled cell, or the edge of the sheet.
 */
export function dataEdge(a: Pick<GridActions, 'rowCount' | 'colCount' | 'filled'>, row: number, col: number, [dr, dc]: [number, number]): { row: number; col: number } {
  const inside = (r: number, c: number) => r >= 0 && r < a.rowCount && c >= 0 && c < a.colCount;
  let r = row;
  let c = col;
  if (!inside(r + dr, c + dc)) return { row, col };
  const step = () => {
    r += dr;
    c += dc;
  };
  if (a.filled(r, c) && a.filled(r + dr, c + dc)) {
    while (inside(r + dr, c + dc) && a.filled(r + dr, c + dc)) step();
    return { row: r, col: c };
  }
  step();
  while (!a.filled(r, c) && inside(r + dr, c + dc)) step();
  return { row: r, col: c };
}

/**
 * Spreadsheet keys on the grid when no cell is being edited. Answers true when the key was used.
 * Tab is not one of them: the grid is one stop in the page's Tab order (the ARIA grid pattern), and
 * Tab and Shift+Tab leave it.
 */
export function gridKey(e: React.KeyboardEvent, a: GridActions): boolean {
  const s = useSheet.getState();
  const { row, col } = s.cursor;
  const ctrl = e.ctrlKey || e.metaKey;
  const go = (r: number, c: number, extend = false) => {
    const next = { row: Math.max(0, Math.min(a.rowCount - 1, r)), col: Math.max(0, Math.min(a.colCount - 1, c)) };
    s.select(next, extend);
    a.scrollTo(next.row);
  };
  const move = MOVES[e.key];
  if (move && e.altKey && e.shiftKey && move[0] === 0) return a.resize(move[1] * 20), true;
  if (move && e.altKey && e.key === 'ArrowDown') return a.pickPicture();
  if (move && ctrl) {
    const to = dataEdge(a, row, col, move);
    return go(to.row, to.col, e.shiftKey), true;
  }
  if (move && !e.altKey) return go(row + move[0], col + move[1], e.shiftKey), true;
  if (e.key === 'Home') return go(ctrl ? 0 : row, 0, e.shiftKey), true;
  if (e.key === 'End') return go(ctrl ? a.rowCount - 1 : row, a.colCount - 1, e.shiftKey), true;
  if (e.key === 'PageDown') return go(row + 20, col, e.shiftKey), true;
  if (e.key === 'PageUp') return go(row - 20, col, e.shiftKey), true;
  if (e.key === 'Enter' || e.key === 'F2') return a.startEdit(), true;
  if (e.key === 'Delete' || e.key === 'Backspace') {
    const { r0, r1, c0, c1 } = selection(s);
    s.edit((m) => clearCells(m, r0, r1, c0, c1));
    return true;
  }
  if (ctrl && e.key.toLowerCase() === 'o') return a.pickPicture(), true;
  if (ctrl && e.key.toLowerCase() === 'z') return (e.shiftKey ? s.redo() : s.undo()), true;
  if (ctrl && e.key.toLowerCase() === 'y') return s.redo(), true;
  if (ctrl && e.key.toLowerCase() === 'd') {
    const { r0, r1, c0, c1 } = selection(s);
    s.edit((m) => fillDown(m, r0, r1, c0, c1));
    return true;
  }
  if (!ctrl && !e.altKey && e.key.length === 1) return a.startEdit(e.key), true;
  return false;
}
