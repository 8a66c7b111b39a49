import { currentFormats } from '../../shared/locale/current';
import type { ConnectionTester, ResolvedConnection } from '../core/feature-connections';
import type { VendorHttp } from '../core/http/vendor-http';
import type { SettingsRepo } from '../core/store/settings-repo';
import { fetchInventory, InventoryFetchError } from './inventory-client';
import { RATE_CAP_PAUSE_MS, SimpleConsignAllowance } from './rate-allowance';

const clock = (ms: number) => currentFormats().time(ms);

/**
 * "Test connection" for SimpleConsign: a read-only inventory request for items modified since now,
 * which proves the address, the key and the plan without recording anything. It spends one request of
 * the key's allowance, so it is not made while SimpleConsign has asked the app to hold off.
 */
export function simpleConsignTester(deps: { http: VendorHttp; settings: SettingsRepo; now: () => number }): ConnectionTester {
  return async (conn: ResolvedConnection) => {
    const allowance = new SimpleConsignAllowance(deps.settings, conn.training ? 'training' : 'live');
    const now = deps.now();
    const paused = allowance.pausedAt(now);
    if (paused) {
      return { ok: false, message: `SimpleConsign asked the app to hold off until ${clock(paused.until)} (“too many API requests”). Test again after that; a test now would only use up the allowance.` };
    }
    try {
      await fetchInventory(deps.http, conn as ResolvedConnection<'simpleconsign'>, { modifiedSince: now, includeInactiveItems: true, includeItemsWithQuantityZero: true }, { timeoutMs: 30_000 });
      return { ok: true, message: 'SimpleConsign accepted the API key (checked with a read-only inventory request; nothing was recorded).' };
    } catch (error) {
      if (!(error instanceof InventoryFetchError)) throw error;
      if (error.kind === 'request-cap') allowance.pause(now + Math.max(RATE_CAP_PAUSE_MS, error.opts.retryAfterMs ?? 0), error.message);
      return { ok: false, message: error.message.replace(/\s*The local copy is unchanged\.$/, '') };
    }
  };
}
