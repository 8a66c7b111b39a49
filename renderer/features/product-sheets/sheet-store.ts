import { create } from 'zustand';
import type { Draft, VendorRowError } from '../../../shared/trax-retail/contract';
import type { ColumnMapping } from '../../../shared/trax-retail/header-mapping';
import type { SheetModel } from '../../../shared/trax-retail/sheet';

export interface Cursor {
  row: number;
  col: number;
}

/** The vendor's errors from one import, shown on the cells until the user edits them. */
export interface VendorErrors {
  importId: string;
  /** Every row Trax refused, kept after its errors are fixed, for uploading only those again. */
  refusedRows: string[];
  byRow: Map<string, VendorRowError[]>;
  unmatched: VendorRowError[];
}

/**
 * Columns placed by their headers (an opened file, a pasted block with a header line): shown with
 * the place each column went, and correctable while the sheet is as the mapping left it.
 */
export interface MappingSession {
  kind: 'open' | 'paste';
  /** What was mapped, in a few words ("old-list.csv", "the pasted rows"). */
  source: string;
  columns: ColumnMapping[];
  /** The sheet before the mapping, and the sheet it gave. */
  base: SheetModel;
  result: SheetModel;
  apply: (base: SheetModel, columns: readonly ColumnMapping[]) => SheetModel;
}

interface SheetState {
  draftId: string | null;
  name: string;
  model: SheetModel | null;
  /** Edits not yet saved. */
  version: number;
  past: SheetModel[];
  future: SheetModel[];
  cursor: Cursor;
  /** The other corner of a selected block; equals the cursor when one cell is selected. */
  anchor: Cursor;
  vendor: VendorErrors | null;
  mapping: MappingSession | null;
  /** Applies a mapping as one undo step and keeps it open for correction. */
  startMapping: (m: Omit<MappingSession, 'result'>) => void;
  /** Puts one column elsewhere; the sheet is rebuilt from before the mapping, in the same undo step. */
  remap: (from: string, to: string | null) => void;
  endMapping: () => void;
  /** Asked by another screen: open this draft (with this import's errors). */
  request: { draftId: string; importId?: string } | null;
  load: (d: Draft) => void;
  close: () => void;
  rename: (name: string) => void;
  edit: (change: (m: SheetModel) => SheetModel) => void;
  /** Replaces the model without an undo step (pictures registered by the main process). */
  replace: (m: SheetModel) => void;
  undo: () => void;
  redo: () => void;
  select: (c: Cursor, extend?: boolean) => void;
  setVendor: (v: VendorErrors | null) => void;
  setRequest: (r: SheetState['request']) => void;
}

const UNDO_DEPTH = 200;

export const useSheet = create<SheetState>((set, get) => ({
  draftId: null,
  name: '',
  model: null,
  version: 0,
  past: [],
  future: [],
  cursor: { row: 0, col: 0 },
  anchor: { row: 0, col: 0 },
  vendor: null,
  mapping: null,
  request: null,
  load: (d) => set({ draftId: d.id, name: d.name, model: d.model, version: 0, past: [], future: [], cursor: { row: 0, col: 0 }, anchor: { row: 0, col: 0 }, vendor: null, mapping: null }),
  close: () => set({ draftId: null, model: null, past: [], future: [], vendor: null, mapping: null }),
  startMapping: (m) => {
    get().edit((model) => m.apply(model, m.columns));
    set({ mapping: { ...m, result: get().model! } });
  },
  remap: (from, to) => {
    const { mapping, model, version } = get();
    if (!mapping) return;
    // Edited since: the mapping can no longer be changed without losing those edits.
    if (model !== mapping.result) return set({ mapping: null });
    const columns = mapping.columns.map((c) => (c.from === from ? { ...c, to } : c));
    const next = mapping.apply(mapping.base, columns);
    set({ model: next, version: version + 1, mapping: { ...mapping, columns, result: next } });
  },
  endMapping: () => set({ mapping: null }),
  rename: (name) => set((s) => ({ name, version: s.version + 1 })),
  edit: (change) => {
    const { model, past, version, vendor } = get();
    if (!model) return;
    const next = change(model);
    if (next === model) return;
    set({ model: next, past: [...past.slice(-UNDO_DEPTH + 1), model], future: [], version: version + 1, vendor: vendor && dropEdited(vendor, model, next) });
  },
  replace: (m) => set((s) => ({ model: m, version: s.version + 1 })),
  undo: () => {
    const { past, model, future, version } = get();
    if (!model || past.length === 0) return;
    set({ model: past[past.length - 1], past: past.slice(0, -1), future: [model, ...future], version: version + 1 });
  },
  redo: () => {
    const { past, model, future, version } = get();
    if (!model || future.length === 0) return;
    set({ model: future[0], past: [...past, model], future: future.slice(1), version: version + 1 });
  },
  select: (c, extend = false) => set((s) => ({ cursor: c, anchor: extend ? s.anchor : c })),
  setVendor: (vendor) => set({ vendor }),
  setRequest: (request) => set({ request }),
}));

/** A vendor error stays on a cell until that cell (or, for a row-wide error, the row) is edited. */
function dropEdited(v: VendorErrors, before: SheetModel, after: SheetModel): VendorErrors {
  const prev = new Map(before.rows.map((r) => [r.id, r]));
  let changed = false;
  const byRow = new Map(v.byRow);
  for (const row of after.rows) {
    const old = prev.get(row.id);
    const errs = byRow.get(row.id);
    if (!errs || !old || old === row) continue;
    const keep = errs.filter((e) => (e.column ? (old.cells[e.column] ?? '') === (row.cells[e.column] ?? '') : false));
    if (keep.length !== errs.length) {
      changed = true;
      if (keep.length > 0) byRow.set(row.id, keep);
      else byRow.delete(row.id);
    }
  }
  return changed ? { ...v, byRow } : v;
}

export const selection = (s: { cursor: Cursor; anchor: Cursor }) => ({
  r0: Math.min(s.cursor.row, s.anchor.row),
  r1: Math.max(s.cursor.row, s.anchor.row),
  c0: Math.min(s.cursor.col, s.anchor.col),
  c1: Math.max(s.cursor.col, s.anchor.col),
});
