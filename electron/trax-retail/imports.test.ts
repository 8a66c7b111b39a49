import crypto from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { H } from '../../shared/trax-retail/columns';
import type { SheetModel } from '../../shared/trax-retail/sheet';
import { PNG, startTraxHarness, type TraxHarness } from './fixtures/harness';

let h: TraxHarness;
beforeEach(async () => {
  h = await startTraxHarness();
});
afterEach(() => h.close());

const good = { [H.localName]: 'Cola 0.5', 'Brand local name': 'Cola', 'Manufacturer local name': 'Cola Co', 'Client category': 'Drinks' };

/** Presses "Upload" once: a new intent each time. */
async function start(id: string, format: 'csv' | 'xlsx' | 'zip', rowIds?: string[]) {
  return (await h.imports.upload(id, format, rowIds, crypto.randomUUID())).importLocalId;
}

function draftWith(rows: Record<string, string>[], attributes: string[] = []) {
  const d = h.sheets.create('Spring range', []);
  const model: SheetModel = { attributes, images: {}, rows: rows.map((cells, i) => ({ id: `row${i}`, cells })) };
  h.sheets.save(d.id, d.name, model);
  return d.id;
}

describe('upload and follow an import', () => {
  it('uploads a ZIP with a local picture and follows it to imported, in every status dialect', async () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      h.sim.reset();
      h.sim.forceDialect = { statusCase: (['lower', 'capital', 'upper'] as const)[seed % 3], importedInStatus: seed % 2 === 0, countsAsStrings: seed > 3, importIdAsString: seed === 5 };
      const id = draftWith([{ ...good, [H.type]: 'SKU', [H.action]: 'Create', [H.ean]: '0012345678905' }]);
      const img = h.sheets.addImage(id, h.stage(PNG), 'Front view.PNG');
      const d = h.sheets.draft(id);
      h.sheets.save(id, d.name, { ...d.model, rows: [{ ...d.model.rows[0], cells: { ...d.model.rows[0].cells, '1 - Front Image Name/URL': img.name } }] });
      h.sheets.saveSettings({ email: 'cm@example.com', format: 'csv' });
      const local = await start(id, 'csv');
      await h.uploaded(local);
      const rec = h.imports.get(local);
      expect(rec).toMatchObject({ phase: 'polling', format: 'zip', uploadSent: rec.uploadTotal });
      expect(h.sim.uploads.at(-1)).toMatchObject({ email: 'cm@example.com', fileName: expect.stringMatching(/^Spring-range-.*\.zip$/) });
      const seen = new Set<string>();
      for (let i = 0; i < 40 && h.imports.get(local).phase === 'polling'; i++) {
        h.clock.t += 700;
        await h.imports.tick();
        seen.add(String(h.imports.get(local).status));
      }
      const end = h.imports.get(local);
      expect(end).toMatchObject({ phase: 'ended', outcome: 'imported', parsed: 1, total: 1, errored: 0, errorId: null });
      expect([...seen].map((s) => s.toLowerCase())).toEqual(expect.arrayContaining(['queued', 'accepted']));
    }
  });

  it('a header Trax does not know fails the whole file with its message', async () => {
    const id = draftWith([{ ...good, [H.type]: 'SKU', [H.action]: 'Create', 'Shelf life': '12' }], ['Shelf life']);
    const local = await start(id, 'xlsx');
    await h.uploaded(local);
    await h.follow(local);
    expect(h.imports.get(local)).toMatchObject({ phase: 'ended', outcome: 'failed', message: 'Column header not recognised: Shelf life' });
  });

  it('brings the error file’s rows back to the sheet rows they came from, whatever its layout', async () => {
    for (const layout of ['row-copy', 'row-number', 'error-first'] as const) {
      for (const delimiter of [';', ','] as const) {
        h.sim.forceDialect = { errorFile: { layout, delimiter, joiner: ' | ', bom: delimiter === ',' } };
        const id = draftWith([
          { ...good, [H.type]: 'SKU', [H.action]: 'Create' },
          { ...good, [H.type]: 'SKU', [H.action]: 'Update', [H.id]: '55', 'Client category': 'Toys' },
          { ...good, [H.type]: 'SKU', [H.action]: 'Create', [H.localName]: 'Cola, "light"; 0.5' },
          { ...good, [H.type]: 'SKU', [H.action]: 'Update', [H.id]: '56' },
        ]);
        const local = await start(id, 'csv');
        await h.uploaded(local);
        await h.follow(local);
        expect(h.imports.get(local)).toMatchObject({ outcome: 'imported', errored: 2, errorId: expect.any(String) });
        const { errors, draftId } = await h.imports.errors(local);
        expect(draftId).toBe(id);
        expect(errors.map((e) => [e.rowId, e.column, e.message])).toEqual([
          ['row1', 'Client category', 'Client category "Toys" does not exist in this project'],
          ['row1', 'Trax product ID', 'Trax product ID 55 does not exist'],
          ['row3', 'Trax product ID', 'Trax product ID 56 does not exist'],
        ]);
      }
    }
  });

  it('keeps following imports after a restart, and says when an upload was cut short', async () => {
    const id = draftWith([{ ...good, [H.type]: 'SKU', [H.action]: 'Create' }]);
    const local = await start(id, 'csv');
    await h.uploaded(local);
    h.imports.repo.update(local, { nextPollAt: h.clock.t + 3_600_000 });
    // A minute later the same sheet is a new upload, not a second press of the first.
    h.clock.t += 61_000;
    const cut = await start(id, 'csv');
    await h.uploaded(cut);
    h.imports.repo.update(cut, { phase: 'uploading' });
    const after = h.restart();
    after.resume();
    expect(after.get(cut)).toMatchObject({ phase: 'upload-failed', problem: expect.stringContaining('the file may or may not have arrived'), mayHaveArrived: true });
    expect(after.get(local).nextPollAt).toBe(h.clock.t);
    await h.follow(local);
    expect(after.get(local)).toMatchObject({ phase: 'ended', outcome: 'imported' });
  });

  it('one polling pass at a time, which a stop waits for: nothing is written once the app has stopped', async () => {
    const id = draftWith([{ ...good, [H.type]: 'SKU', [H.action]: 'Create' }]);
    const local = await start(id, 'csv');
    await h.uploaded(local);
    h.clock.t += 700;
    const pass = h.imports.tick();
    // A tick while a pass is under way answers that pass.
    expect(h.imports.tick()).toBe(pass);
    let settled = false;
    void pass.then(
      () => (settled = true),
      () => (settled = true),
    );
    await h.imports.stop();
    expect(settled).toBe(true);
    // Stopped, it starts no pass.
    const polled = h.imports.get(local).nextPollAt;
    h.clock.t += 60_000;
    await h.imports.tick();
    expect(h.imports.get(local).nextPollAt).toBe(polled);
  });

  it('backs off on 429 while polling and explains it', async () => {
    const id = draftWith([{ ...good, [H.type]: 'SKU', [H.action]: 'Create' }]);
    const local = await start(id, 'csv');
    await h.uploaded(local);
    h.core.simHost.injectFault('trax-retail', { kind: 'rate-limit', count: 3, retryAfterSeconds: 20, delayMs: 0 });
    await h.imports.tick();
    const r = h.imports.get(local);
    expect(r.problem).toMatch(/^Trax Retail is limiting requests \(HTTP 429; at most 150 per second per endpoint\)/);
    expect(r.nextPollAt! - h.clock.t).toBeGreaterThanOrEqual(20_000);
    await h.follow(local);
    expect(h.imports.get(local)).toMatchObject({ phase: 'ended', problem: '' });
  });

  it('refuses to write or upload a sheet with errors, naming them', async () => {
    const id = draftWith([{ ...good, [H.type]: 'SKU', [H.action]: 'Update' }]);
    await expect(start(id, 'csv')).rejects.toMatchObject({ code: 'invalid-input', message: 'The sheet has 1 error; fix it first.', details: ['Update needs the Trax product ID or the Trax product UUID of the existing product.'] });
    expect(h.sim.uploads).toHaveLength(0);
  });
});
