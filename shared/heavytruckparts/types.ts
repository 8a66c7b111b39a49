import { z } from 'zod';

/** Vendor and store ids and inventory ids are numeric on HeavyTruckParts; kept as digit strings so none is ever rounded. */
export const idSchema = z.string().trim().regex(/^\d{1,18}$/, 'Use the numeric id HeavyTruckParts gives.');

/** An item is vendor + store + inventory id together; a SKU alone is not unique. */
export const itemKeySchema = z.object({ vendorId: idSchema, store: idSchema, inventoryId: idSchema }).strict();
export type ItemKey = z.infer<typeof itemKeySchema>;

const text = z.string().nullable();
const cents = z.number().int().nullable();

export const vendorCardSchema = z.object({
  company: text,
  contact: text,
  street: text,
  city: text,
  state: text,
  postalCode: text,
  country: text,
  phone: text,
  fax: text,
  email: text,
  vendorId: text,
  store: text,
});
export type VendorCard = z.infer<typeof vendorCardSchema>;

/** A Q&A pair or any other labelled value the vendor sent. */
export const labelledSchema = z.object({ label: z.string(), value: z.string() });
export type Labelled = z.infer<typeof labelledSchema>;

export const searchHitSchema = z.object({
  key: itemKeySchema.nullable(),
  type: text,
  partName: text,
  makeModel: text,
  year: text,
  oemNumber: text,
  vendorSku: text,
  description: text,
  priceCents: cents,
  corePriceCents: cents,
  condition: text,
  distance: z.number().nullable(),
  vendor: vendorCardSchema,
  detailsUri: text,
  images: z.array(z.string()),
  qa: z.array(labelledSchema),
  pageNumber: z.number().int().nullable(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const suggestedTypeSchema = z.object({ partName: z.string(), partTypeId: text, uri: text });
export type SuggestedType = z.infer<typeof suggestedTypeSchema>;

export const searchPageSchema = z.object({
  totalResults: z.number().int(),
  totalPages: z.number().int(),
  page: z.number().int(),
  /** True when the answer holds a different number of rows than asked for (the API may ignore result_size). */
  resultSizeIgnored: z.boolean(),
  hits: z.array(searchHitSchema),
  suggested: z.array(suggestedTypeSchema),
  /** Entries that were not items at all (skipped, counted). */
  unreadable: z.number().int(),
  /** The end user whose prices these are, when one was attached. */
  userId: z.string().nullable(),
});
export type SearchPage = z.infer<typeof searchPageSchema>;

export const itemDetailSchema = z.object({
  key: itemKeySchema.nullable(),
  partName: text,
  vendorPartName: text,
  year: text,
  vehicleMake: text,
  vehicleModel: text,
  partManufacturer: text,
  partModel: text,
  makeModel: text,
  oemNumber: text,
  serialNumber: text,
  vendorSku: text,
  vendorVehicleId: text,
  vin: text,
  priceCents: cents,
  corePriceCents: cents,
  description: text,
  /** Already sanitized in the main process: no script, styles or remote content other than https images. */
  safeHtmlDescription: text,
  condition: text,
  category: text,
  type: text,
  availableQuantity: z.number().int().nullable(),
  side: text,
  distance: z.number().nullable(),
  qa: z.array(labelledSchema),
  vendor: vendorCardSchema,
  images: z.array(z.string()),
  /** Fields the document does not name (for instance Q&A of the legacy answer), shown as they came. */
  extra: z.array(labelledSchema),
  userId: z.string().nullable(),
});
export type ItemDetail = z.infer<typeof itemDetailSchema>;

export const wholeUnitPartSchema = z.object({
  key: itemKeySchema.nullable(),
  partName: text,
  vendorPartName: text,
  makeModel: text,
  vendorSku: text,
  detailsUri: text,
  priceCents: cents,
});
export type WholeUnitPart = z.infer<typeof wholeUnitPartSchema>;

export const endUserSchema = z.object({
  userId: z.string(),
  company: text,
  name: text,
  street: text,
  city: text,
  state: text,
  zip: text,
  country: text,
  countryCode: text,
  email: text,
  phone: text,
});
export type EndUser = z.infer<typeof endUserSchema>;

export const endUserRowSchema = z.object({ userId: z.string(), company: text, name: text, email: text, templateName: text });
export type EndUserRow = z.infer<typeof endUserRowSchema>;

export const templateSchema = z.object({ name: z.string(), type: text });
export type Template = z.infer<typeof templateSchema>;

export const partTypeOptionSchema = z.object({ id: text, name: z.string() });
export const vendorOptionSchema = vendorCardSchema;
export const mappedTypeSchema = z.object({ partType: text, partName: z.string() });
export const functionGroupSchema = z.object({ id: z.string(), name: z.string() });
export type FunctionGroup = z.infer<typeof functionGroupSchema>;
