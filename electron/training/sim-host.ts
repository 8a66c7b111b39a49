import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Fault, TrainingStatus } from '../../shared/contract/training';
import { AppError } from '../core/app-error';
import { FaultPlan } from './fault-plan';
import type { SimRequest, SimResponse, Simulator } from './simulator';

interface Entry {
  sim: Simulator;
  faults: FaultPlan;
  requestCount: number;
  byKind: Map<string, number>;
}

function send(res: http.ServerResponse, out: SimResponse): void {
  if (Buffer.isBuffer(out.body)) {
    res.writeHead(out.status, { 'Content-Type': 'application/octet-stream', 'Content-Length': String(out.body.length), ...out.headers });
    res.end(out.body);
    return;
  }
  const isText = typeof out.body === 'string';
  // A Buffer is JSON already serialized (answers too large for one string).
  const body = out.body === undefined ? '' : isText || Buffer.isBuffer(out.body) ? (out.body as string | Buffer) : JSON.stringify(out.body);
  res.writeHead(out.status, {
    'Content-Type': isText ? 'text/plain; charset=utf-8' : 'application/json',
    ...out.headers,
  });
  res.end(body);
}

export interface SimHostOptions {
  /** Largest request body accepted (413 above it); vendor uploads stay far below the default. */
  maxBodyBytes?: number;
  /** Open connections held at most; more are closed at once, so no local process can exhaust descriptors. */
  maxConnections?: number;
  /** Where a request that failed in the host itself is reported. */
  log?: (message: string) => void;
}

// Above the largest product-sheet upload the app stages (200 MB); callers without the token are refused before any body is read.
export const SIM_MAX_BODY_BYTES = 256 * 1024 * 1024;
/** The app itself calls the simulators a few connections at a time; the rest of the cap is headroom. */
export const SIM_MAX_CONNECTIONS = 64;

class BodyTooLarge extends Error {}

async function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > limit) throw new BodyTooLarge();
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * Serves every vendor simulator on loopback, one path prefix each, and applies injected faults
 * (rate limits, outages, slow or dropped answers, broken bodies) before or after the simulator.
 * Every path starts with a random per-run token, so only this app (which builds the URLs) reaches it.
 */
export class SimHost {
  private readonly entries = new Map<string, Entry>();
  private server: http.Server | undefined;
  private readonly sockets = new Set<Socket>();
  private token = '';
  baseUrl: string | null = null;

  constructor(
    simulators: Simulator[] = [],
    private readonly opts: SimHostOptions = {},
  ) {
    for (const sim of simulators) this.register(sim);
  }

  register(sim: Simulator): void {
    if (this.entries.has(sim.id)) throw new Error(`simulator "${sim.id}" registered twice`);
    this.entries.set(sim.id, { sim, faults: new FaultPlan(), requestCount: 0, byKind: new Map() });
  }

