import type { AppMode } from '../../shared/connections';
import type { SettingsRepo } from '../core/store/settings-repo';

/** The document's window: "too many API requests in the last ten minutes". */
export const RATE_CAP_PAUSE_MS = 10 * 60_000;

export interface AllowancePause {
  until: number;
  reason: string;
}

/**
 * One SimpleConsign API key has one request allowance, whether it is spent on transactions or on
 * inventory loads. When either is told "too many API requests", both hold off until the pause ends.
 * Kept per mode, since training and live use different keys.
 */
export class SimpleConsignAllowance {
  constructor(
    private readonly settings: SettingsRepo,
    private readonly mode: AppMode,
  ) {}

  private get key(): string {
    return `simpleconsign.allowancePause.${this.mode}`;
  }

  /** The pause in force at `now`, if any. */
  pausedAt(now: number): AllowancePause | null {
    const pause = this.settings.get<AllowancePause | null>(this.key, null);
    return pause && pause.until > now ? pause : null;
  }

  /** Holds every SimpleConsign call off until `until` (never shortening a longer pause). */
  pause(until: number, reason: string): void {
    const current = this.settings.get<AllowancePause | null>(this.key, null);
    if (current && current.until >= until) return;
    this.settings.set(this.key, { until, reason } satisfies AllowancePause);
  }
}

export function allowanceFor(core: { settings: SettingsRepo; connections: { mode(): AppMode } }, mode: AppMode = core.connections.mode()): SimpleConsignAllowance {
  return new SimpleConsignAllowance(core.settings, mode);
}
