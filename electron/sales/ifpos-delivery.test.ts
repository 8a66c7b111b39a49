import { afterEach, describe, expect, it } from 'vitest';
import { createIfposDestination } from '../ifpos/ifpos-destination';
import { IfposSim } from '../ifpos/ifpos-sim';
import { IfposSchemaStore } from '../ifpos/schema-store';
import { FakeDestination, makeSalesHarness, saleInput, type SalesHarness } from './test-support';

let h: SalesHarness;
let sim: IfposSim;
afterEach(async () => {
  await h.close();
  await h.core.simHost.stop();
});

async function setup() {
  const sc = new FakeDestination('simpleconsign', 'SimpleConsign');
  h = makeSalesHarness([sc], { start: false });
  sim = new IfposSim({ firstCallDelayMs: 0 });
  h.core.simHost.register(sim);
  await h.core.simHost.start();
  await h.core.connections.update('ifpos', false, { minCallSpacingSeconds: '0' });
  h.restart([sc, createIfposDestination(h.core)]);
  return { sc, service: h.feature.service };
}

describe('sales through the IFPOS destination', () => {
  it('records a sale whatever the IFPOS schema says, holding only its IFPOS delivery with the schema’s words', async () => {
    const { sc, service } = await setup();
    new IfposSchemaStore(h.core).load(JSON.stringify({ type: 'object', required: ['StoreNumber'] }), 'IFPOSv1-Schema.json');
    const sale = await service.recordSale(saleInput('S1'));
    expect(sale.orderNumber).toBe('S1');
    await h.feature.worker.idle();
    const detail = h.feature.views.sale({ orderNumber: 'S1' });
    expect(sc.sent()).toEqual(['SALE S1']);
    expect(detail.deliveries.find((d) => d.destination === 'simpleconsign')?.state).toBe('sent');
    expect(detail.deliveries.find((d) => d.destination === 'ifpos')).toMatchObject({
      state: 'failed',
      lastReason: 'The IFPOS payload does not match the loaded IFPOS schema file: the payload: is missing the field "StoreNumber".',
      action: expect.stringContaining('Report the difference'),
    });
    expect(h.core.connections.health('ifpos')).toMatchObject({ state: 'failing', message: expect.stringContaining('the field "StoreNumber"') });
    expect(sim.records()).toEqual([]);
  });

  it('keeps the customer with the sale and sends it to IFPOS', async () => {
    const { service } = await setup();
    const customer = { name: 'Dana Reyes', phone: '555 0100', email: 'dana@example.com', address: '' };
    const sale = await service.recordSale({ ...saleInput('S2'), customer });
    expect(sale.customer).toEqual(customer);
    await h.feature.worker.idle();
    expect(sim.records()[0].payload.Customer).toEqual({ Name: 'Dana Reyes', Phone: '555 0100', Email: 'dana@example.com' });
    const plain = await service.recordSale({ ...saleInput('S3'), customer: { name: ' ', phone: '', email: '', address: '' } });
    expect(plain.customer).toBeNull();
    await expect(service.recordSale({ ...saleInput('S4'), customer: { name: '', phone: '', email: 'not-an-address', address: '' } })).rejects.toMatchObject({
      details: ['customer.email: Enter the e-mail address as name@example.com.'],
    });
  });
});
