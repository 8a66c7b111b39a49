import path from 'node:path';
import { contract, type AppHandlers } from '../../shared/contract';
import type { AppMode } from '../../shared/connections';
import type { StartupError } from '../../shared/contract/app';
import { listChannels } from '../../shared/contract/channel';
import { fail } from '../../shared/result';
import { AppError } from '../core/app-error';
import { warmHttpClient } from '../core/http/warm-up';
import { VendorHttp } from '../core/http/vendor-http';
import { safeLog } from '../core/log-line';
import { PictureService } from '../core/pictures/picture-service';
import { CachedSecretStore } from '../core/secrets/cached-secret-store';
import { secretRedactor } from '../core/secrets/redact';
import type { SecretStore } from '../core/secrets/secret-store';
import { BackgroundChecks } from '../core/store/background-check';
import { openDatabase, StoreOpenError, type Db } from '../core/store/database';
import { ownedByCoreStore } from '../core/store/migrations';
import { SettingsRepo } from '../core/store/settings-repo';
import { ConnectionsRepo } from '../connections/connections-repo';
import { ConnectionsService } from '../connections/connections-service';
import { createDispatch, type Dispatch } from '../ipc/dispatch';
import { SimHost } from '../training/sim-host';
import { StoreServerService } from '../store-server/store-server-service';
import { coreStoreMigrations, features, storeMigrations } from './features';
import { ModeRuntime } from './mode-runtime';
import { adoptLegacyRecords, CORE_STORE_FILE } from './mode-stores';
import { modeSwitchHandlers } from './mode-switch';
import { StoreProfileService } from './store-profile';
import { localeFromEnvironment } from './workstation-locale';
import type { WorkstationLocale } from '../../shared/contract/store-profile';

export interface AppServicesOptions {
  dataDir: string;
  secrets: SecretStore;
  version: string;
  now?: () => number;
  log?: (message: string) => void;
  fetch?: typeof fetch;
  /** Store files above this size are checked in the background after start (tests lower it). */
  checkStoresAtStartBytes?: number;
  /** How often a status request re-checks a keychain found working (tests lower it). */
  keychainRecheckMs?: number;
  /** How often this workstation tells the store server it is alive (tests shorten it). */
  storeHeartbeatMs?: number;
  /** How the workstation writes numbers and dates: Electron asks the operating system, the browser shell its environment. */
  locale?: () => WorkstationLocale;
}

export interface AppServices {
  dispatch: Dispatch;
  startupError: StartupError | null;
  simHost: SimHost;
  db: Db | null;
  stop(): Promise<void>;
}

/** Every channel answers this when the store could not be opened; the renderer shows the startup error instead. */
function unavailableHandlers(error: StartupError): AppHandlers {
  const handlers: Record<string, Record<string, () => never>> = {};
  for (const { domain, method } of listChannels(contract)) {
    handlers[domain] ??= {};
    handlers[domain][method] = () => {
      throw new AppError('store-unavailable', error.message);
    };
  }
  return handlers as unknown as AppHandlers;
}

/** The app when a store could not be opened: every call answers the startup error, which the renderer shows. */
function createAppServicesWithoutStore(
  opts: AppServicesOptions,
  startupError: StartupError,
  simHost: SimHost,
  keychainStatus: () => ReturnType<SecretStore['describe']>,
): AppServices {
  const handlers = unavailableHandlers(startupError);
  handlers.app.getStatus = async () => ({ version: opts.version, mode: 'training', startupError, keychain: await keychainStatus(), connections: [] });
  handlers.app.getLocale = () => (opts.locale ?? (() => localeFromEnvironment(process.env)))();
  return { dispatch: createDispatch(contract, handlers, opts.log), startupError, simHost, db: null, stop: async () => {} };
}

