import { isLoopbackHost } from '../../shared/endpoint-policy';

const MAX_LENGTH = 2048;

/** Private, link-local and unspecified IPv4 ranges: a link there reaches this network, not the web. */
function isPrivateIPv4(host: string): boolean {
  const m = /^(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/.exec(host);
  if (!m) return false;
  const [a, b] = [Number(m[1]), Number(m[2])];
  return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
}

function isLocalHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return isLoopbackHost(h) || isPrivateIPv4(h) || h.includes(':') || h === '' || h.endsWith('.local') || h.endsWith('.localhost') || !h.includes('.');
}

/**
 * Whether a link from a page (a vendor's description, a vendor's e-mail address) may be handed to
 * the system to open: web pages on the internet, e-mail and phone links only. Never a file, another
 * program's scheme, this machine or the local network, nor an address carrying credentials.
 */
export function isTrustedExternalUrl(raw: string): boolean {
  if (typeof raw !== 'string' || raw.length > MAX_LENGTH || /[\s\u0000-\u001f]/.test(raw)) return false;
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return false;
  }
  if (u.protocol === 'mailto:') return /^[^@/\\?#]+@[^@/\\?#]+$/.test(decodeURIComponent(u.pathname));
  if (u.protocol === 'tel:') return /^\+?[\d\-(). ]{3,30}$/.test(decodeURIComponent(u.pathname));
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return false;
  if (u.username || u.password) return false;
  return !isLocalHost(u.hostname);
}
