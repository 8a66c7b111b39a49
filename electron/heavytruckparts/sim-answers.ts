import { centsToDecimal } from '../../shared/money';
import type { SimItem } from './sim-catalog';
import { vendorSpecs } from './sim-data';
import { distanceMiles, priceFor } from './sim-search';

/** How one answer is written: the document is silent on number vs string, so the simulator varies. */
export interface Style {
  rand: () => number;
  /** Absolute address of the simulator as the client called it, e.g. http://127.0.0.1:5000/heavytruckparts. */
  base: string;
  /** The same simulator under another host name, for pictures that live "elsewhere". */
  otherBase: string;
  pricing: string | null;
  zipcode: string;
  includeQa: boolean;
}

export const vary = (s: Style, v: number): number | string => (s.rand() < 0.5 ? v : String(v));
export const money = (s: Style, cents: number): number | string => (s.rand() < 0.5 ? Number(centsToDecimal(cents)) : centsToDecimal(cents));

/** Tracking pixels as vendors' e-mail and listing tools paste them (seeded). */
const pixels = [
  '<img src="http://tracker.example/pixel.gif" width="1" height="1" onerror="window.__htpInjected = true">',
  '<img src="https://tracker.example/p.gif?id=1" style="display:none" alt="">',
  '<img src="http://tracker.example/open" width="0" height="0" border="0">',
];

/** The item's HTML description with a picture of its own (on the simulator's host) and a tracking pixel. */
function descriptionHtml(s: Style, it: SimItem): string {
  const picture = it.images.length > 0 ? `<p><img src="${imageUrls(s, it)[0]}" width="240" height="180"></p>` : '';
  return it.html.replace('{{picture}}', picture).replace('{{pixel}}', pixels[Math.floor(s.rand() * pixels.length)]);
}

export function storeOf(it: Pick<SimItem, 'vendorId' | 'store'>) {
  const v = vendorSpecs.find((x) => x.id === it.vendorId)!;
  return { v, s: v.stores.find((x) => x.id === it.store)! };
}

export function vendorJson(s: Style, it: Pick<SimItem, 'vendorId' | 'store'>) {
  const { v, s: st } = storeOf(it);
  return {
    company: v.company,
    contact: v.contact,
    city: st.city,
    state: st.state,
    postal_code: st.zip,
    phone_number: v.phone,
    fax_number: '',
    email: v.email,
    vendor_id: vary(s, v.id),
    vendor_store: vary(s, st.id),
  };
}

export function imageUrls(s: Style, it: SimItem): string[] {
  // Some pictures are served from another host name, as vendors' pictures often are.
  return it.images.map((name, i) => `${(it.inventoryId + i) % 3 === 0 ? s.otherBase : s.base}/images/${name}`);
}

export const detailsUri = (s: Style, it: SimItem) => `${s.base}/inventory/details/${it.vendorId}/${it.store}/${it.inventoryId}`;

export function hitJson(s: Style, it: SimItem, page: number) {
  const { s: st } = storeOf(it);
  const hit: Record<string, unknown> = {
    type: it.category,
    vendor: vendorJson(s, it),
    part_name: it.partType.name,
    make_model: `${it.make} ${it.model}`,
    year: it.year === null ? '' : vary(s, it.year),
    oem_number: it.oem,
    vendor_sku: it.sku,
    vendor_inventory_id: vary(s, it.inventoryId),
    description: it.description,
    price: money(s, priceFor(it, s.pricing)),
    coreprice: money(s, it.coreCents),
    condition: it.condition,
    details_uri: detailsUri(s, it),
    images: imageUrls(s, it),
    distance: s.zipcode ? vary(s, distanceMiles(s.zipcode, st.zip) ?? 0) : '',
    page_number: vary(s, page),
  };
  if (s.includeQa) hit.qa = it.qa;
  return hit;
}

export function detailJson(s: Style, it: SimItem) {
  const body: Record<string, unknown> = {
    part_name: it.partType.name,
    vendor_part_name: it.partType.name.toUpperCase().slice(0, 18),
    year: it.year === null ? '' : vary(s, it.year),
    vehicle_make: it.vehicleMake ?? '',
    vehicle_model: it.vehicleModel ?? '',
    part_manufacturer: it.partManufacturer ?? '',
    part_model: it.partModel ?? '',
    oem_number: it.oem,
    serial_number: it.serial ?? '',
    vendor_sku: it.sku,
    vendor_inventory_id: vary(s, it.inventoryId),
    vendor_vehicle_id: it.vehicleId ?? '',
    vin: it.vin ?? '',
    // The details answer spells it core_price; the search answer, coreprice.
    core_price: money(s, it.coreCents),
    price: money(s, priceFor(it, s.pricing)),
    description: it.description,
    html_description: descriptionHtml(s, it),
    condition: it.condition,
    category: it.category,
    available_quantity: vary(s, it.available ? it.quantity : 0),
    side: it.side ?? '',
    vendor: vendorJson(s, it),
    images: imageUrls(s, it),
  };
  // The legacy details answer put Q&A directly in the object; both are still served.
  if (s.rand() < 0.3) Object.assign(body, it.qa);
  else body.qa = it.qa;
  return body;
}

export function feedJson(s: Style, it: SimItem) {
  const desc = it.description.length > 175 ? `${it.description.slice(0, 175)}...` : it.description;
  return {
    type: it.category,
    vendor: vendorJson(s, it),
    part_name: it.partType.name,
    make_model: `${it.make} ${it.model}`,
    year: it.year ?? '',
    vendor_sku: it.sku,
    vendor_inventory_id: vary(s, it.inventoryId),
    description: desc,
    price: money(s, it.priceCents),
    coreprice: money(s, it.coreCents),
    condition: it.condition,
    details_uri: detailsUri(s, it),
    images: imageUrls(s, it)[0] ?? '',
    item_hash: (it.inventoryId * 2654435761 >>> 0).toString(16),
  };
}
