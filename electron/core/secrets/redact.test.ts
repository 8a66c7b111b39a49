import { describe, expect, it } from 'vitest';
import { HIDDEN, SecretRedactor } from './redact';

const SECRET = 'k3y/with+odd&chars "é" <x>=';

function redactor(...values: string[]): SecretRedactor {
  const r = new SecretRedactor();
  for (const v of values) r.add(v, 'vendor:apiKey');
  return r;
}

const html = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

describe('SecretRedactor', () => {
  const encodings: [string, string][] = [
    ['as typed', SECRET],
    ['percent-encoded', encodeURIComponent(SECRET)],
    ['percent-encoded in lower case', encodeURIComponent(SECRET).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase())],
    ['form-encoded (+ for a space)', new URLSearchParams({ k: SECRET }).toString().slice(2)],
    ['encoded twice', encodeURIComponent(encodeURIComponent(SECRET))],
    ['JSON-escaped', JSON.stringify(SECRET).slice(1, -1)],
    ['JSON with \\/', JSON.stringify(SECRET).slice(1, -1).replace(/\//g, '\\/')],
    ['JSON with \\u escapes', SECRET.replace(/[^a-z0-9]/gi, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)],
    ['JSON with upper-case \\u escapes', SECRET.replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`).replace(/"/g, '\\"')],
    ['HTML-escaped', html(SECRET)],
    ['HTML numeric references', SECRET.replace(/[^a-z0-9]/gi, (c) => `&#${c.charCodeAt(0)};`)],
    ['HTML hexadecimal references', SECRET.replace(/[^a-z0-9]/gi, (c) => `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`)],
    ['HTML-escaped JSON', html(JSON.stringify(SECRET).slice(1, -1))],
    ['base64', Buffer.from(SECRET).toString('base64')],
    ['base64 for URLs', Buffer.from(SECRET).toString('base64url')],
    ['hexadecimal', Buffer.from(SECRET).toString('hex')],
    ['hexadecimal in upper case', Buffer.from(SECRET).toString('hex').toUpperCase()],
  ];

  it.each(encodings)('blanks out a secret %s', (_what, form) => {
    const text = `The vendor said: bad key ${form} (request 42)`;
    const out = redactor(SECRET).scrub(text);
    expect(out).toBe(`The vendor said: bad key ${HIDDEN} (request 42)`);
  });

  it('finds a secret inside a longer base64 text at any alignment (a Basic authorization header)', () => {
    const r = redactor(SECRET);
    for (const user of ['u', 'us', 'use', 'user']) {
      const header = Buffer.from(`${user}:${SECRET}`).toString('base64');
      expect(r.scrub(`Authorization: Basic ${header}`)).toContain(HIDDEN);
      expect(r.holdsSecret(header)).toBe(true);
    }
  });

  it('leaves ordinary text alone, and values too short to be told from it', () => {
    const r = redactor(SECRET, 'abc');
    const text = 'Order 12345 of 2024-05-01: 3 items, k3y with odd chars, abc';
    expect(r.scrub(text)).toBe(text);
  });

  it('scrubs every string in a value, keys included', () => {
    const r = redactor(SECRET);
    const out = r.scrubDeep({ message: `x ${SECRET}`, list: [encodeURIComponent(SECRET)], [SECRET]: 1 });
    expect(JSON.stringify(out)).not.toContain('k3y');
  });

  it('keeps a few values per credential, so a burst of new values cannot grow the list without end', () => {
    const r = new SecretRedactor();
    for (let i = 0; i < 1000; i++) r.add(`burst-value-${i}-xxxxxx`, 'vendor:apiKey');
    expect(r.scrub('burst-value-999-xxxxxx')).toBe(HIDDEN);
    expect(r.scrub('burst-value-998-xxxxxx')).toBe(HIDDEN);
    expect(r.scrub('burst-value-0-xxxxxx')).toBe('burst-value-0-xxxxxx');
  });
});
