import { isPublicWebAddress } from '../../shared/endpoint-policy';

const MAX_LENGTH = 2048;

const decoded = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return '';
  }
};

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
  if (u.protocol === 'mailto:') return /^[^@/\\?#]+@[^@/\\?#]+$/.test(decoded(u.pathname));
  if (u.protocol === 'tel:') return /^\+?[\d\-(). ]{3,30}$/.test(decoded(u.pathname));
  return isPublicWebAddress(u.href);
}
