import { z } from 'zod';
import { channel } from '../contract/channel';
import { conflictsContract } from './conflicts';
import { counterContract } from './counter-contract';
import {
  deliverySchema,
  historyInputSchema,
  historyPageSchema,
  recordReturnInputSchema,
  recordSaleInputSchema,
  saleDetailSchema,
  salesSummarySchema,
} from './schemas';

const deliveryAction = z.object({ deliveryId: z.number().int().positive() }).strict();

export const salesContract = {
  /**
   * Records a sale and queues it for every enabled vendor in one commit, before any vendor call. Each vendor's
   * rules are checked first, so a sale a vendor would refuse is not recorded; an order number typed twice is refused.
   */
  recordSale: channel(
    'Records a sale (order number generated unless typed) and queues it for every enabled vendor; vendor rules are checked first.',
    recordSaleInputSchema,
    saleDetailSchema,
  ),
  /**
   * Records a return against a recorded sale, never more of a line than was sold minus already returned, and
   * queues it for the vendors that have the sale: a RETURN for SimpleConsign, a modified sale for IFPOS.
   */
  recordReturn: channel(
    'Records a return against a sale (at most sold minus already returned per line) and queues it for the vendors that have the sale.',
    recordReturnInputSchema,
    saleDetailSchema,
  ),
  /** Sales and returns, newest first, each with its delivery state per vendor; filtered and paged. */
  getHistory: channel('Sales and returns, newest first, with each vendor’s delivery state; filter by date, state and order number.', historyInputSchema, historyPageSchema),
  /** One sale with its lines, returnable quantities, returns and every delivery. */
  getSale: channel(
    'One sale by order number or id: lines with returnable quantities, its returns and every delivery per vendor.',
    z
      .object({ orderNumber: z.string().trim().min(1, 'Enter the order number.').max(30).optional(), saleId: z.number().int().positive().optional() })
      .strict()
      .refine((v) => (v.orderNumber === undefined) !== (v.saleId === undefined), 'Give either the order number or the sale id.'),
    saleDetailSchema,
  ),
  /** Sends a failed, uncertain or cancelled delivery again (after checking the vendor does not have it). */
  resend: channel('Sends a failed, uncertain or cancelled delivery again, in its place in the queue.', deliveryAction, deliverySchema),
  /** Stops a delivery that is waiting, retrying or failed; it will not be sent. */
  cancel: channel('Cancels a waiting, retrying or failed delivery so it is never sent.', deliveryAction, deliverySchema),
  /**
   * Records that staff found an uncertain delivery at the vendor, or did by hand what a failed one asked,
   * so it is not sent again; who did it and when are kept with it.
   */
  markDelivered: channel(
    'Marks an uncertain or failed delivery as done after staff checked the vendor; notes who and when.',
    z
      .object({
        deliveryId: z.number().int().positive(),
        by: z.string().trim().min(1, 'Enter who checked the vendor.').max(80, 'Names are at most 80 characters.'),
      })
      .strict(),
    deliverySchema,
  ),
  /** How many deliveries are waiting or need attention, and which vendors are paused until when. */
  getSummary: channel('Counts of deliveries waiting and needing attention, and vendors paused (rate limit) with until when.', z.object({}).strict(), salesSummarySchema),
  ...counterContract,
  ...conflictsContract,
};
