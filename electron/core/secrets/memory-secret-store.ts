import type { SecretStore } from './secret-store';

/** For unit tests of services that only need somewhere to put a credential. */
export class MemorySecretStore implements SecretStore {
  readonly values = new Map<string, string>();

  async describe() {
    return { available: true, backend: 'memory', message: 'Credentials are kept in memory.' };
  }
  async get(account: string) {
    return this.values.get(account) ?? null;
  }
  async set(account: string, value: string) {
    this.values.set(account, value);
  }
  async delete(account: string) {
    this.values.delete(account);
  }
}
