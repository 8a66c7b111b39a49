/** Where credentials live. Implementations keep values out of SQLite, logs and the renderer. */
export interface SecretStore {
  /** Which OS store is in use ("Secret Service", "macOS Keychain", "Windows Credential Manager"). */
  describe(): Promise<{ available: boolean; backend: string; message: string }>;
  get(account: string): Promise<string | null>;
  set(account: string, value: string): Promise<void>;
  delete(account: string): Promise<void>;
}

/** No usable OS keychain: the app refuses to store the secret rather than writing it anywhere weaker. */
export class KeychainUnavailableError extends Error {
  constructor(readonly backend: string, cause: unknown) {
    super(
      `The ${backend} could not be used, so the credential was not saved. ` +
        `Unlock or install the system keychain and try again. (${cause instanceof Error ? cause.message : String(cause)})`,
    );
    this.name = 'KeychainUnavailableError';
  }
}

/** The keychain took too long (locked, waiting on a prompt, or stuck): nothing is known about the secret. */
export class KeychainTimeoutError extends KeychainUnavailableError {
  constructor(backend: string, seconds: number) {
    super(backend, `no answer within ${seconds} seconds`);
    this.message = `The keychain did not answer within ${seconds} seconds (the ${backend} may be locked or waiting for you to unlock it). Nothing was changed; try again once it is unlocked.`;
    this.name = 'KeychainTimeoutError';
  }
}
