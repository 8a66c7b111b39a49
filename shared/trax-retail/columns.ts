/** How a documented column's value is checked. */
export type ColumnKind =
  | { type: 'list'; values: readonly string[] }
  | { type: 'string'; max: number }
  | { type: 'char'; length: number }
  | { type: 'float' }
  | { type: 'integer' }
  | { type: 'date' };

export interface ColumnSpec {
  /** The exact header the vendor accepts; any other header rejects the whole file. */
  header: string;
  mandatory: boolean;
  kind: ColumnKind;
  /** One of the six image slots. */
  image?: boolean;
  /** Written to Excel as text so leading zeros and long digits survive. */
  text?: boolean;
}

export const PRODUCT_TYPES = ['SKU', 'POS', 'POSM', 'DVC'] as const;
export const ACTIONS = ['Create', 'Update', 'Deactivate'] as const;

const str = (header: string, max: number, mandatory = false, extra: Partial<ColumnSpec> = {}): ColumnSpec => ({ header, mandatory, kind: { type: 'string', max }, ...extra });
const img = (header: string): ColumnSpec => str(header, 500, false, { image: true });

/** Every documented column, in the document's order. */
export const COLUMNS: readonly ColumnSpec[] = [
  { header: 'Product type', mandatory: true, kind: { type: 'list', values: PRODUCT_TYPES } },
  { header: 'Action', mandatory: false, kind: { type: 'list', values: ACTIONS } },
  str('Product English name', 150),
  str('Product local name', 150, true),
  str('Product short name', 150),
  str('EAN code', 21, false, { text: true }),
  str('Brand name', 150),
  str('Brand local name', 150, true),
  str('Manufacturer name', 150),
  str('Manufacturer local name', 150, true),
  str('Client category', 150, true),
  str('Client sub-category', 100),
  str('Deactivation reason', 100),
  str('Container type', 150),
  { header: 'Size', mandatory: false, kind: { type: 'float' } },
  str('Measurement unit', 20),
  str('Pack type', 100),
  { header: 'Units', mandatory: false, kind: { type: 'integer' } },
  { header: 'Width mm', mandatory: false, kind: { type: 'integer' } },
  { header: 'Height mm', mandatory: false, kind: { type: 'integer' } },
  { header: 'Depth mm', mandatory: false, kind: { type: 'integer' } },
  img('1 - Front Image Name/URL'),
  img('2 - Left Image Name/URL'),
  img('3 - Top Image Name/URL'),
  img('7 - Back Image Name/URL'),
  img('8 - Right Image Name/URL'),
  img('9 - Bottom Image Name/URL'),
  { header: 'Trax product ID', mandatory: false, kind: { type: 'integer' }, text: true },
  { header: 'Trax product UUID', mandatory: false, kind: { type: 'char', length: 36 }, text: true },
  { header: 'Start date', mandatory: false, kind: { type: 'date' } },
  { header: 'End date', mandatory: false, kind: { type: 'date' } },
  str('Alternative Design Name', 150),
];

/** Additional attribute columns: any other name, valid names depend on the Trax project. */
export const ATTRIBUTE_MAX = 150;

export const HEADERS: readonly string[] = COLUMNS.map((c) => c.header);
const byHeader = new Map(COLUMNS.map((c) => [c.header, c]));
export const columnSpec = (header: string): ColumnSpec | undefined => byHeader.get(header);
export const IMAGE_HEADERS: readonly string[] = COLUMNS.filter((c) => c.image).map((c) => c.header);
export const TEXT_HEADERS: ReadonlySet<string> = new Set(COLUMNS.filter((c) => c.text).map((c) => c.header));

export const H = {
  type: 'Product type',
  action: 'Action',
  localName: 'Product local name',
  ean: 'EAN code',
  reason: 'Deactivation reason',
  id: 'Trax product ID',
  uuid: 'Trax product UUID',
  start: 'Start date',
  end: 'End date',
  design: 'Alternative Design Name',
} as const;
