import { describe, expect, it } from 'vitest';
import type { SheetModel } from '../../../shared/trax-retail/sheet';
import { applyMapping, deleteRows, duplicateRows, fillDown, parseClipboard, paste, setCell, toClipboard } from './sheet-ops';

const model = (): SheetModel => ({ attributes: ['UOM'], images: {}, rows: [{ id: 'a', cells: { 'Product type': 'SKU' } }, { id: 'b', cells: {} }] });

describe('sheet edits', () => {
  it('reads Excel and Google Sheets clipboard text, quoted cells included', () => {
    expect(parseClipboard('a\tb\r\n"x\ty"\t"say ""hi""\nthere"\r\n')).toEqual([['a', 'b'], ['x\ty', 'say "hi"\nthere']]);
    expect(parseClipboard(toClipboard([['1', 'a"b'], ['tab\there', '']]))).toEqual([['1', 'a"b'], ['tab\there', '']]);
  });
  it('pastes a block, adding rows, leaving untouched rows the same objects', () => {
    const m = model();
    const next = paste(m, 1, 0, [['POSM', 'Create'], ['DVC', 'Create']]);
    expect(next.rows).toHaveLength(3);
    expect(next.rows[0]).toBe(m.rows[0]);
    expect(next.rows.map((r) => r.cells)).toEqual([{ 'Product type': 'SKU' }, { 'Product type': 'POSM', Action: 'Create' }, { 'Product type': 'DVC', Action: 'Create' }]);
  });
  it('fills down, duplicates, deletes and clears a cell', () => {
    let m = fillDown(model(), 0, 1, 0, 1);
    expect(m.rows[1].cells).toEqual({ 'Product type': 'SKU' });
    m = duplicateRows(m, 0, 0);
    expect(m.rows).toHaveLength(3);
    expect(m.rows[1].id).not.toBe(m.rows[0].id);
    m = deleteRows(m, 1, 2);
    expect(m.rows).toHaveLength(1);
    expect(setCell(m, 0, 'Product type', '').rows[0].cells).toEqual({});
  });
  it('moves an older column’s values to the current one', () => {
    const m = setCell(model(), 0, 'UOM', 'ml');
    const mapped = applyMapping(m, [{ from: 'UOM', to: 'Measurement unit' }]);
    expect(mapped.attributes).toEqual([]);
    expect(mapped.rows[0].cells).toEqual({ 'Product type': 'SKU', 'Measurement unit': 'ml' });
  });
});
