import { z } from 'zod';
import type { Cents } from '../money';

/** How the customer paid; cash is the only one that has change. */
export const paymentMethods = ['cash', 'card', 'check', 'gift-card', 'store-credit', 'other'] as const;
export const paymentMethodSchema = z.enum(paymentMethods);
export type PaymentMethod = z.infer<typeof paymentMethodSchema>;
export const paymentLabels: Record<PaymentMethod, string> = {
  cash: 'Cash',
  card: 'Card',
  check: 'Check',
  'gift-card': 'Gift card',
  'store-credit': 'Store credit',
  other: 'Other',
};

/** Why an item came back. */
export const returnReasons = ['changed-mind', 'damaged', 'wrong-item', 'not-as-described', 'other'] as const;
export const returnReasonSchema = z.enum(returnReasons);
export type ReturnReason = z.infer<typeof returnReasonSchema>;
export const returnReasonLabels: Record<ReturnReason, string> = {
  'changed-mind': 'Changed their mind',
  damaged: 'Damaged or faulty',
  'wrong-item': 'Wrong item or size',
  'not-as-described': 'Not as described',
  other: 'Other',
};

/** How the money goes back. */
export const refundMethods = ['original', 'cash', 'card', 'store-credit', 'exchange'] as const;
export const refundMethodSchema = z.enum(refundMethods);
export type RefundMethod = z.infer<typeof refundMethodSchema>;
export const refundMethodLabels: Record<RefundMethod, string> = {
  original: 'Same way they paid',
  cash: 'Cash',
  card: 'Card',
  'store-credit': 'Store credit',
  exchange: 'Exchange (no money back)',
};

/** "8.25" (percent, up to three decimals) → thousandths of a percent (8250); null when not a rate. */
export function parseTaxRate(text: string): number | null {
  const m = /^\s*(\d{1,2})(?:\.(\d{0,3}))?\s*%?\s*$/.exec(text);
  if (!m) return null;
  return Number(m[1]) * 1000 + Number((m[2] ?? '').padEnd(3, '0'));
}

/** 8250 → "8.25". */
export function formatTaxRate(milli: number): string {
  const whole = Math.floor(milli / 1000);
  const frac = String(milli % 1000).padStart(3, '0').replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : String(whole);
}

/** Tax on a taxable amount at a rate in thousandths of a percent, rounded half up to the cent, exactly. */
export function taxAt(taxableCents: Cents, rateMilli: number): Cents {
  if (taxableCents <= 0 || rateMilli <= 0) return 0;
  const num = BigInt(taxableCents) * BigInt(rateMilli) * 2n + 100_000n;
  return Number(num / 200_000n);
}

export const taxRateTextSchema = z
  .string()
  .trim()
  .refine((t) => parseTaxRate(t) !== null, 'Type the tax rate as a percentage, e.g. 8.25 (0 to 99.999).');

/** The counter's own settings: the tax rate, and how unflagged items are taxed (the store's details are its profile). */
export const counterSettingsSchema = z
  .object({
    /** Percent, e.g. "8.25" (whatever the workstation's decimal mark). */
    taxRate: taxRateTextSchema,
    /** For items whose inventory record carries no taxable flag, and for items sold by hand. */
    taxableByDefault: z.boolean(),
  })
  .strict();
export type CounterSettings = z.infer<typeof counterSettingsSchema>;
export const defaultCounterSettings: CounterSettings = { taxRate: '0', taxableByDefault: true };

/** One line of a sale in progress, as kept in its draft. */
export const draftLineSchema = z.object({
  key: z.number().int(),
  sku: z.string().max(64),
  name: z.string().max(200),
  quantity: z.number().int().min(1).max(9999),
  unitPriceCents: z.number().int().min(0),
  taxable: z.boolean(),
  /** What the inventory copy said when the line was added; null for an item sold by hand. */
  stock: z
    .object({
      onHand: z.number().int(),
      consignment: z.boolean().nullable(),
      status: z.string().nullable(),
      expireDate: z.string().nullable(),
    })
    .nullable(),
});
export type DraftLineData = z.infer<typeof draftLineSchema>;

/** A sale in progress: kept while it is rung up, so a reload or restart does not lose it. */
export const draftBodySchema = z.object({
  lines: z.array(draftLineSchema).max(500),
  orderNumber: z.string().max(60),
  taxRate: z.string().max(20),
  paymentMethod: paymentMethodSchema,
  tendered: z.string().max(20),
});
export type DraftBody = z.infer<typeof draftBodySchema>;

export const parkedDraftSchema = z.object({
  id: z.number().int(),
  parkedAt: z.number(),
  itemCount: z.number().int(),
  totalCents: z.number().int(),
  body: draftBodySchema,
});
export type ParkedDraft = z.infer<typeof parkedDraftSchema>;

/** A recorded sale found for a return. */
export const foundSaleSchema = z.object({
  saleId: z.number().int(),
  orderNumber: z.string(),
  recordedAt: z.number(),
  itemCount: z.number().int(),
  totalCents: z.number().int(),
  skus: z.array(z.string()),
});
export type FoundSale = z.infer<typeof foundSaleSchema>;

export const findSalesInputSchema = z
  .object({
    /** Part of the order number, or a SKU sold in the sale. */
    text: z.string().trim().max(64).default(''),
    /** Recorded at or after / before (ms since epoch), for a day. */
    from: z.number().int().min(0).optional(),
    to: z.number().int().min(0).optional(),
  })
  .strict()
  .refine((v) => v.text !== '' || v.from !== undefined, 'Type part of the order number or a SKU, or pick a date.');
