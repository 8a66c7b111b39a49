import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { OsKeychain } from './os-keychain';

// Runs against the real OS keychain (Secret Service under `npm test`); it must not pass without one.
describe('OsKeychain', () => {
  const keychain = new OsKeychain(`parts-backoffice-test-${crypto.randomUUID()}`);

  it('reports a usable keychain', async () => {
    const status = await keychain.describe();
    expect(status, status.message).toMatchObject({ available: true });
  });

  it('stores, reads back and deletes a credential', async () => {
    const secret = `key-${crypto.randomUUID()}`;
    await keychain.set('simpleconsign:apiKey', secret);
    expect(await keychain.get('simpleconsign:apiKey')).toBe(secret);
    await keychain.delete('simpleconsign:apiKey');
    expect(await keychain.get('simpleconsign:apiKey')).toBeNull();
  });

  it.runIf(process.platform === 'linux')('says plainly when no keychain can be reached, and stores nothing', () => {
    const probe = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'no-keychain-probe.ts');
    const out = execFileSync(process.execPath, ['--import', 'tsx', probe], {
      env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' },
      encoding: 'utf8',
    });
    const { status, setError } = JSON.parse(out) as { status: { available: boolean; message: string }; setError: string };
    expect(status.available).toBe(false);
    expect(status.message).toMatch(/^The keychain is not available: .*credentials cannot be read or saved/);
    expect(setError).toMatch(/^KeychainUnavailableError: .*could not be used, so the credential was not saved/);
  });
});
