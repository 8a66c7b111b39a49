import type { SyncMode, SyncSettings } from '../../shared/inventory/schemas';
import type { ResolvedConnection } from '../core/feature-connections';
import type { VendorHttp } from '../core/http/vendor-http';
import { arraySource, fetchInventory, openInventory, type InventoryQuery, type ItemSource } from '../simpleconsign/inventory-client';
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
  /** The answer's items: a full load reads them a slice at a time from the answer's bytes. */
  source: ItemSource;
  /** The run's start on SimpleConsign's clock (or ours without its Date header). */
  startedAt: number;
  /** When SimpleConsign answered, on its clock (or ours without its Date header). */
  answeredAt: number;
  notes: string[];
  /** SKUs (lower case) SimpleConsign lists as E-commerce items, when the answer's items do not say. */
  ecommerceSkus: Set<string> | null;
}

const lacksFlag = (item: unknown) => !!item && typeof item === 'object' && (item as Record<string, unknown>).ecommerceItem === undefined;
const skuOf = (item: unknown) => String((item as Record<string, unknown> | null)?.sku ?? '').trim().toLowerCase();

/** Asks for the run's items; an unfiltered "E-commerce only" load whose items lack the flag also asks which ones have it. */
export async function askForItems(
  deps: { http: VendorHttp; now: () => number },
  conn: ResolvedConnection<'simpleconsign'>,
  run: { mode: SyncMode; settings: SyncSettings; since: number | null },
  signal: AbortSignal,
): Promise<Asked> {
  const query = queryFor(run.mode, run.settings, run.since);
  const sentAt = deps.now();
  if (query.modifiedSince === undefined) {
    const opened = await openInventory(deps.http, conn, query, { signal });
    const answeredAt = deps.now();
    const clock = vendorClock(sentAt, answeredAt, opened.serverDate, run.settings.overlapMinutes);
    return { source: opened.source, startedAt: clock.start, answeredAt: opened.serverDate ?? answeredAt, notes: clock.note ? [clock.note] : [], ecommerceSkus: null };
  }
  const answer = await fetchInventory(deps.http, conn, query, { signal });
  const answeredAt = deps.now();
  const clock = vendorClock(sentAt, answeredAt, answer.serverDate, run.settings.overlapMinutes);
  let ecommerceSkus: Set<string> | null = null;
  if (run.settings.includeOnlyEcommerceItems && answer.results.some(lacksFlag)) {
    const flagged = await fetchInventory(deps.http, conn, { ...query, includeOnlyEcommerceItems: true }, { signal });
    ecommerceSkus = new Set(flagged.results.map(skuOf));
  }
  return { source: arraySource(answer.results), startedAt: clock.start, answeredAt: answer.serverDate ?? answeredAt, notes: clock.note ? [clock.note] : [], ecommerceSkus };
}

/**
 * A full load whose items do not say whether they are E-commerce items asks once more, for those
 * only, and answers their SKUs (lower case) as one JSON list, read and written out a slice at a
 * time (only the SKUs leave the reader; a million-item store lists hundreds of thousands).
 */
export async function flaggedSkus(
  deps: { http: VendorHttp },
  conn: ResolvedConnection<'simpleconsign'>,
  settings: SyncSettings,
  signal: AbortSignal,
): Promise<string> {
  const { source } = await openInventory(deps.http, conn, { ...queryFor('full', settings, null), includeOnlyEcommerceItems: true }, { signal, pick: 'sku' });
  const lists: string[] = [];
  try {
    for (let part = await source.next(5000); part; part = await source.next(5000)) {
      const skus: string[] = [];
      for (const sku of part) {
        const s = String(sku ?? '').trim().toLowerCase();
        if (s !== '') skus.push(s);
      }
      if (skus.length > 0) lists.push(JSON.stringify(skus).slice(1, -1));
    }
  } finally {
    source.close();
  }
  return `[${lists.join(',')}]`;
}

/** The E-commerce SKUs, asked for while the rows are still being written. */
export interface FlagsAhead {
  /** The SKUs as a JSON list. */
  skus: Promise<string>;
  /** Stops the request when the load ends without needing it; nothing once it has finished. */
  cancel(): void;
}

/**
 * Watches a full load's first slice: when its items do not say whether they are E-commerce items,
 * the request for those items starts at once, so its answer is on its way while the rows are written
 * instead of after. `ahead()` answers that request, or null when none was needed.
 */
export function askFlagsEarly(
  source: ItemSource, ask: (signal: AbortSignal) => Promise<string>, signal: AbortSignal,
): { source: ItemSource; ahead: () => FlagsAhead | null } {
  let ahead: FlagsAhead | null = null;
  let first = true;
  const watched: ItemSource = {
    total: source.total,
    close: () => source.close(),
    next: async (max) => {
      const part = await source.next(max);
      if (first && part && part.length > 0) {
        first = false;
        if (part.some(lacksFlag)) ahead = startAhead(ask, signal);
      }
      return part;
    },
  };
  return { source: watched, ahead: () => ahead };
}

function startAhead(ask: (signal: AbortSignal) => Promise<string>, signal: AbortSignal): FlagsAhead {
  const controller = new AbortController();
  const stop = () => controller.abort();
  signal.addEventListener('abort', stop, { once: true });
  const skus = ask(AbortSignal.any([signal, controller.signal])).finally(() => signal.removeEventListener('abort', stop));
  // Read only if the load gets that far; a failure meanwhile is not left unhandled.
  skus.catch(() => undefined);
  return { skus, cancel: stop };
}
