import { z } from 'zod';
import { lineTotal, type Cents } from '../money';
import { centsToDollarNumber } from './money';
import { idSchema } from './types';

/** The four codes `/sale/create` answers per line, in the document's words, shortened for the screen. */
export const saleErrorMeanings: Record<string, string> = {
  ERR_FORBIDDEN_VENDOR:
    'Your API user may not create sales documents for this vendor (the vendor may not have finished setting up the sales document integration). Ask ISoft Data Systems to enable selling for this vendor.',
  ERR_NOT_UNIQUE: 'The item was identified the old way and more than one item matched. Send it with vendor, store and inventory id.',
  ERR_NOT_AVAILABLE: 'The item is no longer available; it may have been sold before the document was created.',
  ERR_NOT_FOUND: 'No such item: the inventory id was missing or wrong.',
};

export function saleErrorMeaning(code: string | null): string {
  return (code && saleErrorMeanings[code.toUpperCase()]) ?? 'HeavyTruckParts gave no known error code for this line.';
}

/** The document's three shipping preferences, each with its two accepted names. */
export const shippingMethods = ['Pick-Up', 'Will Call', 'Fastest', 'Expedited', 'Cheapest', 'Standard'] as const;

const cents = z.number().int('Whole cents only.').min(0, 'Amounts cannot be negative.').max(99_999_999_99, 'That amount is too large.');
const optionalText = (max: number) => z.string().trim().max(max, `At most ${max} characters.`).default('');

export const addressSchema = z
  .object({
    contact: z.string().trim().min(1, 'Enter the contact’s name.').max(100),
    company: optionalText(100),
    email: z.string().trim().max(200).default(''),
    street: optionalText(200),
    city: optionalText(100),
    state: optionalText(60),
    postalCode: optionalText(20),
    country: optionalText(60),
    phone: optionalText(40),
    fax: optionalText(40),
  })
  .strict();
export type SaleAddress = z.infer<typeof addressSchema>;

export const cartLineSchema = z
  .object({
    vendorId: idSchema,
    store: idSchema,
    inventoryId: idSchema,
    /** What the clerk sees for the line (part name, SKU); not sent. */
    label: z.string().max(300).default(''),
    quantity: z.number().int('Whole quantities only.').min(1, 'At least 1.').max(999, 'At most 999.'),
    priceCents: cents,
    corePriceCents: cents.nullable().default(null),
    shippingCents: cents.nullable().default(null),
    taxCents: cents.nullable().default(null),
  })
  .strict();
export type CartLine = z.infer<typeof cartLineSchema>;

export const saleDraftSchema = z
  .object({
    lines: z.array(cartLineSchema).min(1, 'Add at least one part to the cart.').max(100),
    /** "YYYY-MM-DD HH:ii:ss"; empty means now. */
    saleDate: z.string().trim().regex(/^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?)?$/, 'Write the sale date as YYYY-MM-DD HH:MM:SS, or leave it empty for now.').default(''),
    userId: z.string().trim().max(40).default(''),
    shippingMethod: z.enum(shippingMethods).default('Standard'),
    comments: optionalText(2000),
    poNumber: z.string().trim().max(20, 'The PO number may have at most 20 characters.').default(''),
    billing: addressSchema,
    shipping: addressSchema,
  })
  .strict();
export type SaleDraft = z.infer<typeof saleDraftSchema>;
export type SaleDraftInput = z.input<typeof saleDraftSchema>;

/** Each unit carries its price, core, shipping and tax, so a line's total is their sum times the quantity. */
export function lineAmount(line: Pick<CartLine, 'priceCents' | 'quantity'> & Partial<Pick<CartLine, 'corePriceCents' | 'shippingCents' | 'taxCents'>>): Cents {
  return lineTotal(line.priceCents + (line.corePriceCents ?? 0) + (line.shippingCents ?? 0) + (line.taxCents ?? 0), line.quantity);
}

export function saleTotal(draft: Pick<SaleDraft, 'lines'>): Cents {
  return draft.lines.reduce((sum, l) => sum + lineAmount(l), 0);
}

const omitEmpty = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== '' && v !== null && v !== undefined));

function address(a: SaleAddress, withFax: boolean) {
  return omitEmpty({
    contact: a.contact,
    company: a.company,
    email: a.email,
    street: a.street,
    city: a.city,
    state: a.state,
    postal_code: a.postalCode,
    country: a.country,
    phone_number: a.phone,
    fax_number: withFax ? a.fax : '',
  });
}

/** Ids go as JSON numbers ("numeric id"), unless so long a number would lose digits. */
const idValue = (id: string) => (id.length <= 15 ? Number(id) : id);

/** The `/sale/create` body: decimal dollars from cents (exact), optional fields left out when empty. */
export function saleCreateBody(draft: SaleDraft): Record<string, unknown> {
  const n = (c: Cents | null) => (c === null ? undefined : centsToDollarNumber(c));
  return omitEmpty({
    sale_date: draft.saleDate,
    sale_total: centsToDollarNumber(saleTotal(draft)),
    user_id: draft.userId,
    shipping_method: draft.shippingMethod,
    comments: draft.comments,
    po_number: draft.poNumber,
    line_items: draft.lines.map((l) =>
      omitEmpty({
        vendor_id: idValue(l.vendorId),
        vendor_store: idValue(l.store),
        vendor_inventory_id: idValue(l.inventoryId),
        quantity: l.quantity,
        price: centsToDollarNumber(l.priceCents),
        core_price: n(l.corePriceCents),
        shipping_price: n(l.shippingCents),
        tax_price: n(l.taxCents),
      }),
    ),
    billing_address: address(draft.billing, true),
    shipping_address: address(draft.shipping, false),
  });
}
