import { AppError } from '../app-error';
import { VendorError } from '../http/vendor-error';
import type { VendorHttp } from '../http/vendor-http';
import { PictureCache } from './picture-cache';

/** How to fetch a picture a feature named: whose it is (for messages) and, on the vendor's own host, its credentials. */
export interface PictureFetchPlan {
  vendor: string;
  basicAuth?: { user: string; password: string };
}

/**
 * A feature's pictures. Only addresses a feature itself named (in a vendor answer, in its copy of
 * the vendor's data, in a draft) are fetched: the window cannot use this to reach anything else.
 */
export interface PictureSource {
  /** How to fetch `url`, or null when this feature did not name it. */
  planFor(url: string): Promise<PictureFetchPlan | null> | PictureFetchPlan | null;
}

export interface PictureAnswer {
  url: string;
  dataUrl: string | null;
  problem: string | null;
}

export interface PictureServiceOptions {
  /** Bytes of pictures kept for the run. */
  maxBytes?: number;
  /** Pictures fetched at the same time, whatever the number of calls asking. */
  atOnce?: number;
  /** Largest picture accepted. */
  maxPictureBytes?: number;
  timeoutMs?: number;
}

const NOT_NAMED = 'That picture was not part of a vendor answer, so it was not fetched.';

/**
 * Every vendor picture the window shows is fetched here and handed over as a data address, so the
 * window's Content-Security-Policy allows no image host at all. One fetch per address however the
 * window's calls overlap, kept for the run; a few at a time, so pictures never hold up a search.
 */
export class PictureService {
  private readonly cache: PictureCache;
  private running = 0;
  private readonly queue: (() => void)[] = [];

  constructor(
    private readonly http: VendorHttp,
    private readonly opts: PictureServiceOptions = {},
  ) {
    this.cache = new PictureCache(opts.maxBytes ?? 48 * 1024 * 1024);
  }

  /** Each picture on its own: one that cannot be loaded says why and does not hold up the others. */
  async get(urls: string[], sources: PictureSource[]): Promise<{ images: PictureAnswer[] }> {
    const unique = [...new Set(urls)];
    const images = await Promise.all(
      unique.map((url) =>
        this.one(url, sources).then(
          (dataUrl): PictureAnswer => ({ url, dataUrl, problem: null }),
          (error: unknown): PictureAnswer => ({ url, dataUrl: null, problem: error instanceof AppError ? error.message : 'The picture could not be loaded.' }),
        ),
      ),
    );
    return { images };
  }

  /** Pictures held for the run, for tests and the status line. */
  held(): { count: number; bytes: number } {
    return { count: this.cache.count, bytes: this.cache.bytes };
  }

  private async one(url: string, sources: PictureSource[]): Promise<string> {
    let plan: PictureFetchPlan | null = null;
    for (const source of sources) {
      plan = await source.planFor(url);
      if (plan) break;
    }
    if (!plan) throw new AppError('not-found', NOT_NAMED);
    const found = plan;
    return this.cache.get(url, () => this.limited(() => this.fetch(url, found)));
  }

  private async fetch(url: string, plan: PictureFetchPlan): Promise<string> {
    try {
      const { contentType, bytes } = await this.http.fetchBinary({ vendor: plan.vendor, url, accept: 'image/', basicAuth: plan.basicAuth, timeoutMs: this.opts.timeoutMs ?? 20_000, maxBytes: this.opts.maxPictureBytes ?? 8 * 1024 * 1024 });
      return `data:${contentType};base64,${Buffer.from(bytes).toString('base64')}`;
    } catch (error) {
      if (error instanceof VendorError) throw new AppError('vendor-error', `The picture could not be loaded: ${error.message}`);
      throw error;
    }
  }

  /** Runs `work` when one of the few fetch slots is free; a finished fetch hands its slot to the next in line. */
  private async limited<T>(work: () => Promise<T>): Promise<T> {
    if (this.running < (this.opts.atOnce ?? 4)) this.running += 1;
    else await new Promise<void>((go) => this.queue.push(go));
    try {
      return await work();
    } finally {
      const next = this.queue.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}
