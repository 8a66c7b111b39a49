import { z } from 'zod';
import { channel } from '../contract/channel';

/** One of the two sales of a one-off item. */
const conflictSaleSchema = z.object({
  orderNumber: z.string(),
  recordedAt: z.number(),
  /** The workstation that recorded it: its prefix and name ("02 · Counter 2"). */
  workstation: z.string(),
});

/**
 * A one-off consignment item (quantity at most 1 in the store's inventory copy) that two sales sold,
 * usually on two workstations while one was cut off from the store server. Both sales stand; a person
 * settles what happened and writes it down.
 */
export const saleConflictSchema = z.object({
  id: z.number().int().positive(),
  sku: z.string(),
  itemName: z.string().nullable(),
  flaggedAt: z.number(),
  first: conflictSaleSchema,
  second: conflictSaleSchema,
  settled: z.object({ at: z.number(), by: z.string(), note: z.string() }).nullable(),
});
export type SaleConflict = z.infer<typeof saleConflictSchema>;

export const conflictListSchema = z.object({
  /** Part of a store (conflicts exist only there). */
  paired: z.boolean(),
  /** The list is the server's now; otherwise the last one read (or none), while the server is away. */
  live: z.boolean(),
  conflicts: z.array(saleConflictSchema),
});
export type ConflictList = z.infer<typeof conflictListSchema>;

export const settleConflictInputSchema = z
  .object({
    id: z.number().int().positive(),
    note: z.string().trim().min(1, 'Write down how it was settled.').max(500, 'The note is at most 500 characters.'),
  })
  .strict();
export type SettleConflictInput = z.input<typeof settleConflictInputSchema>;

export const conflictsContract = {
  /** One-off items two sales sold, open ones first, with both sales and their workstations. */
  getConflicts: channel('One-off items two sales of the store sold, open ones first, with both sales and their workstations.', z.object({}).strict(), conflictListSchema),
  /** Marks a conflict settled with a note of what was done; every workstation sees it settled. */
  settleConflict: channel('Marks a one-off item sold twice as settled, with a note of what was done.', settleConflictInputSchema, conflictListSchema),
};
