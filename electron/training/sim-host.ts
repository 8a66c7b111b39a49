import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Fault, TrainingStatus } from '../../shared/contract/training';
import { FaultPlan } from './fault-plan';
import type { SimRequest, SimResponse, Simulator } from './simulator';

interface Entry {
  sim: Simulator;
  faults: FaultPlan;
  requestCount: number;
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

/**
 * Serves every vendor simulator on loopback, one path prefix each, and applies injected faults
 * (rate limits, outages, slow or dropped answers, broken bodies) before or after the simulator.
 */
export class SimHost {
  private readonly entries = new Map<string, Entry>();
  private server: http.Server | undefined;
  private readonly sockets = new Set<import('node:net').Socket>();
  baseUrl: string | null = null;

  constructor(simulators: Simulator[] = []) {
    for (const sim of simulators) this.register(sim);
  }

  register(sim: Simulator): void {
    if (this.entries.has(sim.id)) throw new Error(`simulator "${sim.id}" registered twice`);
    this.entries.set(sim.id, { sim, faults: new FaultPlan(), requestCount: 0 });
  }

  async start(port = 0): Promise<string> {
    const server = http.createServer((req, res) => void this.route(req, res));
    server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', resolve);
    });
    this.server = server;
    this.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return this.baseUrl;
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
      e.sim.reset();
    }
  }

  status(): TrainingStatus {
    return {
      running: this.baseUrl !== null,
      baseUrl: this.baseUrl,
      simulators: [...this.entries.values()].map((e) => ({ id: e.sim.id, name: e.sim.name, requestCount: e.requestCount, faults: e.faults.list() })),
    };
  }

  private select(id?: string): Entry[] {
    return id ? [this.entry(id)] : [...this.entries.values()];
  }

  private entry(id: string): Entry {
    const e = this.entries.get(id);
    if (!e) throw new Error(`no simulator "${id}"`);
    return e;
  }

  private async route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    // Longest prefix wins, so one vendor may have several simulators (e.g. /simpleconsign/inventory).
    const entry = [...this.entries.values()]
      .filter((e) => url.pathname === e.sim.prefix || url.pathname.startsWith(`${e.sim.prefix}/`))
      .sort((a, b) => b.sim.prefix.length - a.sim.prefix.length)[0];
    if (!entry) return send(res, { status: 404, body: { error: 'no such simulator' } });
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    const body = raw.toString('utf8');
    let parsed: unknown;
    try {
      parsed = body ? JSON.parse(body) : undefined;
    } catch {
      parsed = undefined;
    }
    entry.requestCount += 1;
    const simReq: SimRequest = { method: req.method ?? 'GET', path: url.pathname.slice(entry.sim.prefix.length) || '/', query: url.searchParams, headers: req.headers, body, raw, json: parsed };
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
