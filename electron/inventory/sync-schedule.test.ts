import { afterEach, describe, expect, it } from 'vitest';
import { defaultSyncSettings, type SyncRun } from '../../shared/inventory/schemas';
import { SettingsRepo } from '../core/store/settings-repo';
import { nextRunAt, SyncScheduler, SyncSettingsStore, type ScheduleFacts, type Timers } from './sync-schedule';
import { tempDb } from './test-harness';

const MINUTE = 60_000;
const T = Date.UTC(2026, 3, 1, 10);
const run = (over: Partial<SyncRun>): SyncRun => ({
  id: 1, mode: 'incremental', trigger: 'scheduled', startedAt: T - MINUTE, finishedAt: T, outcome: 'ok', received: 0, inserted: 0, updated: 0, deleted: 0, skipped: 0, message: '', details: [], warnings: [], ...over,
});
const facts = (over: Partial<ScheduleFacts>): ScheduleFacts => ({ settings: defaultSyncSettings, loaded: true, lastRun: run({}), pausedUntil: null, retryAt: null, now: T, ...over });

describe('when the next automatic load is due', () => {
  it('every interval after the last load ends, once a first load exists and automatic sync is on', () => {
    expect(nextRunAt(facts({}))).toBe(T + 5 * MINUTE);
    expect(nextRunAt(facts({ settings: { ...defaultSyncSettings, intervalMinutes: 60 } }))).toBe(T + 60 * MINUTE);
    expect(nextRunAt(facts({ loaded: false }))).toBeNull();
    expect(nextRunAt(facts({ settings: { ...defaultSyncSettings, autoSync: false } }))).toBeNull();
    expect(nextRunAt(facts({ lastRun: null }))).toBe(T);
  });

  it('sooner after a passing failure, but never before a request-cap pause ends', () => {
    expect(nextRunAt(facts({ lastRun: run({ outcome: 'failed' }), retryAt: T + MINUTE }))).toBe(T + MINUTE);
    expect(nextRunAt(facts({ lastRun: run({ outcome: 'failed' }), retryAt: T - MINUTE }))).toBe(T + 5 * MINUTE);
    expect(nextRunAt(facts({ lastRun: run({ outcome: 'failed' }), pausedUntil: T + 9 * MINUTE }))).toBe(T + 9 * MINUTE);
  });
});

describe('the scheduler', () => {
  const handles: { fn: () => void; ms: number }[] = [];
  const timers: Timers = { set: (fn, ms) => handles.push({ fn, ms }), clear: () => undefined };
  afterEach(() => (handles.length = 0));

  it('starts a scheduled load when due, then waits for the next due time', async () => {
    let now = T;
    let due: number | null = T + 3 * MINUTE;
    let runs = 0;
    const s = new SyncScheduler({ due: () => due, isRunning: () => false, run: async () => void runs++, now: () => now, log: () => {}, timers });
    s.start();
    expect(handles.at(-1)!.ms).toBe(MINUTE);
    now = T + 3 * MINUTE;
    handles.at(-1)!.fn();
    expect(runs).toBe(1);
    due = now + 5 * MINUTE;
    await Promise.resolve();
    await Promise.resolve();
    expect(handles.at(-1)!.ms).toBe(MINUTE);
    s.stop();
    handles.at(-1)!.fn();
    expect(runs).toBe(1);
  });

  it('does not start a second load while one runs', () => {
    let runs = 0;
    const s = new SyncScheduler({ due: () => T, isRunning: () => true, run: async () => void runs++, now: () => T, log: () => {}, timers });
    s.start();
    expect(handles.at(-1)!.ms).toBe(0);
    handles.at(-1)!.fn();
    expect(runs).toBe(0);
  });
});

describe('sync settings', () => {
  it('default to every 5 minutes with a 10-minute overlap and survive unreadable stored values', () => {
    const { db, cleanup } = tempDb();
    try {
      const repo = new SettingsRepo(db);
      const store = new SyncSettingsStore(repo);
      expect(store.get()).toEqual({ ...defaultSyncSettings, intervalMinutes: 5, overlapMinutes: 10 });
      store.save({ ...defaultSyncSettings, overlapMinutes: 15, category: 'SHOES' });
      expect(store.get()).toMatchObject({ overlapMinutes: 15, category: 'SHOES' });
      repo.set('inventory.sync-settings', { overlapMinutes: 99 });
      expect(store.get()).toEqual(defaultSyncSettings);
      expect(() => store.save({ ...defaultSyncSettings, overlapMinutes: 4 })).toThrow(/at least 5/);
    } finally {
      cleanup();
    }
  });
});
