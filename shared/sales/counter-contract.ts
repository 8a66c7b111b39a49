import { z } from 'zod';
import { channel } from '../contract/channel';
import { counterSettingsSchema, draftBodySchema, findSalesInputSchema, foundSaleSchema, parkedDraftSchema } from './counter';
import { deliverySchema } from './schemas';

const none = z.object({}).strict();
const draftState = z.object({ current: draftBodySchema.nullable(), parked: z.array(parkedDraftSchema) });

/** The counter: its settings, the sale in progress kept as a draft, finding a sale to return, and retrying at once. */
export const counterContract = {
  /** The store name on receipts, the tax rate and how items without a taxable flag are taxed. */
  getCounterSettings: channel('The counter settings: store name for receipts, tax rate, and taxable by default.', none, counterSettingsSchema),
  updateCounterSettings: channel('Saves the counter settings.', counterSettingsSchema, counterSettingsSchema),
  /** The sale in progress (if any) and the parked ones. */
  getDrafts: channel('The sale in progress kept as a draft, and the parked sales.', none, draftState),
  /** Keeps the sale in progress, so a reload or restart finds it; an empty sale clears it. */
  saveDraft: channel('Keeps the sale in progress as a draft (an empty one clears it).', z.object({ body: draftBodySchema }).strict(), z.object({ saved: z.boolean() })),
  /** Sets the sale in progress aside and starts an empty one. */
  parkDraft: channel('Parks the sale in progress and clears the counter.', z.object({ body: draftBodySchema }).strict(), draftState),
  /** Brings a parked sale back; the one on the counter, if not empty, is parked in its place. */
  resumeDraft: channel('Brings back a parked sale; a sale on the counter is parked in its place.', z.object({ id: z.number().int().positive(), current: draftBodySchema }).strict(), draftState),
  /** Throws the sale in progress away. */
  voidDraft: channel('Voids the sale in progress.', none, draftState),
  /** Sales by part of their order number, a SKU they sold, or a date. */
  findSales: channel('Recorded sales by part of the order number, a SKU sold, or a day; newest first.', findSalesInputSchema, z.object({ sales: z.array(foundSaleSchema) })),
  /** Sends a delivery waiting for its retry time now, unless the vendor itself asked to wait. */
  retryNow: channel('Sends a delivery that is waiting to retry at once, unless the vendor asked the app to wait.', z.object({ deliveryId: z.number().int().positive() }).strict(), deliverySchema),
};
