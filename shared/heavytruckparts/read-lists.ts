import { idOf, isObj, listOf, pick, textOf, type Obj } from './fields';
import { readVendor } from './read-items';
import type { EndUser, EndUserRow, FunctionGroup, Template, VendorCard } from './types';

/** Plain names from `[{make: …}]`, `["…"]` or any object holding the name under one of `names`. */
export function readNames(body: unknown, names: string[]): string[] {
  const out = listOf(body)
    .map((x) => (isObj(x) ? textOf(pick(x, names)) ?? textOf(Object.values(x)[0]) : textOf(x)))
    .filter((x): x is string => x !== null);
  return [...new Set(out)];
}

export function readPartTypes(body: unknown): { id: string | null; name: string }[] {
  return listOf(body)
    .map((x) => {
      if (!isObj(x)) return textOf(x) ? { id: null, name: textOf(x)! } : null;
      const name = textOf(pick(x, ['part_type_name', 'part_name', 'name']));
      return name ? { id: textOf(pick(x, ['part_types_id', 'part_type_id', 'id'])), name } : null;
    })
    .filter((x): x is { id: string | null; name: string } => x !== null);
}

/** `[{vendor: {…}}]` as documented, or the vendor objects themselves. */
export function readVendors(body: unknown): VendorCard[] {
  return listOf(body)
    .filter(isObj)
    .map((x) => readVendor(isObj(pick(x, ['vendor'])) ? pick(x, ['vendor']) : x))
    .filter((v) => v.vendorId !== null || v.company !== null);
}

export function readTemplates(body: unknown): Template[] {
  return listOf(body)
    .map((x) => (isObj(x) ? { name: textOf(pick(x, ['template_name', 'templatename', 'name'])) ?? '', type: textOf(pick(x, ['template_type', 'type'])) } : { name: textOf(x) ?? '', type: null }))
    .filter((t) => t.name !== '');
}

/** The template types: strings, `[{template_type}]`, or templates whose types are gathered. */
export function readTemplateTypes(body: unknown): string[] {
  return readNames(body, ['template_type', 'type', 'name']);
}

export function readEndUser(body: unknown): EndUser | null {
  const o: Obj | undefined = listOf(body).find(isObj) ?? (isObj(body) ? body : undefined);
  if (!o) return null;
  const userId = textOf(pick(o, ['userid', 'user_id', 'enduserid', 'customerid', 'id']));
  if (!userId) return null;
  const t = (names: string[]) => textOf(pick(o, names));
  return {
    userId,
    company: t(['company']),
    name: t(['name', 'contact']),
    street: t(['street', 'address']),
    city: t(['city']),
    state: t(['state']),
    zip: t(['zip', 'postal_code', 'zipcode']),
    country: t(['country']),
    countryCode: t(['country_code']),
    email: t(['email']),
    phone: t(['phone', 'phone_number']),
  };
}

export function readEndUserRows(body: unknown): EndUserRow[] {
  return listOf(body)
    .filter(isObj)
    .map((o) => ({
      userId: textOf(pick(o, ['userid', 'user_id', 'enduserid'])) ?? '',
      company: textOf(pick(o, ['company'])),
      name: textOf(pick(o, ['name'])),
      email: textOf(pick(o, ['email'])),
      templateName: textOf(pick(o, ['templatename', 'template_name', 'template'])),
    }))
    .filter((r) => r.userId !== '');
}

export function readMappedTypes(body: unknown): { partType: string | null; partName: string }[] {
  return listOf(body)
    .filter(isObj)
    .map((o) => ({ partType: textOf(pick(o, ['part_type', 'part_type_id', 'part_types_id'])), partName: textOf(pick(o, ['part_name', 'part_type_name', 'name'])) ?? '' }))
    .filter((m) => m.partName !== '');
}

/** The document spells the name `function_grup_name`; the obvious correction is read too. */
export function readFunctionGroups(body: unknown): FunctionGroup[] {
  return listOf(body)
    .filter(isObj)
    .map((o) => ({
      id: idOf(pick(o, ['function_group_id', 'id'])) ?? textOf(pick(o, ['function_group_id', 'id'])) ?? '',
      name: textOf(pick(o, ['function_grup_name', 'function_group_name', 'name'])) ?? '',
    }))
    .filter((g) => g.id !== '' && g.name !== '');
}
