import { z } from 'zod';
import { noControlCharacters } from '../plain-text';
import { modeSchema } from '../connections';
import { saleCustomerSchema } from './customer';
import { paymentMethodSchema, refundMethodSchema, returnReasonSchema } from './counter';

/** SimpleConsign takes order numbers as strings because many systems use letters; IFPOS keeps them as the invoice id. */
export const ORDER_NUMBER_PATTERN = /^[A-Za-z0-9]{1,30}$/;
const orderNumber = z
  .string()
  .trim()
  .min(1, 'Enter the order number.')
  .max(30, 'Order numbers are at most 30 characters.')
  .regex(ORDER_NUMBER_PATTERN, 'Order numbers use letters and digits only (no spaces or punctuation).');

/** The vendors a sale or return is delivered to. */
export const destinationIds = ['simpleconsign', 'ifpos'] as const;
export const destinationIdSchema = z.enum(destinationIds);
export type DestinationId = z.infer<typeof destinationIdSchema>;

/** The life of one delivery of one sale or return to one vendor. */
export const deliveryStates = ['waiting', 'sending', 'sent', 'retrying', 'uncertain', 'failed', 'cancelled'] as const;
export const deliveryStateSchema = z.enum(deliveryStates);
export type DeliveryState = z.infer<typeof deliveryStateSchema>;
/** Still moving without anyone's help. */
export const pendingStates: readonly DeliveryState[] = ['waiting', 'sending', 'retrying'];
/** Stopped until a person looks at it. */
export const attentionStates: readonly DeliveryState[] = ['failed', 'uncertain'];

const cents = (what: string) => z.number().int(`${what} must be whole cents.`).min(0, `${what} cannot be negative.`).max(10_000_000_00, `${what} is too large.`);

export const saleLineInputSchema = z
  .object({
    sku: z.string().trim().min(1, 'Enter the SKU.').max(64, 'SKUs are at most 64 characters.').refine(...noControlCharacters('SKUs')),
    name: z.string().trim().max(200).refine(...noControlCharacters('Item names')).default(''),
    unitPriceCents: cents('The unit price'),
    quantity: z.number().int('Quantities are whole numbers.').min(1, 'Quantity must be at least 1.').max(9999, 'Quantity is at most 9999.'),
    taxable: z.boolean(),
  })
  .strict();
export type SaleLineInput = z.input<typeof saleLineInputSchema>;

export const recordSaleInputSchema = z
  .object({
    /** Leave out to have one generated. */
    orderNumber: orderNumber.optional(),
    lines: z.array(saleLineInputSchema).min(1, 'Add at least one item.').max(500, 'A sale has at most 500 lines.'),
    /** Tax collected on the taxable lines. */
    taxCents: cents('The tax'),
    /** Who bought it, when staff note it; IFPOS carries it to TRAX. */
    customer: saleCustomerSchema.optional(),
    /** The rate the tax was worked out at, in thousandths of a percent (8250 = 8.25%). */
    taxRateMilli: z.number().int().min(0).max(99_999).optional(),
    paymentMethod: paymentMethodSchema.optional(),
    /** Cash handed over; the change is what it exceeds the total by. */
    tenderedCents: cents('The amount tendered').optional(),
  })
  .strict()
  .refine((v) => v.tenderedCents === undefined || v.paymentMethod === 'cash', { message: 'Only a cash payment has an amount tendered.', path: ['tenderedCents'] });
export type RecordSaleInput = z.input<typeof recordSaleInputSchema>;

export const recordReturnInputSchema = z
  .object({
    /** The original sale's order number; the return goes to the vendors under it. */
    orderNumber,
    lines: z
      .array(
        z
          .object({
            saleLineId: z.number().int().positive(),
            quantity: z.number().int('Quantities are whole numbers.').min(1, 'Return at least 1 of each chosen item.').max(9999),
          })
          .strict(),
      )
      .min(1, 'Choose at least one item to return.')
      .max(500),
    /** Tax refunded with the returned taxable items. */
    taxCents: cents('The tax refunded'),
    reason: returnReasonSchema.optional(),
    refundMethod: refundMethodSchema.optional(),
  })
  .strict();
export type RecordReturnInput = z.input<typeof recordReturnInputSchema>;

export const historyFilterStates = [...deliveryStates, 'pending', 'attention'] as const;
export const historyInputSchema = z
  .object({
    /** Recorded at or after (ms since epoch). */
    from: z.number().int().min(0).optional(),
    /** Recorded before (ms since epoch). */
    to: z.number().int().min(0).optional(),
    /** Any delivery of the sale or return in this state; `pending` = waiting/sending/retrying, `attention` = failed/uncertain. */
    state: z.enum(historyFilterStates).optional(),
    /** Order numbers starting with this text. */
    orderNumber: z.string().trim().max(30).refine(...noControlCharacters('Order numbers')).optional(),
    kind: z.enum(['SALE', 'RETURN']).optional(),
    page: z.number().int().min(1).default(1),
    pageSize: z.number().int().min(1).max(200).default(50),
  })
  .strict();
