import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundledIfposSchema } from '../../shared/ifpos/bundled-schema';
import { buildIfposPayload } from '../../shared/ifpos/payload';
import { compileSchema, compileSchemaText, SchemaCompileError, upgradeDraft04 } from './ifpos-schema';

const payload = () =>
  buildIfposPayload(
    { orderNumber: 'S-1', recordedAt: Date.UTC(2026, 0, 2), lines: [{ sku: 'A1', name: 'Chair', unitPriceCents: 1234, quantity: 1 }], returns: [] },
    { apiKey: 'k', showroomId: 'SHOWROOM-1', employeeId: 'EMP-100' },
  );

function compileError(run: () => unknown): SchemaCompileError {
  try {
    run();
  } catch (error) {
    if (error instanceof SchemaCompileError) return error;
    throw error;
  }
  throw new Error('expected a SchemaCompileError');
}

describe('IFPOS schema validation', () => {
  it('the bundled model compiles as draft-07 and accepts the payloads the app builds', () => {
    const schema = compileSchema(bundledIfposSchema);
    expect(schema).toMatchObject({ draft: 'draft-07', schemaId: 'urn:parts-backoffice:ifpos-v1-payload-model' });
    expect(schema.validate(payload())).toEqual([]);
  });

  it('reports each problem with a readable path', () => {
    const schema = compileSchema(bundledIfposSchema);
    const bad = { ...payload(), ShowroomID: '', SaleDate: 'yesterday', Extra: 1, LineItems: [{ ...payload().LineItems[0], Quantity: 0, UnitPrice: 12.345 }] } as Record<string, unknown>;
    delete bad.EmployeeID;
    expect(schema.validate(bad)).toEqual([
      'the payload: is missing the field "EmployeeID"',
      'the payload: has a field the schema does not allow, "Extra"',
      'ShowroomID: must NOT have fewer than 1 characters',
      'SaleDate: must match format "date-time"',
      'LineItems[0].Quantity: must be >= 1',
      'LineItems[0].UnitPrice: must be multiple of 0.01',
    ]);
  });

  it('picks the draft its $schema names', () => {
    const base = { type: 'object', required: ['a'], properties: { a: { type: 'number', multipleOf: 0.01 } } };
    expect(compileSchema({ $schema: 'https://json-schema.org/draft/2020-12/schema', ...base }).draft).toBe('2020-12');
    expect(compileSchema({ $schema: 'https://json-schema.org/draft/2019-09/schema', ...base }).draft).toBe('2019-09');
    expect(compileSchema({ $schema: 'http://json-schema.org/draft-06/schema#', ...base }).draft).toBe('draft-06');
    expect(compileSchema(base).draft).toBe('draft-07');
    const s2020 = compileSchema({ $schema: 'https://json-schema.org/draft/2020-12/schema', ...base, $defs: { unused: { type: 'string' } } });
    expect(s2020.validate({ a: 19.99 })).toEqual([]);
    expect(s2020.validate({})).toEqual(['the payload: is missing the field "a"']);
  });

  it('reads draft-04 schemas by rewriting their few differences', () => {
    const d4 = { $schema: 'http://json-schema.org/draft-04/schema#', id: 'urn:example:x', type: 'object', properties: { n: { type: 'number', minimum: 0, exclusiveMinimum: true }, m: { enum: [{ id: 'keep' }] } } };
    expect(upgradeDraft04(d4)).toEqual({
      $schema: 'http://json-schema.org/draft-07/schema#',
      $id: 'urn:example:x',
      type: 'object',
      properties: { n: { type: 'number', exclusiveMinimum: 0 }, m: { enum: [{ id: 'keep' }] } },
    });
    const schema = compileSchema(d4);
    expect(schema).toMatchObject({ draft: 'draft-04', schemaId: 'urn:example:x' });
    expect(schema.validate({ n: 0 })).toEqual(['n: must be > 0']);
    expect(schema.validate({ n: 0.01, m: { id: 'keep' } })).toEqual([]);
  });

  it('refuses text that is not JSON, a schema that does not compile, and an unknown draft', () => {
    expect(compileError(() => compileSchemaText('{ "type": "object", '))).toMatchObject({ message: 'The file is not valid JSON.' });
    const broken = compileError(() => compileSchema({ type: 'objekt' }));
    expect(broken.message).toBe('The schema could not be compiled.');
    expect(broken.details[0]).toContain('In the schema, type: must be one of');
    expect(compileError(() => compileSchema({ $schema: 'http://json-schema.org/draft-03/schema#' })).message).toContain('draft-03');
    expect(compileError(() => compileSchemaText('[1, 2]')).message).toBe('A JSON Schema must be a JSON object.');
  });
});

describe('IFPOS schema patterns', () => {
  it('a hostile pattern cannot hold the app: validation of a long text answers at once', () => {
    const fixture = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'hostile-pattern.ts');
    // The deadline only stops a validator that would backtrack for ever; the linear engine answers in milliseconds.
    const run = spawnSync(process.execPath, ['--import', 'tsx', fixture], { encoding: 'utf8', timeout: 15_000 });
    expect(run.signal, 'validation did not finish').toBeNull();
    expect(JSON.parse(run.stdout)).toEqual(['Description: must match pattern "^([a-z]+)+$"']);
  });

  it('refuses patterns that cannot run in bounded time, saying why', () => {
    const err = compileError(() => compileSchema({ type: 'object', properties: { SKU: { type: 'string', pattern: '^(a+)\\1$' } } }));
    expect(err.details.join(' ')).toMatch(/The pattern "\^\(a\+\)\\1\$" cannot be used .*without back-references or look-ahead/);
  });

  it('still applies ordinary patterns, anywhere in the text as JSON Schema says', () => {
    const schema = compileSchema({ type: 'object', properties: { SKU: { type: 'string', pattern: '[0-9]{2}' }, Name: { type: 'string', pattern: '^\\p{L}+$' } } });
    expect(schema.validate({ SKU: 'AB12C', Name: 'Chaise' })).toEqual([]);
    expect(schema.validate({ SKU: 'ABC', Name: 'Chaise 2' })).toEqual(['SKU: must match pattern "[0-9]{2}"', 'Name: must match pattern "^\\p{L}+$"']);
  });
});
