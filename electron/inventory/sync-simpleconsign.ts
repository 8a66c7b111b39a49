import { currentFormats } from '../../shared/locale/current';
import type { ResolvedConnection } from '../core/feature-connections';
import { InventoryFetchError } from '../simpleconsign/inventory-client';
import { loadInFull } from './full-load';
import type { ItemSource } from './item-source';
import { applyChanges } from './sync-changes';
import { switchTo } from './sync-commit';
import { workerChunk, type Job, type SyncDeps } from './sync-job';
import { askForItems, type Asked } from './sync-request';

type Conn = ResolvedConnection<'simpleconsign'>;

/** A run against SimpleConsign: the whole inventory into the other slot, or the changes since the watermark. */
export async function loadSimpleConsign(deps: SyncDeps, job: Job, conn: Conn | null): Promise<void> {
  if (!conn) throw new InventoryFetchError('setup', 'The SimpleConsign connection could not be read (is the keychain available?).');
  if (!conn.training && !conn.enabled) throw new InventoryFetchError('setup', 'The SimpleConsign connection is turned off. Enable it on the Connections screen.');
  if (job.mode === 'full') await loadWhole(deps, job, conn);
  else await loadChanges(deps, job, conn);
}

/** Everything into the other slot through the copy's worker, then one switch (see full-load.ts). */
async function loadWhole(deps: SyncDeps, job: Job, conn: Conn): Promise<void> {
  const { running } = job;
  const gen = job.state.gen + 1;
  const run = { deps, workers: deps.workers, conn, settings: job.settings, gen, progress: running.progress, signal: running.controller.signal, chunk: workerChunk(deps) };
  await loadInFull(run, ({ asked, outcome, received }) => {
    answered(deps, job, asked, received);
    switchTo(deps, job, conn, gen, outcome, received);
  });
}

/** SimpleConsign's change set since the watermark. */
async function loadChanges(deps: SyncDeps, job: Job, conn: Conn): Promise<void> {
  const asked = await askForItems(deps, conn, job, job.running.controller.signal);
  if (asked.answer.kind !== 'items') throw new Error('a change set is read whole');
  answered(deps, job, asked, asked.answer.source.total);
  // A change set's SKUs are noted as they are read, for the store server.
  await applyChanges(deps, job, notingSkus(asked.answer.source, job.skus), asked.ecommerceSkus, conn);
}

/** What SimpleConsign's answer tells of the run, once it has answered. */
function answered(deps: SyncDeps, job: Job, asked: Asked, received: number): void {
  deps.health?.(true, `Inventory loaded: ${currentFormats().count(received, 'item', 'items')} received.`);
  Object.assign(job, { startedAt: asked.startedAt, answeredAt: asked.answeredAt, notes: asked.notes });
  if (asked.notes.length > 0) deps.log(`inventory: ${asked.notes.join(' ')}`);
}

/** Passes a source's items on, noting each one's SKU. */
function notingSkus(source: ItemSource, into: string[]): ItemSource {
  return {
    total: source.total,
    close: () => source.close(),
    next: async (max) => {
      const part = await source.next(max);
      for (const item of part ?? []) {
        const sku = (item as { sku?: unknown } | null)?.sku;
        if (typeof sku === 'string' || typeof sku === 'number') into.push(String(sku).trim());
      }
      return part;
    },
  };
}
