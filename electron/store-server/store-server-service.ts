import crypto from 'node:crypto';
import os from 'node:os';
import type { AppMode } from '../../shared/connections';
import { formatServerAddress, generatePairingCode, normalizePairingCode, parseServerAddress, type ServerAddress } from '../../shared/store/rules';
import type { BundledSetupInput, ExistingSetupInput, JoinInput, StoreBudgetInput, StoreSettingsInput, StoreStatus } from '../../shared/store/schemas';
import { bundledSetupInputSchema, existingSetupInputSchema, joinInputSchema, storeBudgetInputSchema } from '../../shared/store/schemas';
import { AppError } from '../core/app-error';
import type { SecretStore } from '../core/secrets/secret-store';
import type { SettingsRepo } from '../core/store/settings-repo';
import { INVENTORY_LOADER_LOCK, StoreAwayError, type StoreMigration } from '../core/store-link';
import { ALLOWANCE_USAGE_SQL, setBudgetSql } from '../simpleconsign/store-allowance';
import { BundledStore } from './bundled-store';
import { LinkConfigStore, type LinkConfig } from './link-config';
import { ModeLink } from './mode-link';
import { signIn, createPairing, joinStore, setUpStore, StoreSetupError, upgradeStore, type Membership } from './store-setup';
import { modeSchemas } from './server-migrations';
import { ServerLink } from './server-link';
import { connectClient, type ServerEndpoint } from './server-connection';

export interface StoreServerDeps {
  settings: SettingsRepo;
  secrets: SecretStore;
  dataDir: string;
  version: string;
  /** Every feature's server migrations. */
  features: StoreMigration[];
  now: () => number;
  log: (message: string) => void;
  heartbeatMs?: number;
  /** The mode the app is in: the Store section shows that mode's inventory loader. */
  mode?: () => AppMode;
}

/** This computer's network addresses, for choosing where a bundled server listens (loopback last). */
export function networkAddresses(): string[] {
  const found = Object.values(os.networkInterfaces())
    .flat()
    .filter((i): i is os.NetworkInterfaceInfo => !!i && !i.internal && (i.family === 'IPv4' || !i.address.startsWith('fe80')))
    .map((i) => i.address);
  return [...new Set(found), '127.0.0.1'];
}

/**
 * The store server as this computer uses it: setting it up or joining one, the heartbeat and status,
 * pairing codes, and each mode's link for the features. Out of the box there is no server and nothing runs.
 */
export class StoreServerService {
  private readonly configs: LinkConfigStore;
  private link: ServerLink | null = null;
  private readonly bundled: BundledStore;
  private pairing: { code: string; expiresAt: number } | null = null;
  private readonly modeLinks = new Map<AppMode, ModeLink>();

  constructor(private readonly deps: StoreServerDeps) {
    this.configs = new LinkConfigStore(deps.settings, deps.secrets);
    this.bundled = new BundledStore(deps.dataDir, deps.log);
  }

  /** Starts the bundled server (on its computer) and the heartbeat, when this computer is part of a store. */
  start(): void {
    const config = this.configs.read(this.deps.log);
    if (!config) return;
    this.connect(config);
    if (config.kind === 'bundled' && config.role === 'server') {
      void this.bundled
        .start(config, () => this.configs.adminPassword())
        .then(() => this.upgrade(config))
        .then(() => this.link?.tick())
        .catch((error: unknown) => this.deps.log(`store server: ${error instanceof Error ? error.message : String(error)}`));
    } else if (config.role === 'server') {
      void this.upgrade(config).catch((error: unknown) => this.deps.log(`store server: ${error instanceof Error ? error.message : String(error)}`));
    }
  }

  async stop(): Promise<void> {
    await Promise.all([...this.modeLinks.values()].map((l) => l.close()));
    await this.link?.stop();
    await this.bundled.stop();
  }

  /** A mode's link for its features; it follows pairing and leaving without being replaced. */
  linkFor(mode: AppMode): ModeLink {
    let link = this.modeLinks.get(mode);
    if (!link) {
      link = new ModeLink(modeSchemas[mode], () => this.link, this.deps.log);
      this.modeLinks.set(mode, link);
    }
    return link;
  }

