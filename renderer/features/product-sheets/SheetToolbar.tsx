import { useState } from 'react';
import { HEADERS, IMAGE_HEADERS } from '../../../shared/trax-retail/columns';
import { useCases } from '../../../shared/trax-retail/use-cases';
import { addAttribute, columnsOf, deleteRows, duplicateRows, fillDown, insertRows } from './sheet-ops';
import { selection, useSheet } from './sheet-store';

/**
 * Row and column commands; each also has its key in the grid where a spreadsheet has one. The kind
 * of row to add is chosen first and added with the button, so browsing the kinds with the arrow
 * keys adds nothing.
 */
export function SheetToolbar({ onFocusGrid, onPickPicture }: { onFocusGrid: () => void; onPickPicture: () => void }) {
  const s = useSheet();
  const [attr, setAttr] = useState('');
  const [kind, setKind] = useState('');
  const sel = selection(s);
  const rows = s.model?.rows.length ?? 0;
  const onPicture = s.model ? IMAGE_HEADERS.includes(columnsOf(s.model)[s.cursor.col]) : false;
  const act = (fn: () => void) => () => (fn(), onFocusGrid());
  const addRow = () => {
    const cells = useCases.find((c) => c.id === kind)?.cells ?? {};
    s.edit((m) => insertRows(m, m.rows.length, [cells]));
    s.select({ row: rows, col: 0 });
    onFocusGrid();
  };
  const addColumn = () => {
    const name = attr.trim();
    if (!name || HEADERS.includes(name) || s.model?.attributes.includes(name)) return;
    s.edit((m) => addAttribute(m, name));
    setAttr('');
  };
  return (
    <div className="sheet-toolbar" role="toolbar" aria-label="Sheet commands">
      <select value={kind} onChange={(e) => setKind(e.target.value)} aria-label="Kind of row to add" data-testid="add-use-case">
        <option value="">Empty row</option>
        {useCases.map((u) => (
          <option key={u.id} value={u.id}>{u.label}</option>
        ))}
      </select>
      <button type="button" className="secondary" onClick={addRow} data-testid="add-row">Add row</button>
      <button type="button" className="secondary" onClick={act(() => s.edit((m) => duplicateRows(m, sel.r0, Math.min(sel.r1, rows - 1))))} disabled={sel.r0 >= rows} data-testid="duplicate-rows">Duplicate</button>
      <button type="button" className="secondary" onClick={act(() => s.edit((m) => deleteRows(m, sel.r0, sel.r1)))} disabled={sel.r0 >= rows} data-testid="delete-rows">Delete rows</button>
      <button type="button" className="secondary" onClick={act(() => s.edit((m) => fillDown(m, sel.r0, sel.r1, sel.c0, sel.c1)))} title="Ctrl+D" data-testid="fill-down">Fill down</button>
      <button type="button" className="secondary" onClick={act(s.undo)} disabled={s.past.length === 0} title="Ctrl+Z" data-testid="undo">Undo</button>
      <button type="button" className="secondary" onClick={act(s.redo)} disabled={s.future.length === 0} title="Ctrl+Y" data-testid="redo">Redo</button>
      <button type="button" className="secondary" onClick={onPickPicture} disabled={!onPicture} title="Ctrl+O in a picture column" data-testid="pick-picture">Picture file…</button>
      <span className="attr-add">
        <input value={attr} onChange={(e) => setAttr(e.target.value)} placeholder="Attribute column" aria-label="New attribute column name" maxLength={150} data-testid="attribute-name" />
        <button type="button" className="secondary" onClick={addColumn} disabled={!attr.trim()} data-testid="add-attribute">Add column</button>
      </span>
    </div>
  );
}
