import { z } from 'zod';
import { idSchema, itemKeySchema } from './types';

/** The columns the document lets results be sorted by. */
export const sortColumns = ['part_name', 'make_model', 'year', 'oem_number', 'vendor_sku', 'description', 'price', 'coreprice', 'condition', 'type', 'distance', 'vendor', 'date_added'] as const;

/**
 * Web address rules drop a path part of "." or ".." (also written %2E), so such a value would reach
 * another address than the one meant: it is refused here, where the clerk typed it.
 */
export function dotSegmentProblem(label: string, value: string): string | null {
  const v = value.trim();
  if (v !== '.' && v !== '..') return null;
  return `The ${label} cannot be just “${v}”: a web address cannot carry it as a value. Leave it empty (or *) for any ${label}.`;
}

/** A value sent as one part of a web address path. */
export const pathValue = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `The ${label} may have at most ${max} characters.`)
    .superRefine((v, ctx) => {
      const problem = dotSegmentProblem(label, v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });

const segment = (label: string) => pathValue(label, 100).default('*');
const year = z.number().int('Years are whole numbers.').min(0).max(2100, 'That year is too far ahead.');
const idList = (label: string) =>
  z
    .string()
    .trim()
    .max(200)
    .regex(/^(\d+(\s*,\s*\d+)*)?$/, `List ${label} ids as numbers separated by commas.`)
    .default('');

export const searchInputSchema = z
  .object({
    partType: segment('part type'),
    make: segment('make'),
    model: segment('model'),
    /** 0 means "all years" at that end of the range. */
    yearFrom: year.default(0),
    yearTo: year.default(0),
    zipcode: z.string().trim().max(10, 'The zip code may have at most 10 characters.').default(''),
    /** Miles; 0 means any distance. */
    distance: z.number().int('Whole miles only.').min(0, 'The distance cannot be negative.').max(5000).default(0),
    keywords: z.string().trim().max(300, 'At most 300 characters of keywords.').default(''),
    category: z.string().trim().max(60).default(''),
    store: idList('store'),
    vendor: idList('vendor'),
    userId: z.string().trim().max(40).default(''),
    page: z.number().int().min(1, 'Pages start at 1.').max(100_000).default(1),
    resultSize: z.union([z.number().int().min(1, 'At least 1 result a page.').max(1000, 'At most 1000 results a page.'), z.literal('all')]).default(25),
    /** Empty: HeavyTruckParts’ default (price, or distance when a zip code is given). */
    sortColumn: z.union([z.enum(sortColumns), z.literal('')]).default(''),
    sortOrder: z.enum(['', 'ascending', 'descending']).default(''),
    showSuggested: z.boolean().default(false),
  })
  .strict()
  .refine((s) => !(s.yearFrom > 0 && s.yearTo > 0 && s.yearFrom > s.yearTo), { message: 'The first year must not be after the last year.', path: ['yearTo'] })
  .refine((s) => s.distance === 0 || s.zipcode !== '', { message: 'A distance needs a zip code to measure from.', path: ['zipcode'] });
export type SearchInput = z.infer<typeof searchInputSchema>;
export type SearchInputRaw = z.input<typeof searchInputSchema>;

const userIdField = z.string().trim().max(40).default('');

/** An item by its three ids, or by a details address from an answer. */
export const itemRefSchema = z
  .object({ key: itemKeySchema.optional(), uri: z.string().trim().min(1).max(2000).optional(), userId: userIdField })
  .strict()
  .refine((r) => (r.key === undefined) !== (r.uri === undefined), { message: 'Give the item’s ids or its details address, not both.' });

export const contactSchema = z
  .object({
    contact: z.string().trim().max(100).default(''),
    company: z.string().trim().max(100).default(''),
    address: z.string().trim().max(200).default(''),
    city: z.string().trim().max(100).default(''),
    state: z.string().trim().max(60).default(''),
    postalCode: z.string().trim().max(20).default(''),
    country: z.string().trim().max(60).default(''),
    phone: z.string().trim().max(40).default(''),
    email: z.string().trim().max(200).default(''),
    preferredContactMethod: z.string().trim().max(40).default(''),
  })
  .strict()
  .refine((c) => c.contact !== '' || c.phone !== '' || c.email !== '', { message: 'Give at least a name, a phone number or an e-mail address for the caller.' });
export type LogContact = z.infer<typeof contactSchema>;

export const logKinds = ['phone_call', 'email', 'part_inquiry', 'part_request'] as const;
export type LogKind = (typeof logKinds)[number];

export const logInputSchema = z
  .object({
    kind: z.enum(logKinds),
    contact: contactSchema,
    comments: z.string().trim().max(2000).default(''),
    /** The item the call is about (inquiry, and the item screen's phone call or e-mail). */
    item: z.object({ vendorId: idSchema, store: idSchema, vendorSku: z.string().trim().max(60).default(''), label: z.string().max(300).default('') }).strict().nullable().default(null),
    /** What was asked for and not found (part request). */
    request: z
      .object({
        partType: z.string().trim().min(1, 'Say which part type was asked for.').max(100),
        make: z.string().trim().max(100).default(''),
        model: z.string().trim().max(100).default(''),
        year: z.string().trim().max(10).default(''),
        /** Fitment details; their field names are not documented, so free lines of "name: value". */
        vehicle: z.string().trim().max(1000).default(''),
      })
      .strict()
      .nullable()
      .default(null),
    endUserId: z.string().trim().max(40).default(''),
  })
  .strict()
  .refine((l) => l.kind !== 'part_request' || l.request !== null, { message: 'A part request needs the part type that was asked for.', path: ['request'] })
  .refine((l) => l.kind !== 'part_inquiry' || l.item !== null, { message: 'A part inquiry is about one item: open it first.', path: ['item'] });
export type LogInput = z.infer<typeof logInputSchema>;
export type LogInputRaw = z.input<typeof logInputSchema>;

export const saleListInputSchema = z
  .object({
    userId: z.string().trim().max(40).default(''),
    vendorId: z.string().trim().max(20).regex(/^\d*$/, 'The vendor id is a number.').default(''),
    dateFrom: z.string().trim().regex(/^(\d{4}-\d{2}-\d{2})?$/, 'Dates are YYYY-MM-DD.').default(''),
    dateTo: z.string().trim().regex(/^(\d{4}-\d{2}-\d{2})?$/, 'Dates are YYYY-MM-DD.').default(''),
    vendorStatus: z.string().trim().max(40).default(''),
    customerStatus: z.string().trim().max(40).default(''),
  })
  .strict();
export type SaleListInput = z.infer<typeof saleListInputSchema>;

/** By online transaction id, or by store and sales document id; always with the vendor id. */
export const saleLookupInputSchema = z
  .object({
    vendorId: idSchema,
    onlineTransactionId: z.string().trim().max(40).default(''),
    store: z.string().trim().max(18).regex(/^\d*$/, 'The store id is a number.').default(''),
    documentId: z.string().trim().max(40).default(''),
  })
  .strict()
  .refine((r) => r.onlineTransactionId !== '' || (r.store !== '' && r.documentId !== ''), { message: 'Enter the online transaction id, or the store and the sales document id.' });
export type SaleLookupInput = z.infer<typeof saleLookupInputSchema>;
