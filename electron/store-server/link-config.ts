import { z } from 'zod';
import { tlsModeSchema } from '../../shared/store/schemas';
import type { SecretStore } from '../core/secrets/secret-store';
import type { SettingsRepo } from '../core/store/settings-repo';

/** This computer's place in a store, as kept in the core store (both modes share it). Never a password. */
export const linkConfigSchema = z.object({
  /** server: this computer set the store up and holds the administrator's password; workstation: it joined. */
  role: z.enum(['server', 'workstation']),
  kind: z.enum(['bundled', 'existing']),
  endpoint: z.object({ host: z.string(), port: z.number().int(), database: z.string(), tls: tlsModeSchema }),
  /** Where a bundled server listens, and whether others must use TLS; the address others type. */
  listen: z.array(z.string()),
  othersTls: z.boolean(),
  storeId: z.string(),
  storeName: z.string(),
  workstation: z.object({ id: z.number().int(), name: z.string(), prefix: z.string(), roleName: z.string() }),
  adminUser: z.string().nullable(),
});
export type LinkConfig = z.infer<typeof linkConfigSchema>;

const CONFIG_KEY = 'storeServer.link';
/** The store this workstation's records were shared with; kept after leaving, so they never join another. */
const STORE_KEY = 'storeServer.storeId';
const TAKEOVER_KEY = 'storeServer.takeoverMinutes';

export const PASSWORD_ACCOUNT = 'store-server:workstation-password';
export const ADMIN_ACCOUNT = 'store-server:admin-password';

export class LinkConfigStore {
  constructor(
    private readonly settings: SettingsRepo,
    private readonly secrets: SecretStore,
  ) {}

  /** The saved link; one that does not read back as this version writes it counts as none, and is logged. */
  read(log: (m: string) => void): LinkConfig | null {
    const raw = this.settings.get<unknown>(CONFIG_KEY, null);
    if (raw === null) return null;
    const parsed = linkConfigSchema.safeParse(raw);
    if (!parsed.success) log('store server: the saved link could not be read; this workstation works alone until it is paired again.');
    return parsed.success ? parsed.data : null;
  }

  save(config: LinkConfig): void {
    this.settings.set(CONFIG_KEY, config);
    this.settings.set(STORE_KEY, config.storeId);
  }

  clear(): void {
    this.settings.set(CONFIG_KEY, null);
  }

  formerStoreId(): string | null {
    return this.settings.get<string | null>(STORE_KEY, null);
  }

  /** The takeover setting as last heard from the server, for when it is away. */
  takeoverMinutes(): number {
    return this.settings.get<number>(TAKEOVER_KEY, 10);
  }

  rememberTakeover(minutes: number): void {
    if (minutes !== this.takeoverMinutes()) this.settings.set(TAKEOVER_KEY, minutes);
  }

  password(): Promise<string | null> {
    return this.secrets.get(PASSWORD_ACCOUNT);
  }

  adminPassword(): Promise<string | null> {
    return this.secrets.get(ADMIN_ACCOUNT);
  }

  async storeSecrets(password: string, adminPassword: string | null): Promise<void> {
    await this.secrets.set(PASSWORD_ACCOUNT, password);
    if (adminPassword !== null) await this.secrets.set(ADMIN_ACCOUNT, adminPassword);
  }

  async forgetSecrets(): Promise<void> {
    await this.secrets.delete(PASSWORD_ACCOUNT).catch(() => {});
    await this.secrets.delete(ADMIN_ACCOUNT).catch(() => {});
  }
}
