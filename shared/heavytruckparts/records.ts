import { z } from 'zod';
import { logKinds } from './inputs';
import { addressSchema } from './sale';
import { createAnswerSchema, salesDocumentSchema } from './sales-doc';
import { partTypeOptionSchema, vendorOptionSchema } from './types';

/**
 * A logged call, e-mail, inquiry or request. Logging makes HeavyTruckParts e-mail the vendor, so
 * one whose answer was lost is never sent again by itself: it waits in "unknown" for the clerk.
 */
export const interactionSchema = z.object({
  id: z.number().int(),
  kind: z.enum(logKinds),
  state: z.enum(['sending', 'logged', 'failed', 'unknown', 'dismissed']),
  summary: z.string(),
  /** The vendor's answer as it came (the document does not describe it), for the details. */
  answer: z.string().nullable(),
  /** The answer in words ("Logged, number 12"). */
  answerWords: z.string().nullable(),
  message: z.string().nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type Interaction = z.infer<typeof interactionSchema>;

/**
 * A sales document the app asked for. Recorded before `/sale/create` is called; `/sale/create` has
 * no idempotency key, so an unknown outcome is reconciled through `/sale/list` or by the clerk,
 * never by sending again on its own.
 */
export const localSaleSchema = z.object({
  id: z.number().int(),
  state: z.enum(['sending', 'created', 'partial', 'refused', 'failed', 'unknown', 'abandoned']),
  userId: z.string(),
  poNumber: z.string(),
  totalCents: z.number().int(),
  lineCount: z.number().int(),
  lines: z.array(
    z.object({
      vendorId: z.string(),
      store: z.string(),
      inventoryId: z.string(),
      label: z.string(),
      quantity: z.number().int(),
      priceCents: z.number().int(),
      corePriceCents: z.number().int().nullable(),
      shippingCents: z.number().int().nullable(),
      taxCents: z.number().int().nullable(),
    }),
  ),
  /** The rest of what was asked for, so a quote or confirmation can be printed from the record. */
  saleDate: z.string(),
  shippingMethod: z.string(),
  comments: z.string(),
  billing: addressSchema,
  shipping: addressSchema,
  onlineTransactionId: z.string().nullable(),
  answer: createAnswerSchema.nullable(),
  message: z.string().nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type LocalSale = z.infer<typeof localSaleSchema>;

export const reconcileResultSchema = z.object({ sale: localSaleSchema, candidates: z.array(salesDocumentSchema), message: z.string() });

export const listsSchema = z.object({
  partTypes: z.array(partTypeOptionSchema),
  categories: z.array(z.string()),
  vendors: z.array(vendorOptionSchema),
  /** When the lists were fetched from HeavyTruckParts; null when they never were. */
  fetchedAt: z.number().nullable(),
  /** Why a refresh failed while older lists are shown, or why there are none. */
  problem: z.string().nullable(),
});
export type PartLists = z.infer<typeof listsSchema>;

export const namesSchema = z.object({ names: z.array(z.string()), fetchedAt: z.number().nullable(), problem: z.string().nullable() });

export const feedStatusSchema = z.object({
  state: z.enum(['idle', 'requesting', 'writing', 'done', 'failed']),
  format: z.enum(['csv', 'xlsx']).nullable(),
  startedAt: z.number().nullable(),
  received: z.number().int(),
  written: z.number().int(),
  fileName: z.string().nullable(),
  filePath: z.string().nullable(),
  message: z.string().nullable(),
});
export type FeedStatus = z.infer<typeof feedStatusSchema>;
