import pRetry, { AbortError } from 'p-retry';
import type { z } from 'zod';
import { endpointProblem } from '../../../shared/endpoint-policy';
import { describeIssues } from '../input-problems';
import { readHead } from './body-pieces';
import { readJsonBody, type ReadBody } from './parse-json';
import { encodeBody, type RequestBody } from './request-body';
import { saveBody } from './download';
import { backoffDelay, parseRetryAfter, VendorError } from './vendor-error';

export interface VendorRequest<T extends z.ZodType> {
  /** Vendor name used in messages ("SimpleConsign"). */
  vendor: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'HEAD';
  url: string;
  json?: unknown;
  headers?: Record<string, string>;
  basicAuth?: { user: string; password: string };
  /** The answer's shape; anything else is reported, never passed on. */
  schema: T;
  timeoutMs?: number;
  /** Statuses whose JSON body is a meaningful answer (e.g. IFPOS 401/417), not an error. */
  answerStatuses?: number[];
  /**
   * A successful answer that starts like JSON is handed over unread, as its body's pieces (the
   * schema then checks an AsyncIterable of Uint8Array), for the caller to read as they arrive;
   * anything else is read as usual. A failure while the body arrives is a VendorError.
   */
  streamBody?: boolean;
  /** Only idempotent calls, or calls the caller has made safe, are retried here. */
  retries?: number;
  signal?: AbortSignal;
  /** A multipart or binary body, streamed (instead of `json`). */
  body?: RequestBody;
  /** Called as the body is taken by the connection: bytes sent so far and in all. */
  onUploadProgress?: (sent: number, total: number) => void;
  /**
   * 'refuse' (default): a redirect is an error. 'follow-safely': GET and HEAD follow up to five https
   * redirects; credentials travel only to the host they were given for, never to another one.
   */
  redirect?: 'refuse' | 'follow-safely';
}

/** A call whose answer is a file: written to `toFile` as it arrives. */
export type DownloadRequest = Omit<VendorRequest<z.ZodType>, 'schema' | 'json' | 'body' | 'answerStatuses'> & { toFile: string; maxBytes?: number };

export interface DownloadResponse {
  status: number;
  headers: Record<string, string>;
  bytes: number;
  durationMs: number;
}

export interface VendorResponse<T> {
  status: number;
  data: T;
  durationMs: number;
  /** The answer's headers, names in lower case. */
  headers: Record<string, string>;
  /** The vendor's clock when it answered (its Date header, to the second), or null without one. */
  serverDate: number | null;
}

export interface HttpOptions {
  fetch?: typeof fetch;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

function headersOf(res: Response): Record<string, string> {
  const out: Record<string, string> = {};
  res.headers.forEach((value, name) => (out[name] = value));
  return out;
}

/** The address to follow next, or null when the response is the answer. */
function nextHop(req: Omit<VendorRequest<z.ZodType>, 'schema'>, url: string, res: Response, hop: number): string | null {
  if (req.redirect !== 'follow-safely' || res.status < 300 || res.status > 399 || res.status === 304) return null;
  const location = res.headers.get('location');
  if (!location || (req.method !== 'GET' && req.method !== 'HEAD')) return null;
  if (hop >= 5) throw new VendorError(req.vendor, 'http', `${req.vendor} redirected more than five times.`, { status: res.status });
  return new URL(location, url).toString();
}

const snippet = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, 200);

function vendorText(body: unknown): string | undefined {
  if (body && typeof body === 'object') {
    const b = body as Record<string, unknown>;
    for (const key of ['error_description', 'description', 'error', 'message', 'Message', 'ErrorDetails', 'errors']) {
      const v = b[key];
      if (typeof v === 'string' && v) return v;
      if (Array.isArray(v) && v.length > 0) return v.map(String).join('; ');
    }
  }
  return undefined;
}

