import { DEFAULT_CURRENCY, DEFAULT_LOCALE, formats, type Formats } from './formats';

/**
 * The formats in force in this process: the renderer sets them from the store's profile and the workstation's locale
 * (and waits for them before any screen shows); the main process does the same for the messages it writes.
 */
let current: Formats = formats({ locale: DEFAULT_LOCALE, currency: DEFAULT_CURRENCY });

/** For helpers that are not components, and for the main process's messages. */
export const currentFormats = (): Formats => current;

export function setCurrentFormats(f: Formats): void {
  current = f;
}
