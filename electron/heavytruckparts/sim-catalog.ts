import { seededRandom } from '../../shared/seeded-random';
import { categories, conditions, manufacturers, partTypes, vehicles, vendorSpecs, type PartTypeSpec } from './sim-data';

export interface SimItem {
  inventoryId: number;
  vendorId: number;
  store: number;
  partType: PartTypeSpec;
  /** Make or manufacturer and model, as searched. */
  make: string;
  model: string;
  vehicleMake: string | null;
  vehicleModel: string | null;
  partManufacturer: string | null;
  partModel: string | null;
  year: number | null;
  oem: string;
  sku: string;
  description: string;
  html: string;
  priceCents: number;
  coreCents: number;
  condition: string;
  category: string;
  qa: Record<string, string>;
  /** Image file names; their addresses are made per answer. */
  images: string[];
  vehicleId: string | null;
  vin: string | null;
  serial: string | null;
  quantity: number;
  side: string | null;
  daysAgo: number;
  /** False once sold (a sales document took it), or seeded as already gone. */
  available: boolean;
}

const keys = <T extends object>(o: T) => Object.keys(o) as (keyof T & string)[];

interface Unit {
  id: string;
  vendorId: number;
  store: number;
  make: string;
  model: string;
  year: number;
  vin: string;
}

function wholeUnits(rand: () => number): Unit[] {
  const out: Unit[] = [];
  for (let i = 0; i < 30; i++) {
    const v = vendorSpecs[Math.floor(rand() * vendorSpecs.length)];
    const s = v.stores[Math.floor(rand() * v.stores.length)];
    const make = keys(vehicles)[Math.floor(rand() * keys(vehicles).length)];
    const models = vehicles[make];
    out.push({ id: String(9000 + i), vendorId: v.id, store: s.id, make, model: models[Math.floor(rand() * models.length)], year: 2004 + Math.floor(rand() * 18), vin: `1XK${String(Math.floor(rand() * 1e14)).padStart(14, '0')}` });
  }
  return out;
}

function describe(item: Omit<SimItem, 'description' | 'html'>): { description: string; html: string } {
  const text = `${item.condition} ${item.partType.name.toLowerCase()}, ${item.make} ${item.model}${item.year ? `, ${item.year}` : ''}. Tested and ready to ship; warranty 90 days. OEM ${item.oem}.`;
  // The HTML description carries markup a vendor might paste: it must be sanitized before it is shown.
  // {{picture}} and {{pixel}} are filled in per answer: the item's own picture on the simulator's host, and a tracking pixel.
  const html = `<h2>${item.partType.name}</h2><p><strong>${item.condition}</strong> ${item.partType.name} for <em>${item.make} ${item.model}</em>.</p><ul><li>OEM ${item.oem}</li><li>Warranty 90 days</li></ul>{{picture}}<p>See <a href="https://www.heavytruckparts.net/" target="_self">the listing on HeavyTruckParts.net</a>.</p><script>window.__htpInjected = true</script>{{pixel}}<a href="javascript:alert(1)">details</a><style>body{display:none}</style>`;
  return { description: text, html };
}