function hostOf(url: string): string {
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

/** XML is told from HTML by its declaration or its content type; both start with "<". */
export function bodyFormatOf(text: string, contentType: string | null): 'html' | 'xml' | 'text' {
  const type = (contentType ?? '').toLowerCase();
  if (/^\s*<!doctype html|<html[\s>]/i.test(text) || type.includes('html')) return 'html';
  if (/^\s*<\?xml/i.test(text) || type.includes('xml')) return 'xml';
  return /^\s*</.test(text) ? 'html' : 'text';
}

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

/** Every vendor call goes through here: https rule, timeout, response validation, plain-language errors. */
export class VendorHttp {
  private readonly fetchImpl: typeof fetch;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(opts: HttpOptions = {}) {
    this.fetchImpl = opts.fetch ?? fetch;
    this.now = opts.now ?? Date.now;
    this.sleep = opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  async request<T extends z.ZodType>(req: VendorRequest<T>): Promise<VendorResponse<z.output<T>>> {
    return this.withRetries(req, () => this.once(req));
  }

  /** Fetches a file (e.g. a vendor's source or error file) straight to disk; errors as for `request`. */
  async download(req: DownloadRequest): Promise<DownloadResponse> {
    return this.withRetries(req, async () => {
      const started = this.now();
      const timeoutMs = req.timeoutMs ?? 120_000;
      const res = await this.send(req, timeoutMs, { Accept: '*/*' });
      if (!res.ok) {
        const bytes = await res.arrayBuffer().catch(() => new ArrayBuffer(0));
        this.interpret({ ...req, schema: undefined as unknown as z.ZodType }, res, await readJsonBody(bytes));
      }
      const written = await saveBody(res, req.toFile, req.maxBytes).catch((error) => {
        throw error instanceof VendorError ? error : this.transportError(req, error, timeoutMs);
      });
      return { status: res.status, headers: headersOf(res), bytes: written, durationMs: this.now() - started };
    });
  }

  private withRetries<R>(req: Pick<VendorRequest<z.ZodType>, 'url' | 'vendor' | 'retries' | 'signal'>, work: () => Promise<R>): Promise<R> {
    const problem = endpointProblem(req.url);
    if (problem) return Promise.reject(new VendorError(req.vendor, 'insecure-endpoint', problem));
    const retries = req.retries ?? 0;
    return pRetry((attempt) => work().catch((e) => {
      if (!(e instanceof VendorError) || !e.transient || e.mayHaveApplied || attempt > retries) throw new AbortError(e);
      throw e;
    }), {
      retries,
      minTimeout: 0,
      maxTimeout: 0,
      randomize: false,
      signal: req.signal,
      // p-retry's own delay is zero; this wait gives jittered backoff that honours Retry-After.
      onFailedAttempt: async (err) => {
        const cause = err as unknown as VendorError;
        if (err.retriesLeft > 0) await this.sleep(backoffDelay(err.attemptNumber, { retryAfterMs: cause.retryAfterMs }));
      },
    });
  }

  private async once<T extends z.ZodType>(req: VendorRequest<T>): Promise<VendorResponse<z.output<T>>> {
    const started = this.now();
    const timeoutMs = req.timeoutMs ?? 30_000;
    const res = await this.send(req, timeoutMs, { Accept: 'application/json' });
    const date = Date.parse(res.headers.get('date') ?? '');
    const answer = (data: z.output<T>) => ({ status: res.status, data, durationMs: this.now() - started, headers: headersOf(res), serverDate: Number.isNaN(date) ? null : date });
    if (req.streamBody && res.ok && res.body) {
      const body = await readHead(res.body, (error) => this.transportError(req, error, timeoutMs));
      if (body.kind === 'pieces') return answer(req.schema.parse(body.pieces));
      return answer(this.interpret(req, res, await readJsonBody(body.bytes)));
    }
    let bytes: ArrayBuffer;
    try {
      bytes = await res.arrayBuffer();
    } catch (error) {
      throw this.transportError(req, error, timeoutMs);
    }
    return answer(this.interpret(req, res, await readJsonBody(bytes)));
  }

  /** Sends the request (following redirects only as `req.redirect` allows) and answers the response, body unread. */
  private async send(req: Omit<VendorRequest<z.ZodType>, 'schema'>, timeoutMs: number, base: Record<string, string>): Promise<Response> {
    const headers: Record<string, string> = { ...base, ...req.headers };
    if (req.basicAuth) headers.Authorization = `Basic ${Buffer.from(`${req.basicAuth.user}:${req.basicAuth.password}`).toString('base64')}`;
    const signal = req.signal ? AbortSignal.any([req.signal, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs);
    let url = req.url;
    for (let hop = 0; ; hop++) {
      const init = this.initFor(req, headers, signal);
      let res: Response;
      try {
        res = await this.fetchImpl(url, init);
      } catch (error) {
        throw this.transportError(req, error, timeoutMs);
      }
      const next = nextHop(req, url, res, hop);
      if (next === null) return res;
      await res.body?.cancel().catch(() => {});
      const problem = endpointProblem(next);
      if (problem) throw new VendorError(req.vendor, 'insecure-endpoint', `${req.vendor} redirected to an address the app will not call. ${problem}`);
      // Credentials were entered for one host: a redirect elsewhere goes without them.
      if (new URL(next).host !== new URL(url).host) for (const k of Object.keys(headers)) if (/^(authorization|cookie|x-api-key)$/i.test(k)) delete headers[k];
      url = next;
    }
  }

  private initFor(req: Omit<VendorRequest<z.ZodType>, 'schema'>, headers: Record<string, string>, signal: AbortSignal): RequestInit & { duplex?: 'half' } {
    const manual = req.redirect === 'follow-safely';
    if (req.body) {
      const encoded = encodeBody(req.body, req.onUploadProgress);
      return {
        method: req.method,
        headers: { ...headers, 'Content-Type': encoded.contentType, 'Content-Length': String(encoded.length) },
        body: encoded.body as RequestInit['body'],
        duplex: 'half',
        signal,
        redirect: 'error',
      };
    }
    const h = req.json !== undefined ? { ...headers, 'Content-Type': 'application/json' } : headers;
    return { method: req.method, headers: h, body: req.json === undefined ? undefined : JSON.stringify(req.json), signal, redirect: manual ? 'manual' : 'error' };
  }

  private transportError(req: Pick<VendorRequest<z.ZodType>, 'vendor'> & Partial<VendorRequest<z.ZodType>>, error: unknown, timeoutMs: number): VendorError {
    const name = (error as { name?: string }).name;
    if (name === 'TimeoutError') {
      return new VendorError(req.vendor, 'timeout', `${req.vendor} did not answer within ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} seconds`}.`, { mayHaveApplied: true });
    }
    if (name === 'AbortError') return new VendorError(req.vendor, 'network', `The call to ${req.vendor} was cancelled.`, { mayHaveApplied: true });
    const code = (error as { cause?: { code?: string } }).cause?.code ?? '';
    // Refused or unresolvable means the request never left: safe to repeat. Anything else may have landed.
    const neverSent = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'].includes(code);
    return new VendorError(req.vendor, 'network', transportMessage(req.vendor, hostOf(req.url ?? ''), code), { mayHaveApplied: !neverSent, code: code || undefined });
  }

  private interpret<T extends z.ZodType>(req: VendorRequest<T>, res: Response, { head: text, body, isJson }: ReadBody): z.output<T> {
    const answered = res.ok || (req.answerStatuses ?? []).includes(res.status);
    if (!answered) {
      const vendorMessage = isJson ? vendorText(body) : undefined;
      const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), this.now());
      const what = res.status === 429 ? 'is limiting requests (HTTP 429)' : res.status === 503 ? 'is at capacity (HTTP 503)' : `answered HTTP ${res.status}`;
      const wait = retryAfterMs !== undefined ? ` It asked to wait ${Math.ceil(retryAfterMs / 1000)} s.` : '';
      const said = vendorMessage ? ` ${req.vendor} said: “${vendorMessage}”.` : !isJson && text ? ` Its answer began: “${snippet(text)}”.` : '';
      return this.throwHttp(req, res.status, `${req.vendor} ${what}.${said}${wait}`, { retryAfterMs, vendorMessage });
    }
    if (!isJson) {
      const bodyFormat = bodyFormatOf(text, res.headers.get('content-type'));
      const kind = bodyFormat === 'xml' ? 'XML instead of JSON' : bodyFormat === 'html' ? 'a web page (HTML) instead of data' : 'data that is not valid JSON';
      throw new VendorError(req.vendor, 'invalid-response', `${req.vendor} sent ${kind}. Its answer began: “${snippet(text)}”.`, { status: res.status, bodyFormat, bodyText: text.slice(0, 2000) });
    }
    const parsed = req.schema.safeParse(body);
    if (!parsed.success) {
      throw new VendorError(req.vendor, 'invalid-response', `${req.vendor} sent an answer the app does not understand.`, {
        status: res.status,
        details: describeIssues(parsed.error),
        vendorMessage: vendorText(body),
      });
    }
    return parsed.data;
  }

  private throwHttp(req: VendorRequest<z.ZodType>, status: number, message: string, opts: { retryAfterMs?: number; vendorMessage?: string }): never {
    // A 5xx after the request arrived may still have been applied; 429 and 503 are refusals.
    const mayHaveApplied = status >= 500 && status !== 503;
    throw new VendorError(req.vendor, 'http', message, { status, ...opts, mayHaveApplied });
  }

  /**
   * Fetches a file (a vendor's picture). Without credentials plain http and other hosts are allowed,
   * as vendors' pictures often live there; with credentials the https rule applies and redirects are refused.
   */
  async fetchBinary(req: BinaryRequest): Promise<{ contentType: string; bytes: Uint8Array }> {
    let u: URL;
    try {
      u = new URL(req.url);
    } catch {
      throw new VendorError(req.vendor, 'insecure-endpoint', `"${req.url.slice(0, 100)}" is not a web address.`);
    }
    if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new VendorError(req.vendor, 'insecure-endpoint', `Only web addresses can be fetched (got ${u.protocol}).`);
    const problem = req.basicAuth ? endpointProblem(req.url) : u.username || u.password ? 'Credentials in an address are refused.' : null;
    if (problem) throw new VendorError(req.vendor, 'insecure-endpoint', problem);
    const timeoutMs = req.timeoutMs ?? 20_000;
    const headers: Record<string, string> = { Accept: `${req.accept}*` };
    if (req.basicAuth) headers.Authorization = `Basic ${Buffer.from(`${req.basicAuth.user}:${req.basicAuth.password}`).toString('base64')}`;
    let res: Response;
    let bytes: ArrayBuffer;
    try {
      res = await this.fetchImpl(req.url, { headers, signal: AbortSignal.timeout(timeoutMs), redirect: req.basicAuth ? 'error' : 'follow' });
      bytes = await res.arrayBuffer();
    } catch (error) {
      throw this.transportError({ vendor: req.vendor, method: 'GET', url: req.url, schema: undefined as never }, error, timeoutMs);
    }
    if (!res.ok) throw new VendorError(req.vendor, 'http', `${req.vendor} answered HTTP ${res.status} for ${u.host}${u.pathname}.`, { status: res.status });
    const contentType = (res.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
    if (!contentType.startsWith(req.accept)) throw new VendorError(req.vendor, 'invalid-response', `${u.host} sent ${contentType || 'an unnamed type'}, not ${req.accept.replace('/', '')}.`);
    if (bytes.byteLength > (req.maxBytes ?? 10 * 1024 * 1024)) throw new VendorError(req.vendor, 'invalid-response', `${u.host} sent a file too large to show.`);
    return { contentType, bytes: new Uint8Array(bytes) };
  }
}
