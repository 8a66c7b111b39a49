import { describe, expect, it } from 'vitest';
import { readFunctionGroups, readEndUserRows, readPartTypes, readTemplates, readVendors } from './read-lists';
import { readSearchPage } from './read-search';
import { readDetail } from './read-items';
import { readCreateAnswer, readSalesDocument, readSalesList } from './sales-doc';
import { saleCreateBody, saleDraftSchema } from './sale';

const item = (over: Record<string, unknown> = {}) => ({
  type: 'USED', vendor: { company: 'Acme', vendor_id: '12', vendor_store: 3, phone_number: '555' }, part_name: 'Hood', make_model: 'KENWORTH T800', year: 2004,
  vendor_sku: 'T1', vendor_inventory_id: '991', price: '1,250.50', coreprice: 0, images: ['https://img.example/a.jpg'], ...over,
});

describe('search answers', () => {
  it('reads totals beside a results array, or inside results next to PHP-style numbered items', () => {
    const a = readSearchPage({ total_results: '2', total_pages: 1, results: [item(), item({ vendor_inventory_id: 992 })] }, { page: 1, resultSize: 25, userId: null });
    const b = readSearchPage({ results: { total_results: 2, total_pages: '1', 0: item(), 1: item({ vendor_inventory_id: 992 }) } }, { page: 1, resultSize: 25, userId: null });
    for (const p of [a, b]) {
      expect(p).toMatchObject({ totalResults: 2, totalPages: 1, unreadable: 0, resultSizeIgnored: false });
      expect(p.hits.map((h) => h.key)).toEqual([{ vendorId: '12', store: '3', inventoryId: '991' }, { vendorId: '12', store: '3', inventoryId: '992' }]);
      expect(p.hits[0].priceCents).toBe(125050);
    }
  });

  it('says when the page size asked for was ignored, and keeps suggested part types', () => {
    const hits = Array.from({ length: 25 }, (_, i) => item({ vendor_inventory_id: i + 1 }));
    const p = readSearchPage({ total_results: 80, total_pages: 4, results: hits, suggested_part_types: [{ part_name: 'Hood', part_type_id: 7, uri: 'https://api.example/inventory/search/Hood/*/*' }] }, { page: 1, resultSize: 100, userId: null });
    expect(p.resultSizeIgnored).toBe(true);
    expect(p.suggested).toEqual([{ partName: 'Hood', partTypeId: '7', uri: 'https://api.example/inventory/search/Hood/*/*' }]);
  });

  it('says when "all" was asked for and a page of the default size came back', () => {
    const hits = Array.from({ length: 25 }, (_, i) => item({ vendor_inventory_id: i + 1 }));
    expect(readSearchPage({ total_results: 126, total_pages: 6, results: hits }, { page: 1, resultSize: null, userId: null }).resultSizeIgnored).toBe(true);
    expect(readSearchPage({ total_results: 126, results: hits }, { page: 1, resultSize: null, userId: null }).resultSizeIgnored).toBe(true);
    expect(readSearchPage({ total_results: 25, total_pages: 1, results: hits }, { page: 1, resultSize: null, userId: null }).resultSizeIgnored).toBe(false);
    expect(readSearchPage({ results: hits }, { page: 1, resultSize: null, userId: null }).resultSizeIgnored).toBe(false);
  });

  it('takes the ids from the details address when the item lacks them', () => {
    const p = readSearchPage([item({ vendor: {}, vendor_inventory_id: undefined, details_uri: 'https://api.heavytruckparts.net/inventory/details/5/6/7?userid=1' })], { page: 1, resultSize: 25, userId: null });
    expect(p.hits[0].key).toEqual({ vendorId: '5', store: '6', inventoryId: '7' });
  });
});

