import type { PictureFetchPlan, PictureSource } from '../core/pictures/picture-service';
import { VENDOR, type HtpConnection } from './connection';

const MAX_KNOWN = 20_000;

/**
 * The pictures HeavyTruckParts answers named (results, details, pictures inside descriptions). They
 * may be plain http or on any host; the app fetches them for the window (core/pictures). The API
 * credentials go with a request only when it is for the configured host and scheme.
 */
export class PartsPictures implements PictureSource {
  private readonly known = new Set<string>();

  constructor(private readonly connection: () => Promise<HtpConnection>) {}

  remember(urls: Iterable<string>): void {
    for (const u of urls) {
      if (this.known.has(u)) continue;
      if (this.known.size >= MAX_KNOWN) this.known.delete(this.known.values().next().value!);
      this.known.add(u);
    }
  }

  async planFor(url: string): Promise<PictureFetchPlan | null> {
    if (!this.known.has(url)) return null;
    const conn = await this.connection();
    const u = new URL(url);
    const base = new URL(conn.base);
    const sameHost = u.host === base.host && u.protocol === base.protocol;
    return { vendor: VENDOR, basicAuth: sameHost ? { user: conn.user, password: conn.password } : undefined };
  }
}