export type HistoryInput = z.input<typeof historyInputSchema>;

export const deliverySchema = z.object({
  id: z.number().int(),
  destination: destinationIdSchema,
  destinationName: z.string(),
  state: deliveryStateSchema,
  attempts: z.number().int(),
  /** When the next try is due (waiting/retrying). */
  nextAttemptAt: z.number().nullable(),
  /** Why it is retrying, failed or uncertain, in the vendor's words where there are any. */
  lastReason: z.string().nullable(),
  /** What a person should do (failed/uncertain). */
  action: z.string().nullable(),
  /** The vendor's answer, e.g. "AffectedRecords 1, ExecMS 152". */
  summary: z.string().nullable(),
  /** Waiting behind an earlier delivery of the same sale that needs attention. */
  held: z.boolean(),
  updatedAt: z.number(),
  sentAt: z.number().nullable(),
});
export type Delivery = z.infer<typeof deliverySchema>;

export const txLineSchema = z.object({
  saleLineId: z.number().int(),
  sku: z.string(),
  name: z.string(),
  unitPriceCents: z.number().int(),
  quantity: z.number().int(),
  taxable: z.boolean(),
});
export type TxLine = z.infer<typeof txLineSchema>;

const amounts = {
  nonTaxableCents: z.number().int(),
  taxableCents: z.number().int(),
  taxCents: z.number().int(),
  totalCents: z.number().int(),
};

export const returnDetailSchema = z.object({
  id: z.number().int(),
  recordedAt: z.number(),
  lines: z.array(txLineSchema),
  ...amounts,
  deliveries: z.array(deliverySchema),
  reason: returnReasonSchema.nullable().optional(),
  refundMethod: refundMethodSchema.nullable().optional(),
});
export type ReturnDetail = z.infer<typeof returnDetailSchema>;

export const saleDetailSchema = z.object({
  id: z.number().int(),
  orderNumber: z.string(),
  recordedAt: z.number(),
  lines: z.array(txLineSchema.extend({ returnedQuantity: z.number().int(), returnableQuantity: z.number().int() })),
  ...amounts,
  /** Tax not yet refunded by earlier returns. */
  taxRefundableCents: z.number().int(),
  customer: saleCustomerSchema.nullable(),
  deliveries: z.array(deliverySchema),
  returns: z.array(returnDetailSchema),
  /** How it was paid, when the counter recorded it. */
  payment: z.object({ method: paymentMethodSchema, tenderedCents: z.number().int().nullable(), changeCents: z.number().int().nullable() }).nullable().optional(),
  taxRateMilli: z.number().int().nullable().optional(),
});
export type SaleDetail = z.infer<typeof saleDetailSchema>;

export const historyRowSchema = z.object({
  kind: z.enum(['SALE', 'RETURN']),
  /** Training or live: the mode it was recorded in, which is the only mode it is ever sent or shown in. */
  mode: modeSchema,
  id: z.number().int(),
  saleId: z.number().int(),
  orderNumber: z.string(),
  recordedAt: z.number(),
  /** The prefix of the store's workstation that recorded it, when another one did (it delivers it too). */
  recordedOn: z.string().nullable().optional(),
  itemCount: z.number().int(),
  ...amounts,
  deliveries: z.array(deliverySchema),
});
export type HistoryRow = z.infer<typeof historyRowSchema>;

export const historyPageSchema = z.object({
  rows: z.array(historyRowSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Something anywhere is still on its way; screens poll while it is. */
  pending: z.boolean(),
  /**
   * In a store: whether the server answers (the other workstations' records are current) and when they were
   * last copied here ("as of …" while it is away). Null for a workstation on its own.
   */
  store: z.object({ live: z.boolean(), copiedAt: z.number().nullable() }).nullable().optional(),
});
export type HistoryPage = z.infer<typeof historyPageSchema>;

export const salesSummarySchema = z.object({
  /** Deliveries waiting, sending or retrying (including those held). */
  waiting: z.number().int(),
  /** Of those, how many wait behind an earlier delivery of their sale that needs attention. */
  held: z.number().int(),
  /** Deliveries failed or uncertain. */
  attention: z.number().int(),
  destinations: z.array(
    z.object({
      id: destinationIdSchema,
      name: z.string(),
      waiting: z.number().int(),
      held: z.number().int(),
      /** Set while the vendor asked the app to hold off (rate limit) or the connection is off. */
      pausedUntil: z.number().nullable(),
      pauseReason: z.string().nullable(),
    }),
  ),
});
export type SalesSummary = z.infer<typeof salesSummarySchema>;
