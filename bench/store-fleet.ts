import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** A workstation process of the store bench (see store-workstation-proc.ts). */
export class BenchWorkstation {
  private seq = 0;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private constructor(
    readonly name: string,
    readonly dir: string,
    private readonly child: ChildProcess,
  ) {
    child.on('message', (m: { id: number; value?: unknown; error?: string }) => {
      const w = this.waiting.get(m.id);
      this.waiting.delete(m.id);
      if (m.error !== undefined) w?.reject(new Error(`${name}: ${m.error}`));
      else w?.resolve(m.value);
    });
    child.once('exit', (code) => {
      for (const w of this.waiting.values()) w.reject(new Error(`${name} exited (${code})`));
      this.waiting.clear();
    });
  }

  static async start(name: string): Promise<BenchWorkstation> {
    // Open to the server's user: run as root, the bundled PostgreSQL runs as `postgres` inside this folder.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `store-bench-${name}-`));
    fs.chmodSync(dir, 0o755);
    const child = fork(path.join(here, 'store-workstation-proc.ts'), [dir], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    const ws = new BenchWorkstation(name, dir, child);
    await new Promise<void>((resolve, reject) => {
      ws.waiting.set(0, { resolve: () => resolve(), reject });
    });
    return ws;
  }

  private ask<T>(message: Record<string, unknown>): Promise<T> {
    const id = ++this.seq;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.child.send({ id, ...message });
    });
  }

  dispatch<T = unknown>(channel: string, input: unknown = {}): Promise<T> {
    return this.ask<T>({ ask: 'dispatch', channel, input });
  }

  /** Records a sale; answers its order number and when the call began (absolute ms). */
  record(n: number): Promise<{ orderNumber: string; at: number }> {
    return this.ask({ ask: 'record', n });
  }

  /** The store server's administrator, from the keychain of the computer that set it up (for the bare scripts). */
  admin(): Promise<{ user: string; password: string }> {
    return this.ask({ ask: 'admin' });
  }

  /** Resolves with the time (absolute ms) this workstation first shows the sale (see store-workstation-proc.ts). */
  async seen(orderNumber: string): Promise<number> {
    return (await this.ask<{ at: number }>({ ask: 'watch', orderNumber })).at;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      this.child.send('stop');
      await exited;
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

interface Status {
  pairing: { code: string } | null;
  server: { state: string } | null;
  workstation: { prefix: string } | null;
}

/**
 * A store of `count` workstations as staff set it up: the first makes itself the store server (the bundled
 * PostgreSQL), each other joins with a pairing code. Answers them and the server's address.
 */
export async function startStore(count: number): Promise<{ stations: BenchWorkstation[]; port: number; stop: () => Promise<void> }> {
  const stations: BenchWorkstation[] = [];
  const stop = async () => {
    // The server's computer last, so the others leave a running server.
    for (const ws of [...stations].reverse()) await ws.stop().catch(() => undefined);
  };
  try {
    stations.push(await BenchWorkstation.start('ws1'));
    const port = await freePort();
    await stations[0].dispatch('store:set-up-bundled-server', { storeName: 'Bench Store', workstationName: 'Counter 1', listen: ['127.0.0.1'], port, tls: false });
    for (let i = 2; i <= count; i++) {
      const ws = await BenchWorkstation.start(`ws${i}`);
      stations.push(ws);
      const { pairing } = await stations[0].dispatch<Status>('store:new-pairing-code');
      await ws.dispatch('store:join', { address: `127.0.0.1:${port}`, code: pairing!.code, workstationName: `Counter ${i}`, tls: 'off' });
    }
    for (const ws of stations) {
      while ((await ws.dispatch<Status>('store:get-status')).server?.state !== 'connected') await new Promise((r) => setTimeout(r, 100));
    }
    return { stations, port, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
