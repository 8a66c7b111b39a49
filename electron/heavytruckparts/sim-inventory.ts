import { json, type SimRequest, type SimResponse } from '../training/simulator';
import { detailJson, feedJson, hitJson, storeOf, vary, type Style } from './sim-answers';
import type { SimItem } from './sim-catalog';
import { functionGroups, partTypes, vendorSpecs } from './sim-data';
import { partTypeIds, simSearch } from './sim-search';
import type { Caller, SimContext } from './sim-context';

const uniq = <T>(xs: T[]) => [...new Set(xs)];
const any = (s: string | null) => !s || s === '*';
const eq = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The search answer, in one of the two shapes the document's sketch allows (seeded). */
function searchAnswer(sim: SimContext, req: SimRequest, s: Style, segs: string[]): SimResponse {
  const [partType = '*', make = '*', model = '*'] = segs;
  const r = simSearch(sim.catalog.items, { partType, make, model, query: req.query, pricing: s.pricing, zipOf: (it) => storeOf(it).s.zip, vendorName: (it) => sim.vendorName(it.vendorId) });
  const hits = r.items.map((it) => hitJson(s, it, r.page));
  const totals = { total_results: vary(s, r.total), total_pages: vary(s, r.totalPages) };
  let body: Record<string, unknown>;
  if (s.rand() < 0.5) body = { ...totals, results: hits };
  else body = { results: Object.assign({ ...totals }, hits) };
  if (r.suggested.length > 0) {
    body.suggested_part_types = r.suggested.map((p) => {
      const q = new URLSearchParams(req.query);
      return { part_name: p.name, part_type_id: vary(s, p.id), uri: `${s.base}/inventory/search/${encodeURIComponent(p.name)}/${encodeURIComponent(make)}/${encodeURIComponent(model)}?${q}` };
    });
  }
  return json(200, body);
}

function available(sim: SimContext, what: string, q: URLSearchParams): SimResponse | null {
  const all = q.get('all_results') === 'true';
  const types = partTypeIds(q.get('part_type') ?? '*');
  const pool = sim.catalog.items.filter((it) => !types || types.has(it.partType.id));
  const withMake = pool.filter((it) => any(q.get('make')) || eq(it.make, q.get('make')!));
  switch (what) {
    case 'part_types':
      return json(200, partTypes.filter((p) => all || sim.catalog.items.some((it) => it.partType.id === p.id)).map((p) => ({ part_types_id: String(p.id), part_type_name: p.name })));
    case 'makes':
      return json(200, uniq(pool.map((it) => it.make)).sort().map((make) => ({ make })));
    case 'models':
      return json(200, uniq(withMake.map((it) => it.model)).sort().map((model) => ({ model })));
    case 'categories':
      return json(200, uniq(pool.map((it) => it.category)).sort().map((category) => ({ category })));
    case 'vendors':
      return json(200, vendorSpecs.flatMap((v) => v.stores.map((st) => ({ vendor: { company: v.company, address: st.street, state: st.state, postal_code: st.zip, country: 'US', phone_number: v.phone, email: v.email, vendor_id: v.id, vendor_store_id: st.id } }))));
    default:
      return null;
  }
}

function functionGroupLevel(q: URLSearchParams) {
  const parent = q.get('parent') ?? '';
  const category = q.get('category') ?? '';
  return functionGroups.filter((g) => g.parent === parent && (!category || eq(g.category, category))).map((g) => ({ function_group_id: g.id, function_grup_name: g.name }));
}

function wholeUnit(sim: SimContext, s: Style, segs: string[]): SimResponse {
  const [vendor, store, vehicle] = segs;
  const items: SimItem[] = sim.catalog.items.filter((it) => String(it.vendorId) === vendor && String(it.store) === store && it.vehicleId === vehicle);
  return json(200, items.map((it) => ({ part_name: it.partType.name, vendor_part_name: it.partType.name.toUpperCase().slice(0, 18), make_model: `${it.make} ${it.model}`, vendor_sku: it.sku, details_uri: `${s.base}/inventory/details/${it.vendorId}/${it.store}/${it.inventoryId}`, price: vary(s, it.priceCents / 100) })));
}

/** `/inventory/...`: search, details, available lists, whole units, mapped types, function groups, feed. */
export function routeInventory(sim: SimContext, req: SimRequest, caller: Caller, action: string, rest: string[]): SimResponse {
  if (req.method !== 'GET') return sim.error(405, 'Method Not Allowed');
  const s = caller.style;
  switch (action) {
    case 'search':
      return rest.length === 3 ? searchAnswer(sim, req, s, rest) : sim.error(404, 'A search needs part type, make and model (use * for any).');
    case 'details': {
      const it = rest.length === 3 ? sim.item(rest[0], rest[1], rest[2]) : undefined;
      return it ? json(200, detailJson(s, it)) : sim.error(404, 'No such inventory item.');
    }
    case 'available':
      return available(sim, rest[0] ?? '', req.query) ?? sim.error(404, 'Not Found');
    case 'wholeunitparts':
      return wholeUnit(sim, s, rest);
    case 'mappingtypes': {
      const g = functionGroups.find((x) => eq(x.name, rest[0] ?? '') || x.id === rest[0]);
      return json(200, (g?.partTypes ?? []).map((id) => ({ part_type: vary(s, id), part_name: partTypes.find((p) => p.id === id)!.name })));
    }
    case 'functiongroup':
      return json(200, functionGroupLevel(req.query));
    case 'feed': {
      const items = sim.catalog.items.filter((it) => it.available);
      return json(200, { total_results: vary(s, items.length), results: items.map((it) => feedJson(s, it)) });
    }
    default:
      return sim.error(404, 'Not Found');
  }
}
