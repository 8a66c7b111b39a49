import { z } from 'zod';

/** How the local copy is kept in step with SimpleConsign; the filters are the vendor's own request options. */
export const syncSettingsSchema = z.object({
  /** Run a "modified since" load on a timer once the first load is done. */
  autoSync: z.boolean(),
  intervalMinutes: z.number().int('Whole minutes only.').min(1, 'At least 1 minute.').max(1440, 'At most 1440 minutes (a day).'),
  /** Subtracted from a run's start time to give the next run's modifiedSince, so consecutive loads overlap. */
  overlapMinutes: z.number().int('Whole minutes only.').min(5, 'The overlap must be at least 5 minutes.').max(15, 'The overlap must be at most 15 minutes.'),
  /** A SimpleConsign category name; empty means every category. */
  category: z.string().trim().max(100),
  /** Only this consignor's items; empty means everyone's and store stock. */
  consignorId: z.string().trim().max(40),
  includeOnlyEcommerceItems: z.boolean(),
  includeItemsWithQuantityZero: z.boolean(),
});
export type SyncSettings = z.infer<typeof syncSettingsSchema>;

export const defaultSyncSettings: SyncSettings = {
  autoSync: true,
  intervalMinutes: 5,
  overlapMinutes: 10,
  category: '',
  consignorId: '',
  includeOnlyEcommerceItems: false,
  includeItemsWithQuantityZero: false,
};

export const syncModeSchema = z.enum(['full', 'incremental']);
export type SyncMode = z.infer<typeof syncModeSchema>;
export const syncTriggerSchema = z.enum(['manual', 'scheduled', 'reload', 'store']);
export type SyncTrigger = z.infer<typeof syncTriggerSchema>;

const count = z.number().int().min(0);

export const syncRunSchema = z.object({
  id: z.number().int(),
  mode: syncModeSchema,
  trigger: syncTriggerSchema,
  startedAt: z.number(),
  finishedAt: z.number().nullable(),
  outcome: z.enum(['running', 'ok', 'failed', 'interrupted']),
  received: count,
  inserted: count,
  updated: count,
  deleted: count,
  /** Items the answer held that could not be used (no SKU, not an object). */
  skipped: count,
  /** A one-line summary, or the specific reason the run failed. */
  message: z.string(),
  details: z.array(z.string()),
  /** What staff should know about a run that went through (two vendor clocks that disagree), shown with it. */
  warnings: z.array(z.string()),
});
export type SyncRun = z.infer<typeof syncRunSchema>;

export const syncProgressSchema = z.object({
  mode: syncModeSchema,
  phase: z.enum(['requesting', 'applying', 'indexing', 'committing', 'cleaning']),
  startedAt: z.number(),
  received: count,
  applied: count,
});
export type SyncProgress = z.infer<typeof syncProgressSchema>;

export const syncStatusSchema = z.object({
  /** Whether a first load has completed; searches answer nothing before it. */
  loaded: z.boolean(),
  itemCount: count,
  /** modifiedSince for the next incremental run (UTC ms), or null before the first load. */
  watermark: z.number().nullable(),
  /** Changes each time a run is applied; result lists refresh when it does. */
  dataVersion: z.number().int(),
  /** Where the copy came from: the training simulator or the live store. */
  source: z.enum(['training', 'live']).nullable(),
  /** The next run will be a full load (first load, switched mode, changed filters). */
  needsFullLoad: z.boolean(),
  running: syncProgressSchema.nullable(),
  lastRun: syncRunSchema.nullable(),
  lastSuccessAt: z.number().nullable(),
  nextRunAt: z.number().nullable(),
  /** SimpleConsign's request cap was hit: no request is made before this time. */
  pausedUntil: z.number().nullable(),
  settings: syncSettingsSchema,
  recentRuns: z.array(syncRunSchema),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const stockFilterSchema = z.enum(['all', 'consignment', 'store']);
export const searchSortSchema = z.enum(['relevance', 'name', 'sku', 'price-asc', 'price-desc', 'quantity', 'newest', 'updated']);
export type SearchSort = z.infer<typeof searchSortSchema>;

export const searchFiltersSchema = z.object({
  query: z.string().trim().max(200, 'Search for at most 200 characters.').default(''),
  category: z.string().max(100).nullable().default(null),
  stock: stockFilterSchema.default('all'),
  ecommerceOnly: z.boolean().default(false),
  inStockOnly: z.boolean().default(false),
  /** Status ACTIVE only (not CONVERTED, EXPIRED, …); inactive-state items are never in the copy. */
  activeOnly: z.boolean().default(false),
  sort: searchSortSchema.default('relevance'),
});
export type SearchFilters = z.infer<typeof searchFiltersSchema>;

export const searchInputSchema = searchFiltersSchema
  .extend({
    offset: z.number().int().min(0).max(10_000_000).default(0),
    limit: z.number().int().min(1).max(500, 'At most 500 rows per call.').default(100),
  })
  .strict();
export type SearchInput = z.input<typeof searchInputSchema>;

export const itemRowSchema = z.object({
  sku: z.string(),
  name: z.string().nullable(),
  category: z.string().nullable(),
  brand: z.string().nullable(),
  size: z.string().nullable(),
  color: z.string().nullable(),
  quantity: z.number().int().nullable(),
  currentPriceCents: z.number().int().nullable(),
  consignment: z.boolean().nullable(),
  consignorId: z.string().nullable(),
  status: z.string().nullable(),
  ecommerce: z.boolean().nullable(),
  thumbnailUrl: z.string().nullable(),
});
export type ItemRow = z.infer<typeof itemRowSchema>;

export const searchResultSchema = z.object({
  /** Matching items, counted exactly up to a cap; beyond it `totalExact` is false and this is the cap. */
  total: count,
  totalExact: z.boolean(),
  /** The words actually searched when the typed ones matched nothing and a near spelling did. */
  correctedQuery: z.string().nullable(),
  offset: count,
  dataVersion: z.number().int(),
  items: z.array(itemRowSchema),
});
export type SearchResult = z.infer<typeof searchResultSchema>;

export const itemImageSchema = z.object({
  name: z.string(),
  thumbnailUrl: z.string(),
  /** The largest optimized size for JPEGs; the original otherwise. */
  largeUrl: z.string(),
  originalUrl: z.string(),
});

export const itemDetailSchema = itemRowSchema.extend({
  description: z.string().nullable(),
  familyGroup: z.string().nullable(),
  state: z.string().nullable(),
  startDate: z.string().nullable(),
  expireDate: z.string().nullable(),
  costCents: z.number().int().nullable(),
  retailCents: z.number().int().nullable(),
  buyersFeeCents: z.number().int().nullable(),
  discount: z.number().nullable(),
  doNotDiscount: z.boolean().nullable(),
  dateCreated: z.number().nullable(),
  lastUpdated: z.number().nullable(),
  images: z.array(itemImageSchema),
  /** Fields SimpleConsign sent that the document does not list, as sent (values as JSON text). */
  extra: z.array(z.object({ key: z.string(), value: z.string() })),
  /** Documented fields whose value could not be read, kept as sent. */
  unreadable: z.array(z.object({ key: z.string(), value: z.string() })),
});
export type ItemDetail = z.infer<typeof itemDetailSchema>;

export const categoryCountSchema = z.object({ name: z.string(), count: count });
