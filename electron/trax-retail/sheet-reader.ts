import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import Papa from 'papaparse';
import { AppError } from '../core/app-error';

/** A sheet as read from a file: its header line and its rows, every cell as text. */
export interface RawTable {
  headers: string[];
  rows: string[][];
}

export interface ZipContent {
  table: RawTable;
  sheetName: string;
  /** Image entries: base name (without extension) and bytes. */
  images: { entry: string; bytes: Buffer }[];
}

const SHEET = /\.(csv|xlsx)$/i;
const IMAGE = /\.(png|jpe?g|gif|webp|bmp|tiff?)$/i;

/** Reads CSV text with `;`, `,` or tab between values (detected), a byte-order mark or not. */
export function readCsv(text: string): RawTable {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimitersToGuess: [';', ',', '\t', '|'], skipEmptyLines: 'greedy' });
  const [headers = [], ...rows] = parsed.data;
  return { headers: headers.map((h) => h.trim()), rows };
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  // Dates come back as Date objects; the sheet wants YYYY-MM-DD.
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'result' in v) return v.result instanceof Date ? v.result.toISOString().slice(0, 10) : String(v.result ?? '');
  if (typeof v === 'number') return String(v);
  return cell.text;
}

/** Reads the first worksheet of an Excel workbook, every cell as text. */
export async function readXlsx(bytes: Buffer): Promise<RawTable> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError('invalid-input', 'This file is not an Excel workbook the app can read (.xlsx).');
  }
  const sheet = wb.worksheets[0];
  if (!sheet) return { headers: [], rows: [] };
  const width = sheet.getRow(1).cellCount;
  const all: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(width, row.cellCount); c++) cells.push(cellText(row.getCell(c)).trim());
    all.push(cells);
  });
  const [headers = [], ...rows] = all;
  while (headers.length > 0 && headers[headers.length - 1] === '') headers.pop();
  return { headers, rows: rows.filter((r) => r.some((c) => c !== '')) };
}

/** Reads a ZIP the vendor's way: exactly one CSV or Excel sheet, plus its pictures. */
export async function readZip(bytes: Buffer): Promise<ZipContent> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new AppError('invalid-input', 'This file is not a ZIP archive the app can read.');
  }
  const files = Object.values(zip.files).filter((f) => !f.dir && !f.name.startsWith('__MACOSX/') && !/(^|\/)\./.test(f.name));
  const sheets = files.filter((f) => SHEET.test(f.name));
  if (sheets.length !== 1) {
    throw new AppError('invalid-input', sheets.length === 0 ? 'The ZIP holds no CSV or Excel sheet.' : `The ZIP holds ${sheets.length} sheets; Trax accepts exactly one.`, sheets.map((s) => s.name));
  }
  const sheet = sheets[0];
  const content = await sheet.async('nodebuffer');
  const table = /\.csv$/i.test(sheet.name) ? readCsv(content.toString('utf8')) : await readXlsx(content);
  const images = await Promise.all(files.filter((f) => IMAGE.test(f.name)).map(async (f) => ({ entry: f.name, bytes: await f.async('nodebuffer') })));
  return { table, sheetName: sheet.name, images };
}

/** Reads any of the three supported formats by its name. */
export async function readSheetFile(fileName: string, bytes: Buffer): Promise<{ table: RawTable; images: ZipContent['images'] }> {
  if (/\.zip$/i.test(fileName)) {
    const z = await readZip(bytes);
    return { table: z.table, images: z.images };
  }
  if (/\.xlsx$/i.test(fileName)) return { table: await readXlsx(bytes), images: [] };
  if (/\.(csv|txt)$/i.test(fileName)) return { table: readCsv(bytes.toString('utf8')), images: [] };
  throw new AppError('invalid-input', `“${fileName}” is not a CSV, Excel (.xlsx) or ZIP file.`);
}
