import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { H, HEADERS } from '../../shared/trax-retail/columns';
import type { SheetModel } from '../../shared/trax-retail/sheet';
import { csvStream } from './csv-builder';
import { readBackWithLibreOffice } from './fixtures/libreoffice';
import { readCsv, readSheetFile } from './sheet-reader';
import { sheetTable } from './sheet-table';
import { xlsxStream } from './xlsx-builder';
import { zipStream } from './zip-builder';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trax-builders-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const model: SheetModel = {
  attributes: ['Flavour'],
  images: { front_1: { id: 'a', name: 'front_1', originalName: 'front 1.png', size: PNG.length, kind: 'png', readable: true } },
  rows: [
    { id: 'r1', cells: { [H.type]: 'SKU', [H.action]: 'Create', [H.localName]: 'Čokoláda "Hořká"; 100 g', [H.ean]: '0012345678905', 'Size': '0.5', 'Units': '12', '1 - Front Image Name/URL': 'front_1', 'Flavour': 'mint', 'Start date': '2024-01-31' } },
    { id: 'blank', cells: { [H.localName]: '  ' } },
    { id: 'r2', cells: { [H.type]: 'SKU', [H.action]: 'Update', [H.localName]: 'Line\nbreak', [H.id]: '000123', [H.uuid]: '80eaa39b-2a84-44f3-a8bc-8cac3210bffd', 'Units': '007', 'Size': '1e3' } },
  ],
};
const table = sheetTable(model);
const expected = [table.headers, ...table.rows()];

async function write(name: string, stream: NodeJS.ReadableStream) {
  const file = path.join(dir, name);
  await pipeline(stream, fs.createWriteStream(file));
  return file;
}

describe('sheet table', () => {
  it('writes every documented header then the attributes, and leaves blank rows out', () => {
    expect(table.headers).toEqual([...HEADERS, 'Flavour']);
    expect(table.rowCount).toBe(2);
    expect(table.sourceRows.map((r) => r.id)).toEqual(['r1', 'r2']);
  });
});

describe('CSV', () => {
  it('uses semicolons, RFC 4180 quoting, CRLF and UTF-8 without BOM, and reads back identical', async () => {
    const file = await write('sheet.csv', csvStream(table));
    const bytes = fs.readFileSync(file);
    expect(bytes[0]).toBe('P'.charCodeAt(0));
    const text = bytes.toString('utf8');
    expect(text.split('\r\n')[0]).toBe([...HEADERS, 'Flavour'].join(';'));
    expect(text).toContain('"Čokoláda ""Hořká""; 100 g"');
    expect(readCsv(text).rows).toEqual(expected.slice(1));
  });
});

describe('Excel and ZIP read back by LibreOffice', () => {
  it('keeps every value, leading zeros included', async () => {
    const file = await write('sheet.xlsx', xlsxStream(table));
    const back = readBackWithLibreOffice(file);
    expect(back[0]).toEqual(expected[0]);
    // "1e3" does not round-trip as a number, so it is kept as text and comes back as written.
    expect(back.map((r) => r.slice(0, expected[0].length))).toEqual(expected);
  }, 120_000);

  it('a ZIP holds exactly one sheet plus its images, flat, and its sheet reads back identical', async () => {
    const img = path.join(dir, 'stored-image');
    fs.writeFileSync(img, PNG);
    const zip = await write('sheet.zip', zipStream({ name: 'products.xlsx', stream: xlsxStream(table) }, [{ name: 'front_1', kind: 'png', path: img }]));
    const listing = execFileSync('unzip', ['-Z1', zip]).toString().trim().split('\n');
    expect(listing.sort()).toEqual(['front_1.png', 'products.xlsx']);
    const out = path.join(dir, 'unzipped');
    execFileSync('unzip', ['-q', zip, '-d', out]);
    expect(fs.readFileSync(path.join(out, 'front_1.png'))).toEqual(PNG);
    const back = readBackWithLibreOffice(path.join(out, 'products.xlsx'));
    expect(back[1][HEADERS.indexOf(H.ean)]).toBe('0012345678905');
    expect(back[2][HEADERS.indexOf(H.id)]).toBe('000123');
    expect(back[2][HEADERS.indexOf('Units')]).toBe('007');
    const reopened = await readSheetFile('sheet.zip', fs.readFileSync(zip));
    expect(reopened.table.rows[0][HEADERS.indexOf(H.localName)]).toBe('Čokoláda "Hořká"; 100 g');
    expect(reopened.images.map((i) => i.entry)).toEqual(['front_1.png']);
  }, 120_000);
});