function makeItem(rand: () => number, inventoryId: number, units: Unit[], forced?: Partial<SimItem>): SimItem {
  const partType = forced?.partType ?? partTypes[Math.floor(rand() * partTypes.length)];
  const useUnit = partType.by === 'vehicle' && rand() < 0.7;
  const unit = useUnit ? units[Math.floor(rand() * units.length)] : null;
  const vendor = unit ? vendorSpecs.find((v) => v.id === unit.vendorId)! : vendorSpecs[Math.floor(rand() * vendorSpecs.length)];
  const store = unit ? unit.store : vendor.stores[Math.floor(rand() * vendor.stores.length)].id;
  const table = partType.by === 'vehicle' ? vehicles : manufacturers;
  const make = unit?.make ?? keys(table)[Math.floor(rand() * keys(table).length)];
  const model = unit?.model ?? table[make][Math.floor(rand() * table[make].length)];
  const year = unit?.year ?? (rand() < 0.9 ? 1998 + Math.floor(rand() * 26) : null);
  const category = categories[Math.floor(rand() * (rand() < 0.7 ? 1 : categories.length))];
  const priceCents = Math.round((partType.basePrice * (0.5 + rand())) / 5) * 5 + (rand() < 0.3 ? 99 : 0);
  const base: Omit<SimItem, 'description' | 'html'> = {
    inventoryId,
    vendorId: vendor.id,
    store,
    partType,
    make,
    model,
    vehicleMake: partType.by === 'vehicle' ? make : unit?.make ?? null,
    vehicleModel: partType.by === 'vehicle' ? model : unit?.model ?? null,
    partManufacturer: partType.by === 'manufacturer' ? make : null,
    partModel: partType.by === 'manufacturer' ? model : null,
    year,
    oem: `${make.slice(0, 2)}${Math.floor(100000 + rand() * 899999)}`,
    // Tag numbers repeat across a vendor's stores now and then: a SKU alone is not unique.
    sku: `T${Math.floor(1000 + rand() * 8999)}`,
    priceCents,
    coreCents: partType.basePrice > 50000 && rand() < 0.6 ? Math.round(partType.basePrice / 1000) * 50 : 0,
    condition: conditions[Math.floor(rand() * conditions.length)],
    category,
    qa: partType.by === 'manufacturer' ? { HP: String(300 + Math.floor(rand() * 300)), 'Miles': `${Math.floor(rand() * 900)}k`, 'Arrangement #': `${Math.floor(rand() * 9e6)}` } : { Color: ['White', 'Black', 'Red', 'Blue'][Math.floor(rand() * 4)] },
    images: Array.from({ length: Math.floor(rand() * 4) }, (_, i) => `${inventoryId}-${i + 1}.png`),
    vehicleId: unit?.id ?? null,
    vin: unit?.vin ?? null,
    serial: partType.by === 'manufacturer' ? `S${Math.floor(rand() * 1e8)}` : null,
    quantity: 1 + (category === 'NEW' ? Math.floor(rand() * 5) : 0),
    side: partType.name.includes('Door') ? (rand() < 0.5 ? 'Left' : 'Right') : null,
    daysAgo: Math.floor(rand() * 720),
    available: true,
    ...forced,
  };
  return { ...base, ...describe(base) };
}

/** The first items are fixed, so training and the walkthrough in the README always find them. */
function fixedItems(rand: () => number, units: Unit[]): SimItem[] {
  const engine = partTypes[0];
  const specs: Partial<SimItem>[] = [
    { partType: engine, make: 'CUMMINS', model: 'ISX', partManufacturer: 'CUMMINS', partModel: 'ISX', year: 2014, vendorId: 101, store: 1, category: 'USED', priceCents: 1_250_050, coreCents: 200_000, images: ['70001-1.png', '70001-2.png'] },
    { partType: engine, make: 'CUMMINS', model: 'ISX', partManufacturer: 'CUMMINS', partModel: 'ISX', year: 2013, vendorId: 103, store: 3, category: 'USED', priceCents: 1_175_000, coreCents: 200_000, images: ['70002-1.png'] },
    { partType: engine, make: 'CUMMINS', model: 'ISX', partManufacturer: 'CUMMINS', partModel: 'ISX', year: 2015, vendorId: 104, store: 11, category: 'REMANUFACTURED', priceCents: 1_699_999, coreCents: 300_000, images: [] },
    { partType: engine, make: 'CUMMINS', model: 'ISX', partManufacturer: 'CUMMINS', partModel: 'ISX', year: 2011, vendorId: 102, store: 7, category: 'USED', priceCents: 980_000, coreCents: 0, images: ['70004-1.png'] },
  ];
  return specs.map((s, i) => makeItem(rand, 70001 + i, units, s));
}

export interface SimCatalog {
  items: SimItem[];
  byKey: Map<string, SimItem>;
  units: Unit[];
}

export const itemKey = (vendorId: number | string, store: number | string, inventoryId: number | string) => `${vendorId}/${store}/${inventoryId}`;

/** A catalog fixed by its seed: the same seed gives the same vendors, items, pictures and whole units. */
export function buildCatalog(seed: number, size = 1200): SimCatalog {
  const rand = seededRandom(seed);
  const units = wholeUnits(rand);
  const items = [...fixedItems(rand, units), ...Array.from({ length: size }, (_, i) => makeItem(rand, 71000 + i * 3, units))];
  // A few are already gone when the catalog opens, as stock sells elsewhere.
  for (const it of items.slice(4)) if (rand() < 0.02) it.available = false;
  return { items, byKey: new Map(items.map((it) => [itemKey(it.vendorId, it.store, it.inventoryId), it])), units };
}
