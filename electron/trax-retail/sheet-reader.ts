import { Readable } from 'node:stream';
import Papa from 'papaparse';
import { AppError } from '../core/app-error';
import { BoundedZip, formatBytes, type ZipLimits } from '../core/files/bounded-zip';
import { RowCollector, type RawTable } from './row-collector';
import { readXlsxRows } from './xlsx-reader';

export type { RawTable } from './row-collector';

export interface ZipContent {
  table: RawTable;
  sheetName: string;
  /** Image entries: base name (without extension) and bytes. */
  images: { entry: string; bytes: Buffer }[];
}

const SHEET = /\.(csv|xlsx)$/i;
const IMAGE = /\.(png|jpe?g|gif|webp|bmp|tiff?)$/i;
const MB = 1024 * 1024;
/** Rows a draft keeps; rows past it are counted and named in the report. */
export const MAX_ROWS = 100_000;
const ZIP_LIMITS: ZipLimits = { maxEntries: 10_000, maxEntryBytes: 256 * MB, maxRatio: 200 };
/** Pictures are held in memory until the draft keeps them, so each, and all of them together, are bounded. */
const MAX_PICTURE = 20 * MB;
const MAX_PICTURES = 128 * MB;

/** Reads CSV text with `;`, `,` or tab between values (detected), a byte-order mark or not. */
export function readCsv(text: string): RawTable {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimitersToGuess: [';', ',', '\t', '|'], skipEmptyLines: 'greedy' });
  const [headers = [], ...rows] = parsed.data;
  return { headers: headers.map((h) => h.trim()), rows, leftOut: 0 };
}

/** Streams CSV text into the collector row by row (decoded as UTF-8 across chunk edges), delimiter detected as in `readCsv`. */
function readCsvRows(stream: Readable, rows: RowCollector): Promise<void> {
  stream.setEncoding('utf8');
  let first = true;
  return new Promise((resolve, reject) => {
    Papa.parse<string[]>(stream as unknown as File, {
      delimitersToGuess: [';', ',', '\t', '|'],
      skipEmptyLines: 'greedy',
      step: (result) => {
        const cells = result.data;
        if (first && cells.length > 0) cells[0] = cells[0].replace(/^\uFEFF/, '');
        first = false;
        rows.add(cells);
      },
      complete: () => resolve(),
      error: (e: Error) => reject(e),
    });
    stream.once('error', reject);
  });
}

/** A file already in memory as a stream of 1 MB pieces, so the CSV parser never holds it as one string. */
function pieces(bytes: Buffer): Readable {
  return Readable.from((function* () {
    for (let i = 0; i < bytes.length; i += MB) yield bytes.subarray(i, i + MB);
  })());
}

/** Header cells trimmed; a workbook's empty cells past its last header are not columns. */
function headerLine(table: RawTable, dropTrailing: boolean): RawTable {
  const headers = table.headers.map((h) => h.trim());
  while (dropTrailing && headers.length > 0 && headers[headers.length - 1] === '') headers.pop();
  return { ...table, headers };
}

async function readCsvFile(source: Readable, maxRows: number): Promise<RawTable> {
  const rows = new RowCollector(maxRows);
  await readCsvRows(source, rows);
  return headerLine(rows.table(), false);
}

/** Reads the first worksheet of an Excel workbook, every cell as text, rows streamed up to the cap. */
export async function readXlsx(bytes: Buffer, maxRows = MAX_ROWS): Promise<RawTable> {
  const rows = new RowCollector(maxRows);
  await readXlsxRows(bytes, rows);
  return headerLine(rows.table(), true);
}

async function readPictures(zip: BoundedZip, entries: ReturnType<BoundedZip['files']>): Promise<ZipContent['images']> {
  const total = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (total > MAX_PICTURES) {
    throw new AppError('invalid-input', `The pictures in this ZIP unpack to ${formatBytes(total)}, more than the ${formatBytes(MAX_PICTURES)} the app opens at once; open the sheet with fewer pictures and add the others to the draft one by one.`);
  }
  const images: ZipContent['images'] = [];
  for (const f of entries) images.push({ entry: f.fileName, bytes: await zip.read(f, MAX_PICTURE) });
  return images;
}

/** Reads a ZIP the vendor's way: exactly one CSV or Excel sheet, plus its pictures, each entry within the limits. */
export async function readZip(bytes: Buffer, maxRows = MAX_ROWS): Promise<ZipContent> {
  const zip = await BoundedZip.open(bytes, ZIP_LIMITS, 'a ZIP archive');
  try {
    const files = zip.files();
    const sheets = files.filter((f) => SHEET.test(f.fileName));
    if (sheets.length !== 1) {
      throw new AppError('invalid-input', sheets.length === 0 ? 'The ZIP holds no CSV or Excel sheet.' : `The ZIP holds ${sheets.length} sheets; Trax accepts exactly one.`, sheets.map((s) => s.fileName));
    }
    const sheet = sheets[0];
    const pictures = files.filter((f) => IMAGE.test(f.fileName));
    for (const p of pictures) zip.check(p, MAX_PICTURE);
    // A workbook is itself a ZIP and is read from memory; a CSV is streamed straight from the entry.
    const table = /\.csv$/i.test(sheet.fileName) ? await readCsvFile(await zip.stream(sheet), maxRows) : await readXlsx(await zip.read(sheet, 64 * MB), maxRows);
    return { table, sheetName: sheet.fileName, images: await readPictures(zip, pictures) };
  } catch (e) {
    throw zip.damaged(e);
  } finally {
    zip.close();
  }
}

async function readByName(fileName: string, bytes: Buffer, maxRows: number): Promise<{ table: RawTable; images: ZipContent['images'] }> {
  if (/\.zip$/i.test(fileName)) {
    const z = await readZip(bytes, maxRows);
    return { table: z.table, images: z.images };
  }
  if (/\.xlsx$/i.test(fileName)) return { table: await readXlsx(bytes, maxRows), images: [] };
  if (/\.(csv|txt)$/i.test(fileName)) return { table: await readCsvFile(pieces(bytes), maxRows), images: [] };
  throw new AppError('invalid-input', `“${fileName}” is not a CSV, Excel (.xlsx) or ZIP file.`);
}

/**
 * Reads any of the three supported formats by its name. A file with more product rows than a sheet
 * holds is refused whole, with the count, rather than opened in part: a draft missing rows the user
 * never saw would be uploaded as if it were the whole catalogue.
 */
export async function readSheetFile(fileName: string, bytes: Buffer, maxRows = MAX_ROWS): Promise<{ table: RawTable; images: ZipContent['images'] }> {
  const read = await readByName(fileName, bytes, maxRows);
  const { rows, leftOut } = read.table;
  if (leftOut > 0) {
    const count = (n: number) => n.toLocaleString('en-US');
    throw new AppError('invalid-input', `“${fileName}” holds ${count(rows.length + leftOut)} product rows; a sheet opens at most ${count(maxRows)}, so nothing was opened. Split the file into parts of up to ${count(maxRows)} rows and open each as its own sheet.`);
  }
  return read;
}
