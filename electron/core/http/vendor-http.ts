import pRetry, { AbortError } from 'p-retry';
import type { z } from 'zod';
import { endpointProblem } from '../../../shared/endpoint-policy';
import { describeIssues } from '../input-problems';
import { Deadline } from './deadline';
import { readHead } from './body-pieces';
import { readJsonBody, type ReadBody } from './parse-json';
import { encodeBody, type RequestBody } from './request-body';
import { saveBody } from './download';
import { fetchBinary, type BinaryRequest } from './fetch-binary';
import { readBounded, sizeWords } from './read-bounded';
import { isRedirect, refusedRedirect, transportError } from './transport';
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
  /** Largest answer read whole (a streamed answer is the caller's to bound); larger ones are refused as they arrive. */
  maxBytes?: number;
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

/** Answers read whole are held to this (streamed ones, such as a full inventory, are read as they come). */
export const MAX_ANSWER_BYTES = 256 * 1024 * 1024;
/** An error answer is read this far, for the vendor's words; the rest is left unread. */
const ERROR_BODY_BYTES = 1024 * 1024;

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

/** XML is told from HTML by its declaration or its content type; both start with "<". */
export function bodyFormatOf(text: string, contentType: string | null): 'html' | 'xml' | 'text' {
  const type = (contentType ?? '').toLowerCase();
  if (/^\s*<!doctype html|<html[\s>]/i.test(text) || type.includes('html')) return 'html';
  if (/^\s*<\?xml/i.test(text) || type.includes('xml')) return 'xml';
  return /^\s*</.test(text) ? 'html' : 'text';
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
        const bytes = await readBounded(res, ERROR_BODY_BYTES, () => new Error('too large'), () => new Error('cut')).catch(() => new ArrayBuffer(0));
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
    const deadline = new Deadline(timeoutMs, req.signal);
    const res = await this.send(req, timeoutMs, { Accept: 'application/json' }, deadline);
    const date = Date.parse(res.headers.get('date') ?? '');
    const answer = (data: z.output<T>) => ({ status: res.status, data, durationMs: this.now() - started, headers: headersOf(res), serverDate: Number.isNaN(date) ? null : date });
    if (req.streamBody && res.ok && res.body) {
      // Its reader sets the pace (it writes as it goes): only waits for the vendor's next bytes are timed.
      deadline.lift();
      const body = await readHead(res.body, (error) => this.transportError(req, error, timeoutMs), (wait) => deadline.waiting(wait));
      if (body.kind === 'pieces') return answer(req.schema.parse(body.pieces));
      return answer(this.interpret(req, res, await readJsonBody(await this.readWhole(req, new Response(body.rest, res), timeoutMs))));
    }
    const bytes = await this.readWhole(req, res, timeoutMs).finally(() => deadline.lift());
    return answer(this.interpret(req, res, await readJsonBody(bytes)));
  }

  /** The whole body, up to the request's limit: a larger answer is refused as it arrives, never held. */
  private readWhole(req: VendorRequest<z.ZodType>, res: Response, timeoutMs: number): Promise<ArrayBuffer> {
    const maxBytes = req.maxBytes ?? MAX_ANSWER_BYTES;
    const tooLarge = () => new VendorError(req.vendor, 'invalid-response', `${req.vendor} sent an answer larger than the app reads (${sizeWords(maxBytes)}); it was not read.`, { status: res.status, mayHaveApplied: true });
    return readBounded(res, maxBytes, tooLarge, (error) => this.transportError(req, error, timeoutMs));
  }

  /** Sends the request (following redirects only as `req.redirect` allows) and answers the response, body unread. */
  private async send(req: Omit<VendorRequest<z.ZodType>, 'schema'>, timeoutMs: number, base: Record<string, string>, deadline = new Deadline(timeoutMs, req.signal)): Promise<Response> {
    const headers: Record<string, string> = { ...base, ...req.headers };
    if (req.basicAuth) headers.Authorization = `Basic ${Buffer.from(`${req.basicAuth.user}:${req.basicAuth.password}`).toString('base64')}`;
    const signal = deadline.signal;
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
      if (next === null && isRedirect(res)) {
        await res.body?.cancel().catch(() => {});
        throw refusedRedirect(req.vendor, url, res);
      }
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
    if (req.body) {
      const encoded = encodeBody(req.body, req.onUploadProgress);
      return {
        method: req.method,
        headers: { ...headers, 'Content-Type': encoded.contentType, 'Content-Length': String(encoded.length) },
        body: encoded.body as RequestInit['body'],
        duplex: 'half',
        signal,
        // Never followed (a body cannot be sent twice), but seen, so it is named as a redirect.
        redirect: 'manual',
      };
    }
    const h = req.json !== undefined ? { ...headers, 'Content-Type': 'application/json' } : headers;
    return { method: req.method, headers: h, body: req.json === undefined ? undefined : JSON.stringify(req.json), signal, redirect: 'manual' };
  }

  private transportError(req: Pick<VendorRequest<z.ZodType>, 'vendor' | 'url'>, error: unknown, timeoutMs: number): VendorError {
    return transportError(req.vendor, req.url, error, timeoutMs);
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

  /** Fetches a file (a vendor's picture), bounded in size: see `fetch-binary.ts`. */
  fetchBinary(req: BinaryRequest): Promise<{ contentType: string; bytes: Uint8Array }> {
    return fetchBinary(this.fetchImpl, req);
  }
}
