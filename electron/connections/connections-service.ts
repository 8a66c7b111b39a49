import { connectionSettingsSchemas, type AppMode, type ConnectionHealth, type ConnectionSettings, type ConnectionView, type SecretStatus } from '../../shared/connections';
import { endpointProblem } from '../../shared/endpoint-policy';
import { vendorIds, vendors, type VendorId } from '../../shared/vendors';
import type { ConnectionTester, FeatureConnections, ResolvedConnection } from '../core/feature-connections';
import { describeIssues } from '../core/input-problems';
import { AppError } from '../core/app-error';
import { secretRedactor } from '../core/secrets/redact';
import { KeychainUnavailableError, type SecretStore } from '../core/secrets/secret-store';
import type { SettingsRepo } from '../core/store/settings-repo';
import type { SimHost } from '../training/sim-host';
import { trainingCredentials, trainingPrefixes } from '../training/credentials';
import { ConnectionsRepo } from './connections-repo';

export type { ConnectionTester, ResolvedConnection } from '../core/feature-connections';

/** Shorter secrets show no characters at all. */
export const LAST_FOUR_MIN_LENGTH = 12;

function originOf(url: string): string {
  try {
    return new URL(url.replace('{apiKey}', 'key')).origin;
  } catch {
    return url.trim().toLowerCase();
  }
}

/** The endpoint fields of each vendor's settings, checked against the https rule. */
const endpointFields: Record<VendorId, string[]> = {
  simpleconsign: ['baseUrl'],
  ifpos: ['url'],
  'trax-retail': ['host'],
  heavytruckparts: ['domain'],
};

export interface ConnectionsDeps {
  repo: ConnectionsRepo;
  settings: SettingsRepo;
  secrets: SecretStore;
  simHost: SimHost;
  now: () => number;
  /** Set on the copy a mode's features get: they act in that mode whatever the setting says later. */
  pinnedMode?: AppMode;
}

export class ConnectionsService implements FeatureConnections {
  private readonly repo: ConnectionsRepo;

  constructor(
    private readonly deps: ConnectionsDeps,
    private readonly testers = new Map<VendorId, ConnectionTester>(),
  ) {
    this.repo = deps.repo;
  }

  /**
   * The same connections seen from one mode. A mode's features hold this copy, so a call they make
   * after the app switched (a retry finishing late) still goes where its sale was recorded.
   */
  pinned(mode: AppMode): ConnectionsService {
    return new ConnectionsService({ ...this.deps, pinnedMode: mode }, this.testers);
  }

  registerTester(id: VendorId, tester: ConnectionTester): void {
    this.testers.set(id, tester);
  }

  mode(): AppMode {
    return this.deps.pinnedMode ?? this.deps.settings.get<AppMode>('mode', 'training');
  }

  /** Whether calls to this vendor should be made now: always in training, when enabled in live mode. No keychain read. */
  isActive(id: VendorId): boolean {
    return this.mode() === 'training' || this.repo.get(id).enabled;
  }

  settingsOf<V extends VendorId>(id: V): ConnectionSettings[V] {
    return connectionSettingsSchemas[id].parse(this.repo.get(id).settings) as ConnectionSettings[V];
  }

  private account(id: VendorId, field: string): string {
    return `${id}:${field}`;
  }

  private secretField(id: VendorId, field: string) {
    const f = vendors[id].secrets.find((s) => s.id === field);
    if (!f) throw new AppError('invalid-input', `${vendors[id].name} has no credential called "${field}".`);
    return f;
  }

  private async secretStatus(id: VendorId, f: { id: string; label: string }): Promise<SecretStatus> {
    try {
      const value = await this.deps.secrets.get(this.account(id, f.id));
      // The last four of a short secret would give away too much of it.
      const lastFour = value !== null && value.length >= LAST_FOUR_MIN_LENGTH ? value.slice(-4) : null;
      return { id: f.id, label: f.label, isSet: value !== null, lastFour, problem: null };
    } catch (error) {
      // Not knowing is not "not set": a locked keychain must never make a stored key look missing.
      return { id: f.id, label: f.label, isSet: null, lastFour: null, problem: error instanceof Error ? error.message : String(error) };
    }
  }

