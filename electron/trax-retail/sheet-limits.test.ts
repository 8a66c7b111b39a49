import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { claimSize, generated, workbookEntries, writeZip } from './fixtures/zip-bombs';
import { MAX_ROWS, readSheetFile } from './sheet-reader';

const here = path.dirname(fileURLToPath(import.meta.url));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sheet-limits-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const GB = 1024 ** 3;
const PEAK_MB = 300;

/** Opens the file in a process of its own, as the app would, and reports what it read and its peak memory. */
async function openInChild(file: string): Promise<{ rows?: number; leftOut?: number; images?: number; error?: string; peakMb: number }> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', path.join(here, 'fixtures/read-peak.ts'), file], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout);
}

const open = (file: string) => readSheetFile(path.basename(file), fs.readFileSync(file));

describe('files that unpack to far more than they weigh', () => {
  it('refuses a ZIP whose CSV says it unpacks to 3 GB, before inflating a byte', async () => {
    const file = path.join(dir, 'csv-bomb.zip');
    await writeZip(file, [{ name: 'products.csv', data: generated(20_000, () => '0'.repeat(100) + '\n', 'Product type\n') }]);
    claimSize(file, 'products.csv', 3 * GB);
    await expect(open(file)).rejects.toThrow('“products.csv” in this file unpacks to 3.0 GB, more than the 256 MB the app opens; nothing was read from it.');
  });

  it('stops an entry that unpacks past the size it states, however small it claims to be', async () => {
    const file = path.join(dir, 'hidden-bomb.zip');
    await writeZip(file, [{ name: 'products.csv', data: generated(40_000, () => 'SKU;x\n', 'Product type;Product local name\n') }]);
    claimSize(file, 'products.csv', 4096);
    await expect(open(file)).rejects.toThrow(/^This file is not a ZIP archive the app can read \(.*too many bytes/);
  });

  it('refuses a ZIP of ten pictures of 300 MB each, naming the first', async () => {
    const file = path.join(dir, 'pictures.zip');
    await writeZip(file, [
      { name: 'products.csv', data: Buffer.from('Product type\nSKU\n') },
      ...Array.from({ length: 10 }, (_, i) => ({ name: `p${i}.png`, data: Buffer.alloc(4096) })),
    ]);
    for (let i = 0; i < 10; i++) claimSize(file, `p${i}.png`, 300 * 1024 * 1024);
    await expect(open(file)).rejects.toThrow('“p0.png” in this file unpacks to 300 MB, more than the 20 MB the app opens; nothing was read from it.');
  });

  it('refuses an entry that unpacks to more than 200 times its packed size', async () => {
    const file = path.join(dir, 'ratio.zip');
    await writeZip(file, [{ name: 'products.csv', data: generated(1000, () => '0'.repeat(10_000), 'Product type\n') }]);
    await expect(open(file)).rejects.toThrow(/^“products\.csv” in this file unpacks to [\d,]+ times its packed size \(10 MB\), more than any real sheet or picture/);
  });

  it('refuses a workbook whose shared strings say they unpack to 1 GB, and never unpacks a 2 GB picture it does not need', async () => {
    const strings = path.join(dir, 'strings.xlsx');
    await writeZip(strings, workbookEntries(3, [{ name: 'xl/sharedStrings.xml', data: Buffer.from('<sst><si><t>x</t></si></sst>') }]));
    claimSize(strings, 'xl/sharedStrings.xml', GB);
    await expect(open(strings)).rejects.toThrow('“xl/sharedStrings.xml” in this file unpacks to 1.0 GB, more than the 64 MB the app opens; nothing was read from it.');

    const media = path.join(dir, 'media.xlsx');
    await writeZip(media, workbookEntries(3, [{ name: 'xl/media/image1.png', data: Buffer.alloc(4096) }]));
    claimSize(media, 'xl/media/image1.png', 2 * GB);
    const { table } = await open(media);
    expect(table.headers).toEqual(['Product type', 'Product local name']);
    expect(table.rows).toEqual([['SKU', '1'], ['SKU', '2'], ['SKU', '3']]);
  });
});

describe('large sheets are streamed, and a file past the row cap is refused with its count', () => {
  it(`a workbook of a million rows is counted and refused under ${PEAK_MB} MB`, { timeout: 300_000 }, async () => {
    const file = path.join(dir, 'million.xlsx');
    await writeZip(file, workbookEntries(1_000_000));
    const result = await openInChild(file);
    expect(result.error).toBe('“million.xlsx” holds 1,000,000 product rows; a sheet opens at most 100,000, so nothing was opened. Split the file into parts of up to 100,000 rows and open each as its own sheet.');
    expect(result.peakMb).toBeLessThan(PEAK_MB);
  });

  it('a CSV of 200,000 rows is refused with its count, never opened in half without a word', async () => {
    const file = path.join(dir, 'products.csv');
    fs.writeFileSync(file, ['Product type;Product local name', ...Array.from({ length: 200_000 }, (_, i) => `SKU;Product ${i}`)].join('\n'));
    await expect(open(file)).rejects.toThrow('“products.csv” holds 200,000 product rows; a sheet opens at most 100,000, so nothing was opened.');
    const { table } = await readSheetFile('products.csv', fs.readFileSync(file), 200_000);
    expect(table.rows).toHaveLength(200_000);
    expect(table.rows.at(-1)).toEqual(['SKU', 'Product 199999']);
  });

  it(`a 50 MB CSV is streamed, counted and refused under ${PEAK_MB} MB`, { timeout: 300_000 }, async () => {
    const file = path.join(dir, 'big.csv');
    const line = (i: number) => `SKU;Create;Product ${i} ${'x'.repeat(180)};${String(i).padStart(13, '0')}\n`;
    const rows = Math.ceil((50 * 1024 * 1024) / line(0).length);
    await new Promise<void>((resolve, reject) => generated(rows, line, 'Product type;Action;Product local name;EAN code\n').pipe(fs.createWriteStream(file)).on('finish', resolve).on('error', reject));
    expect(fs.statSync(file).size).toBeGreaterThan(50 * 1000 * 1000);
    const result = await openInChild(file);
    expect(result.error).toBe(`“big.csv” holds ${rows.toLocaleString('en-US')} product rows; a sheet opens at most ${MAX_ROWS.toLocaleString('en-US')}, so nothing was opened. Split the file into parts of up to 100,000 rows and open each as its own sheet.`);
    expect(result.peakMb).toBeLessThan(PEAK_MB);
  });
});
