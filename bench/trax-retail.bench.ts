import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { H } from '../shared/trax-retail/columns';
import { IncrementalValidator } from '../shared/trax-retail/incremental';
import { validateSheet } from '../shared/trax-retail/rules';
import type { SheetModel, SheetRow } from '../shared/trax-retail/sheet';
import { FileStore } from '../electron/trax-retail/file-store';
import { xlsxStream } from '../electron/trax-retail/xlsx-builder';
import { sheetTable } from '../electron/trax-retail/sheet-table';
import { median, percentile, type BenchReport } from './harness';

const ROWS = 10_000;
const IMAGES = 1_000;
const IMAGE_BYTES = 300 * 1024;
const MB = 1024 * 1024;
const here = path.dirname(fileURLToPath(import.meta.url));

function rows(imageNames: string[]): SheetRow[] {
  return Array.from({ length: ROWS }, (_, i) => ({
    id: `r${i}`,
    cells: {
      [H.type]: 'SKU', [H.action]: i % 3 === 0 ? 'Update' : 'Create', [H.localName]: `Product ${i} ščř`, 'Brand local name': `Brand ${i % 50}`,
      'Manufacturer local name': 'Maker', 'Client category': 'Drinks', [H.ean]: String(i).padStart(13, '0'), Size: '0.5', Units: '6',
      ...(i % 3 === 0 ? { [H.id]: String(1000 + i) } : {}),
      ...(i % 10 === 0 ? { '1 - Front Image Name/URL': imageNames[(i / 10) % imageNames.length] } : {}),
    },
  }));
}

/** 1,000 pictures of ~300 KB (a PNG signature, then noise that does not compress) kept as a draft's pictures. */
function prepare(root: string) {
  const files = new FileStore(path.join(root, 'store'));
  const draftId = crypto.randomUUID();
  const images: SheetModel['images'] = {};
  const head = Buffer.from('89504e470d0a1a0a', 'hex');
  for (let i = 0; i < IMAGES; i++) {
    const img = files.addImage(draftId, { bytes: Buffer.concat([head, crypto.randomBytes(IMAGE_BYTES - head.length)]) }, `picture ${i}.png`, Object.keys(images));
    images[img.name] = img;
  }
  const model: SheetModel = { attributes: [], images, rows: rows(Object.keys(images)) };
  fs.writeFileSync(path.join(root, 'draft.json'), JSON.stringify({ draftId, model }));
  return model;
}

function runWorker(variant: string, root: string): { ms: number; peakRss: number; size: number } {
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(here, 'trax-retail-worker.ts'), variant, root], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop()!);
}

async function excelChoice(report: BenchReport, model: SheetModel) {
  const table = sheetTable(model);
  let t = performance.now();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Products');
  ws.addRow(table.headers);
  for (const r of table.rows()) ws.addRow(r);
  await wb.xlsx.writeBuffer();
  const buffered = performance.now() - t;
  t = performance.now();
  const s = xlsxStream(table);
  for await (const _ of s) void _;
  const streamed = performance.now() - t;
  report.ratio('Excel, 10,000 rows, streaming WorkbookWriter', streamed, buffered, 'ms');
}

function validation(report: BenchReport, model: SheetModel) {
  const v = new IncrementalValidator();
  let t = performance.now();
  v.run(model);
  report.figure('validation of 10,000 pasted rows (first run)', performance.now() - t, 'ms');
  const times: number[] = [];
  const naive: number[] = [];
  let m = model;
  for (let i = 0; i < 300; i++) {
    const at = (i * 37) % ROWS;
    const rowsCopy = [...m.rows];
    rowsCopy[at] = { ...rowsCopy[at], cells: { ...rowsCopy[at].cells, [H.localName]: `Edited ${i}` } };
    m = { ...m, rows: rowsCopy };
    t = performance.now();
    v.run(m);
    times.push(performance.now() - t);
    if (i < 30) {
      t = performance.now();
      validateSheet(m);
      naive.push(performance.now() - t);
    }
  }
  report.ratio('validation per edit, p95 (goal ≤ 16 ms)', percentile([...times].sort((a, b) => a - b), 95), median(naive), 'ms');
}

export default async function bench(report: BenchReport) {
  report.section(`Trax Retail: ${ROWS.toLocaleString('en-US')} rows, ${IMAGES} pictures of ${IMAGE_BYTES / 1024} KB to a ZIP`);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'trax-bench-'));
  try {
    const model = prepare(root);
    report.figure('pictures in all', (IMAGES * IMAGE_BYTES) / MB, 'MB');
    const app: ReturnType<typeof runWorker>[] = [];
    const bare: ReturnType<typeof runWorker>[] = [];
    for (let i = 0; i < 3; i++) {
      bare.push(runWorker('bare', root));
      app.push(runWorker('app', root));
    }
    const m = (xs: ReturnType<typeof runWorker>[], k: 'ms' | 'peakRss') => median(xs.map((x) => x[k]));
    report.ratio('ZIP written by the app (checks, WorkbookWriter, yazl)', m(app, 'ms'), m(bare, 'ms'), 'ms');
    report.ratio('peak RSS, app (baseline: jszip + exceljs)', m(app, 'peakRss') / MB, m(bare, 'peakRss') / MB, 'MB');
    report.figure('ZIP size', app[0].size / MB, 'MB');
    await excelChoice(report, model);
    validation(report, model);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}
