import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAppServices } from '../app/app-services';
import { dataDir, keychainServiceName } from '../app/paths';
import { OsKeychain } from '../core/secrets/os-keychain';
import { startWebShell, type WebShell } from './server';

// Bundled, this file is dist/web-shell/start.cjs; from source, electron/web-shell/start-app.ts: the project is two folders up either way.
const root = path.resolve(typeof __dirname === 'string' ? __dirname : path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Starts the services and the browser shell; stops both on SIGINT/SIGTERM. */
export async function startApp(): Promise<WebShell> {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  const services = await createAppServices({ dataDir: dataDir(), secrets: new OsKeychain(keychainServiceName()), version: pkg.version });
  if (services.startupError) console.error(services.startupError.message);
  const port = process.env.BACKOFFICE_WEB_PORT ? Number(process.env.BACKOFFICE_WEB_PORT) : 0;
  const shell = await startWebShell({ dispatch: services.dispatch, staticDir: path.join(root, 'dist/renderer'), port });
  const stop = async () => {
    await shell.close();
    await services.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  return shell;
}
