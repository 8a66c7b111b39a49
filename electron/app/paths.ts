import os from 'node:os';
import path from 'node:path';

const APP_FOLDER = 'Parts Back Office';

/**
 * Development and test builds honour BACKOFFICE_* overrides of where data and credentials live. The
 * packaged app is built with `process.env.BACKOFFICE_BUILD` replaced by "production" at bundle time,
 * so no environment variable can point it at another data folder or keychain entry.
 */
export function overridesHonoured(): boolean {
  return process.env.BACKOFFICE_BUILD !== 'production';
}

/** Where the store lives when the shell gives no folder (Electron passes its own userData path). */
export function defaultDataDir(): string {
  const home = os.homedir();
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_FOLDER);
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_FOLDER);
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_FOLDER);
}

/** The data folder: BACKOFFICE_DATA_DIR in development and test builds, else the given (or default) one. */
export function dataDir(fallback: () => string = defaultDataDir): string {
  return (overridesHonoured() && process.env.BACKOFFICE_DATA_DIR) || fallback();
}

/** The keychain service name; tests set their own so parallel runs never share credentials. */
export function keychainServiceName(): string {
  return (overridesHonoured() && process.env.BACKOFFICE_KEYCHAIN_SERVICE) || 'parts-backoffice';
}
