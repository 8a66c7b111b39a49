import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { AppError } from '../core/app-error';
import { BundledServer } from './bundled-server';
import type { LinkConfig } from './link-config';
import { connectClient, type Credentials, type ServerEndpoint } from './server-connection';
import { newPassword } from './scram';
import type { Membership } from './store-setup';

export const ADMIN_USER = 'backoffice_admin';
export const STORE_DATABASE = 'backoffice';

async function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/**
 * The bundled PostgreSQL on the computer the store chose as its server: made when the store is set up
 * (in the app's data folder, `store-server/`), started with the app, stopped with it.
 */
export class BundledStore {
  private server: BundledServer | null = null;

  constructor(
    private readonly dataDir: string,
    private readonly log: (message: string) => void,
  ) {}

  get dir(): string {
    return path.join(this.dataDir, 'store-server');
  }

  /** Makes and starts a new server, then sets the store up in it; a failure removes what was made. */
  async create(
    input: { port: number; listen: string[]; tls: boolean },
    setUp: (endpoint: ServerEndpoint, admin: Credentials) => Promise<Membership>,
  ): Promise<{ endpoint: ServerEndpoint; membership: Membership; adminUser: string; adminPassword: string }> {
    if (fs.existsSync(path.join(this.dir, 'data', 'PG_VERSION'))) {
      throw new AppError('conflict', `A store server from earlier is kept in ${this.dir}. Move that folder aside (it holds that store’s records) and try again.`);
    }
    if (!(await portFree(input.port))) throw new AppError('conflict', `Port ${input.port} is already in use on this computer (another PostgreSQL, perhaps). Choose another port.`);
    const adminPassword = newPassword();
    this.server = new BundledServer({ dir: this.dir, ...input, adminUser: ADMIN_USER, adminPassword, log: this.log });
    try {
      await this.server.start();
      const endpoint: ServerEndpoint = { host: '127.0.0.1', port: input.port, database: STORE_DATABASE, tls: 'off' };
      const admin = { user: ADMIN_USER, password: adminPassword };
      const maintenance = await connectClient({ ...endpoint, database: 'postgres' }, admin);
      await maintenance.query(`CREATE DATABASE ${STORE_DATABASE} ENCODING 'UTF8'`).finally(() => maintenance.end());
      return { endpoint, membership: await setUp(endpoint, admin), adminUser: ADMIN_USER, adminPassword };
    } catch (error) {
      await this.discard();
      if (error instanceof AppError) throw error;
      throw new AppError('internal', `The bundled server could not be set up: ${error instanceof Error ? error.message : String(error)}. Nothing was kept.`);
    }
  }

  /** Starts the server this computer runs for the store. */
  async start(config: LinkConfig, adminPassword: () => Promise<string | null>): Promise<void> {
    const password = (await adminPassword()) ?? newPassword();
    this.server = new BundledServer({ dir: this.dir, port: config.endpoint.port, listen: config.listen, tls: config.othersTls, adminUser: config.adminUser ?? ADMIN_USER, adminPassword: password, log: this.log });
    await this.server.start();
  }

  async stop(): Promise<void> {
    await this.server?.stop();
    this.server = null;
  }

  /** Stops the server and removes its folder (only ever one this computer made moments ago). */
  async discard(): Promise<void> {
    await this.stop().catch(() => {});
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