describe('details, lists and sales answers', () => {
  it('reads legacy Q&A placed directly in the details object as extra fields', () => {
    const d = readDetail({ ...item(), core_price: '100', HP: 450, html_description: '<b>x</b>' }, (h) => h.toUpperCase(), null);
    expect(d.corePriceCents).toBe(10000);
    expect(d.extra).toEqual([{ label: 'HP', value: '450' }]);
    expect(d.safeHtmlDescription).toBe('<B>X</B>');
  });

  it('reads the document’s spellings: part_types_id, function_grup_name, templatename, vendor_store_id', () => {
    expect(readPartTypes([{ part_types_id: 4, part_type_name: 'Hood' }])).toEqual([{ id: '4', name: 'Hood' }]);
    expect(readFunctionGroups([{ function_group_id: 1, function_grup_name: 'Engine' }, { function_group_id: '2', function_group_name: 'Cab' }])).toEqual([{ id: '1', name: 'Engine' }, { id: '2', name: 'Cab' }]);
    expect(readEndUserRows([{ userid: 9, templatename: 'Dealer' }])[0]).toMatchObject({ userId: '9', templateName: 'Dealer' });
    expect(readTemplates([{ template_name: 'Dealer', template_type: 'pricing' }])).toEqual([{ name: 'Dealer', type: 'pricing' }]);
    expect(readVendors([{ vendor: { company: 'A', vendor_id: 1, vendor_store_id: 2 } }])[0]).toMatchObject({ vendorId: '1', store: '2' });
  });

  it('reads a sales document whatever the closed flag and days-to-return are called', () => {
    for (const closedKey of ['document_is closed', 'document_is_closed']) {
      const doc = readSalesDocument({ vendor_id: 1, [closedKey]: 'true', shipping_tracking_number: '1Z', subtotal: '10.50', line_items: [{ price: 5, 'days_to return': '30', child_line_items: { 0: { price: '1.25' } } }] });
      expect(doc).toMatchObject({ isClosed: true, trackingNumber: '1Z', subtotalCents: 1050 });
      expect(doc.lines[0]).toMatchObject({ daysToReturn: 30, priceCents: 500 });
      expect(doc.lines[0].children[0].priceCents).toBe(125);
    }
    expect(readSalesList({ sales_documents: [{ vendor_id: 1, online_transaction_id: 5 }] })).toHaveLength(1);
  });

  it('explains each line error code in plain words', () => {
    const a = readCreateAnswer({ online_transaction_id: 77, created: '2026-01-01 10:00:00', errors: [{ item: { vendor_id: 1, vendor_store: 2, vendor_inventory_id: 3 }, error: { code: 'ERR_NOT_AVAILABLE', message: 'gone' } }] });
    expect(a).toMatchObject({ onlineTransactionId: '77', errors: [{ inventoryId: '3', code: 'ERR_NOT_AVAILABLE', vendorMessage: 'gone' }] });
    expect(a.errors[0].meaning).toMatch(/no longer available/);
  });
});

describe('the /sale/create body', () => {
  const draft = saleDraftSchema.parse({
    lines: [{ vendorId: '101', store: '1', inventoryId: '70001', quantity: 2, priceCents: 125050, corePriceCents: 20000, shippingCents: null, taxCents: 1999 }],
    shippingMethod: 'Pick-Up', poNumber: 'PO-1', billing: { contact: 'Alex' }, shipping: { contact: 'Alex', fax: '555' },
  });

  it('sends decimal dollars converted exactly from cents, and leaves empty optional fields out', () => {
    const body = saleCreateBody(draft);
    expect(body).toEqual({
      sale_total: 2940.98, shipping_method: 'Pick-Up', po_number: 'PO-1',
      line_items: [{ vendor_id: 101, vendor_store: 1, vendor_inventory_id: 70001, quantity: 2, price: 1250.5, core_price: 200, tax_price: 19.99 }],
      billing_address: { contact: 'Alex' }, shipping_address: { contact: 'Alex' },
    });
  });

  it('refuses a PO number longer than 20 characters', () => {
    const r = saleDraftSchema.safeParse({ ...draft, poNumber: 'x'.repeat(21) });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].message).toBe('The PO number may have at most 20 characters.');
  });
});
