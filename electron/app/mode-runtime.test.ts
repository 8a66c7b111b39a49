import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConnectionsService } from '../connections/connections-service';
import type { CoreDeps, Feature } from '../core/feature';
import { ModeRuntime, type ModeRuntimeDeps } from './mode-runtime';

let dir = '';

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A feature whose first stop takes as long as the test says; a later stop finds it stopped and returns. */
function slowFeature() {
  let finish = () => {};
  const first = new Promise<void>((resolve) => (finish = resolve));
  const seen = { stops: 0, storeOpenAtEnd: null as boolean | null };
  let db: CoreDeps['db'] | null = null;
  const make = (core: CoreDeps): Feature => {
    db = core.db;
    return {
      handlers: {},
      stop: async () => {
        seen.stops += 1;
        if (seen.stops > 1) return;
        await first;
        seen.storeOpenAtEnd = db!.open;
      },
    };
  };
  return { make, seen, finish, store: () => db! };
}

function runtime(factory: ModeRuntimeDeps['factories'][number]): ModeRuntime {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mode-runtime-'));
  const connections = { pinned: () => ({}) } as unknown as ConnectionsService;
  const base = { settings: {}, http: {}, simHost: {}, now: Date.now, log: () => {} } as unknown as ModeRuntimeDeps['base'];
  return new ModeRuntime({ dataDir: dir, base, connections, factories: [factory] });
}

describe('stopping a mode’s features', () => {
  it('asked for again while a stop runs, waits for that stop, and the store closes once the features have stopped', async () => {
    const feature = slowFeature();
    const modes = runtime(feature.make);
    modes.open('training');

    // Damage found stops the features; the app closing asks again before they have stopped.
    const first = modes.stop();
    const second = modes.stop();
    let secondDone = false;
    void second.then(() => (secondDone = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(secondDone).toBe(false);
    expect(feature.store().open).toBe(true);

    feature.finish();
    await Promise.all([first, second]);
    expect(feature.seen).toEqual({ stops: 1, storeOpenAtEnd: true });
    expect(feature.store().open).toBe(false);
    expect(modes.mode()).toBeNull();
    await expect(modes.stop()).resolves.toBeUndefined();
  });
});