  async status(): Promise<StoreStatus> {
    const link = this.link;
    const config = link?.config ?? null;
    if (this.pairing && this.pairing.expiresAt <= this.deps.now()) this.pairing = null;
    const silentMs = (link?.takeoverMinutes ?? 10) * 60_000;
    const serverNow = this.deps.now();
    return {
      role: config ? config.role : 'alone',
      storeName: config?.storeName ?? null,
      server: config && link ? { address: this.othersAddress(config), kind: config.kind, tls: config.kind === 'bundled' ? (config.othersTls ? 'require' : 'off') : config.endpoint.tls, listen: config.listen, state: link.state, message: link.message, lastContactAt: link.lastContactAt } : null,
      workstation: config ? { id: config.workstation.id, name: config.workstation.name, prefix: config.workstation.prefix } : null,
      workstations: (link?.workstations ?? []).map((w) => ({ ...w, thisOne: w.id === config?.workstation.id, silent: w.lastSeenAt === null || serverNow - w.lastSeenAt > silentMs })),
      inventoryLoader: await this.inventoryLoader(),
      allowance: await this.allowance(),
      takeoverMinutes: link?.takeoverMinutes ?? this.configs.takeoverMinutes(),
      pairing: this.pairing,
      canPair: config?.role === 'server',
      listenChoices: networkAddresses(),
      notices: [...(link?.notices ?? [])],
    };
  }

  /** The workstation holding the store's inventory lock in the current mode, when the server answers. */
  private async inventoryLoader(): Promise<string | null> {
    if (this.link?.state !== 'connected') return null;
    return this.linkFor(this.deps.mode?.() ?? 'live').holder(INVENTORY_LOADER_LOCK).catch(() => null);
  }

  /** The SimpleConsign calls counted on the server in the last 10 minutes, in the current mode. */
  private async allowance(): Promise<StoreStatus['allowance']> {
    if (this.link?.state !== 'connected') return null;
    const rows = await this.linkFor(this.deps.mode?.() ?? 'live').query<{ used: number; budget: number }>(ALLOWANCE_USAGE_SQL).catch(() => []);
    return rows[0] ? { used: rows[0].used, budget: rows[0].budget } : null;
  }

  /** Starts PostgreSQL on this computer and sets the store up in it; on failure the new server is removed. */
  async setUpBundledServer(raw: BundledSetupInput): Promise<StoreStatus> {
    const input = bundledSetupInputSchema.parse(raw);
    this.assertAlone();
    await this.assertKeychain();
    const made = await this.guard(() => this.bundled.create(input, (endpoint, admin) => setUpStore(endpoint, admin, { ...input, features: this.deps.features })));
    const config = this.configOf('server', 'bundled', made.endpoint, made.membership, { listen: input.listen, othersTls: input.tls, adminUser: made.adminUser });
    await this.keep(config, made.membership.password, made.adminPassword, () => this.bundled.discard());
    return this.status();
  }

  /** Sets the store up on an existing PostgreSQL with its administrator (kept in the keychain for pairing codes). */
  async setUpExistingServer(raw: ExistingSetupInput): Promise<StoreStatus> {
    const input = existingSetupInputSchema.parse(raw);
    this.assertAlone();
    await this.assertKeychain();
    const endpoint: ServerEndpoint = { ...(parseServerAddress(input.address) as ServerAddress), database: input.database, tls: input.tls };
    const membership = await this.guard(() => setUpStore(endpoint, { user: input.adminUser, password: input.adminPassword }, { ...input, features: this.deps.features }));
    const config = this.configOf('server', 'existing', endpoint, membership, { listen: [], othersTls: input.tls !== 'off', adminUser: input.adminUser });
    await this.keep(config, membership.password, input.adminPassword);
    return this.status();
  }

  async join(raw: JoinInput): Promise<StoreStatus> {
    const input = joinInputSchema.parse(raw);
    this.assertAlone();
    await this.assertKeychain();
    const endpoint: ServerEndpoint = { ...(parseServerAddress(input.address) as ServerAddress), database: 'backoffice', tls: input.tls };
    const code = normalizePairingCode(input.code)!;
    const membership = await this.guard(() => joinStore(endpoint, code, { workstationName: input.workstationName, features: this.deps.features, formerStoreId: this.configs.formerStoreId() }));
    await this.keep(this.configOf('workstation', 'existing', endpoint, membership, { listen: [], othersTls: input.tls !== 'off', adminUser: null }), membership.password, null);
    return this.status();
  }

  async newPairingCode(): Promise<StoreStatus> {
    const config = this.link?.config;
    const admin = await this.configs.adminPassword();
    if (!config || config.role !== 'server' || !config.adminUser || admin === null) {
      throw new AppError('conflict', 'Pairing codes are made on the computer that set the store server up.');
    }
    const code = generatePairingCode((n) => crypto.randomInt(n));
    const { expiresAt } = await this.guard(() => createPairing(this.adminEndpoint(config), { user: config.adminUser!, password: admin }, code));
    this.pairing = { code, expiresAt };
    return this.status();
  }

  async updateSettings(input: StoreSettingsInput): Promise<StoreStatus> {
    const link = this.link;
    const admin = await this.configs.adminPassword();
    if (!link || link.config.role !== 'server' || admin === null) throw new AppError('conflict', 'The store settings are changed on the computer that set the store server up.');
    const client = await this.guard(() => signIn(this.adminEndpoint(link.config), { user: link.config.adminUser!, password: admin }, 'admin'));
    try {
      await client.query('UPDATE store.meta SET takeover_minutes = $1', [input.takeoverMinutes]);
    } finally {
      await client.end().catch(() => {});
    }
    await link.tick();
    return this.status();
  }

