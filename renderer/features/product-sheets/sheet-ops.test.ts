import { describe, expect, it } from 'vitest';
import type { SheetModel } from '../../../shared/trax-retail/sheet';
import { fullMapping } from '../../../shared/trax-retail/header-mapping';
import { dataEdge } from './grid-keys';
import { gridMetrics } from './grid-metrics';
import { applyMapping, deleteRows, duplicateRows, fillDown, parseClipboard, paste, pasteByHeaders, setCell, toClipboard } from './sheet-ops';

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

describe('the empty last row and pasting by headers', () => {
  it('typing in the empty row after the last adds a row', () => {
    const m = setCell(model(), 2, 'EAN code', '0042');
    expect(m.rows).toHaveLength(3);
    expect(m.rows[2].cells).toEqual({ 'EAN code': '0042' });
    expect(setCell(model(), 5, 'EAN code', 'x').rows).toHaveLength(2);
  });
  it('a shop’s block goes under the columns its header line names, not by position', () => {
    const matrix = parseClipboard('Name\tEAN\tBrand\tPrice\r\nTea\t0012345678905\tLeaf\t2.50\r\nCoffee\t00400\tBean\t4.10');
    const mapping = fullMapping(matrix[0], [], 'leave-out');
    expect(mapping.map((m) => m.to)).toEqual(['Product local name', 'EAN code', 'Brand local name', null]);
    const m = pasteByHeaders(model(), 1, matrix, mapping);
    expect(m.rows.map((r) => r.cells)).toEqual([
      { 'Product type': 'SKU' },
      { 'Product local name': 'Tea', 'EAN code': '0012345678905', 'Brand local name': 'Leaf' },
      { 'Product local name': 'Coffee', 'EAN code': '00400', 'Brand local name': 'Bean' },
    ]);
    const corrected = pasteByHeaders(model(), 1, matrix, mapping.map((c) => (c.from === 'Price' ? { ...c, to: 'Price' } : c)));
    expect(corrected.attributes).toEqual(['UOM', 'Price']);
    expect(corrected.rows[2].cells.Price).toBe('4.10');
  });
  it('a mapping moves a column, renames it as another attribute, or leaves it out', () => {
    const m = { attributes: ['Name', 'Taste', 'Price'], images: {}, rows: [{ id: 'a', cells: { Name: 'Tea', Taste: 'mint', Price: '2' } }] };
    const out = applyMapping(m, [{ from: 'Name', to: 'Product local name' }, { from: 'Taste', to: 'Flavour' }, { from: 'Price', to: null }]);
    expect(out.attributes).toEqual(['Flavour']);
    expect(out.rows[0].cells).toEqual({ 'Product local name': 'Tea', Flavour: 'mint' });
  });
});

describe('Ctrl+arrow', () => {
  // Column 0 filled in rows 0–3, then empty; row 6 filled again; 8 rows (the last one the empty row).
  const filled = (r: number, c: number) => c === 0 && (r <= 3 || r === 6);
  const a = { rowCount: 8, colCount: 5, filled };
  it('jumps to the end of the filled run, then to the next filled cell, then to the edge', () => {
    expect(dataEdge(a, 0, 0, [1, 0])).toEqual({ row: 3, col: 0 });
    expect(dataEdge(a, 3, 0, [1, 0])).toEqual({ row: 6, col: 0 });
    expect(dataEdge(a, 6, 0, [1, 0])).toEqual({ row: 7, col: 0 });
    expect(dataEdge(a, 7, 0, [1, 0])).toEqual({ row: 7, col: 0 });
    expect(dataEdge(a, 2, 0, [0, 1])).toEqual({ row: 2, col: 4 });
    expect(dataEdge(a, 5, 0, [-1, 0])).toEqual({ row: 3, col: 0 });
  });
});

describe('grid sizes', () => {
  it('grow with the user’s text size', () => {
    const usual = gridMetrics(14);
    expect([usual.rowHeight, usual.headWidth, usual.width('Action'), usual.width('1 - Front Image Name/URL')]).toEqual([34, 52, 130, 190]);
    const doubled = gridMetrics(28);
    expect([doubled.rowHeight, doubled.headWidth, doubled.width('Action')]).toEqual([68, 104, 260]);
  });
});
