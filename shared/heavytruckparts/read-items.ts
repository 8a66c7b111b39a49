import { centsOf, extraFields, idOf, imagesOf, intOf, isObj, listOf, numOf, pick, qaOf, textOf, type Obj } from './fields';
import type { ItemDetail, ItemKey, SearchHit, SuggestedType, VendorCard, WholeUnitPart } from './types';

/** The ids in a details address: `…/inventory/details/<vendor>/<store>/<inventory id>`. */
export function keyFromDetailsUri(uri: string | null): ItemKey | null {
  if (!uri) return null;
  const m = /\/inventory\/details\/(\d+)\/(\d+)\/(\d+)(?:[/?#]|$)/.exec(uri);
  return m ? { vendorId: m[1], store: m[2], inventoryId: m[3] } : null;
}

export function readVendor(v: unknown): VendorCard {
  const o: Obj = isObj(v) ? v : {};
  const t = (names: string[]) => textOf(pick(o, names));
  return {
    company: t(['company', 'company_name', 'name']),
    contact: t(['contact', 'contact_name']),
    street: t(['address', 'street', 'street_address']),
    city: t(['city']),
    state: t(['state', 'province']),
    postalCode: t(['postal_code', 'zip', 'zipcode', 'zip_code']),
    country: t(['country']),
    phone: t(['phone_number', 'phone']),
    fax: t(['fax_number', 'fax']),
    email: t(['email', 'email_address']),
    vendorId: idOf(pick(o, ['vendor_id', 'vendorid', 'id'])),
    store: idOf(pick(o, ['vendor_store', 'vendor_store_id', 'store_id', 'store'])),
  };
}

function keyOf(o: Obj, vendor: VendorCard, detailsUri: string | null): ItemKey | null {
  const inventoryId = idOf(pick(o, ['vendor_inventory_id', 'inventory_id']));
  const vendorId = vendor.vendorId ?? idOf(pick(o, ['vendor_id']));
  const store = vendor.store ?? idOf(pick(o, ['vendor_store', 'vendor_store_id']));
  if (inventoryId && vendorId && store) return { vendorId, store, inventoryId };
  return keyFromDetailsUri(detailsUri);
}

const price = (o: Obj) => centsOf(pick(o, ['price', 'custom_price', 'retail_price']));
const corePrice = (o: Obj) => centsOf(pick(o, ['coreprice', 'core_price', 'core']));

export function readHit(o: Obj): SearchHit {
  const vendor = readVendor(pick(o, ['vendor']));
  const detailsUri = textOf(pick(o, ['details_uri', 'details_url', 'detail_uri']));
  const t = (names: string[]) => textOf(pick(o, names));
  return {
    key: keyOf(o, vendor, detailsUri),
    type: t(['type', 'typ', 'category']),
    partName: t(['part_name', 'part_type_name']),
    makeModel: t(['make_model']),
    year: t(['year']),
    oemNumber: t(['oem_number', 'oem']),
    vendorSku: t(['vendor_sku', 'sku', 'tag_number']),
    description: t(['description']),
    priceCents: price(o),
    corePriceCents: corePrice(o),
    condition: t(['condition']),
    distance: numOf(pick(o, ['distance'])),
    vendor,
    detailsUri,
    images: imagesOf(pick(o, ['images', 'image', 'image_url'])),
    qa: qaOf(pick(o, ['qa', 'q&a', 'QA'])),
    pageNumber: intOf(pick(o, ['page_number'])),
  };
}

/** An entry is an item when it carries at least one of the fields every item has. */
export function looksLikeItem(v: unknown): v is Obj {
  return isObj(v) && ['part_name', 'vendor_sku', 'vendor_inventory_id', 'details_uri', 'price'].some((k) => pick(v, [k]) !== undefined);
}

export function readSuggested(v: unknown): SuggestedType[] {
  return listOf(v)
    .filter(isObj)
    .map((s) => ({ partName: textOf(pick(s, ['part_name', 'part_type_name', 'name'])) ?? '', partTypeId: textOf(pick(s, ['part_type_id', 'part_types_id', 'id'])), uri: textOf(pick(s, ['uri', 'url'])) }))
    .filter((s) => s.partName !== '');
}

const detailFields = [
  'part_name', 'vendor_part_name', 'year', 'vehicle_make', 'vehicle_model', 'part_manufacturer', 'part_model', 'make_model', 'oem_number',
  'serial_number', 'vendor_sku', 'vendor_inventory_id', 'vendor_vehicle_id', 'vin', 'core_price', 'coreprice', 'price', 'description',
  'html_description', 'condition', 'category', 'type', 'available_quantity', 'side', 'qa', 'vendor', 'images', 'details_uri', 'distance', 'page_number',
];

/** An item's details. `sanitize` turns the HTML description into safe markup (done by the main process). */
export function readDetail(o: Obj, sanitize: (html: string) => string, userId: string | null): ItemDetail {
  const vendor = readVendor(pick(o, ['vendor']));
  const t = (names: string[]) => textOf(pick(o, names));
  const html = typeof pick(o, ['html_description']) === 'string' ? (pick(o, ['html_description']) as string) : null;
  const safe = html ? sanitize(html).trim() : '';
  return {
    key: keyOf(o, vendor, t(['details_uri'])),
    partName: t(['part_name']),
    vendorPartName: t(['vendor_part_name']),
    year: t(['year']),
    vehicleMake: t(['vehicle_make']),
    vehicleModel: t(['vehicle_model']),
    partManufacturer: t(['part_manufacturer']),
    partModel: t(['part_model']),
    makeModel: t(['make_model']),
    oemNumber: t(['oem_number']),
    serialNumber: t(['serial_number']),
    vendorSku: t(['vendor_sku']),
    vendorVehicleId: idOf(pick(o, ['vendor_vehicle_id'])) ?? t(['vendor_vehicle_id']),
    vin: t(['vin']),
    priceCents: price(o),
    // The details answer names it core_price; the search answer, coreprice.
    corePriceCents: centsOf(pick(o, ['core_price', 'coreprice', 'core'])),
    description: t(['description']),
    safeHtmlDescription: safe === '' ? null : safe,
    condition: t(['condition']),
    category: t(['category']),
    type: t(['type']),
    availableQuantity: intOf(pick(o, ['available_quantity', 'quantity'])),
    side: t(['side']),
    distance: numOf(pick(o, ['distance'])),
    qa: qaOf(pick(o, ['qa', 'q&a'])),
    vendor,
    images: imagesOf(pick(o, ['images', 'image'])),
    extra: extraFields(o, detailFields),
    userId,
  };
}

export function readWholeUnitParts(v: unknown): WholeUnitPart[] {
  return listOf(v)
    .filter(isObj)
    .map((o) => {
      const detailsUri = textOf(pick(o, ['details_uri', 'details_url']));
      return {
        key: keyOf(o, readVendor(pick(o, ['vendor'])), detailsUri),
        partName: textOf(pick(o, ['part_name'])),
        vendorPartName: textOf(pick(o, ['vendor_part_name'])),
        makeModel: textOf(pick(o, ['make_model'])),
        vendorSku: textOf(pick(o, ['vendor_sku'])),
        detailsUri,
        priceCents: price(o),
      };
    });
}
