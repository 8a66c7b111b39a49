import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { BundledServer } from '../bundled-server';
import { connectClient, type Credentials, type ServerEndpoint } from '../server-connection';

/** A port nobody listens on right now, for a server a test is about to start. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** A folder a test owns; open to the server's user when tests run as root (PostgreSQL then runs as `postgres`). */
export function testFolder(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.chmodSync(dir, 0o755);
  return dir;
}

export interface TestServer {
  endpoint: ServerEndpoint;
  admin: Credentials;
  dir: string;
  server: BundledServer;
  /** Runs SQL as the administrator in the store database. */
  sql<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
  stop(): Promise<void>;
}

/**
 * A real PostgreSQL (the bundled one) on a loopback port in its own temporary folder, with an empty
 * `backoffice` database: each test file starts its own and removes it afterwards.
 */
export async function startTestServer(opts: { tls?: boolean } = {}): Promise<TestServer> {
  const dir = testFolder('store-server-test-');
  const port = await freePort();
  const admin = { user: 'backoffice_admin', password: 'test-admin-password' };
  const server = new BundledServer({ dir: path.join(dir, 'server'), port, listen: ['127.0.0.1'], tls: opts.tls ?? false, adminUser: admin.user, adminPassword: admin.password, log: () => {} });
  await server.start();
  const endpoint: ServerEndpoint = { host: '127.0.0.1', port, database: 'backoffice', tls: 'off' };
  const maintenance = await connectClient({ ...endpoint, database: 'postgres' }, admin);
  await maintenance.query('CREATE DATABASE backoffice').finally(() => maintenance.end());
  return {
    endpoint,
    admin,
    dir,
    server,
    async sql(text, params = []) {
      const c = await connectClient(endpoint, admin);
      try {
        return (await c.query(text, params)).rows;
      } finally {
        await c.end();
      }
    },
    async stop() {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
