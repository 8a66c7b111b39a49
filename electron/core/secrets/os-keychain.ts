import { KeychainWorker } from './keychain-worker';
import { KeychainUnavailableError, type KeychainAction, type SecretStore } from './secret-store';

function backendName(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'macOS Keychain';
  if (platform === 'win32') return 'Windows Credential Manager';
  return 'Secret Service (GNOME Keyring / KWallet)';
}

const PROBE = '__probe__';

/**
 * Credentials in the operating system's keychain, under one service name per installation. The calls
 * run in a worker thread (`KeychainWorker`) that ends when they stop, so no connection outlives its
 * calls and a stuck call never holds the main thread. On Linux only the Secret Service is used: the
 * kernel keyring the module would otherwise fall back to forgets everything at logout.
 */
export class OsKeychain implements SecretStore {
  private readonly backend = backendName(process.platform);
  private readonly worker: KeychainWorker;
  /** Set once a write has shown a store is there; later checks only read. */
  private proven = false;

  constructor(service: string) {
    this.worker = new KeychainWorker(service);
  }

  private async guard<T>(action: KeychainAction, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      this.proven = false;
      throw new KeychainUnavailableError(this.backend, error, action);
    }
  }

  async describe() {
    try {
      // A write proves a store is there to keep credentials; afterwards a read shows it still answers.
      if (this.proven) await this.worker.run({ op: 'get', account: PROBE });
      else {
        await this.worker.run({ op: 'set', account: PROBE, value: 'probe' });
        await this.worker.run({ op: 'delete', account: PROBE });
        this.proven = true;
      }
      return { available: true, backend: this.backend, message: `Credentials are kept in the ${this.backend}.` };
    } catch (error) {
      this.proven = false;
      const reason = error instanceof Error ? error.message : String(error);
      return {
        available: false,
        backend: this.backend,
        message: `The keychain is not available: the ${this.backend} could not be reached (${reason}), so credentials cannot be read or saved. Everything that needs no credential goes on working. Unlock or install the system keychain; the app never stores credentials anywhere weaker.`,
      };
    }
  }

  get(account: string) {
    return this.guard('read', () => this.worker.run({ op: 'get', account }));
  }

  async set(account: string, value: string) {
    await this.guard('save', () => this.worker.run({ op: 'set', account, value }));
  }

  async delete(account: string) {
    await this.guard('remove', () => this.worker.run({ op: 'delete', account }));
  }

  idle(): void {
    this.worker.idle();
  }

  abandon(): void {
    this.worker.abandon();
  }
}
