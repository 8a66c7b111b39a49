/** NUL, line breaks, escape codes and the like: never part of a SKU, a name or an order number. */
export const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** A zod refinement's check and message, for `.refine(...noControlCharacters('SKUs'))`. */
export function noControlCharacters(what: string): [(v: string) => boolean, string] {
  return [(v) => !CONTROL_CHARACTERS.test(v), `${what} cannot contain control characters (such as a line break, tab or NUL).`];
}
