/** Where credentials live. Implementations keep values out of SQLite, logs and the renderer. */
export interface SecretStore {
  /** Which OS store is in use ("Secret Service", "macOS Keychain", "Windows Credential Manager"). */
  describe(): Promise<{ available: boolean; backend: string; message: string }>;
  get(account: string): Promise<string | null>;
  set(account: string, value: string): Promise<void>;
  delete(account: string): Promise<void>;
  /** Optional: no call is waiting any more, so connections held for a run of calls may be closed. */
  idle?(): void;
  /** Optional: the call in progress ran past its deadline; give up on it (it settles once it has really stopped). */
  abandon?(): void;
}

export type KeychainAction = 'save' | 'read' | 'remove';

const outcome: Record<KeychainAction, string> = {
  save: 'the credential was not saved',
  read: 'the credential could not be read',
  remove: 'the credential was not removed',
};

/** No usable OS keychain: the app refuses to store the secret rather than writing it anywhere weaker. */
export class KeychainUnavailableError extends Error {
  constructor(readonly backend: string, cause: unknown, action: KeychainAction = 'save') {
    super(
      `The keychain is not available: the ${backend} could not be used, so ${outcome[action]}. ` +
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

/** Too many keychain calls are already waiting (a burst from a page): this one is refused at once. */
export class KeychainBusyError extends KeychainUnavailableError {
  constructor(backend: string, waiting: number) {
    super(backend, `${waiting} calls waiting`);
    this.message = `The keychain is busy with ${waiting} other calls, so this one was not made and nothing was changed. Try again in a moment.`;
    this.name = 'KeychainBusyError';
  }
}
