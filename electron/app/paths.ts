import os from 'node:os';
import path from 'node:path';

const APP_FOLDER = 'Parts Back Office';

/** Where the store lives when the shell gives no folder (Electron passes its own userData path). */
export function defaultDataDir(): string {
  const home = os.homedir();
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_FOLDER);
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_FOLDER);
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_FOLDER);
}

/** The keychain service name; tests set their own so parallel runs never share credentials. */
export function keychainServiceName(): string {
  return process.env.BACKOFFICE_KEYCHAIN_SERVICE ?? 'parts-backoffice';
}