  /**
   * The store's SimpleConsign budget, on the server in both modes' schemas, so every workstation counts
   * against it from its next call. Any paired workstation may change it while the server answers.
   */
  async setBudget(raw: StoreBudgetInput): Promise<StoreStatus> {
    const { budget } = storeBudgetInputSchema.parse(raw);
    if (!this.link) throw new AppError('conflict', 'The budget is a store server’s setting. A workstation on its own spends as SimpleConsign allows.');
    try {
      await this.linkFor(this.deps.mode?.() ?? 'live').transaction(async (q) => {
        for (const schema of Object.values(modeSchemas)) await q.query(setBudgetSql(schema), [budget]);
      });
    } catch (error) {
      if (error instanceof StoreAwayError) throw new AppError('store-unavailable', `The budget is kept on the store server, which does not answer, so it was not changed: ${error.message}`);
      throw error;
    }
    return this.status();
  }

  /** Stops using the server. The records stay here; the server keeps what it had. */
  async leave(): Promise<StoreStatus> {
    const link = this.link;
    if (!link) return this.status();
    await Promise.all([...this.modeLinks.values()].map((l) => l.close()));
    await link.stop();
    await this.sayLeaving(link);
    this.link = null;
    this.configs.clear();
    await this.configs.forgetSecrets();
    if (link.config.kind === 'bundled') await this.bundled.stop();
    this.pairing = null;
    return this.status();
  }

  /** Tells the server this workstation left, so the others stop listing it; when it is away, it lists it on. */
  private async sayLeaving(link: ServerLink): Promise<void> {
    try {
      const client = await connectClient(link.config.endpoint, await link.credentials());
      await client.query('SELECT store.leave()').finally(() => client.end());
    } catch (error) {
      this.deps.log(`store server: could not tell the server this workstation left: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private connect(config: LinkConfig): void {
    this.link = new ServerLink({
      config,
      password: () => this.configs.password(),
      version: this.deps.version,
      features: this.deps.features,
      now: this.deps.now,
      log: this.deps.log,
      heartbeatMs: this.deps.heartbeatMs,
      onTakeover: (m) => this.configs.rememberTakeover(m),
    });
    this.link.start();
  }

  private async upgrade(config: LinkConfig): Promise<void> {
    const admin = await this.configs.adminPassword();
    if (admin === null || !config.adminUser) return;
    const ran = await upgradeStore(this.adminEndpoint(config), { user: config.adminUser, password: admin }, this.deps.features);
    if (ran.length > 0) this.deps.log(`store server: schema brought to version ${Math.max(...ran)}`);
  }

  /** The administrator signs in from this computer: over loopback to a bundled server. */
  private adminEndpoint(config: LinkConfig): ServerEndpoint {
    return config.endpoint;
  }

  private othersAddress(config: LinkConfig): string {
    if (config.kind !== 'bundled') return formatServerAddress(config.endpoint);
    const shared = config.listen.find((a) => a !== '127.0.0.1' && a !== '::1') ?? config.listen[0] ?? '127.0.0.1';
    return formatServerAddress({ host: shared, port: config.endpoint.port });
  }

  private configOf(role: LinkConfig['role'], kind: LinkConfig['kind'], endpoint: ServerEndpoint, m: Membership, extra: Pick<LinkConfig, 'listen' | 'othersTls' | 'adminUser'>): LinkConfig {
    return { role, kind, endpoint, storeId: m.storeId, storeName: m.storeName, workstation: m.workstation, ...extra };
  }

  /** Secrets into the keychain, then the link into the store; on failure nothing is kept. */
  private async keep(config: LinkConfig, password: string, adminPassword: string | null, undo?: () => Promise<void>): Promise<void> {
    try {
      await this.configs.storeSecrets(password, adminPassword);
    } catch (error) {
      await this.configs.forgetSecrets();
      await undo?.();
      throw new AppError('keychain-unavailable', `The store server’s password could not be kept in the keychain, so this computer was not paired: ${error instanceof Error ? error.message : String(error)}`);
    }
    this.configs.save(config);
    this.connect(config);
  }

  private assertAlone(): void {
    if (this.link) throw new AppError('conflict', `This computer is already part of the store “${this.link.config.storeName}”. Leave it first.`);
  }

  private async assertKeychain(): Promise<void> {
    const status = await this.deps.secrets.describe();
    if (!status.available) throw new AppError('keychain-unavailable', `The store server’s password is kept in the system keychain, which cannot be used: ${status.message}`);
  }

  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof StoreSetupError) throw new AppError(error.kind === 'failed' ? 'internal' : 'conflict', error.message);
      if (error instanceof AppError) throw error;
      throw new AppError('internal', `The store server could not be set up: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
