import type { SyncStatus } from '../../shared/inventory/schemas';
import type { CoreDeps, Feature, FeatureFactory } from '../app/feature';
import { trainingCredentials } from '../training/credentials';
import { imageBaseFor } from '../simpleconsign/inventory-images';
import { SimpleConsignInventorySimulator } from '../simpleconsign/inventory-sim';
import { SimpleConsignImagesSimulator } from '../simpleconsign/inventory-sim-images';
import { InventoryRepo } from './inventory-repo';
import { InventorySearch } from './inventory-search';
import { InventorySync } from './inventory-sync';
import { nextRunAt, SyncScheduler, SyncSettingsStore } from './sync-schedule';

/** Items in the training store unless BACKOFFICE_SC_SIM_ITEMS says otherwise. */
export function trainingStoreSize(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.BACKOFFICE_SC_SIM_ITEMS);
  return Number.isInteger(n) && n >= 0 && n <= 500_000 ? n : 3000;
}

/** Where the copy's pictures come from: the simulator for a training copy, SimpleConsign's image store otherwise. */
function imageBase(core: CoreDeps, source: string | null): string {
  const training = source === null ? core.connections.mode() === 'training' : source === 'training';
  const baseUrl = training ? core.connections.trainingUrl('simpleconsign') : core.connections.settingsOf('simpleconsign').baseUrl;
  return imageBaseFor({ training, settings: { baseUrl } });
}

function currentSource(core: CoreDeps): string {
  return core.connections.mode() === 'training' ? 'training' : `live:${core.connections.settingsOf('simpleconsign').baseUrl}`;
}

export const createInventoryFeature: FeatureFactory = (core): Feature => {
  const repo = new InventoryRepo(core.db);
  const settings = new SyncSettingsStore(core.settings);
  const simulator = new SimpleConsignInventorySimulator({ items: trainingStoreSize(), keys: [trainingCredentials.simpleconsign.apiKey], now: core.now });
  const images = new SimpleConsignImagesSimulator(simulator.store);
  const sync = new InventorySync({
    repo,
    http: core.http,
    resolve: () => core.connections.resolve('simpleconsign'),
    settings: () => settings.get(),
    now: core.now,
    log: core.log,
  });
  const search = new InventorySearch(core.db, () => imageBase(core, repo.state().source));

  const due = () => {
    const state = repo.state();
    const lastRun = repo.recentRuns(5).find((r) => r.outcome !== 'running') ?? null;
    return nextRunAt({ settings: settings.get(), loaded: state.watermark !== null, lastRun, pausedUntil: state.pausedUntil, retryAt: sync.retryAt, now: core.now() });
  };
  const scheduler = new SyncScheduler({ due, isRunning: () => sync.isRunning(), run: async () => sync.start('scheduled'), now: core.now, log: core.log });

  const status = (): SyncStatus => {
    const state = repo.state();
    const runs = repo.recentRuns(10);
    const now = core.now();
    return {
      loaded: state.watermark !== null,
      itemCount: state.itemCount,
      watermark: state.watermark,
      dataVersion: state.dataVersion,
      source: state.source === null ? null : state.source === 'training' ? 'training' : 'live',
      needsFullLoad: sync.needsFullLoad(state, currentSource(core)),
      running: sync.progress(),
      lastRun: runs.find((r) => r.outcome !== 'running') ?? null,
      lastSuccessAt: state.lastSuccessAt,
      nextRunAt: due(),
      pausedUntil: state.pausedUntil !== null && state.pausedUntil > now ? state.pausedUntil : null,
      settings: settings.get(),
      recentRuns: runs,
    };
  };
  const begin = (trigger: 'manual' | 'reload') => {
    sync
      .start(trigger)
      .catch((e: unknown) => core.log(`inventory load failed: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => scheduler.arm());
    return status();
  };

  return {
    simulators: [simulator, images],
    handlers: {
      inventory: {
        lookupSku: ({ sku }) => ({ item: search.lookupSku(sku) }),
        getStatus: () => status(),
        syncNow: () => begin('manual'),
        fullReload: () => begin('reload'),
        updateSettings: (input) => {
          settings.save(input);
          scheduler.arm();
          return status();
        },
        search: (input) => search.search(input),
        getItem: ({ sku }) => ({ item: search.getItem(sku) }),
        listCategories: () => ({ categories: search.categories() }),
      },
    },
    start: () => {
      repo.closeAbandonedRuns(core.now());
      scheduler.start();
    },
    stop: async () => {
      scheduler.stop();
      await sync.stop();
    },
  };
};
