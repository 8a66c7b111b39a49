import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { faultSchema } from '../../shared/contract/training';
import { saleDraftSchema, type SaleDraftInput } from '../../shared/heavytruckparts/sale';
import { startParts, type PartsHarness } from './test-harness';

let h: PartsHarness;
beforeEach(async () => {
  h = await startParts(5);
});
afterEach(() => h.close());

const address = { contact: 'Alex Morgan', company: 'Prairie Freight LLC', email: 'alex@prairiefreight.example', street: '12 Depot St', city: 'Lincoln', state: 'NE', postalCode: '68508', country: 'US', phone: '402-555-0100' };
const line = (inventoryId: string, vendorId = '101', store = '1') => ({ vendorId, store, inventoryId, label: 'Engine', quantity: 1, priceCents: 1250050, corePriceCents: 200000, shippingCents: 15000, taxCents: 0 });
const draft = (over: Partial<SaleDraftInput> = {}) => saleDraftSchema.parse({ lines: [line('70001')], userId: '5001', poNumber: 'PO-77', shippingMethod: 'Fastest', billing: address, shipping: address, ...over });

describe('sales documents', () => {
  it('creates the document once, shows its transaction id, and later sees it closed with a tracking number', async () => {
    const sale = await h.parts.createSale(draft());
    expect(sale).toMatchObject({ state: 'created', onlineTransactionId: expect.stringMatching(/^\d+$/), totalCents: 1465050 });
    expect(h.sim.sales.count).toBe(1);
    const body = h.requests.find((r) => r.path === '/sale/create')!.json as Record<string, unknown>;
    expect(body).toMatchObject({ sale_total: 14650.5, user_id: '5001', po_number: 'PO-77', shipping_method: 'Fastest', line_items: [{ vendor_id: 101, vendor_store: 1, vendor_inventory_id: 70001, quantity: 1, price: 12500.5, core_price: 2000, shipping_price: 150, tax_price: 0 }] });
    const open = await h.parts.lookupSalesDocument({ vendorId: '101', onlineTransactionId: sale.onlineTransactionId!, store: '', documentId: '' });
    expect(open.document).toMatchObject({ isClosed: false, trackingNumber: null, poNumber: 'PO-77' });
    expect(open.document.lines[0]).toMatchObject({ inventoryId: '70001', priceCents: 1250050 });
    expect(open.document.lines[0].children[0]).toMatchObject({ priceCents: 200000 });
    h.clock.t += 10 * 60_000;
    const closed = await h.parts.lookupSalesDocument({ vendorId: '101', onlineTransactionId: '', store: open.document.store!, documentId: open.document.documentId! });
    expect(closed.document).toMatchObject({ isClosed: true, trackingNumber: expect.stringMatching(/^1Z/) });
    const listed = await h.parts.listSalesDocuments({ userId: '5001', vendorId: '', dateFrom: '', dateTo: '', vendorStatus: 'approved', customerStatus: '' });
    expect(listed.documents.map((d) => d.onlineTransactionId)).toEqual([sale.onlineTransactionId]);
  });

  it('says which lines made it and why the others did not', async () => {
    const sale = await h.parts.createSale(draft({ lines: [line('70001'), line('70003', '104', '11'), line('99999')] }));
    expect(sale.state).toBe('partial');
    expect(sale.answer!.errors.map((e) => e.code).sort()).toEqual(['ERR_FORBIDDEN_VENDOR', 'ERR_NOT_FOUND']);
    expect(sale.answer!.errors.find((e) => e.code === 'ERR_FORBIDDEN_VENDOR')!.meaning).toMatch(/not .*create sales documents for this vendor/);
    const again = await h.parts.createSale(draft());
    expect(again).toMatchObject({ state: 'refused', onlineTransactionId: null });
    expect(again.answer!.errors[0]).toMatchObject({ code: 'ERR_NOT_AVAILABLE', inventoryId: '70001' });
  });

  it('after a lost answer, never sends again by itself and finds the document through /sale/list', async () => {
    h.core.simHost.injectFault('heavytruckparts', faultSchema.parse({ kind: 'drop-after-apply', count: 1 }));
    const lost = await h.parts.createSale(draft());
    expect(lost.state).toBe('unknown');
    expect(h.sim.sales.count).toBe(1);
    const reconciled = await h.parts.reconcileSale({ id: lost.id });
    expect(reconciled.sale).toMatchObject({ state: 'created', onlineTransactionId: expect.stringMatching(/^\d+$/) });
    expect(h.requests.filter((r) => r.path === '/sale/create')).toHaveLength(1);
  });

  it('when nothing matches, the clerk may send it again', async () => {
    h.core.simHost.injectFault('heavytruckparts', faultSchema.parse({ kind: 'drop', count: 1 }));
    const lost = await h.parts.createSale(draft({ poNumber: '' }));
    expect(lost.state).toBe('unknown');
    const check = await h.parts.reconcileSale({ id: lost.id });
    expect(check.candidates).toEqual([]);
    expect(check.sale.state).toBe('unknown');
    expect((await h.parts.resolveSale({ id: lost.id, action: 'send-again', onlineTransactionId: '' })).state).toBe('created');
    expect(h.sim.sales.count).toBe(1);
  });

  it('treats a sale still "sending" at start as unknown', async () => {
    h.core.db.prepare("INSERT INTO htp_sales (state, user_id, po_number, total_cents, draft, body, created_at, updated_at) VALUES ('sending', '', '', 1, ?, '{}', 1, 1)").run(JSON.stringify(draft()));
    const { RecordsRepo } = await import('./records-repo');
    new RecordsRepo(h.core.db).markInterruptedUnknown(2);
    expect((await h.parts.listLocalSales({})).sales[0].state).toBe('unknown');
  });
});

describe('the advertising feed', () => {
  async function exportAs(format: 'csv' | 'xlsx') {
    let status = await h.parts.exportFeed({ format });
    expect(status.state).toBe('requesting');
    while (status.state === 'requesting' || status.state === 'writing') {
      await new Promise((r) => setImmediate(r));
      status = await h.parts.getFeedExport({});
    }
    return status;
  }

  it('writes every item to CSV with exact decimal prices', async () => {
    const status = await exportAs('csv');
    expect(status).toMatchObject({ state: 'done', received: h.sim.catalog.items.filter((i) => i.available).length });
    const text = fs.readFileSync(status.filePath!, 'utf8');
    const lines = text.trim().split('\r\n');
    expect(lines).toHaveLength(status.received + 1);
    expect(lines.find((l) => l.includes(',70001,'))).toContain(',12500.50,2000.00,');
    const file = await h.parts.getFeedFile({});
    expect(file.fileName).toMatch(/\.csv$/);
  });

  it('writes an Excel workbook', async () => {
    const status = await exportAs('xlsx');
    expect(status.state).toBe('done');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(status.filePath!);
    expect(wb.getWorksheet('Feed')!.rowCount).toBe(status.received + 1);
  });
});