  async view(id: VendorId, notice: string | null = null): Promise<ConnectionView> {
    const settings = this.settingsOf(id) as Record<string, string | boolean>;
    const secrets = await Promise.all(vendors[id].secrets.map((f) => this.secretStatus(id, f)));
    const training = this.mode() === 'training';
    const effectiveEndpoint = training ? this.trainingUrl(id) : String(settings[endpointFields[id][0]]);
    return { id, name: vendors[id].name, purpose: vendors[id].purpose, enabled: this.repo.get(id).enabled, settings, secrets, effectiveEndpoint, health: this.health(id), notice };
  }

  /** Every connection's enabled flag and health for the status bar; reads only the store, never the keychain. */
  summaries() {
    return vendorIds.map((id) => ({ id, name: vendors[id].name, enabled: this.repo.get(id).enabled, health: this.health(id) }));
  }

  /** A connection's health as the status bar shows it. */
  health(id: VendorId): ConnectionHealth {
    const row = this.repo.get(id);
    const mode = this.mode();
    if (!row.enabled && mode !== 'training') return { state: 'disabled', message: 'Turned off.', checkedAt: row.health.checkedAt };
    // A result from the other mode says nothing about this one (a simulator's answer is not the vendor's).
    const recordedIn = this.deps.settings.get<AppMode | null>(`health-mode.${id}`, null);
    if (row.health.checkedAt !== null && recordedIn !== mode) {
      return { state: 'unknown', message: mode === 'live' ? 'Not checked against the live service yet.' : 'Not checked in training mode yet.', checkedAt: null };
    }
    return row.health;
  }

  list(): Promise<ConnectionView[]> {
    return Promise.all(vendorIds.map((id) => this.view(id)));
  }

  async update(id: VendorId, enabled: boolean, raw: Record<string, unknown>): Promise<ConnectionView> {
    const parsed = connectionSettingsSchemas[id].safeParse(raw);
    if (!parsed.success) throw new AppError('invalid-input', `The ${vendors[id].name} settings were not saved.`, describeIssues(parsed.error));
    for (const field of endpointFields[id]) {
      const problem = endpointProblem(String((parsed.data as Record<string, unknown>)[field]));
      if (problem) throw new AppError('insecure-endpoint', problem);
    }
    const movedFrom = this.boundOrigin(id) ?? this.endpointOrigin(id);
    const movedTo = this.endpointOrigin(id, parsed.data);
    this.repo.save(id, enabled, parsed.data);
    if (movedFrom === movedTo) return this.view(id);
    return this.view(id, await this.forgetSecrets(id, movedFrom, movedTo));
  }

  /** The endpoint's scheme, host and port: where a credential may be sent. */
  private endpointOrigin(id: VendorId, settings: object = this.settingsOf(id)): string {
    return originOf(String((settings as Record<string, unknown>)[endpointFields[id][0]] ?? ''));
  }

  /** The origin the stored credentials were entered for, if any are stored. */
  private boundOrigin(id: VendorId): string | null {
    return this.deps.settings.get<string | null>(`secretOrigin.${id}`, null);
  }

  /** A credential entered for one host is never sent to another: a changed address removes it. */
  private async forgetSecrets(id: VendorId, from: string, to: string): Promise<string | null> {
    let removed = 0;
    for (const f of vendors[id].secrets) {
      const stored = await this.keychain(() => this.deps.secrets.get(this.account(id, f.id)));
      if (stored === null) continue;
      await this.keychain(() => this.deps.secrets.delete(this.account(id, f.id)));
      removed += 1;
    }
    this.deps.settings.set(`secretOrigin.${id}`, null);
    if (removed === 0) return null;
    const what = vendors[id].secrets.map((f) => f.label).join(' and ');
    return `The address changed from ${from} to ${to}, so the stored ${what} was removed: a credential is only ever sent to the address it was entered for. Enter it again for the new address.`;
  }

  async setSecret(id: VendorId, field: string, value: string): Promise<ConnectionView> {
    this.secretField(id, field);
    secretRedactor.add(value, this.account(id, field));
    await this.keychain(() => this.deps.secrets.set(this.account(id, field), value));
    this.deps.settings.set(`secretOrigin.${id}`, this.endpointOrigin(id));
    return this.view(id);
  }

  async clearSecret(id: VendorId, field: string): Promise<ConnectionView> {
    this.secretField(id, field);
    await this.keychain(() => this.deps.secrets.delete(this.account(id, field)));
    return this.view(id);
  }

