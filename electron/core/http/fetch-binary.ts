import { endpointProblem } from '../../../shared/endpoint-policy';
import { readBounded, sizeWords } from './read-bounded';
import { isRedirect, refusedRedirect, transportError } from './transport';
import { VendorError } from './vendor-error';

export interface BinaryRequest {
  vendor: string;
  url: string;
  /** Only sent to an address that passes the https rule. */
  basicAuth?: { user: string; password: string };
  timeoutMs?: number;
  maxBytes?: number;
  /** Content types accepted, by prefix ("image/"). */
  accept: string;
}

const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

function parseUrl(req: BinaryRequest): URL {
  let u: URL;
  try {
    u = new URL(req.url);
  } catch {
    throw new VendorError(req.vendor, 'insecure-endpoint', `"${req.url.slice(0, 100)}" is not a web address.`);
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new VendorError(req.vendor, 'insecure-endpoint', `Only web addresses can be fetched (got ${u.protocol}).`);
  const problem = req.basicAuth ? endpointProblem(req.url) : u.username || u.password ? 'Credentials in an address are refused.' : null;
  if (problem) throw new VendorError(req.vendor, 'insecure-endpoint', problem);
  return u;
}

/**
 * Fetches a file (a vendor's picture). Without credentials plain http and other hosts are allowed, as
 * vendors' pictures often live there; with credentials the https rule applies and redirects are
 * refused. The type is checked before the body is read, and the body is read only up to the limit:
 * a Content-Length above it is refused at once, and a body that passes it is cut off there.
 */
export async function fetchBinary(fetchImpl: typeof fetch, req: BinaryRequest): Promise<{ contentType: string; bytes: Uint8Array }> {
  const u = parseUrl(req);
  const timeoutMs = req.timeoutMs ?? 20_000;
  const maxBytes = req.maxBytes ?? DEFAULT_MAX_BYTES;
  const headers: Record<string, string> = { Accept: `${req.accept}*` };
  if (req.basicAuth) headers.Authorization = `Basic ${Buffer.from(`${req.basicAuth.user}:${req.basicAuth.password}`).toString('base64')}`;
  let res: Response;
  try {
    res = await fetchImpl(req.url, { headers, signal: AbortSignal.timeout(timeoutMs), redirect: req.basicAuth ? 'manual' : 'follow' });
  } catch (error) {
    throw transportError(req.vendor, req.url, error, timeoutMs);
  }
  const refuse = async (error: VendorError): Promise<never> => {
    await res.body?.cancel().catch(() => undefined);
    throw error;
  };
  if (isRedirect(res)) return refuse(refusedRedirect(req.vendor, req.url, res));
  if (!res.ok) return refuse(new VendorError(req.vendor, 'http', `${req.vendor} answered HTTP ${res.status} for ${u.host}${u.pathname}.`, { status: res.status }));
  const contentType = (res.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (!contentType.startsWith(req.accept)) return refuse(new VendorError(req.vendor, 'invalid-response', `${u.host} sent ${contentType || 'an unnamed type'}, not ${req.accept.replace('/', '')}.`));
  const tooLarge = () => new VendorError(req.vendor, 'invalid-response', `${u.host} sent a file too large to show (more than ${sizeWords(maxBytes)}).`);
  const bytes = await readBounded(res, maxBytes, tooLarge, (error) => transportError(req.vendor, req.url, error, timeoutMs));
  return { contentType, bytes: new Uint8Array(bytes) };
}
