import { z } from 'zod';
import { channel } from '../contract/channel';

export const schemaSourceSchema = z.enum(['bundled', 'file', 'fetched']);
export type SchemaSource = z.infer<typeof schemaSourceSchema>;

export const schemaStatusSchema = z.object({
  /** Which schema validates payloads now: a loaded file wins over a fetched copy, which wins over the bundled model. */
  source: schemaSourceSchema,
  title: z.string().nullable(),
  schemaId: z.string().nullable(),
  /** The JSON Schema draft it was compiled with. */
  draft: z.string(),
  /** The loaded file's name, when source is "file". */
  fileName: z.string().nullable(),
  /** When the active schema was loaded or fetched; null for the bundled one. */
  since: z.number().nullable(),
  officialUrl: z.string(),
  /** The last attempt to fetch the official schema (live mode only). */
  lastFetch: z.object({ at: z.number(), ok: z.boolean(), message: z.string() }).nullable(),
  /** One sentence saying what validates payloads and why. */
  summary: z.string(),
  /**
   * What the active schema refuses in a sample sale built the way real ones are; empty when it accepts
   * it. While not empty, IFPOS deliveries are held as failed (sales are still recorded).
   */
  mismatch: z.array(z.string()),
});
export type SchemaStatus = z.infer<typeof schemaStatusSchema>;

export const payloadPreviewSchema = z.object({
  /** A sample sale with one return, as IFPOS would receive it (the key masked). */
  json: z.string(),
  /** What the active schema says about it; empty when it conforms. */
  problems: z.array(z.string()),
});
export type PayloadPreview = z.infer<typeof payloadPreviewSchema>;

/** Two megabytes of text is far more than any JSON Schema needs. */
const MAX_SCHEMA_CHARS = 2_000_000;

export const ifposContract = {
  getSchemaStatus: channel('Which JSON Schema validates IFPOS payloads now, where it came from, and the last fetch of the official one.', z.object({}).strict(), schemaStatusSchema),
  loadSchema: channel(
    'Makes a JSON Schema file (the official IFPOSv1 schema) the one payloads are validated against; it must parse as JSON and compile.',
    z
      .object({
        text: z.string().min(1, 'The file is empty.').max(MAX_SCHEMA_CHARS, 'The file is too large to be a JSON Schema.'),
        fileName: z.string().trim().min(1).max(255),
      })
      .strict(),
    schemaStatusSchema,
  ),
  clearSchema: channel('Forgets the loaded schema file; payloads are validated against the fetched official schema or the bundled model again.', z.object({}).strict(), schemaStatusSchema),
  refreshSchema: channel('Live mode: fetches the official IFPOSv1 schema from TRAX now and caches it.', z.object({}).strict(), schemaStatusSchema),
  previewPayload: channel('A sample IFPOS payload built from the current settings and what the active schema says about it.', z.object({}).strict(), payloadPreviewSchema),
};
