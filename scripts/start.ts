import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { APP_V8_FLAGS, appProcessEnv } from './app-process';

/**
 * `npm start`: opens the desktop app. Electron's binary is fetched on first start where the
 * network allows; where it cannot be had or cannot show a window, the browser shell starts instead.
 */
const require = createRequire(import.meta.url);
const electronDir = path.dirname(require.resolve('electron/package.json'));

function electronBinary(): string | null {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!fs.existsSync(pathFile)) {
    const fetched = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { stdio: 'ignore', timeout: 180_000 });
    if (fetched.status !== 0 || !fs.existsSync(pathFile)) return null;
  }
  const binary = path.join(electronDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(binary) ? binary : null;
}

function fallBack(reason: string): void {
  console.log(`Electron cannot start here (${reason}); starting the browser shell instead.`);
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start-web.ts'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

const binary = electronBinary();
const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
if (!binary) fallBack('its binary could not be downloaded');
else if (noDisplay) fallBack('no display');
else {
  // Native modules are built for Node by npm; the desktop app needs them built for Electron's ABI.
  const rebuilt = spawnSync('npx', ['electron-builder', 'install-app-deps'], { stdio: 'inherit', shell: process.platform === 'win32' });
  if (rebuilt.status !== 0) fallBack('native modules could not be rebuilt for Electron');
  else {
    // Electron passes --js-flags to its main process's V8 only when given at start.
    const app = spawn(binary, [`--js-flags=${APP_V8_FLAGS.join(' ')}`, '.'], { stdio: 'inherit', env: appProcessEnv(process.env) });
    app.on('exit', (code) => {
      // Give the command line back its Node build of the native modules for tests and the browser shell.
      spawnSync('npm', ['rebuild', 'better-sqlite3'], { stdio: 'ignore', shell: process.platform === 'win32' });
      process.exit(code ?? 0);
    });
  }
}
