import Ajv, { type ErrorObject, type Options } from 'ajv';
import Ajv2019 from 'ajv/dist/2019';
import Ajv2020 from 'ajv/dist/2020';
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json';
import addFormats from 'ajv-formats';
import { linearRegExp } from './linear-regexp';

/** A schema that could not be read or compiled, with each problem on its own line. */
export class SchemaCompileError extends Error {
  constructor(
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = 'SchemaCompileError';
  }
}

export interface CompiledSchema {
  /** Which JSON Schema draft compiled it. */
  draft: string;
  title: string | null;
  schemaId: string | null;
  /** Readable problems of one payload; empty when it conforms. */
  validate(payload: unknown): string[];
}

const options: Options = {
  allErrors: true,
  // The official schema may use keywords or formats this validator does not know: they are ignored, not fatal.
  strict: false,
  logger: false,
  // 12.34 / 0.01 is not an integer in floating point; money schemas commonly say multipleOf 0.01.
  multipleOfPrecision: 9,
  // A loaded schema's patterns run on a linear-time engine: none can hold the app for long.
  code: { regExp: linearRegExp },
};

/** Values that are data, not subschemas: never rewritten. */
const DATA_KEYWORDS = new Set(['enum', 'const', 'default', 'examples']);

/**
 * The validator has no draft-04 mode, and schemas exported by .NET tools are often draft-04. The
 * few differences that matter are rewritten to draft-07: `id` becomes `$id`, and the boolean
 * exclusiveMinimum/exclusiveMaximum become the numeric form.
 */
export function upgradeDraft04(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(upgradeDraft04);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    if (key === 'id' && typeof value === 'string') out.$id = value;
    else if (key === '$schema') out.$schema = 'http://json-schema.org/draft-07/schema#';
    else out[key] = DATA_KEYWORDS.has(key) ? value : upgradeDraft04(value);
  }
  for (const [flag, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (typeof out[flag] !== 'boolean') continue;
    if (out[flag] === true && typeof out[bound] === 'number') {
      out[flag] = out[bound];
      delete out[bound];
    } else delete out[flag];
  }
  return out;
}

function validatorFor(metaSchema: string): { ajv: Ajv; draft: string } {
  if (/2020-12/.test(metaSchema)) return { ajv: new Ajv2020(options), draft: '2020-12' };
  if (/2019-09/.test(metaSchema)) return { ajv: new Ajv2019(options), draft: '2019-09' };
  if (metaSchema === '' || /draft-07/.test(metaSchema)) return { ajv: new Ajv(options), draft: 'draft-07' };
  if (/draft-06/.test(metaSchema)) {
    const ajv = new Ajv(options);
    ajv.addMetaSchema(draft06);
    return { ajv, draft: 'draft-06' };
  }
  throw new SchemaCompileError(`The schema names "${metaSchema}" as its JSON Schema version, which the validator does not support.`, [
    'Supported: draft-04, draft-06, draft-07, 2019-09 and 2020-12.',
  ]);
}

/** "/LineItems/0/SKU" → "LineItems[0].SKU". */
function readablePath(pointer: string, root: string): string {
  const parts = pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  return parts.reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '') || root;
}

/** ajv's errors as "path: message" lines a person can act on. */
export function readableErrors(errors: ErrorObject[] | null | undefined, root = 'the payload'): string[] {
  const lines = (errors ?? []).map((e) => {
    const where = readablePath(e.instancePath, root);
    const p = e.params as Record<string, unknown>;
    if (e.keyword === 'required') return `${where}: is missing the field "${String(p.missingProperty)}"`;
    if (e.keyword === 'additionalProperties') return `${where}: has a field the schema does not allow, "${String(p.additionalProperty)}"`;
    if (e.keyword === 'enum') return `${where}: must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    return `${where}: ${e.message ?? e.keyword}`;
  });
  return [...new Set(lines)];
}

/** Compiles a JSON Schema with the draft its `$schema` names (draft-07 when it names none). */
export function compileSchema(schema: unknown): CompiledSchema {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) throw new SchemaCompileError('A JSON Schema must be a JSON object.');
  const meta = (schema as Record<string, unknown>).$schema;
  const draft04 = typeof meta === 'string' && /draft-04/.test(meta);
  const s = (draft04 ? upgradeDraft04(schema) : schema) as Record<string, unknown>;
  const { ajv, draft } = validatorFor(draft04 ? '' : typeof meta === 'string' ? meta : '');
  addFormats(ajv);
  let validate;
  try {
    validate = ajv.compile(s);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const details = ajv.errors ? readableErrors(ajv.errors, 'the schema').map((d) => `In the schema, ${d}`) : [message];
    throw new SchemaCompileError('The schema could not be compiled.', details);
  }
  const id = typeof s.$id === 'string' ? s.$id : typeof s.id === 'string' ? s.id : null;
  return {
    draft: draft04 ? 'draft-04' : draft,
    title: typeof s.title === 'string' ? s.title : null,
    schemaId: id,
    validate: (payload) => (validate(payload) ? [] : readableErrors(validate.errors)),
  };
}

/** Parses schema text (a loaded file or a fetched copy) and compiles it. */
export function compileSchemaText(text: string): CompiledSchema {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new SchemaCompileError('The file is not valid JSON.', [error instanceof Error ? error.message : String(error)]);
  }
  return compileSchema(parsed);
}
