import { describe, expect, it } from 'vitest';
import { H } from '../../shared/trax-retail/columns';
import { readErrorFile } from './error-file';
import type { WrittenRows } from './imports-repo';

// Four rows; the second and third are identical (a catalog manager pasted a line twice).
const written: WrittenRows = {
  headers: [H.type, H.action, H.localName, H.id],
  rows: [
    { id: 'a', cells: ['SKU', 'Create', 'Tea', ''] },
    { id: 'b', cells: ['SKU', 'Update', 'Cola', '55'] },
    { id: 'c', cells: ['SKU', 'Update', 'Cola', '55'] },
    { id: 'd', cells: ['SKU', 'Update', 'Milk', '56'] },
  ],
};
const rowIds = (csv: string) => readErrorFile(Buffer.from(csv), written).errors.map((e) => e.rowId);

describe('error-file rows match sheet rows one to one', () => {
  it('identical refused rows each get their own error when the file copies the rows', () => {
    const csv = ['Product type;Action;Product local name;Trax product ID;Error', 'SKU;Update;Cola;55;Trax product ID 55 does not exist', 'SKU;Update;Cola;55;Trax product ID 55 does not exist'].join('\n');
    expect(rowIds(csv)).toEqual(['b', 'c']);
  });
  it('whether row numbers count the header line or only data rows', () => {
    const numbered = (first: number) =>
      ['Row;Product local name;Trax product ID;Errors', `${first};Cola;55;Trax product ID 55 does not exist`, `${first + 1};Cola;55;Trax product ID 55 does not exist`, `${first + 2};Milk;56;Trax product ID 56 does not exist`].join('\n');
    expect(rowIds(numbered(3))).toEqual(['b', 'c', 'd']);
    expect(rowIds(numbered(2))).toEqual(['b', 'c', 'd']);
  });
  it('a first data row numbered 1 settles the reading for the whole file', () => {
    const csv = ['Line,Product local name,Error', '1,Tea,Client category is required', '2,Cola,x', '3,Cola,y'].join('\n');
    expect(rowIds(csv)).toEqual(['a', 'b', 'c']);
  });
  it('two errors of one row on two lines stay on that row', () => {
    const csv = ['Row;Product local name;Error', '4;Cola;Trax product ID 55 does not exist', '4;Cola;Client category is required'].join('\n');
    expect(rowIds(csv)).toEqual(['c', 'c']);
  });
});
