import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppHandlers } from '../../shared/contract';
import { refusal } from '../testing/refusal';
import { makeTestCore, type TestCore } from '../simpleconsign/transactions-test-core';
import { createIfposFeature, firstCallDelayMs } from './ifpos-feature';

let core: TestCore;
let ifpos: AppHandlers['ifpos'];

beforeEach(async () => {
  core = await makeTestCore([]);
  ifpos = createIfposFeature(core).handlers.ifpos!;
});
afterEach(() => core.close());

describe('IFPOS feature handlers', () => {
  it('starts on the bundled model and switches to a loaded file until it is cleared', async () => {
    expect(await ifpos.getSchemaStatus({})).toMatchObject({ source: 'bundled', draft: 'draft-07', fileName: null, since: null });
    const text = JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', $id: 'https://cdn.etraxsales.com/resources/IFPOSv1-Schema.json', title: 'IFPOSv1', type: 'object' });
    const loaded = await ifpos.loadSchema({ text, fileName: 'IFPOSv1-Schema.json' });
    expect(loaded).toMatchObject({ source: 'file', title: 'IFPOSv1', draft: '2020-12', fileName: 'IFPOSv1-Schema.json', since: expect.any(Number) });
    expect(loaded.summary).toBe('Payloads are validated against the loaded schema file (IFPOSv1-Schema.json) before they are sent.');
    // The choice is kept in the store, so a new instance (the sales outbox's) sees it too.
    expect(await createIfposFeature(core).handlers.ifpos!.getSchemaStatus({})).toMatchObject({ source: 'file' });
    expect(await ifpos.clearSchema({})).toMatchObject({ source: 'bundled' });
  });

  it('refuses a file that is not JSON or does not compile, naming the file and each problem', async () => {
    const notJson = await refusal(() => ifpos.loadSchema({ text: 'hello', fileName: 'notes.txt' }));
    expect(notJson).toMatchObject({ code: 'invalid-input', message: '“notes.txt” cannot be used: The file is not valid JSON.' });
    expect(notJson.details?.[0]).toMatch(/JSON/);
    const bad = await refusal(() => ifpos.loadSchema({ text: '{"type": 12}', fileName: 'bad.json' }));
    expect(bad.message).toBe('“bad.json” cannot be used: The schema could not be compiled.');
    expect(bad.details?.[0]).toContain('In the schema, type:');
    expect(await ifpos.getSchemaStatus({})).toMatchObject({ source: 'bundled' });
  });

  it('previews a sample payload that the active schema accepts', async () => {
    const preview = await ifpos.previewPayload({});
    expect(preview.problems).toEqual([]);
    expect(preview.json).toContain('"APIKey": "(your dealer API key)"');
    expect(preview.json).toContain('"SaleAmount": 1311.34');
  });

  it('does not contact TRAX for the schema in training mode', async () => {
    expect(await refusal(() => ifpos.refreshSchema({}))).toMatchObject({ code: 'conflict' });
  });

  it('reads the first-call delay from the environment', () => {
    expect(firstCallDelayMs({})).toBe(3000);
    expect(firstCallDelayMs({ BACKOFFICE_IFPOS_FIRST_CALL_MS: '0' })).toBe(0);
    expect(firstCallDelayMs({ BACKOFFICE_IFPOS_FIRST_CALL_MS: '15000' })).toBe(15000);
    expect(firstCallDelayMs({ BACKOFFICE_IFPOS_FIRST_CALL_MS: 'soon' })).toBe(3000);
  });
});