  private async keychain<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof KeychainUnavailableError) throw new AppError('keychain-unavailable', error.message);
      throw error;
    }
  }

  trainingUrl(id: VendorId): string {
    return this.deps.simHost.url(trainingPrefixes[id]);
  }

  /** Where and how to call a vendor now. Live credentials are read from the keychain at call time. */
  async resolve<V extends VendorId>(id: V, mode: AppMode = this.mode()): Promise<ResolvedConnection<V>> {
    const settings = this.settingsOf(id);
    if (mode === 'training') {
      const field = endpointFields[id][0] as keyof ConnectionSettings[V];
      return { id, training: true, enabled: true, settings: { ...settings, [field]: this.trainingUrl(id) }, secrets: { ...trainingCredentials[id] } };
    }
    const secrets: Record<string, string> = {};
    const bound = this.boundOrigin(id);
    // Credentials stored before origins were recorded are bound to the address in use now.
    if (bound === null) this.deps.settings.set(`secretOrigin.${id}`, this.endpointOrigin(id));
    else if (bound !== this.endpointOrigin(id)) return { id, training: false, enabled: this.repo.get(id).enabled, settings, secrets };
    for (const f of vendors[id].secrets) {
      const value = await this.keychain(() => this.deps.secrets.get(this.account(id, f.id)));
      if (value !== null) secrets[f.id] = value;
      if (value !== null) secretRedactor.add(value, this.account(id, f.id));
    }
    return { id, training: false, enabled: this.repo.get(id).enabled, settings, secrets };
  }

  recordHealth(id: VendorId, ok: boolean, message: string): ConnectionHealth {
    const health: ConnectionHealth = { state: ok ? 'ok' : 'failing', message, checkedAt: this.deps.now() };
    this.repo.setHealth(id, health);
    this.deps.settings.set(`health-mode.${id}`, this.mode());
    return health;
  }

  /** Tests a connection as it is used in `mode` (the current one unless said): the simulator, or the real vendor. */
  async test(id: VendorId, mode: AppMode = this.mode()): Promise<ConnectionHealth> {
    const conn = await this.resolve(id, mode);
    const missing = vendors[id].secrets.filter((f) => !conn.secrets[f.id]).map((f) => f.label);
    if (missing.length > 0) return this.recordHealth(id, false, `Enter the ${missing.join(' and ')} first.`);
    const tester = this.testers.get(id);
    if (!tester) {
      const where = conn.training ? 'Training mode has no stand-in for' : 'This version cannot yet check';
      return this.recordHealth(id, false, `${where} ${vendors[id].name}.`);
    }
    const result = await tester(conn).catch((e: unknown) => ({ ok: false, message: e instanceof Error ? e.message : String(e) }));
    const unset = conn.training ? await this.unsetLiveSecrets(id) : [];
    // The simulator takes its own key; say so, or a test in training reads as if the real key worked.
    const note = unset.length > 0 ? ` The ${unset.join(' and ')} is missing: training uses the simulator’s own, so enter yours before switching to live.` : '';
    return this.recordHealth(id, result.ok, `${result.message}${note}`);
  }

  private async unsetLiveSecrets(id: VendorId): Promise<string[]> {
    const view = await this.view(id);
    return view.secrets.filter((s) => !s.isSet).map((s) => s.label);
  }

  /** Refuses a switch that cannot work, before anything is stopped. */
  async checkModeSwitch(mode: AppMode): Promise<void> {
    if (mode === 'live') {
      const ready = await Promise.all(vendorIds.map(async (id) => ({ id, view: await this.view(id) })));
      const usable = ready.filter(({ view }) => view.enabled && view.secrets.every((s) => s.isSet));
      if (usable.length === 0) {
        throw new AppError('conflict', 'Enable at least one connection and enter its credentials before switching to live mode.');
      }
    }
  }

  /** The enabled connections, which going live tests first. */
  enabledIds(): VendorId[] {
    return vendorIds.filter((id) => this.repo.get(id).enabled);
  }

  async setMode(mode: AppMode): Promise<{ mode: AppMode }> {
    await this.checkModeSwitch(mode);
    this.deps.settings.set('mode', mode);
    return { mode };
  }
}
