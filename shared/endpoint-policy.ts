const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname.toLowerCase()) || /^127(?:\.\d{1,3}){3}$/.test(hostname);
}

/**
 * Credentials never cross a network in the clear: live endpoints must be https, and plain http
 * is allowed only to this machine (the simulators and local test doubles). Returns a message
 * saying what is wrong, or null when the URL may be used.
 */
export function endpointProblem(raw: string): string | null {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return `"${raw}" is not a web address. It should look like https://api.example.com/path.`;
  }
  if (u.username || u.password) return 'Put credentials in their own fields, not in the address.';
  if (u.protocol === 'https:') return null;
  if (u.protocol === 'http:' && isLoopbackHost(u.hostname)) return null;
  if (u.protocol === 'http:') {
    return `Plain http:// is refused for ${u.hostname}: credentials would travel unencrypted. Use https://.`;
  }
  return `Only https:// addresses are accepted (got ${u.protocol.replace(':', '')}).`;
}

/** Private, link-local, shared and unspecified IPv4 ranges: an address there reaches this network, not the web. */
function isPrivateIPv4(host: string): boolean {
  const m = /^(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/.exec(host);
  if (!m) return false;
  const [a, b] = [Number(m[1]), Number(m[2])];
  return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
}

/**
 * Whether a web address is on the internet at large: http(s), no credentials, and a host name with a
 * dot that is not this machine, an IP literal of the local network or IPv6, nor a .local name.
 * Links the app hands to the system, and picture addresses people type, must be.
 */
export function isPublicWebAddress(raw: string): boolean {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return false;
  }
  if ((u.protocol !== 'https:' && u.protocol !== 'http:') || u.username || u.password) return false;
  const h = u.hostname.toLowerCase();
  if (h.startsWith('[') || isLoopbackHost(h) || isPrivateIPv4(h) || !h.includes('.')) return false;
  return !h.endsWith('.local') && !h.endsWith('.localhost') && !h.endsWith('.internal');
}
