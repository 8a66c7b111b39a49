import crypto from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { FloodHarness, next } from './fixtures/flood-harness';

const FLOOD = 1100;
// The D-Bus library under the keychain module uses select(), which breaks on descriptors numbered 1,024 and up.
const SELECT_LIMIT = 1024;

const harness = new FloodHarness();
afterAll(() => harness.release());

describe.runIf(process.platform === 'linux')('a flood of idle loopback connections', () => {
  it('leaves the app answering keychain-backed calls with its descriptors below the select() limit', { timeout: 90_000 }, async () => {
    const { child, ports } = await harness.startApp();
    await Promise.all([harness.flood(ports.web, FLOOD), harness.flood(ports.sim, FLOOD)]);

    const secret = `flood-${crypto.randomUUID()}`;
    child.send({ type: 'probe', value: secret });
    const probed = await next<{ descriptors: number; set: { ok: boolean }; list: { ok: boolean; value: { id: string; secrets: { isSet: boolean }[] }[] }; status: { ok: boolean } }>(child, 'probed');
    expect(probed.descriptors).toBeLessThan(SELECT_LIMIT);
    expect(probed.set.ok).toBe(true);
    expect(probed.list.ok && probed.list.value.find((c) => c.id === 'simpleconsign')!.secrets[0].isSet).toBe(true);
    expect(probed.status.ok).toBe(true);
    expect(child.exitCode).toBeNull();
  });
});
