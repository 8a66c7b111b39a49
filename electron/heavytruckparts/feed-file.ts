import fs from 'node:fs';
import Papa from 'papaparse';
import { centsToDollars } from '../../shared/heavytruckparts/money';
import { pick, textOf, type Obj } from '../../shared/heavytruckparts/fields';
import { readHit } from '../../shared/heavytruckparts/read-items';

/** The feed's columns, in the order the file shows them. */
export const feedColumns = ['Type', 'Vendor', 'Vendor id', 'Store', 'Part', 'Make and model', 'Year', 'Vendor SKU', 'Inventory id', 'Description', 'Price', 'Core price', 'Condition', 'Details address', 'Image', 'Item hash'] as const;

/** One feed item as a row: amounts as exact decimal dollars, nothing the vendor sent dropped from these columns. */
export function feedRow(o: Obj): string[] {
  const h = readHit(o);
  const money = (c: number | null) => (c === null ? '' : centsToDollars(c));
  return [
    h.type ?? '', h.vendor.company ?? '', h.vendor.vendorId ?? '', h.vendor.store ?? '', h.partName ?? '', h.makeModel ?? '', h.year ?? '', h.vendorSku ?? '',
    h.key?.inventoryId ?? textOf(pick(o, ['vendor_inventory_id'])) ?? '', h.description ?? '', money(h.priceCents), money(h.corePriceCents), h.condition ?? '', h.detailsUri ?? '',
    h.images[0] ?? '', textOf(pick(o, ['item_hash'])) ?? '',
  ];
}

const CHUNK = 1000;
const yieldNow = () => new Promise<void>((r) => setImmediate(r));

/** Writes rows to a CSV file a chunk at a time, reporting how many are written. */
export async function writeCsv(file: string, items: Obj[], progress: (written: number) => void): Promise<void> {
  const out = fs.openSync(file, 'w');
  try {
    // A byte-order mark so Excel reads the file as UTF-8.
    fs.writeSync(out, `\uFEFF${Papa.unparse([feedColumns as unknown as string[]])}\r\n`);
    for (let i = 0; i < items.length; i += CHUNK) {
      const rows = items.slice(i, i + CHUNK).map(feedRow);
      fs.writeSync(out, `${Papa.unparse(rows, { escapeFormulae: true })}\r\n`);
      progress(Math.min(items.length, i + CHUNK));
      await yieldNow();
    }
  } finally {
    fs.closeSync(out);
  }
}

/** Writes rows to an Excel workbook through the streaming writer, so a large feed is not held twice. */
export async function writeXlsx(file: string, items: Obj[], progress: (written: number) => void): Promise<void> {
  // Loaded for the first workbook, not at the app's start.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true });
  const sheet = wb.addWorksheet('Feed');
  sheet.columns = feedColumns.map((header) => ({ header, key: header, width: header === 'Description' ? 60 : 18 }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for (let i = 0; i < items.length; i += CHUNK) {
    for (const o of items.slice(i, i + CHUNK)) {
      const row = feedRow(o);
      // Amounts are numbers in the workbook (from exact decimal text), everything else text.
      const cells: (string | number)[] = row.map((v, c) => ((c === 10 || c === 11) && v !== '' ? Number(v) : v));
      const r = sheet.addRow(cells);
      r.getCell(11).numFmt = '0.00';
      r.getCell(12).numFmt = '0.00';
      r.commit();
    }
    progress(Math.min(items.length, i + CHUNK));
    await yieldNow();
  }
  await wb.commit();
}
