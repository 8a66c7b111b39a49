/**
 * The forms a secret can take inside a text a vendor sends back, as one regular expression source
 * each. A character may be written as itself or in any of the escapes a web server, a JSON encoder or
 * an HTML page uses, mixed freely within one text: percent-encoding (either letter case, twice
 * encoded, `+` for a space in a form body), JSON escapes (`\"`, `\/`, `\u00e9` in either case),
 * HTML character references (named, decimal, hexadecimal). Encodings of the whole value (base64 in
 * both alphabets and at each of the three byte alignments it can start at inside a longer base64
 * text, such as a Basic authorization header; hexadecimal) are literal forms of their own.
 */

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Hex digits of a number, each letter matching either case. */
function hexPattern(n: number, width: number): string {
  return n
    .toString(16)
    .padStart(width, '0')
    .replace(/[a-f]/g, (d) => `[${d}${d.toUpperCase()}]`);
}

const NAMED: Record<string, string[]> = {
  '&': ['amp'],
  '<': ['lt'],
  '>': ['gt'],
  '"': ['quot'],
  "'": ['apos'],
  '/': ['sol'],
  '=': ['equals'],
  '`': ['grave'],
  ':': ['colon'],
  ' ': ['nbsp'],
};

/** The letter after the backslash in JSON's short escapes. */
const JSON_SHORT: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', '\b': 'b', '\f': 'f', '\n': 'n', '\r': 'r', '\t': 't' };

/** A character as an HTML page may write it: itself, a named, decimal or hexadecimal reference. */
function htmlForms(ch: string): string[] {
  const code = ch.codePointAt(0)!;
  return [escapeRegex(ch), `&#0*${code};`, `&#[xX]0*${hexPattern(code, 1)};`, ...(NAMED[ch] ?? []).map((name) => `&${name};`)];
}

/** JSON's \u escapes of one character: one unit, or a surrogate pair for characters beyond the first plane. */
function jsonUnicode(ch: string): string {
  const units = Array.from({ length: ch.length }, (_, i) => ch.charCodeAt(i));
  return units.map((u) => `\\\\[uU]${hexPattern(u, 4)}`).join('');
}

/** Every way one character may be written. */
function charPattern(ch: string): string {
  const bytes = [...Buffer.from(ch, 'utf8')];
  const alternatives = new Set<string>([
    ...htmlForms(ch),
    bytes.map((b) => `%${hexPattern(b, 2)}`).join(''),
    bytes.map((b) => `%25${hexPattern(b, 2)}`).join(''),
    jsonUnicode(ch),
  ]);
  if (ch === ' ') alternatives.add('\\+');
  // A JSON escape inside an HTML page may have its second character escaped again (\&quot;).
  const letter = JSON_SHORT[ch];
  if (letter) alternatives.add(`\\\\(?:${htmlForms(letter).join('|')})`);
  return `(?:${[...alternatives].join('|')})`;
}

/** The characters of `value` fully determined by it when it starts `offset` bytes into a base64 group. */
function base64Middle(bytes: Buffer, offset: number, urlSafe: boolean): string {
  const padded = Buffer.concat([Buffer.alloc(offset), bytes]);
  let text = padded.toString('base64');
  if (urlSafe) text = text.replace(/\+/g, '-').replace(/\//g, '_');
  const first = Math.ceil((8 * offset) / 6);
  const end = Math.floor((8 * (offset + bytes.length)) / 6);
  return text.slice(first, end);
}

/** Whole-value encodings: base64 (both alphabets, three alignments) and hexadecimal (both cases). */
export function wholeValueForms(value: string): string[] {
  const bytes = Buffer.from(value, 'utf8');
  const forms = new Set<string>();
  // The value encoded alone, tail and padding included, so none of it is left beside the blank.
  forms.add(bytes.toString('base64'));
  forms.add(bytes.toString('base64url'));
  forms.add(bytes.toString('base64').replace(/=+$/, ''));
  for (const offset of [0, 1, 2]) for (const urlSafe of [false, true]) forms.add(base64Middle(bytes, offset, urlSafe));
  const hex = bytes.toString('hex');
  forms.add(hex);
  forms.add(hex.toUpperCase());
  return [...forms].filter((f) => f.length >= 6).sort((a, b) => b.length - a.length);
}

/** One regular expression source matching `value` in every form above. */
export function secretPattern(value: string): string {
  const perChar = Array.from(value, charPattern).join('');
  return [perChar, ...wholeValueForms(value).map(escapeRegex)].join('|');
}
