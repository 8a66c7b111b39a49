/**
 * One timed run of the Trax Retail benchmark in its own process, so each run's peak memory is its
 * own: `app` writes the ZIP as the app does (checks, exceljs WorkbookWriter, yazl); `bare` is a plain
 * jszip + exceljs script writing the same sheet and pictures. Prints one JSON line.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { performance } from 'node:perf_hooks';
import { sheetModelSchema } from '../shared/trax-retail/sheet';
import { FileStore } from '../electron/trax-retail/file-store';
import { writeSheet } from '../electron/trax-retail/sheet-writer';
import { sheetTable } from '../electron/trax-retail/sheet-table';

const [variant, root] = process.argv.slice(2);
const { draftId, model: raw } = JSON.parse(fs.readFileSync(path.join(root, 'draft.json'), 'utf8')) as { draftId: string; model: unknown };
const model = sheetModelSchema.parse(raw);
const files = new FileStore(path.join(root, 'store'));

let peak = 0;
const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);

async function bare(): Promise<number> {
  const table = sheetTable(model);
  const zip = new JSZip();
  const sheet = new ExcelJS.Workbook();
  const ws = sheet.addWorksheet('Products');
  ws.addRow(table.headers);
  for (const r of table.rows()) ws.addRow(r);
  zip.file('products.xlsx', (await sheet.xlsx.writeBuffer()) as unknown as Uint8Array);
  for (const img of Object.values(model.images)) zip.file(`${img.name}.png`, fs.createReadStream(files.image(draftId, img).path));
  const out = path.join(root, 'bare.zip');
  await pipeline(zip.generateNodeStream({ type: 'nodebuffer', streamFiles: true, compression: 'STORE' }), fs.createWriteStream(out));
  return fs.statSync(out).size;
}

async function app(): Promise<number> {
  const w = await writeSheet({ draftId, name: 'bench', model, format: 'zip', files, now: Date.now() });
  return w.size;
}

const started = performance.now();
const size = await (variant === 'bare' ? bare() : app());
const ms = performance.now() - started;
clearInterval(timer);
peak = Math.max(peak, process.memoryUsage().rss);
console.log(JSON.stringify({ variant, ms, peakRss: peak, size }));
