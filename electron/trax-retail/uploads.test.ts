import crypto from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { H } from '../../shared/trax-retail/columns';
import type { SheetModel } from '../../shared/trax-retail/sheet';
import { ConnectionsRepo } from '../connections/connections-repo';
import { startTraxHarness, type TraxHarness } from './fixtures/harness';

let h: TraxHarness;
beforeEach(async () => {
  h = await startTraxHarness();
});
afterEach(() => h.close());

const good = { [H.type]: 'SKU', [H.action]: 'Create', [H.localName]: 'Cola 0.5', 'Brand local name': 'Cola', 'Manufacturer local name': 'Cola Co', 'Client category': 'Drinks' };
const intent = () => crypto.randomUUID();
const health = () => new ConnectionsRepo(h.core.db).get('trax-retail').health;
const drop = (kind: 'drop' | 'drop-after-apply') => h.core.simHost.injectFault('trax-retail', { kind, count: 1, retryAfterSeconds: 0, delayMs: 0 });

function draftWith(rows: Record<string, string>[]) {
  const d = h.sheets.create('Summer range', []);
  const model: SheetModel = { attributes: [], images: {}, rows: rows.map((cells, i) => ({ id: `row${i}`, cells })) };
  h.sheets.save(d.id, d.name, model);
  return d.id;
}

