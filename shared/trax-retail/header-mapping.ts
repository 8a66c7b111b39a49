import { HEADERS, IMAGE_HEADERS } from './columns';

/** Why a header was matched to a documented column. */
export type MatchReason = 'near' | 'older' | 'synonym';

/**
 * Where one column of an opened file or a pasted block goes: a documented header, an additional
 * attribute column (its own name, or the project's spelling of it), or nowhere (null: left out).
 */
export interface ColumnMapping {
  from: string;
  to: string | null;
  reason: MatchReason | 'exact' | 'attribute' | 'unknown';
}

/** Lower case, punctuation and spacing folded: "Width (mm)" and "width_mm" read alike. */
export const foldHeader = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_\-./()[\]#:*]+/g, ' ')
    .trim();

const byFold = new Map(HEADERS.map((h) => [foldHeader(h), h]));

/** Headers of the older import format, which the current API rejects (supplement), and the header each stands for. */
export const LEGACY_HEADERS: Record<string, string> = {
  status: 'Action',
  uom: 'Measurement unit',
  manufacturer: 'Manufacturer local name',
  'trax product uuid': 'Trax product UUID',
  'trax product id': 'Trax product ID',
  'product name': 'Product local name',
  'english name': 'Product English name',
  'local name': 'Product local name',
  'short name': 'Product short name',
  ean: 'EAN code',
  brand: 'Brand local name',
  category: 'Client category',
  'sub category': 'Client sub-category',
  subcategory: 'Client sub-category',
  width: 'Width mm',
  height: 'Height mm',
  depth: 'Depth mm',
  'design name': 'Alternative Design Name',
};

const [front, left, top, back, right, bottom] = IMAGE_HEADERS;

/**
 * Names a shop's own lists use for the documented columns. The mandatory local names win where a
 * list has one name only ("Name", "Brand"): that is the name the shop knows its products by.
 */
export const HEADER_SYNONYMS: Record<string, string> = {
  name: 'Product local name',
  'item name': 'Product local name',
  'article name': 'Product local name',
  title: 'Product local name',
  'name en': 'Product English name',
  'name english': 'Product English name',
  'english title': 'Product English name',
  'short description': 'Product short name',
  'ean 13': 'EAN code',
  ean13: 'EAN code',
  barcode: 'EAN code',
  'bar code': 'EAN code',
  gtin: 'EAN code',
  upc: 'EAN code',
  'brand local': 'Brand local name',
  maker: 'Manufacturer local name',
  producer: 'Manufacturer local name',
  'manufacturer local': 'Manufacturer local name',
  'product category': 'Client category',
  'product group': 'Client category',
  'sub category name': 'Client sub-category',
  subgroup: 'Client sub-category',
  type: 'Product type',
  'item type': 'Product type',
  operation: 'Action',
  reason: 'Deactivation reason',
  container: 'Container type',
  packaging: 'Container type',
  volume: 'Size',
  content: 'Size',
  'net content': 'Size',
  unit: 'Measurement unit',
  'unit of measure': 'Measurement unit',
  measure: 'Measurement unit',
  pack: 'Pack type',
  package: 'Pack type',
  'package type': 'Pack type',
  'pack size': 'Units',
  'units per pack': 'Units',
  pieces: 'Units',
  pcs: 'Units',
  image: front,
  picture: front,
  photo: front,
  'image url': front,
  'picture url': front,
  'front image': front,
  'main image': front,
  'left image': left,
  'top image': top,
  'back image': back,
  'right image': right,
  'bottom image': bottom,
  'trax id': 'Trax product ID',
  'trax uuid': 'Trax product UUID',
  'valid from': 'Start date',
  start: 'Start date',
  'valid to': 'End date',
  'valid until': 'End date',
  end: 'End date',
  design: 'Alternative Design Name',
  'alternative design': 'Alternative Design Name',
};

/** The documented column a header stands for, and why; null when it names none. An exact header is not a suggestion. */
export function suggestColumn(header: string): { to: string; reason: MatchReason } | null {
  if (HEADERS.includes(header)) return null;
  const f = foldHeader(header);
  const near = byFold.get(f);
  if (near) return { to: near, reason: 'near' };
  if (LEGACY_HEADERS[f]) return { to: LEGACY_HEADERS[f], reason: 'older' };
  if (HEADER_SYNONYMS[f]) return { to: HEADER_SYNONYMS[f], reason: 'synonym' };
  return null;
}

const columnFor = (header: string) => (HEADERS.includes(header) ? header : (suggestColumn(header)?.to ?? null));

/**
 * A suggested place for every header that is not already documented. Two headers never take the
 * same column: an exact header keeps it, otherwise the first one does. A header that names no
 * documented column becomes an attribute column when the project knows it (in its spelling), or
 * when `unknown` says to keep it; else it is left out.
 */
export function suggestMapping(headers: readonly string[], knownAttributes: readonly string[], unknown: 'keep' | 'leave-out'): ColumnMapping[] {
  const taken = new Set(headers.filter((h) => HEADERS.includes(h)));
  const out: ColumnMapping[] = [];
  for (const from of headers) {
    if (HEADERS.includes(from)) continue;
    const s = suggestColumn(from);
    if (s && !taken.has(s.to)) {
      taken.add(s.to);
      out.push({ from, to: s.to, reason: s.reason });
      continue;
    }
    const known = knownAttributes.find((a) => foldHeader(a) === foldHeader(from));
    if (known && !taken.has(known)) {
      taken.add(known);
      out.push({ from, to: known, reason: 'attribute' });
    } else out.push({ from, to: unknown === 'keep' && !taken.has(from) ? from : null, reason: 'unknown' });
    if (out[out.length - 1].to) taken.add(out[out.length - 1].to!);
  }
  return out;
}

/** Every header's place, exact ones included (a pasted header line names them all). */
export function fullMapping(headers: readonly string[], knownAttributes: readonly string[], unknown: 'keep' | 'leave-out'): ColumnMapping[] {
  const suggested = new Map(suggestMapping([...new Set(headers)], knownAttributes, unknown).map((m) => [m.from, m]));
  const seen = new Set<string>();
  return headers.map((h): ColumnMapping => {
    // A header named twice: its second column has no place of its own.
    if (seen.has(h)) return { from: h, to: null, reason: 'unknown' };
    seen.add(h);
    return HEADERS.includes(h) ? { from: h, to: h, reason: 'exact' } : suggested.get(h)!;
  });
}

/**
 * Whether the first line of a pasted block is a header line: it has data below it and at least
 * two of its cells (or its only cell) name a documented column, which are at least half of its cells.
 */
export function looksLikeHeaderRow(matrix: readonly (readonly string[])[]): boolean {
  if (matrix.length < 2) return false;
  const cells = matrix[0].map((c) => c.trim()).filter(Boolean);
  const named = cells.filter((c) => columnFor(c) !== null).length;
  return named >= Math.min(2, cells.length) && named * 2 >= cells.length && named > 0;
}
