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
