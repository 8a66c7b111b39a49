import { defaultSyncSettings, syncSettingsSchema, type SyncRun, type SyncSettings } from '../../shared/inventory/schemas';
import type { SettingsRepo } from '../core/store/settings-repo';

const KEY = 'inventory.sync-settings';
const MINUTE = 60_000;

/** The sync settings, kept in the app's settings table; anything unreadable falls back to the defaults. */
export class SyncSettingsStore {
  constructor(private readonly settings: SettingsRepo) {}

  get(): SyncSettings {
    const parsed = syncSettingsSchema.safeParse({ ...defaultSyncSettings, ...this.settings.get<Record<string, unknown>>(KEY, {}) });
    return parsed.success ? parsed.data : { ...defaultSyncSettings };
  }

  save(s: SyncSettings): void {
    this.settings.set(KEY, syncSettingsSchema.parse(s));
  }
}

export interface ScheduleFacts {
  settings: SyncSettings;
  /** A first load has completed: automatic runs only patch an existing copy. */
  loaded: boolean;
  /** The latest finished run. */
  lastRun: SyncRun | null;
  pausedUntil: number | null;
  /** Set after a passing failure (outage, time-out): back off until then. */
  retryAt: number | null;
  now: number;
}

/** When the next automatic run is due, or null when none is planned. */
export function nextRunAt(f: ScheduleFacts): number | null {
  if (!f.settings.autoSync || !f.loaded) return null;
  const interval = f.settings.intervalMinutes * MINUTE;
  const lastEnd = f.lastRun ? (f.lastRun.finishedAt ?? f.lastRun.startedAt) : null;
  let at = lastEnd === null ? f.now : lastEnd + interval;
  if (f.lastRun?.outcome === 'failed' && f.retryAt !== null && lastEnd !== null && f.retryAt > lastEnd) at = Math.min(at, f.retryAt);
  if (f.pausedUntil !== null && f.pausedUntil > at) at = f.pausedUntil;
  return at;
}

export interface Timers {
  set: (fn: () => void, ms: number) => unknown;
  clear: (handle: unknown) => void;
}

const nodeTimers: Timers = {
  set: (fn, ms) => {
    const t = setTimeout(fn, ms);
    t.unref?.();
    return t;
  },
  clear: (h) => clearTimeout(h as NodeJS.Timeout),
};

/**
 * Wakes at the next due time (and at least once a minute, so changed settings take effect) and
 * starts a scheduled run when one is due and none is running.
 */
export class SyncScheduler {
  private handle: unknown = null;
  private stopped = true;

  constructor(
    private readonly deps: { due: () => number | null; isRunning: () => boolean; run: () => Promise<void>; now: () => number; log: (m: string) => void; timers?: Timers },
  ) {}

  private get timers(): Timers {
    return this.deps.timers ?? nodeTimers;
  }

  start(): void {
    this.stopped = false;
    this.arm();
  }

  stop(): void {
    this.stopped = true;
    if (this.handle !== null) this.timers.clear(this.handle);
    this.handle = null;
  }

  /** Re-reads the due time (after a settings change or a run). */
  arm(): void {
    if (this.stopped) return;
    if (this.handle !== null) this.timers.clear(this.handle);
    const due = this.deps.due();
    const wait = due === null ? MINUTE : Math.min(MINUTE, Math.max(0, due - this.deps.now()));
    this.handle = this.timers.set(() => this.fire(), wait);
  }

  private fire(): void {
    this.handle = null;
    const due = this.deps.due();
    if (this.stopped) return;
    if (due === null || due > this.deps.now() || this.deps.isRunning()) return this.arm();
    this.deps
      .run()
      .catch((e: unknown) => this.deps.log(`inventory: scheduled load not started: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => this.arm());
  }
}
