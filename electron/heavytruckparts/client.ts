import { z } from 'zod';
import { objSchema } from '../../shared/heavytruckparts/fields';
import type { FeatureConnections } from '../core/feature-connections';
import { VendorError } from '../core/http/vendor-error';
import type { VendorHttp } from '../core/http/vendor-http';
import { toAppError, type Feature } from './client-errors';
import { resolveHtp, VENDOR, type HtpConnection } from './connection';

/** Answers are arrays or objects; their fields are then read liberally (shared/heavytruckparts). */
export const answerSchema = z.union([z.array(z.unknown()), objSchema, z.null()]);

export type Query = Record<string, string | number | boolean | undefined | null>;

export interface CallOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  json?: unknown;
  feature?: Feature;
  timeoutMs?: number;
  /** Reads are repeated after a transient failure; anything that acts at HeavyTruckParts is not. */
  retries?: number;
  schema?: z.ZodType;
  /** A plain-text 2xx answer ("OK") counts as success; its text is returned. */
  acceptText?: boolean;
}

/** A plain-text success answer, when the caller accepts one. */
export function textAnswer(error: unknown): string | null {
  if (error instanceof VendorError && error.kind === 'invalid-response' && error.opts.bodyFormat === 'text' && (error.status ?? 0) < 300) return error.opts.bodyText ?? '';
  return null;
}

/** Query values percent-encoded (spaces as %20, "|" and parentheses escaped); empty values left out. */
export function queryString(q: Query): string {
  const parts = Object.entries(q)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

/**
 * Every HeavyTruckParts call: HTTP Basic on each request (the API has no session), JSON only,
 * the https rule and time-outs from VendorHttp, and failures turned into plain messages.
 */
export class HtpClient {
  private readonly accepted = new Set<string>();

  constructor(private readonly deps: { http: VendorHttp; connections: FeatureConnections }) {}

  connection(): Promise<HtpConnection> {
    return resolveHtp(this.deps.connections);
  }

  /** `path` is below the API root ("/inventory/feed"), or an absolute URL already checked to be on its host. */
  async call(conn: HtpConnection, path: string | URL, query: Query = {}, opts: CallOptions = {}): Promise<unknown> {
    const method = opts.method ?? 'GET';
    const url = typeof path === 'string' ? `${conn.base}${path}${queryString(query)}` : path.href;
    const id = `${conn.base}|${conn.user}`;
    try {
      const res = await this.deps.http.request({
        vendor: VENDOR,
        method,
        url,
        json: opts.json,
        basicAuth: { user: conn.user, password: conn.password },
        schema: opts.schema ?? answerSchema,
        timeoutMs: opts.timeoutMs ?? 20_000,
        retries: opts.retries ?? (method === 'GET' ? 2 : 0),
      });
      this.accepted.add(id);
      return res.data;
    } catch (error) {
      const text = opts.acceptText ? textAnswer(error) : null;
      if (text !== null) return text;
      throw toAppError(error, conn, opts.feature ?? null, this.accepted.has(id));
    }
  }

  /** Like `call`, but the raw failure is kept (the sales and logging services must know whether it may have landed). */
  async send(conn: HtpConnection, path: string, body: unknown): Promise<unknown> {
    const res = await this.deps.http.request({
      vendor: VENDOR,
      method: 'POST',
      url: `${conn.base}${path}`,
      json: body,
      basicAuth: { user: conn.user, password: conn.password },
      schema: z.unknown(),
      timeoutMs: 30_000,
      retries: 0,
    });
    this.accepted.add(`${conn.base}|${conn.user}`);
    return res.data;
  }
}
