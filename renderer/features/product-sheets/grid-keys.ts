import { clearCells, fillDown } from './sheet-ops';
import { selection, useSheet } from './sheet-store';

export interface GridActions {
  startEdit: (initial?: string) => void;
  rowCount: number;
  colCount: number;
  scrollTo: (row: number) => void;
}

const MOVES: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };

/** Spreadsheet keys on the grid when no cell is being edited. Answers true when the key was used. */
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
  if (move && !ctrl) return go(row + move[0], col + move[1], e.shiftKey), true;
  if (e.key === 'Tab') return go(row, col + (e.shiftKey ? -1 : 1)), true;
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
