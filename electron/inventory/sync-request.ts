import type { SyncMode, SyncSettings } from '../../shared/inventory/schemas';
import type { ResolvedConnection } from '../core/feature-connections';
import type { VendorHttp } from '../core/http/vendor-http';
import { fetchInventory, openInventory, type InventoryQuery, type OpenedAnswer } from '../simpleconsign/inventory-client';
import { readFlaggedSkus, type CopyWorkers } from './copy-load';
import { arraySource, type ItemSource } from './item-source';
import { vendorClock } from './sync-clocks';

/**
 * What a load asks SimpleConsign for, as its document recommends. A full load asks with the
 * settings' filters. A "modified since" load asks unfiltered and the filters are applied here: an
 * item that left the category or lost its E-commerce flag must come back to be removed.
 */
export function queryFor(mode: SyncMode, s: SyncSettings, since: number | null): InventoryQuery {
  if (mode === 'full' || since === null) {
    const filters = { category: s.category || undefined, consignorId: s.consignorId || undefined, includeOnlyEcommerceItems: s.includeOnlyEcommerceItems };
    return { ...filters, includeItemsWithQuantityZero: s.includeItemsWithQuantityZero, includeInactiveItems: false };
  }
  // Sold-out items must come back so the copy drops them (or shows them at zero); the setting decides locally.
  return { includeItemsWithQuantityZero: true, includeInactiveItems: true, modifiedSince: since };
}

export interface Asked {
  /** A full load's answer as it arrives (read in the copy's worker), or a change set's items, read whole. */
  answer: { kind: 'stream'; opened: OpenedAnswer } | { kind: 'items'; source: ItemSource };
  /** The run's start on SimpleConsign's clock (or ours without its Date header). */
  startedAt: number;
  /** When SimpleConsign answered, on its clock (or ours without its Date header). */
  answeredAt: number;
  notes: string[];
  /** SKUs (lower case) SimpleConsign lists as E-commerce items, when the answer's items do not say. */
  ecommerceSkus: Set<string> | null;
}

const lacksFlag = (item: unknown) => !!item && typeof item === 'object' && (item as Record<string, unknown>).ecommerceItem === undefined;

/** A list of E-commerce items, read in the copy's worker as it arrives: its SKUs only come back. */
async function flaggedSkus(workers: CopyWorkers, opened: OpenedAnswer): Promise<Set<string>> {
  const read = await readFlaggedSkus(workers, opened.pieces).catch((e: unknown) => {
    throw opened.problem(e);
  });
  if (read.skus === null) throw opened.refusal(read.shell);
  return new Set(read.skus);
}

/** Asks for the run's items; an unfiltered "E-commerce only" change set whose items lack the flag also asks which ones have it. */
export async function askForItems(
  deps: { http: VendorHttp; now: () => number; spend?: (apiKey: string) => Promise<void>; workers: CopyWorkers },
  conn: ResolvedConnection<'simpleconsign'>,
  run: { mode: SyncMode; settings: SyncSettings; since: number | null },
  signal: AbortSignal,
): Promise<Asked> {
  const query = queryFor(run.mode, run.settings, run.since);
  const sentAt = deps.now();
  if (query.modifiedSince === undefined) {
    const opened = await openInventory(deps.http, conn, query, { signal, spend: deps.spend });
    const answeredAt = deps.now();
    const clock = vendorClock(sentAt, answeredAt, opened.serverDate, run.settings.overlapMinutes);
    return { answer: { kind: 'stream', opened }, startedAt: clock.start, answeredAt: opened.serverDate ?? answeredAt, notes: clock.note ? [clock.note] : [], ecommerceSkus: null };
  }
  const answer = await fetchInventory(deps.http, conn, query, { signal, spend: deps.spend });
  const answeredAt = deps.now();
  const clock = vendorClock(sentAt, answeredAt, answer.serverDate, run.settings.overlapMinutes);
  let ecommerceSkus: Set<string> | null = null;
  if (run.settings.includeOnlyEcommerceItems && answer.results.some(lacksFlag)) {
    const flagged = await openInventory(deps.http, conn, { ...query, includeOnlyEcommerceItems: true }, { signal, spend: deps.spend });
    ecommerceSkus = await flaggedSkus(deps.workers, flagged);
  }
  return {
    answer: { kind: 'items', source: arraySource(answer.results) }, startedAt: clock.start, answeredAt: answer.serverDate ?? answeredAt,
    notes: clock.note ? [clock.note] : [], ecommerceSkus,
  };
}

/**
 * A full load whose items do not say whether they are E-commerce items asks once more, for those
 * only; its answer goes to the copy's worker, which keeps their SKUs.
 */
export function askForFlagged(
  deps: { http: VendorHttp; spend?: (apiKey: string) => Promise<void> }, conn: ResolvedConnection<'simpleconsign'>, settings: SyncSettings, signal: AbortSignal,
): Promise<OpenedAnswer> {
  return openInventory(deps.http, conn, { ...queryFor('full', settings, null), includeOnlyEcommerceItems: true }, { signal, spend: deps.spend });
}
