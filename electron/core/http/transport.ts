import { VendorError } from './vendor-error';

export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the configured address';
  }
}

/**
 * What went wrong on the way, naming what to check: a refused connection or an unknown host is the
 * address (which one), not the internet. Whether the app tries again is for the caller to say.
 */
export function transportMessage(vendor: string, host: string, code: string): string {
  const where = `Check the address ${host} on the ${vendor} connection.`;
  switch (code) {
    case 'ECONNREFUSED':
      return `${vendor} could not be reached: ${host} refused the connection (nothing accepts calls there). ${where}`;
    case 'ENOTFOUND':
      return `${vendor} could not be reached: the host ${host} does not exist (unknown host). ${where}`;
    case 'EAI_AGAIN':
      return `${vendor} could not be reached: the name ${host} could not be looked up just now. ${where} If it is right, check this computer’s network connection.`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `${vendor} could not be reached: no route to ${host} from this computer. Check this computer’s network connection, then the address ${host}.`;
    default:
      return `${vendor} dropped the connection before answering${code ? ` (${code})` : ''}.`;
  }
}

/** A failure of the call itself (no answer): timed out, cancelled, refused or cut. */
export function transportError(vendor: string, url: string, error: unknown, timeoutMs: number): VendorError {
  const name = (error as { name?: string }).name;
  if (name === 'TimeoutError') {
    return new VendorError(vendor, 'timeout', `${vendor} did not answer within ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} seconds`}.`, { mayHaveApplied: true });
  }
  if (name === 'AbortError') return new VendorError(vendor, 'network', `The call to ${vendor} was cancelled.`, { mayHaveApplied: true });
  const code = (error as { cause?: { code?: string } }).cause?.code ?? '';
  // Refused or unresolvable means the request never left: safe to repeat. Anything else may have landed.
  const neverSent = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'].includes(code);
  return new VendorError(vendor, 'network', transportMessage(vendor, hostOf(url), code), { mayHaveApplied: !neverSent, code: code || undefined });
}

/** A 3xx answer that points elsewhere (304 Not Modified is an answer, not a redirect). */
export function isRedirect(res: Response): boolean {
  return res.status >= 300 && res.status < 400 && res.status !== 304;
}

/**
 * A redirect the app will not follow, named as one: the vendor answered (so nothing was dropped), and
 * it answered by pointing elsewhere rather than acting on the request. Only the target's host and path
 * are shown; its query may hold anything.
 */
export function refusedRedirect(vendor: string, from: string, res: Response): VendorError {
  const location = res.headers.get('location');
  let where = 'an address it did not give';
  if (location) {
    try {
      const to = new URL(location, from);
      where = `${to.protocol}//${to.host}${to.pathname}`;
    } catch {
      where = 'an address that is not valid';
    }
  }
  return new VendorError(
    vendor,
    'http',
    `${vendor} answered with a redirect (HTTP ${res.status}) to ${where}, which the app does not follow: calls and credentials go only to the address entered. Check the address on the ${vendor} connection (the service may have moved, or want https://).`,
    { status: res.status, mayHaveApplied: false },
  );
}
