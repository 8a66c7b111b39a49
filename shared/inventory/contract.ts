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
