import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { ReceiptModel } from './receipt-model';

/** Receipt paper: 80 mm wide, as tall as the receipt needs. */
const WIDTH = 227;
const MARGIN = 14;
const LINE = 13;

/** The standard PDF fonts know only WinAnsi; anything else becomes a plain look-alike. */
function winAnsi(text: string): string {
  return text
    .replace(/[\u2212\u2013]/g, '-')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[^\u0020-\u007e\u00a0-\u00ff\u2014\u2026\u20ac]/g, '?');
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const word of winAnsi(text).split(' ')) {
    const next = current ? `${current} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) <= width || !current) {
      current = next;
    } else {
      out.push(current);
      current = word;
    }
  }
  return [...out, current];
}

/** Draws the receipt top-down; answers the height used, so the page can be cut to it. */
function draw(page: PDFPage | null, r: ReceiptModel, font: PDFFont, bold: PDFFont, top: number): number {
  let y = top;
  const text = (s: string, x: number, f = font, size = 9) => page?.drawText(winAnsi(s), { x, y, size, font: f, color: rgb(0, 0, 0) });
  const right = (s: string, f = font, size = 9) => text(s, WIDTH - MARGIN - f.widthOfTextAtSize(winAnsi(s), size), f, size);
  const center = (s: string, f = font, size = 9) => text(s, (WIDTH - f.widthOfTextAtSize(winAnsi(s), size)) / 2, f, size);
  center(r.storeName, bold, 12);
  y -= LINE + 4;
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
    center(f);
    y -= LINE;
  }
  return top - y;
}

/** The receipt as a PDF file (its title names the store and the order). */
export async function receiptPdf(r: ReceiptModel): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  doc.setTitle(r.storeName ? `Receipt ${r.orderNumber} - ${r.storeName}` : `Receipt ${r.orderNumber}`);
  doc.setSubject(`Order ${r.orderNumber}`);
  if (r.storeName) doc.setAuthor(r.storeName);
  const height = draw(null, r, font, bold, 0) + 2 * MARGIN + LINE;
  const page = doc.addPage([WIDTH, height]);
  draw(page, r, font, bold, height - MARGIN - LINE);
  return doc.save();
}

/** Offers the PDF as a download named after the order. */
export async function downloadReceiptPdf(r: ReceiptModel): Promise<void> {
  const bytes = await receiptPdf(r);
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/pdf' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `receipt-${r.orderNumber}.pdf`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
