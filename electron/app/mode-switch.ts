import type { AppMode, ModeSwitchPreview } from '../../shared/connections';
import { vendors } from '../../shared/vendors';
import type { ConnectionsService } from '../connections/connections-service';
import type { ModeRuntime } from './mode-runtime';

/**
 * What a person sees before a mode switch: what still waits in the current mode (it stays there and
 * carries on when they come back) and, going live, "Test connection" of every enabled connection
 * against the real vendor.
 */
export async function previewModeSwitch(connections: ConnectionsService, runtime: ModeRuntime, to: AppMode): Promise<ModeSwitchPreview> {
  const from = connections.mode();
  const waiting = from === to ? [] : await runtime.pendingWork();
  const tests =
    to === 'live' && from !== 'live'
      ? await Promise.all(connections.enabledIds().map(async (id) => ({ id, name: vendors[id].name, health: await connections.test(id, 'live') })))
      : [];
  return { from, to, waiting, tests };
}

/** The bridge's mode calls: a switch stops this mode's features and starts the other mode's over its own store. */
export function modeSwitchHandlers(connections: ConnectionsService, runtime: ModeRuntime) {
  return {
    prepareModeSwitch: ({ mode }: { mode: AppMode }) => previewModeSwitch(connections, runtime, mode),
    setMode: async ({ mode }: { mode: AppMode }) => {
      await connections.checkModeSwitch(mode);
      await runtime.switchTo(mode, () => connections.setMode(mode).then(() => undefined));
      return { mode };
    },
  };
}
