import { AsyncEntry } from '@napi-rs/keyring';
import { KeychainUnavailableError, type SecretStore } from './secret-store';

function backendName(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'macOS Keychain';
  if (platform === 'win32') return 'Windows Credential Manager';
  return 'Secret Service (GNOME Keyring / KWallet)';
}

/** Credentials in the operating system's keychain, under one service name per installation. */
export class OsKeychain implements SecretStore {
  private readonly backend = backendName(process.platform);

  constructor(private readonly service: string) {}

  private entry(account: string): AsyncEntry {
    return new AsyncEntry(this.service, account);
  }

  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw new KeychainUnavailableError(this.backend, error);
    }
  }

  async describe() {
    try {
      // A read can answer "nothing stored" without reaching any store; a write proves one is there.
      const probe = this.entry('__probe__');
      await probe.setPassword('probe');
      await probe.deleteCredential();
      return { available: true, backend: this.backend, message: `Credentials are kept in the ${this.backend}.` };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return {
        available: false,
        backend: this.backend,
        message: `The ${this.backend} is not available (${reason}), so credentials cannot be saved. Unlock or install the system keychain; the app never stores them anywhere weaker.`,
      };
    }
  }

  get(account: string) {
    return this.guard(() => this.entry(account).getPassword());
  }

  set(account: string, value: string) {
    return this.guard(() => this.entry(account).setPassword(value));
  }

  async delete(account: string) {
    await this.guard(() => this.entry(account).deleteCredential());
  }
}
