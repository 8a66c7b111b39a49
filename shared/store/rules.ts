/**
 * The store server's pure rules: pairing codes, server addresses, workstation prefixes and the order
 * numbers a paired workstation gives its sales.
 */

/** No 0/O or 1/I, so a code read across the shop floor is typed right. */
export const PAIRING_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const PAIRING_LENGTH = 12;

/** A new pairing code, e.g. "K7QX-2M9P-FA3C" (60 bits); `randomIndex(n)` answers a whole number below n. */
export function generatePairingCode(randomIndex: (n: number) => number): string {
  let raw = '';
  for (let i = 0; i < PAIRING_LENGTH; i++) raw += PAIRING_ALPHABET[randomIndex(PAIRING_ALPHABET.length)];
  return formatPairingCode(raw);
}

export function formatPairingCode(raw: string): string {
  return raw.match(/.{1,4}/g)!.join('-');
}

/** The code as typed, made canonical: case, spaces and dashes do not matter. Null when it cannot be a code. */
export function normalizePairingCode(typed: string): string | null {
  const raw = typed.toUpperCase().replace(/[\s-]/g, '');
  // 0, O, 1 and I are not in the alphabet: a code holding one was mistyped.
  if (raw.length !== PAIRING_LENGTH || [...raw].some((c) => !PAIRING_ALPHABET.includes(c))) return null;
  return formatPairingCode(raw);
}

/** The PostgreSQL role a pairing code signs in as: it names the code without giving its secret part away. */
export function pairingRoleName(code: string): string {
  return `backoffice_pair_${code.replace(/-/g, '').slice(0, 4).toLowerCase()}`;
}

/** The password of the pairing role: the whole code. */
export function pairingPassword(code: string): string {
  return code.replace(/-/g, '');
}

export interface ServerAddress {
  host: string;
  port: number;
}

export const DEFAULT_PORT = 5432;

/**
 * Reads "host", "host:port", "[v6]:port" or a bare IPv6 address. Answers a problem in plain words when
 * the text cannot be an address, so nothing is tried with it.
 */
export function parseServerAddress(text: string, defaultPort = DEFAULT_PORT): ServerAddress | { problem: string } {
  const t = text.trim();
  if (t === '') return { problem: 'Enter the store server’s address, for example 192.168.1.20 or backoffice.local:5432.' };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(t)) return { problem: 'Enter only the server’s name or address and, if not 5432, its port (such as 192.168.1.20:5433), without “postgres://”.' };
  let host = t;
  let port = String(defaultPort);
  const bracketed = /^\[([0-9a-f:.]+)\](?::(\d+))?$/i.exec(t);
  if (bracketed) [host, port] = [bracketed[1], bracketed[2] ?? port];
  else if ((t.match(/:/g) ?? []).length === 1) [host, port] = t.split(':');
  else if (!/^[0-9a-f:.]+$/i.test(t) && t.includes(':')) return { problem: `“${t}” is not an address.` };
  if (!/^\d{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65535) return { problem: `The port must be a number from 1 to 65535 (got “${port}”).` };
  if (!/^[A-Za-z0-9.:_-]{1,253}$/.test(host) || host.startsWith('-')) return { problem: `“${host}” is not a computer name or address.` };
  return { host, port: Number(port) };
}

export function formatServerAddress(a: ServerAddress): string {
  const host = a.host.includes(':') ? `[${a.host}]` : a.host;
  return a.port === DEFAULT_PORT ? host : `${host}:${a.port}`;
}

/** The prefix the server hands the n-th workstation: "01", "02", … "99", then "100". */
export function workstationPrefix(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * A paired workstation's order number: "S", its prefix and its own counter, e.g. "S-03-000123". Numbers from
 * different workstations never meet, since no two hold the same prefix, and one workstation never repeats
 * its counter.
 */
export function storeOrderNumber(prefix: string, counter: number): string {
  return `S-${prefix}-${String(counter).padStart(6, '0')}`;
}

/** The counter of an order number this workstation gave (same prefix), or null. */
export function counterOf(orderNumber: string, prefix: string): number | null {
  const m = /^S-([0-9]+)-([0-9]+)$/i.exec(orderNumber);
  return m && m[1] === prefix ? Number(m[2]) : null;
}

/** Minutes a workstation may be silent before another takes over its deliveries. */
export const DEFAULT_TAKEOVER_MINUTES = 10;
