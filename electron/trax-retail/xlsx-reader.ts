import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import sax from 'sax';
import { BoundedZip, type ZipLimits } from '../core/files/bounded-zip';
import type { RowCollector } from './row-collector';

const MB = 1024 * 1024;
/** What a workbook may unpack to, part by part; pictures and other parts are never unpacked at all. */
export const XLSX_LIMITS: ZipLimits = { maxEntries: 10_000, maxEntryBytes: 256 * MB, maxRatio: 200 };
const SMALL_PART = 16 * MB;
/** Shared strings are held for the whole read, so their part gets a tighter bound than the streamed sheet. */
const SHARED_STRINGS = 64 * MB;
/** Excel's own limit for one cell; a longer text in a file is cut here while it is read. */
const CELL_CHARS = 32_767;
/** Excel's last column (XFD). */
const MAX_COLUMNS = 16_384;
const WHAT = 'an Excel workbook (.xlsx)';

type Handlers = { open?(tag: sax.Tag): void; close?(name: string): void; text?(text: string): void };

/** Streams one XML part through a strict SAX parser (no entities beyond XML's own are ever expanded). */
async function parse(stream: Readable, on: Handlers): Promise<void> {
  const parser = sax.parser(true, { trim: false, normalize: false });
  let failure: Error | null = null;
  parser.onerror = (e) => void (failure = e);
  parser.onopentag = (t) => on.open?.(t as sax.Tag);
  parser.onclosetag = (n) => on.close?.(n);
  parser.ontext = (t) => on.text?.(t);
  parser.oncdata = (t) => on.text?.(t);
  const decoder = new StringDecoder('utf8');
  for await (const chunk of stream) {
    parser.write(decoder.write(chunk as Buffer));
    if (failure) break;
  }
  if (!failure) parser.write(decoder.end()).close();
  if (failure) {
    stream.destroy();
    throw new Error(`its XML is damaged: ${(failure as Error).message.split('\n')[0]}`);
  }
}

const local = (name: string) => name.replace(/^.*:/, '');
const attr = (tag: sax.Tag, name: string) => {
  const v = Object.entries(tag.attributes).find(([k]) => local(k) === name)?.[1];
  return typeof v === 'string' ? v : undefined;
};

/** The first worksheet's part, as the workbook and its relationships name it. */
async function firstSheet(zip: BoundedZip): Promise<{ path: string; date1904: boolean }> {
  let relId: string | undefined;
  let date1904 = false;
  const book = zip.find('xl/workbook.xml');
  if (book) {
    await parse(await zip.stream(book, SMALL_PART), {
      open(t) {
        if (local(t.name) === 'sheet' && relId === undefined) relId = attr(t, 'id');
        if (local(t.name) === 'workbookPr') date1904 = ['1', 'true'].includes(attr(t, 'date1904') ?? '');
      },
    });
  }
  let target: string | undefined;
  const rels = zip.find('xl/_rels/workbook.xml.rels');
  if (rels && relId) {
    await parse(await zip.stream(rels, SMALL_PART), { open: (t) => void (local(t.name) === 'Relationship' && attr(t, 'Id') === relId && (target = attr(t, 'Target'))) });
  }
  const path = target ? (target.startsWith('/') ? target.slice(1) : `xl/${target}`) : 'xl/worksheets/sheet1.xml';
  return { path, date1904 };
}

/** Text gathered from `<t>` elements (outside phonetic runs), cut at Excel's cell limit. */
class TextGatherer {
  value = '';
  private inT = 0;
  private inPhonetic = 0;
  open(name: string) {
    if (name === 't') this.inT++;
    if (name === 'rPh') this.inPhonetic++;
  }
  close(name: string) {
    if (name === 't') this.inT--;
    if (name === 'rPh') this.inPhonetic--;
  }
  text(t: string) {
    if (this.inT > 0 && this.inPhonetic === 0 && this.value.length < CELL_CHARS) this.value = (this.value + t).slice(0, CELL_CHARS);
  }
}

async function sharedStrings(zip: BoundedZip): Promise<string[]> {
  const entry = zip.find('xl/sharedStrings.xml');
  if (!entry) return [];
  const out: string[] = [];
  let si: TextGatherer | null = null;
  await parse(await zip.stream(entry, SHARED_STRINGS), {
    open: (t) => (local(t.name) === 'si' ? (si = new TextGatherer()) : si?.open(local(t.name))),
    close: (n) => (local(n) === 'si' && si ? (out.push(si.value), (si = null)) : si?.close(local(n))),
    text: (t) => si?.text(t),
  });
  return out;
}

