import { z } from 'zod';
import { channel } from '../contract/channel';

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

export const inventoryContract = {
  lookupSku: channel(
    'Finds one active item in the local inventory copy by exact SKU (case-insensitive), for the sale screen.',
    z.object({ sku: z.string().trim().min(1).max(64) }).strict(),
    z.object({ item: skuLookupSchema.nullable() }),
  ),
};
