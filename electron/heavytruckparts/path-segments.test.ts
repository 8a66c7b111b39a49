import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partsContract } from '../../shared/heavytruckparts/contract';
import { createDispatch, type Dispatch } from '../ipc/dispatch';
import { refusal, startParts, type PartsHarness } from './test-harness';

let h: PartsHarness;
let call: Dispatch;
beforeAll(async () => {
  h = await startParts(3);
  call = createDispatch({ parts: partsContract }, { parts: h.parts });
});
afterAll(() => h.close());

/** Every endpoint with a value in its path, and a call that puts `v` in the named part. */
const endpoints: { name: string; part: string; index: number; length: number; prefix: string; run: (v: string) => [string, unknown] }[] = [
  { name: 'search', part: 'part type', index: 3, length: 6, prefix: '/inventory/search/', run: (v) => ['parts:search', { partType: v, make: '*', model: '*' }] },
  { name: 'search', part: 'make', index: 4, length: 6, prefix: '/inventory/search/', run: (v) => ['parts:search', { partType: 'Alternator', make: v, model: '*' }] },
  { name: 'search', part: 'model', index: 5, length: 6, prefix: '/inventory/search/', run: (v) => ['parts:search', { partType: 'Alternator', make: 'DELCO', model: v }] },
  { name: 'whole unit', part: 'whole unit id', index: 5, length: 6, prefix: '/inventory/wholeunitparts/', run: (v) => ['parts:get-whole-unit', { vendorId: '101', store: '1', vehicleId: v }] },
  { name: 'mapped types', part: 'mapped type', index: 3, length: 4, prefix: '/inventory/mappingtypes/', run: (v) => ['parts:list-mapped-types', { mappedType: v }] },
  { name: 'template list', part: 'template type', index: 3, length: 4, prefix: '/enduser/templates/', run: (v) => ['parts:list-templates', { type: v }] },
  { name: 'template assign', part: 'template type', index: 3, length: 4, prefix: '/enduser/templates/', run: (v) => ['parts:assign-template', { type: v, userId: '5001', template: 'Dealer' }] },
  { name: 'template removal', part: 'template type', index: 3, length: 4, prefix: '/enduser/templates/', run: (v) => ['parts:remove-template', { type: v, userId: '5001' }] },
];

/** Values the clerk may type that web address rules would otherwise bend: each must arrive exactly as typed. */
const hostile = ['A/C Compressor', 'a b', '100%', '#1', 'what?', 'a+b', 'Évé Ñ', '../..', '...', '.a', 'a.', '%2E%2E', '%2e', '🚚 cab', 'a\\b', 'x;y=z', '*a'];

describe('a value of "." or ".." in a path', () => {
  it.each(endpoints.flatMap((e) => ['.', '..', ' .. '].map((v) => [e.name, e.part, v, e] as const)))('%s: a %s of "%s" is refused here and nothing is sent', async (_n, part, value, e) => {
    const before = h.requests.length;
    const [channel, input] = e.run(value);
    const answer = await call(channel, input);
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.code).toBe('invalid-input');
    expect(JSON.stringify(answer.error)).toContain(`The ${part} cannot be just “${value.trim()}”`);
    expect(h.requests.length).toBe(before);
  });

  it('is refused by the client itself too, whatever called it', async () => {
    const before = h.requests.length;
    for (const bad of [{ partType: '..', make: '*', model: '*' }, { partType: '*', make: '.', model: '*' }, { partType: '*', make: '*', model: '..' }]) {
      const e = await refusal(() => h.parts.search({ ...bad, yearFrom: 0, yearTo: 0, zipcode: '', distance: 0, keywords: '', category: '', store: '', vendor: '', userId: '', page: 1, resultSize: 25, sortColumn: '', sortOrder: '', showSuggested: false }));
      expect(e.code).toBe('invalid-input');
    }
    expect(await refusal(() => h.parts.getWholeUnit({ vendorId: '101', store: '1', vehicleId: '..', userId: '' }))).toMatchObject({ code: 'invalid-input' });
    expect(await refusal(() => h.parts.listMappedTypes({ mappedType: '.' }))).toMatchObject({ code: 'invalid-input' });
    expect(await refusal(() => h.parts.removeTemplate({ type: '..', userId: '1' }))).toMatchObject({ code: 'invalid-input' });
    expect(h.requests.length).toBe(before);
  });

  it('item ids are numbers, so dots never reach the details address', async () => {
    for (const field of ['vendorId', 'store', 'inventoryId'] as const) {
      for (const v of ['.', '..']) {
        const key = { vendorId: '101', store: '1', inventoryId: '70001', [field]: v };
        const before = h.requests.length;
        const answer = await call('parts:get-item', { key });
        expect(answer.ok).toBe(false);
        expect(h.requests.length).toBe(before);
      }
    }
  });
});

describe('every other value in a path', () => {
  it.each(endpoints.map((e) => [e.name, e.part, e] as const))('%s: each %s arrives decoded exactly as typed', async (_n, _part, e) => {
    for (const value of hostile) {
      const before = h.requests.length;
      const [channel, input] = e.run(value);
      await call(channel, input);
      const sent = h.requests.slice(before).filter((r) => r.path.startsWith(e.prefix));
      expect(sent, value).toHaveLength(1);
      const parts = sent[0].path.split('/').map(decodeURIComponent);
      expect(parts[e.index], value).toBe(value);
      expect(parts, value).toHaveLength(e.length);
    }
  });
});
