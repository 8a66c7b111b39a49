import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { downloadBytes, winAnsi, wrap } from '../../ui/pdf-text';
import { orderBarcode } from './receipt-barcode';
import type { ReceiptModel } from './receipt-model';

/** Receipt paper: 80 mm wide, as tall as the receipt needs. */
const WIDTH = 227;
const MARGIN = 14;
const LINE = 13;

/** The order number's Code 128 bars, centred, `height` points tall; answers the height used. */
function drawBarcode(page: PDFPage | null, orderNumber: string, top: number): number {
  const b = orderBarcode(orderNumber);
  const height = 36;
  const scale = Math.min(1, (WIDTH - 2 * MARGIN) / b.width);
  const left = (WIDTH - b.width * scale) / 2;
  for (const bar of b.bars) page?.drawRectangle({ x: left + bar.x * scale, y: top - height, width: bar.width * scale, height, color: rgb(0, 0, 0) });
  return height;
}

/** Draws the receipt top-down; answers the height used, so the page can be cut to it. */
function draw(page: PDFPage | null, r: ReceiptModel, font: PDFFont, bold: PDFFont, top: number): number {
  let y = top;
  const text = (s: string, x: number, f = font, size = 9) => page?.drawText(winAnsi(s), { x, y, size, font: f, color: rgb(0, 0, 0) });
  const right = (s: string, f = font, size = 9) => text(s, WIDTH - MARGIN - f.widthOfTextAtSize(winAnsi(s), size), f, size);
  const center = (s: string, f = font, size = 9) => text(s, (WIDTH - f.widthOfTextAtSize(winAnsi(s), size)) / 2, f, size);
  if (r.storeName) {
    center(r.storeName, bold, 12);
    y -= LINE + 4;
  }
  for (const l of r.storeLines) {
    center(l);
    y -= LINE;
  }
  center(r.title, bold);
  y -= LINE;
  center(`Order ${r.orderNumber}`, bold);
  y -= LINE;
  center(r.when);
  y -= LINE * 1.5;
  for (const l of r.lines) {
    const rows = wrap(l.text, font, 9, WIDTH - 2 * MARGIN - 50);
    rows.forEach((row, i) => {
      text(row, MARGIN);
      if (i === 0) right(l.amount);
      y -= LINE;
    });
  }
  y -= LINE / 2;
  for (const t of r.totals) {
    text(t.label, MARGIN, t.strong ? bold : font);
    right(t.amount, t.strong ? bold : font);
    y -= LINE;
  }
  y -= LINE / 2;
  for (const f of r.footer) {
    for (const row of wrap(f, font, 9, WIDTH - 2 * MARGIN)) {
      center(row);
      y -= LINE;
    }
  }
  y -= drawBarcode(page, r.orderNumber, y + LINE - 4) + 4;
  return top - y;
}

/** The receipt as a PDF file (its title names the store and the order). */
export async function receiptPdf(r: ReceiptModel): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  doc.setTitle(r.storeName ? `${r.title} ${r.orderNumber} - ${r.storeName}` : `${r.title} ${r.orderNumber}`);
  doc.setSubject(`Order ${r.orderNumber}`);
  if (r.storeName) doc.setAuthor(r.storeName);
  const height = draw(null, r, font, bold, 0) + 2 * MARGIN + LINE;
  const page = doc.addPage([WIDTH, height]);
  draw(page, r, font, bold, height - MARGIN - LINE);
  return doc.save();
}

/** Offers the PDF as a download named after the order. */
export async function downloadReceiptPdf(r: ReceiptModel): Promise<void> {
  downloadBytes(await receiptPdf(r), `${r.title === 'Receipt' ? 'receipt' : 'refund'}-${r.orderNumber}.pdf`, 'application/pdf');
}
