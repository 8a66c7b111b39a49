import { z } from 'zod';
import { bundledIfposSchema, IFPOS_OFFICIAL_SCHEMA_URL } from '../../shared/ifpos/bundled-schema';
import type { SchemaSource, SchemaStatus } from '../../shared/ifpos/contract';
import type { CoreDeps } from '../core/feature';
import { AppError } from '../core/app-error';
import { VendorError } from '../core/http/vendor-error';
import { OneRun } from '../core/one-run';
import { payloadFor, sampleSale } from './ifpos-client';
import { compileSchema, compileSchemaText, SchemaCompileError, type CompiledSchema } from './ifpos-schema';

const KEYS = { file: 'ifpos.schema.file', fetched: 'ifpos.schema.fetched', lastFetch: 'ifpos.schema.lastFetch' } as const;
/** A fetched copy is fresh for a day; after a failed fetch the next try waits an hour. */
const FRESH_MS = 24 * 60 * 60_000;
const RETRY_FAILED_MS = 60 * 60_000;

interface StoredFile {
  text: string;
  fileName: string;
  at: number;
}
interface StoredFetch {
  text: string;
  at: number;
}
type LastFetch = SchemaStatus['lastFetch'];

export interface ActiveSchema {
  source: SchemaSource;
  compiled: CompiledSchema;
  fileName: string | null;
  since: number | null;
}

const bundled = compileSchema(bundledIfposSchema);
const sourceNames: Record<SchemaSource, string> = { bundled: 'the app’s bundled IFPOS model', file: 'the loaded schema file', fetched: 'the official schema fetched from TRAX' };

/**
 * Which JSON Schema IFPOS payloads are validated against: a file the user loaded (their explicit
 * choice), else the official schema fetched from TRAX in live mode, else the bundled model. All of it
 * lives in the settings table, so every instance (the feature, the sales outbox's destination) agrees.
 */
export class IfposSchemaStore {
  private readonly compiled = new Map<string, CompiledSchema>();
  private readonly fetching = new OneRun();

  constructor(private readonly core: Pick<CoreDeps, 'settings' | 'http' | 'connections' | 'now' | 'log'>) {}

  private compileCached(text: string): CompiledSchema | null {
    const hit = this.compiled.get(text);
    if (hit) return hit;
    try {
      const c = compileSchemaText(text);
      this.compiled.set(text, c);
      return c;
    } catch {
      return null;
    }
  }

  active(): ActiveSchema {
    const file = this.core.settings.get<StoredFile | null>(KEYS.file, null);
    const fileSchema = file && this.compileCached(file.text);
    if (file && fileSchema) return { source: 'file', compiled: fileSchema, fileName: file.fileName, since: file.at };
    const fetched = this.core.settings.get<StoredFetch | null>(KEYS.fetched, null);
    const fetchedSchema = fetched && this.compileCached(fetched.text);
    if (fetched && fetchedSchema) return { source: 'fetched', compiled: fetchedSchema, fileName: null, since: fetched.at };
    return { source: 'bundled', compiled: bundled, fileName: null, since: null };
  }

  status(): SchemaStatus {
    const a = this.active();
    const lastFetch = this.core.settings.get<LastFetch>(KEYS.lastFetch, null);
    const stale = lastFetch && !lastFetch.ok ? ` The last fetch of the official schema failed (${lastFetch.message}), so ${sourceNames[a.source]} is kept.` : '';
    return {
      source: a.source,
      title: a.compiled.title,
      schemaId: a.compiled.schemaId,
      draft: a.compiled.draft,
      fileName: a.fileName,
      since: a.since,
      officialUrl: IFPOS_OFFICIAL_SCHEMA_URL,
      lastFetch,
      summary: `Payloads are validated against ${sourceNames[a.source]}${a.fileName ? ` (${a.fileName})` : ''} before they are sent.${stale}`,
      mismatch: this.mismatch(a),
    };
  }

  /** What the schema refuses in a sample sale (with a return and a customer) built from the current settings. */
  private mismatch(active: ActiveSchema): string[] {
    const training = this.core.connections.mode() === 'training';
    return active.compiled.validate(payloadFor(sampleSale(this.core.now()), this.core.connections.settingsOf('ifpos'), training, 'key-checked-at-send-time'));
  }

  /** Stores the user's file once it parses and compiles; otherwise says precisely why not. */
  load(text: string, fileName: string): SchemaStatus {
    try {
      const compiled = compileSchemaText(text);
      this.compiled.set(text, compiled);
    } catch (error) {
      if (error instanceof SchemaCompileError) throw new AppError('invalid-input', `“${fileName}” cannot be used: ${error.message}`, error.details);
      throw error;
    }
    this.core.settings.set(KEYS.file, { text, fileName, at: this.core.now() } satisfies StoredFile);
    return this.status();
  }

  clear(): SchemaStatus {
    this.core.settings.set(KEYS.file, null);
    return this.status();
  }

  /** In live mode, fetches the official schema when the cached copy is old; never throws. */
  refreshIfStale(): Promise<void> {
    if (this.core.connections.mode() !== 'live') return Promise.resolve();
    const now = this.core.now();
    const fetched = this.core.settings.get<StoredFetch | null>(KEYS.fetched, null);
    const last = this.core.settings.get<LastFetch>(KEYS.lastFetch, null);
    if (fetched && now - fetched.at < FRESH_MS) return Promise.resolve();
    if (last && !last.ok && now - last.at < RETRY_FAILED_MS) return Promise.resolve();
    return this.fetchNow();
  }

  /** Fetches the official schema now; a failure keeps the cached or bundled schema and is recorded. */
  fetchNow(): Promise<void> {
    return this.fetching.run(() => this.fetchOnce());
  }

  private async fetchOnce(): Promise<void> {
    const at = this.core.now();
    const record = (ok: boolean, message: string) => this.core.settings.set(KEYS.lastFetch, { at, ok, message } satisfies NonNullable<LastFetch>);
    try {
      const res = await this.core.http.request({ vendor: 'TRAX', method: 'GET', url: IFPOS_OFFICIAL_SCHEMA_URL, schema: z.record(z.string(), z.unknown()), timeoutMs: 15_000, retries: 1 });
      const text = JSON.stringify(res.data);
      const compiled = compileSchemaText(text);
      this.compiled.set(text, compiled);
      this.core.settings.set(KEYS.fetched, { text, at } satisfies StoredFetch);
      record(true, `Fetched “${compiled.title ?? compiled.schemaId ?? 'IFPOSv1 schema'}”.`);
    } catch (error) {
      if (error instanceof VendorError) return record(false, error.message);
      if (error instanceof SchemaCompileError) return record(false, `the schema TRAX sent cannot be used: ${[error.message, ...error.details].join(' ')}`);
      this.core.log(`IFPOS schema fetch failed: ${error instanceof Error ? error.message : String(error)}`);
      record(false, 'an unexpected error; the details were written to the log');
    }
  }
}