  async start(port = 0): Promise<string> {
    const server = http.createServer((req, res) => void this.route(req, res).catch((error: unknown) => this.failed(res, error)));
    server.maxConnections = this.opts.maxConnections ?? SIM_MAX_CONNECTIONS;
    // A connection that never completes its headers is closed instead of holding a descriptor.
    server.headersTimeout = 15_000;
    server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', resolve);
    });
    this.server = server;
    this.token = crypto.randomBytes(18).toString('base64url');
    this.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/${this.token}`;
    return this.baseUrl;
  }

  get running(): boolean {
    return this.server !== undefined;
  }

  private failed(res: http.ServerResponse, error: unknown): void {
    if (error instanceof BodyTooLarge) {
      if (!res.headersSent) send(res, { status: 413, body: { error: 'Request body too large' } });
      res.once('finish', () => res.socket?.destroy());
      return;
    }
    this.opts.log?.(`simulator host: a request failed (${error instanceof Error ? error.message : String(error)})`);
    if (!res.headersSent && res.socket && !res.socket.destroyed) send(res, { status: 500, body: { error: 'simulator host failure' } });
    else res.socket?.destroy();
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = undefined;
    this.baseUrl = null;
  }

  /** Absolute URL of a path on the host, e.g. url('/simpleconsign'). */
  url(prefix: string): string {
    if (!this.baseUrl) throw new Error('the simulators are not running');
    return `${this.baseUrl}${prefix}`;
  }

  simulator<T extends Simulator>(id: string): T {
    return this.entry(id).sim as T;
  }

  injectFault(id: string, fault: Fault): void {
    this.entry(id).faults.add(fault);
  }

  clearFaults(id?: string): void {
    for (const e of this.select(id)) e.faults.clear();
  }

  reset(id?: string): void {
    for (const e of this.select(id)) {
      e.faults.clear();
      e.requestCount = 0;
      e.byKind.clear();
      e.sim.reset();
    }
  }

  status(): TrainingStatus {
    return {
      running: this.baseUrl !== null,
      baseUrl: this.baseUrl,
      simulators: [...this.entries.values()].map((e) => ({ id: e.sim.id, name: e.sim.name, requestCount: e.requestCount, requestsByKind: Object.fromEntries(e.byKind), counters: e.sim.counters?.() ?? {}, faults: e.faults.list() })),
    };
  }

  private select(id?: string): Entry[] {
    return id ? [this.entry(id)] : [...this.entries.values()];
  }

  private entry(id: string): Entry {
    const e = this.entries.get(id);
    if (!e) throw new AppError('invalid-input', `There is no training simulator called “${id.slice(0, 60)}”.`);
    return e;
  }

  /** The path below the run's token, or null when the request does not carry it. */
  private pathBelowToken(raw: string | undefined): URL | null {
    const url = new URL(raw ?? '/', 'http://127.0.0.1');
    const lead = `/${this.token}`;
    const given = url.pathname.slice(0, lead.length);
    const rest = url.pathname.slice(lead.length);
    if (!this.token || given.length !== lead.length || !crypto.timingSafeEqual(Buffer.from(given), Buffer.from(lead))) return null;
    if (rest !== '' && !rest.startsWith('/')) return null;
    url.pathname = rest || '/';
    return url;
  }

  private async route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = this.pathBelowToken(req.url);
    if (!url) return send(res, { status: 404, body: { error: 'not found' } });
    // Longest prefix wins, so one vendor may have several simulators (e.g. /simpleconsign/inventory).
    const entry = [...this.entries.values()]
      .filter((e) => url.pathname === e.sim.prefix || url.pathname.startsWith(`${e.sim.prefix}/`))
      .sort((a, b) => b.sim.prefix.length - a.sim.prefix.length)[0];
    if (!entry) return send(res, { status: 404, body: { error: 'no such simulator' } });
    const raw = await readBody(req, this.opts.maxBodyBytes ?? SIM_MAX_BODY_BYTES);
    const body = raw.toString('utf8');
    let parsed: unknown;
    try {
      parsed = body ? JSON.parse(body) : undefined;
    } catch {
      parsed = undefined;
    }
    entry.requestCount += 1;
    const simReq: SimRequest = { method: req.method ?? 'GET', path: url.pathname.slice(entry.sim.prefix.length) || '/', query: url.searchParams, headers: req.headers, body, raw, json: parsed, mount: `/${this.token}` };
    const kind = entry.sim.requestKind?.(simReq);
    if (kind) entry.byKind.set(kind, (entry.byKind.get(kind) ?? 0) + 1);
    const fault = entry.faults.take();
    try {
      if (fault && (await this.applyBefore(fault, res, entry.sim))) return;
      const out = await entry.sim.handle(simReq);
      if (fault?.kind === 'drop-after-apply') return void res.socket?.destroy();
      send(res, out);
    } catch (error) {
      send(res, { status: 500, body: { error: error instanceof Error ? error.message : 'simulator failure' } });
    }
  }

  /** Returns true when the fault has answered (or dropped) the request itself. */
  private async applyBefore(fault: Fault, res: http.ServerResponse, sim: Simulator): Promise<boolean> {
    switch (fault.kind) {
      case 'rate-cap':
        send(res, sim.capRefusal?.() ?? { status: 429, headers: { 'Retry-After': String(fault.retryAfterSeconds) }, body: { success: false, error: 'Too many API requests' } });
        return true;
      case 'rate-limit':
        send(res, { status: 429, headers: { 'Retry-After': String(fault.retryAfterSeconds) }, body: { error: 'Too Many Requests' } });
        return true;
      case 'server-error':
        send(res, { status: 500, body: '<html><body><h1>500 Internal Server Error</h1></body></html>', headers: { 'Content-Type': 'text/html' } });
        return true;
      case 'unavailable':
        send(res, { status: 503, headers: { 'Retry-After': String(fault.retryAfterSeconds) }, body: 'Service Unavailable: server at capacity' });
        return true;
      case 'slow':
        await new Promise((r) => setTimeout(r, fault.delayMs));
        return false;
      case 'timeout':
        // Hold the request open; the client's timeout decides. The host's stop() closes it.
        return true;
      case 'drop':
        res.socket?.destroy();
        return true;
      case 'malformed':
        send(res, { status: 200, body: '{"success": tru', headers: { 'Content-Type': 'application/json' } });
        return true;
      case 'html':
        send(res, { status: 200, body: '<!DOCTYPE html><html><head><title>Maintenance</title></head><body>We will be back soon.</body></html>', headers: { 'Content-Type': 'text/html' } });
        return true;
      default:
        return false;
    }
  }
}
