import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { downloadBytes, winAnsi, wrap } from '../../ui/pdf-text';
import type { SaleSheet } from './sale-sheet';

/** US Letter, as parts counters print. */
const PAGE: [number, number] = [612, 792];
const MARGIN = 48;
const LINE = 14;
const RIGHT = PAGE[0] - MARGIN;

/** Draws top-down, starting a new page when the current one is full. */
class Pen {
  page: PDFPage;
  y = PAGE[1] - MARGIN;

  constructor(
    private readonly doc: PDFDocument,
    readonly font: PDFFont,
    readonly bold: PDFFont,
  ) {
    this.page = doc.addPage(PAGE);
  }

  room(lines: number): void {
    if (this.y - lines * LINE >= MARGIN) return;
    this.page = this.doc.addPage(PAGE);
    this.y = PAGE[1] - MARGIN;
  }

  text(s: string, x: number, opts: { bold?: boolean; size?: number; right?: boolean; grey?: boolean } = {}): void {
    const f = opts.bold ? this.bold : this.font;
    const size = opts.size ?? 10;
    const t = winAnsi(s);
    const at = opts.right ? x - f.widthOfTextAtSize(t, size) : x;
    this.page.drawText(t, { x: at, y: this.y, size, font: f, color: opts.grey ? rgb(0.35, 0.35, 0.35) : rgb(0, 0, 0) });
  }

  down(lines = 1): void {
    this.y -= LINE * lines;
  }

  /** Text on its own line, on a new page if this one is full. */
  line(s: string, x: number, opts: Parameters<Pen['text']>[2] = {}): void {
    this.room(1);
    this.text(s, x, opts);
    this.down();
  }
}

function header(pen: Pen, s: SaleSheet): void {
  pen.text(s.title, MARGIN, { bold: true, size: 18 });
  pen.down(1.8);
  for (const r of s.reference) pen.line(r, MARGIN);
  pen.down(0.5);
  const column = (PAGE[0] - 2 * MARGIN) / 2;
  const tallest = Math.max(...s.parties.map((p) => p.lines.length)) + 1;
  pen.room(tallest);
  const top = pen.y;
  s.parties.forEach((p, i) => {
    pen.y = top;
    pen.text(p.heading, MARGIN + i * column, { bold: true });
    for (const l of p.lines) {
      pen.down();
      pen.text(l, MARGIN + i * column);
    }
  });
  pen.y = top;
  pen.down(tallest + 0.5);
}

function body(pen: Pen, s: SaleSheet): void {
  for (const l of s.lines) {
    const rows = wrap(l.text, pen.bold, 10, RIGHT - MARGIN - 90);
    pen.room(rows.length + 1);
    rows.forEach((row, i) => {
      pen.text(row, MARGIN, { bold: true });
      if (i === 0) pen.text(l.amount, RIGHT, { right: true, bold: !l.left, grey: l.left });
      pen.down();
    });
    for (const row of wrap(l.detail, pen.font, 9, RIGHT - MARGIN - 90)) pen.line(row, MARGIN + 10, { size: 9, grey: true });
  }
  pen.down(0.5);
  pen.room(s.totals.length + 1);
  for (const t of s.totals) {
    pen.text(t.label, RIGHT - 200, { bold: t.strong });
    pen.text(t.amount, RIGHT, { right: true, bold: t.strong });
    pen.down();
  }
  pen.down(0.5);
  for (const n of s.notes) {
    for (const row of wrap(n, pen.font, 9, RIGHT - MARGIN)) pen.line(row, MARGIN, { size: 9 });
  }
}

/** The quote or confirmation as a PDF; its title says which and names the transaction. */
export async function saleSheetPdf(s: SaleSheet): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const pen = new Pen(doc, await doc.embedFont(StandardFonts.Helvetica), await doc.embedFont(StandardFonts.HelveticaBold));
  doc.setTitle(`${s.title} - ${s.reference[0]}`);
  doc.setSubject(s.reference.join('; '));
  header(pen, s);
  body(pen, s);
  return doc.save();
}

export async function downloadSaleSheet(s: SaleSheet): Promise<void> {
  downloadBytes(await saleSheetPdf(s), s.fileName, 'application/pdf');
}
