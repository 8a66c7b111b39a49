import { AppError } from '../core/app-error';
import { VendorError } from '../core/http/vendor-error';
import type { VendorHttp } from '../core/http/vendor-http';
import { VENDOR, type HtpConnection } from './connection';

const MAX_KNOWN = 20_000;
/** Pictures kept as data addresses, by their length: a few pages of results, never hundreds of large pictures. */
const MAX_CACHED_CHARS = 48 * 1024 * 1024;

/**
 * Vendor pictures are fetched here and handed to the window as data, because they may be plain
 * http or on any host and the window's content policy stays strict. Only addresses that came in a
 * HeavyTruckParts answer are fetched (the window cannot use this to reach anything else), and the
 * API credentials go with a request only when it is for the configured host over https or loopback.
 */
export class ImageFetcher {
  private readonly known = new Set<string>();
  private readonly cache = new Map<string, string>();
  private cachedChars = 0;

  constructor(private readonly http: VendorHttp) {}

  remember(urls: Iterable<string>): void {
    for (const u of urls) {
      if (this.known.size >= MAX_KNOWN) this.known.delete(this.known.values().next().value!);
      this.known.add(u);
    }
  }

  private keep(url: string, data: string): void {
    const before = this.cache.get(url);
    if (before !== undefined) this.cachedChars -= before.length;
    this.cache.delete(url);
    this.cache.set(url, data);
    this.cachedChars += data.length;
    for (const [oldest, value] of this.cache) {
      if (this.cachedChars <= MAX_CACHED_CHARS) break;
      this.cache.delete(oldest);
      this.cachedChars -= value.length;
    }
  }

  async dataUrl(url: string, conn: HtpConnection): Promise<string> {
    if (!this.known.has(url)) throw new AppError('not-found', 'That picture was not part of a HeavyTruckParts answer, so it was not fetched.');
    const hit = this.cache.get(url);
    if (hit) return hit;
    const u = new URL(url);
    const base = new URL(conn.base);
    const sameHost = u.host === base.host && u.protocol === base.protocol;
    try {
      const { contentType, bytes } = await this.http.fetchBinary({ vendor: VENDOR, url, accept: 'image/', basicAuth: sameHost ? { user: conn.user, password: conn.password } : undefined, timeoutMs: 20_000, maxBytes: 8 * 1024 * 1024 });
      const data = `data:${contentType};base64,${Buffer.from(bytes).toString('base64')}`;
      this.keep(url, data);
      return data;
    } catch (error) {
      if (error instanceof VendorError) throw new AppError('vendor-error', `The picture could not be loaded: ${error.message}`);
      throw error;
    }
  }
}
