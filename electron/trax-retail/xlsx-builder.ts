import { PassThrough, type Readable } from 'node:stream';
import { columnSpec } from '../../shared/trax-retail/columns';
import type { SheetTable } from './sheet-table';

/** A number column's value is written as a number only when that round-trips exactly; anything else stays text. */
function cellValue(header: string, value: string): string | number | null {
  if (value === '') return null;
  const spec = columnSpec(header);
  if (spec && !spec.text && (spec.kind.type === 'integer' || spec.kind.type === 'float')) {
    const n = Number(value);
    if (Number.isFinite(n) && String(n) === value) return n;
  }
  return value;
}

/**
 * The sheet as an Excel workbook through exceljs's streaming WorkbookWriter: each row is committed
 * and flushed as it is written, so memory stays flat for large sheets. Text cells carry the "@"
 * format: IDs, EAN codes and UUIDs keep their leading zeros and every digit when the file is edited.
 * exceljs is loaded when the first workbook is written, not at the app's start.
 */
export function xlsxStream(table: SheetTable): Readable {
  const out = new PassThrough();
  void (async () => {
    try {
      const { default: ExcelJS } = await import('exceljs');
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
      const sheet = workbook.addWorksheet('Products');
      sheet.columns = table.headers.map((h) => ({ header: h, key: h, width: Math.min(40, Math.max(12, h.length + 2)), style: { numFmt: isNumber(h) ? 'General' : '@' } }));
      sheet.getRow(1).commit();
      let n = 0;
      for (const row of table.rows()) {
        sheet.addRow(row.map((v, i) => cellValue(table.headers[i], v))).commit();
        // Let the reader take what is written, so the file never sits whole in memory.
        if (++n % 200 === 0) await new Promise((r) => setImmediate(r));
      }
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return out;
}

function isNumber(header: string): boolean {
  const spec = columnSpec(header);
  return !!spec && !spec.text && (spec.kind.type === 'integer' || spec.kind.type === 'float');
}
