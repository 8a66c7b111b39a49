/** Error codes every channel may answer with; the renderer switches on these, never on message text. */
export const errorCodes = [
  'invalid-input',
  'unknown-channel',
  'forbidden',
  'not-found',
  'conflict',
  'keychain-unavailable',
  'store-unavailable',
  'insecure-endpoint',
  'vendor-error',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface AppErrorShape {
  code: ErrorCode;
  message: string;
  /** Specific problems, one line each (zod issues, vendor messages, schema errors). */
  details?: string[];
}

/** What every bridge call answers: `ipcRenderer.invoke` keeps only an error's message, so errors travel as data. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, details?: string[]): Result<never> => ({
  ok: false,
  error: details && details.length > 0 ? { code, message, details } : { code, message },
});