const BUILT_IN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** For each cell style, whether its number format shows a date. */
async function dateStyles(zip: BoundedZip): Promise<boolean[]> {
  const entry = zip.find('xl/styles.xml');
  if (!entry) return [];
  const custom = new Map<number, string>();
  const styles: boolean[] = [];
  let inCellXfs = false;
  const isDate = (id: number) => BUILT_IN_DATES.has(id) || /[dy]/i.test((custom.get(id) ?? '').replace(/"[^"]*"|\[[^\]]*\]|\\./g, ''));
  await parse(await zip.stream(entry, SMALL_PART), {
    open(t) {
      const name = local(t.name);
      if (name === 'numFmt') custom.set(Number(attr(t, 'numFmtId')), attr(t, 'formatCode') ?? '');
      if (name === 'cellXfs') inCellXfs = true;
      if (name === 'xf' && inCellXfs) styles.push(isDate(Number(attr(t, 'numFmtId') ?? 0)));
    },
    close: (n) => void (local(n) === 'cellXfs' && (inCellXfs = false)),
  });
  return styles;
}

function columnOf(ref: string | undefined, fallback: number): number {
  const letters = ref?.match(/^[A-Z]+/i)?.[0];
  if (!letters) return fallback;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

interface CellContext {
  shared: string[];
  dates: boolean[];
  date1904: boolean;
}

/** A cell as text, the way the sheet shows it: dates as YYYY-MM-DD, numbers as JavaScript writes them. */
function cellText(type: string | undefined, style: number, raw: string, inline: string, ctx: CellContext): string {
  if (type === 's') return ctx.shared[Number(raw)] ?? '';
  if (type === 'inlineStr') return inline;
  if (type === 'b') return raw === '1' ? 'true' : raw === '0' ? 'false' : raw;
  if (type === 'd') return raw.slice(0, 10);
  if (type === 'str' || type === 'e' || raw === '') return raw;
  const n = Number(raw);
  if (!Number.isFinite(n)) return raw;
  if (ctx.dates[style]) return new Date(Math.round((n - 25569 + (ctx.date1904 ? 1462 : 0)) * 86_400_000)).toISOString().slice(0, 10);
  return String(n);
}

/** Streams the worksheet's rows into the collector, every cell trimmed. */
async function readRows(stream: Readable, ctx: CellContext, rows: RowCollector): Promise<void> {
  let cells: string[] = [];
  let cell: { col: number; type?: string; style: number; v: string; inV: boolean; text: TextGatherer } | null = null;
  let next = 0;
  await parse(stream, {
    open(t) {
      const name = local(t.name);
      if (name === 'row') {
        cells = [];
        next = 0;
      } else if (name === 'c') cell = { col: columnOf(attr(t, 'r'), next), type: attr(t, 't'), style: Number(attr(t, 's') ?? 0), v: '', inV: false, text: new TextGatherer() };
      else if (name === 'v' && cell) cell.inV = true;
      else cell?.text.open(name);
    },
    text(t) {
      if (cell?.inV) cell.v = (cell.v + t).slice(0, CELL_CHARS);
      else cell?.text.text(t);
    },
    close(n) {
      const name = local(n);
      if (name === 'v' && cell) cell.inV = false;
      else if (name === 'c' && cell) {
        if (cell.col < MAX_COLUMNS) {
          while (cells.length < cell.col) cells.push('');
          cells[cell.col] = cellText(cell.type, cell.style, cell.v, cell.text.value, ctx).trim();
        }
        next = cell.col + 1;
        cell = null;
      } else if (name === 'row') rows.add(cells);
      else cell?.text.close(name);
    },
  });
}

/**
 * Reads the first worksheet of an Excel workbook into the collector, streaming its rows: only the
 * workbook, its relationships, styles, shared strings and that sheet are unpacked, each within the
 * limits, so a workbook of a million rows or with a huge picture costs no more than the cap.
 */
export async function readXlsxRows(bytes: Buffer, rows: RowCollector): Promise<void> {
  const zip = await BoundedZip.open(bytes, XLSX_LIMITS, WHAT);
  try {
    const { path, date1904 } = await firstSheet(zip);
    const sheet = zip.find(path);
    if (!sheet) return;
    const ctx = { shared: await sharedStrings(zip), dates: await dateStyles(zip), date1904 };
    await readRows(await zip.stream(sheet), ctx, rows);
  } catch (e) {
    throw zip.damaged(e);
  } finally {
    zip.close();
  }
}
