import type { SyncSettings } from '../../shared/inventory/schemas';

/** What decides whether an item is kept in the copy. */
export interface KeptFields {
  state: 'A' | 'I' | null;
  quantity: number | null;
  category: string | null;
  consignorId: string | null;
  ecommerce: boolean | null;
}

/**
 * Inactive items are deleted; sold-out ones too when the settings leave quantity-zero items out.
 * When SimpleConsign did not filter the answer, the category, consignor and E-commerce filters
 * are applied here, so an item that no longer matches them leaves the copy.
 */
export function belongsInCopy(r: KeptFields, s: SyncSettings, vendorFiltered = true): boolean {
  if (r.state === 'I') return false;
  if (!s.includeItemsWithQuantityZero && r.quantity !== null && r.quantity <= 0) return false;
  if (vendorFiltered) return true;
  if (s.category && r.category?.toLowerCase() !== s.category.toLowerCase()) return false;
  if (s.consignorId && r.consignorId !== s.consignorId) return false;
  return !s.includeOnlyEcommerceItems || r.ecommerce !== false;
}

/** An item's `sku` field as sent (undefined when the item is not an object). */
export const skuField = (item: unknown): unknown => (item !== null && typeof item === 'object' ? (item as Record<string, unknown>).sku : undefined);

/** A `sku` field's value as a list of E-commerce items is matched against the copy: trimmed, lower case ('' for none). */
export function flaggedSku(sku: unknown): string {
  return String(sku ?? '').trim().toLowerCase();
}

/** Whether an item does not say whether it is an E-commerce item (the document does not list the field). */
export const lacksEcommerceFlag = (item: unknown): boolean => !!item && typeof item === 'object' && (item as Record<string, unknown>).ecommerceItem === undefined;
