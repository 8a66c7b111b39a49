import { z } from 'zod';
import { noControlCharacters } from '../plain-text';
import { channel } from '../contract/channel';
import { categoryCountSchema, itemDetailSchema, searchInputSchema, searchResultSchema, syncSettingsSchema, syncStatusSchema } from './schemas';

/** What the sale screen needs of a local inventory item to fill a line. */
export const skuLookupSchema = z.object({
  sku: z.string(),
  name: z.string(),
  currentPriceCents: z.number().int(),
  quantity: z.number().int(),
  /** Thumbnail URL when the item has an image. */
  thumbnailUrl: z.string().nullable(),
  /** From the store's own taxable flag when it sends one; null when it does not. */
  taxable: z.boolean().nullable().default(null),
  consignment: z.boolean().nullable().default(null),
  /** SimpleConsign's status, e.g. "ACTIVE", "ON HOLD", "EXPIRED". */
  status: z.string().nullable().default(null),
  /** Consignment expiry as SimpleConsign sends it (MM/DD/YYYY). */
  expireDate: z.string().nullable().default(null),
});
export type SkuLookup = z.infer<typeof skuLookupSchema>;

const none = z.object({}).strict();

export const inventoryContract = {
  lookupSku: channel(
    'Finds one active item in the local inventory copy by exact SKU (case-insensitive), for the sale screen.',
    z.object({ sku: z.string().trim().min(1).max(64).refine(...noControlCharacters('SKUs')) }).strict(),
    z.object({ item: skuLookupSchema.nullable() }),
  ),
  getStatus: channel(
    'The local copy’s size and watermark, the run in progress (items received and applied), the last runs and the sync settings.',
    none,
    syncStatusSchema,
  ),
  syncNow: channel(
    'Starts a load at once: "modified since" the watermark, or a full load when there is no copy yet. Answers at once; poll getStatus for progress.',
    none,
    syncStatusSchema,
  ),
  fullReload: channel(
    'Starts a full load that rebuilds the copy and drops items SimpleConsign no longer lists. Answers at once; poll getStatus for progress.',
    none,
    syncStatusSchema,
  ),
  reloadSince: channel(
    'Starts a "modified since" load from a chosen moment (UTC ms) instead of the watermark, to take in again what changed since then. Answers at once; poll getStatus for progress.',
    z.object({ since: z.number().int('Choose a date and time.').min(Date.UTC(2000, 0, 1), 'Choose a date after 1 January 2000.') }).strict(),
    syncStatusSchema,
  ),
  updateSettings: channel(
    'Saves the schedule, the overlap and the SimpleConsign request options; changed options make the next run a full load.',
    syncSettingsSchema.strict(),
    syncStatusSchema,
  ),
  search: channel(
    'One page of the local copy matching a full-text query and filters, in the chosen order, with the total count.',
    searchInputSchema,
    searchResultSchema,
  ),
  getItem: channel(
    'Every field of one item in the local copy, its image addresses and the undocumented fields the store sent.',
    z.object({ sku: z.string().trim().min(1).max(64).refine(...noControlCharacters('SKUs')) }).strict(),
    z.object({ item: itemDetailSchema.nullable() }),
  ),
  listCategories: channel(
    'The categories in the local copy with their item counts, for the category filter.',
    none,
    z.object({ categories: z.array(categoryCountSchema) }),
  ),
};