describe('one upload per intent', () => {
  it('two calls for the same press in the same moment send one file', async () => {
    const id = draftWith([good]);
    const press = intent();
    const [a, b] = await Promise.all([h.imports.upload(id, 'csv', undefined, press), h.imports.upload(id, 'csv', undefined, press)]);
    expect(a.importLocalId).toBe(b.importLocalId);
    expect([a.joined, b.joined].sort()).toEqual([false, true]);
    await h.uploaded(a.importLocalId);
    expect(h.sim.uploads).toHaveLength(1);
    expect(await h.imports.upload(id, 'csv', undefined, press)).toEqual({ importLocalId: a.importLocalId, joined: true });
    expect(h.sim.uploads).toHaveLength(1);
    expect(h.imports.list()).toHaveLength(1);
  });

  it('two presses of the same sheet a moment apart join; other rows, or a minute later, are a new upload', async () => {
    const id = draftWith([good, { ...good, [H.localName]: 'Cola 1.5' }]);
    const [a, b] = await Promise.all([h.imports.upload(id, 'csv', undefined, intent()), h.imports.upload(id, 'csv', undefined, intent())]);
    expect(b.importLocalId).toBe(a.importLocalId);
    await h.uploaded(a.importLocalId);
    const only = await h.imports.upload(id, 'csv', ['row1'], intent());
    expect(only.joined).toBe(false);
    await h.uploaded(only.importLocalId);
    h.clock.t += 61_000;
    const later = await h.imports.upload(id, 'csv', undefined, intent());
    expect(later.joined).toBe(false);
    await h.uploaded(later.importLocalId);
    expect(h.sim.uploads).toHaveLength(3);
  });

  it('a sheet with errors sends nothing, both calls hear why, and the press can be made again once fixed', async () => {
    const id = draftWith([{ ...good, [H.action]: 'Update' }]);
    const press = intent();
    const both = await Promise.allSettled([h.imports.upload(id, 'csv', undefined, press), h.imports.upload(id, 'csv', undefined, press)]);
    expect(both.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(both.map((r) => (r as PromiseRejectedResult).reason.message)).toEqual(['The sheet has 1 error; fix it first.', 'The sheet has 1 error; fix it first.']);
    h.sheets.save(id, 'Summer range', { attributes: [], images: {}, rows: [{ id: 'row0', cells: { ...good, [H.action]: 'Update', [H.id]: '1001' } }] });
    const ok = await h.imports.upload(id, 'csv', undefined, press);
    await h.uploaded(ok.importLocalId);
    expect(h.sim.uploads).toHaveLength(1);
  });

  it('“Try again” sends a failed upload once, however often it is pressed', async () => {
    const id = draftWith([good]);
    drop('drop-after-apply');
    const first = await h.imports.upload(id, 'csv', undefined, intent());
    await h.uploaded(first.importLocalId);
    const failed = h.imports.get(first.importLocalId);
    expect(failed).toMatchObject({ phase: 'upload-failed', mayHaveArrived: true });
    expect(failed.problem).toMatch(/The file may have arrived all the same: check the portal before trying again\.$/);
    expect(failed.problem).not.toMatch(/UND_ERR|ECONN|\([A-Z_]{5,}\)/);
    expect(failed.problemDetails.join(' ')).toMatch(/Connection error code: [A-Z_]+/);
    expect(h.sim.uploads).toHaveLength(1);

    const press = intent();
    const again = await Promise.all([h.imports.retry(first.importLocalId, press), h.imports.retry(first.importLocalId, press), h.imports.retry(first.importLocalId, intent())]);
    expect(again.map((r) => r.importLocalId)).toEqual([first.importLocalId, first.importLocalId, first.importLocalId]);
    expect(again.filter((r) => !r.joined)).toHaveLength(1);
    await h.uploaded(first.importLocalId);
    expect(h.imports.get(first.importLocalId)).toMatchObject({ phase: 'polling', problem: '', problemDetails: [], mayHaveArrived: false });
    expect(h.sim.uploads).toHaveLength(2);
    await expect(h.imports.retry(first.importLocalId, intent())).rejects.toMatchObject({ code: 'conflict' });
    expect(h.sim.uploads).toHaveLength(2);
  });
});

describe('status that tells the truth', () => {
  it('real uploads and polls set the connection’s health, not only “Test connection”', async () => {
    new ConnectionsRepo(h.core.db).setHealth('trax-retail', { state: 'failing', message: 'old test', checkedAt: 1 });
    const id = draftWith([good]);
    const up = await h.imports.upload(id, 'csv', undefined, intent());
    await h.uploaded(up.importLocalId);
    expect(health()).toMatchObject({ state: 'ok', message: 'Received the upload of “Summer range”.' });
    h.core.simHost.injectFault('trax-retail', { kind: 'unavailable', count: 3, retryAfterSeconds: 1, delayMs: 0 });
    await h.imports.tick();
    expect(health()).toMatchObject({ state: 'failing', message: expect.stringMatching(/HTTP 503/) });
    await h.follow(up.importLocalId);
    expect(h.imports.get(up.importLocalId)).toMatchObject({ phase: 'ended', outcome: 'imported' });
    expect(health()).toMatchObject({ state: 'ok', message: expect.stringMatching(/^Answered about “Summer range”: /) });
  });

  it('the upload carries the contact e-mail saved when it was pressed, and shows it', async () => {
    h.sheets.saveSettings({ email: 'buyer@example.com' });
    const id = draftWith([good]);
    const up = await h.imports.upload(id, 'csv', undefined, intent());
    await h.uploaded(up.importLocalId);
    expect(h.sim.uploads.at(-1)?.email).toBe('buyer@example.com');
    expect(h.imports.get(up.importLocalId).email).toBe('buyer@example.com');
  });

  it('two refused identical rows each come back with their error, in every error-file dialect', async () => {
    for (const layout of ['row-copy', 'row-number', 'error-first'] as const) {
      for (const rowBase of [1, 2] as const) {
        h.sim.forceDialect = { errorFile: { layout, delimiter: ';', joiner: '; ', bom: false, rowBase } };
        const bad = { ...good, [H.action]: 'Update', [H.id]: '55' };
        const id = draftWith([good, bad, bad, { ...good, [H.localName]: 'Other' }]);
        const up = await h.imports.upload(id, 'csv', undefined, intent());
        await h.uploaded(up.importLocalId);
        await h.follow(up.importLocalId);
        const { errors } = await h.imports.errors(up.importLocalId);
        expect(errors.map((e) => e.rowId), `${layout} ${rowBase}`).toEqual(['row1', 'row2']);
      }
    }
  });
});

describe('settings', () => {
  it('saves only what is given, so two quick saves keep both', () => {
    const before = h.sheets.settings();
    expect(before).toMatchObject({ email: '', format: 'xlsx', knownAttributes: ['Flavour', 'Colour', 'Segment'], columnWidths: {} });
    h.sheets.saveSettings({ email: 'cm@example.com' });
    h.sheets.saveSettings({ format: 'csv' });
    h.sheets.saveSettings({ columnWidths: { 'EAN code': 220 } });
    h.sheets.saveSettings({ columnWidths: { 'Brand name': 90 } });
    const after = h.sheets.saveSettings({ knownAttributes: ['Flavour', 'Shelf life', 'Flavour'] });
    expect(after).toEqual({ email: 'cm@example.com', format: 'csv', knownAttributes: ['Flavour', 'Shelf life'], columnWidths: { 'EAN code': 220, 'Brand name': 90 }, revision: before.revision + 5 });
  });
});