/** Builds the main-process services. Plain Node: the Electron shell and the browser shell both use this. */
export async function createAppServices(opts: AppServicesOptions): Promise<AppServices> {
  const now = opts.now ?? Date.now;
  const log = safeLog(opts.log ?? ((m: string) => console.error(m)));
  // Each secret is read once per run and kept in memory; every call has a deadline; every value feeds the scrubber.
  const secrets = new CachedSecretStore(opts.secrets, { onSecret: (account, v) => secretRedactor.add(v, account), recheckMs: opts.keychainRecheckMs });
  const simHost = new SimHost([], { log });
  let db: Db | null = null;
  let startupError: StartupError | null = null;
  // Damage found by the background check of a large file: the store has stopped writing; the app says what to do.
  let damage: StartupError | null = null;
  let stopFeatures = async () => {};
  const checks = new BackgroundChecks();
  const onDamage = (info: StartupError) => {
    if (damage) return;
    damage = info;
    log(`store: ${info.message}`);
    // Nothing more is written anywhere: the other store stops too, and the features with their store.
    if (db?.open) db.pragma('query_only = ON');
    void stopFeatures().catch((error: unknown) => log(`store: stopping after the damage: ${error instanceof Error ? error.message : String(error)}`));
  };
  try {
    db = openDatabase(path.join(opts.dataDir, CORE_STORE_FILE), coreStoreMigrations, { owns: ownedByCoreStore, onDamage, checkAtStartBytes: opts.checkStoresAtStartBytes, checks });
  } catch (error) {
    if (!(error instanceof StoreOpenError)) throw error;
    startupError = error.info;
  }
  // The status bar polls every few seconds: the keychain is probed once, then known from real calls.
  const keychainStatus = () => secrets.describe();

  if (!db || startupError) return createAppServicesWithoutStore(opts, startupError!, simHost, keychainStatus);

  const settings = new SettingsRepo(db);
  const http = new VendorHttp({ fetch: opts.fetch, now });
  // Kept across mode switches: an address names one picture whichever mode asked for it.
  const pictures = new PictureService(http);
  const connections = new ConnectionsService({ repo: new ConnectionsRepo(db), settings, secrets, simHost, now });
  const storeServer = new StoreServerService({ settings, secrets, dataDir: opts.dataDir, version: opts.version, features: storeMigrations, now, log, heartbeatMs: opts.storeHeartbeatMs, mode: () => connections.mode() });
  storeServer.start();
  const runtime = new ModeRuntime({
    dataDir: opts.dataDir,
    base: { settings, http, simHost, now, log },
    connections,
    factories: features,
    storeLink: (mode) => storeServer.linkFor(mode),
    // The mode's own store (the large one, with the inventory copy) is watched the same way as the core store.
    store: { onDamage, checkAtStartBytes: opts.checkStoresAtStartBytes, checks },
  });
  try {
    const adopted = adoptLegacyRecords(db, settings, opts.dataDir, connections.mode());
    if (adopted) log(`The records kept in ${CORE_STORE_FILE} by an earlier version now form the ${adopted} store.`);
    runtime.open(connections.mode());
  } catch (error) {
    await storeServer.stop();
    await checks.stop();
    db.close();
    if (!(error instanceof StoreOpenError)) throw error;
    return createAppServicesWithoutStore(opts, error.info, simHost, keychainStatus);
  }
  // The simulators listen only while the app is in training mode: a live app opens no loopback port for them.
  const runSimulatorsFor = async (mode: AppMode) => {
    if (mode === 'training' && !simHost.running) await simHost.start();
    else if (mode === 'live' && simHost.running) await simHost.stop();
  };
  await runSimulatorsFor(connections.mode());
  const modeSwitch = modeSwitchHandlers(connections, runtime);
  const locale = opts.locale ?? (() => localeFromEnvironment(process.env));
  const storeProfile = new StoreProfileService(settings, locale);

  const handlers = {
    app: {
      getStatus: async () => ({
        version: opts.version,
        mode: connections.mode(),
        startupError: damage,
        keychain: await keychainStatus(),
        connections: connections.summaries(),
      }),
      getLocale: () => locale(),
      getStoreProfile: () => storeProfile.get(),
      updateStoreProfile: (profile) => storeProfile.update(profile),
    },
    connections: {
      list: () => connections.list(),
      update: ({ id, enabled, settings: s }) => connections.update(id, enabled, s),
      setSecret: ({ id, field, value }) => connections.setSecret(id, field, value),
      clearSecret: ({ id, field }) => connections.clearSecret(id, field),
      test: ({ id }) => connections.test(id),
      ...modeSwitch,
      setMode: async (input) => {
        // Up before training's features start, down once live's have taken over.
        if (input.mode === 'training') await runSimulatorsFor('training');
        const changed = await modeSwitch.setMode(input);
        await runSimulatorsFor(connections.mode());
        return changed;
      },
    },
    training: {
      getStatus: () => simHost.status(),
      injectFault: ({ simulator, fault }) => (simHost.injectFault(simulator, fault), simHost.status()),
      clearFaults: ({ simulator }) => (simHost.clearFaults(simulator), simHost.status()),
      reset: ({ simulator }) => (simHost.reset(simulator), simHost.status()),
    },
    store: {
      getStatus: () => storeServer.status(),
      setUpBundledServer: (input) => storeServer.setUpBundledServer(input),
      setUpExistingServer: (input) => storeServer.setUpExistingServer(input),
      join: (input) => storeServer.join(input),
      newPairingCode: () => storeServer.newPairingCode(),
      updateSettings: (input) => storeServer.updateSettings(input),
      setBudget: (input) => storeServer.setBudget(input),
      leave: () => storeServer.leave(),
    },
    pictures: {
      get: ({ urls }) => pictures.get(urls, runtime.pictureSources()),
    },
    ...runtime.handlers(),
  } as AppHandlers;

  stopFeatures = () => runtime.stop();
  warmHttpClient();
  const openDb = db;
  const dispatch = createDispatch(contract, handlers, log);
  return {
    dispatch: (channel, input) => (damage && channel !== 'app:get-status' ? Promise.resolve(fail('store-unavailable', damage.message)) : dispatch(channel, input)),
    startupError: null,
    simHost,
    db,
    async stop() {
      await runtime.stop();
      await storeServer.stop();
      await simHost.stop();
      await checks.stop();
      openDb.close();
    },
  };
}
