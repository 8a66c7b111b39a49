import { afterAll, describe, expect, it, vi } from 'vitest';
import { BridgeClient, FloodHarness, next, type AppChild } from './fixtures/flood-harness';
import { PrivateSession } from './fixtures/private-session';

const harness = new FloodHarness();
const sessions: PrivateSession[] = [];
const clients: BridgeClient[] = [];
afterAll(() => {
  for (const c of clients) c.close();
  harness.release();
  for (const s of sessions) s.release();
});

interface Status {
  keychain: { available: boolean; message: string };
}
interface ConnectionView {
  id: string;
  secrets: { isSet: boolean | null; problem: string | null }[];
}

/** The app on a session bus of the test's own, with a credential stored while the keychain works. */
async function appWithKeychain(): Promise<{ app: AppChild; session: PrivateSession; bridge: BridgeClient }> {
  const session = await PrivateSession.start();
  sessions.push(session);
  const app = await harness.startApp({ DBUS_SESSION_BUS_ADDRESS: session.address, FLOOD_KEYCHAIN_RECHECK_MS: '300' });
  const bridge = await BridgeClient.open(app.ports.origin, app.ports.token);
  clients.push(bridge);
  expect((await bridge.call<Status>('app:get-status')).value.keychain.available).toBe(true);
  expect((await bridge.call('connections:set-secret', { id: 'simpleconsign', field: 'apiKey', value: 'stored-before-the-loss-1' })).ok).toBe(true);
  return { app, session, bridge };
}

async function keychainCalls(app: AppChild): Promise<number> {
  app.child.send({ type: 'stats' });
  return (await next<{ keychainCalls: number }>(app.child, 'stats')).keychainCalls;
}

/** What the app must still do without a keychain, asked many times the way a polling page would. */
async function servesWithoutKeychain(app: AppChild, bridge: BridgeClient): Promise<void> {
  const before = await keychainCalls(app);
  for (let i = 0; i < 40; i++) {
    const [status, list, training] = await Promise.all([
      bridge.call<Status>('app:get-status'),
      bridge.call<ConnectionView[]>('connections:list'),
      bridge.call('training:get-status'),
    ]);
    expect(status.ok && !status.value.keychain.available).toBe(true);
    expect(training.ok).toBe(true);
    expect(list.ok).toBe(true);
    // Known before the loss: still known. Never read: unknown, with the reason, never "not set".
    expect(list.value.find((c) => c.id === 'simpleconsign')!.secrets[0].isSet).toBe(true);
    expect(list.value.find((c) => c.id === 'ifpos')!.secrets[0]).toMatchObject({ isSet: null, problem: expect.stringMatching(/keychain is not available/) });
  }
  // 120 calls that touch credentials reached the keychain a few times at most: no retrying in a loop.
  expect((await keychainCalls(app)) - before).toBeLessThanOrEqual(3);
  const page = await fetch(`${app.ports.origin}/`);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('flood test page');
}

describe.runIf(process.platform === 'linux')('the keychain going away under a running app', () => {
  it.each([
    ['the Secret Service', 'stopKeyring'],
    ['the session bus', 'stopBus'],
  ] as const)('notices %s stopping, says the keychain is not available, and serves everything else', { timeout: 60_000 }, async (_what, stop) => {
    const { app, session, bridge } = await appWithKeychain();
    await session[stop]();
    const status = await vi.waitFor(async () => {
      const s = await bridge.call<Status>('app:get-status');
      if (s.value.keychain.available) throw new Error('the loss is not noticed yet');
      return s.value;
    }, { timeout: 20_000, interval: 100 });
    expect(status.keychain.message).toMatch(/^The keychain is not available/);
    await servesWithoutKeychain(app, bridge);
    expect(app.child.exitCode).toBeNull();
  });
});
