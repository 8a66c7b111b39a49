import { spawn } from 'node:child_process';
import { APP_V8_FLAGS, appProcessEnv } from './app-process';
import { bundleWebShell, WEB_SHELL_BUNDLE } from './electron-bundle';

/**
 * `npm run start:web`: bundles the browser shell and runs it in a process of its own, started as the
 * app's process is (see app-process.ts). Ctrl-C reaches both; a SIGTERM sent here is passed on.
 */
await bundleWebShell({ production: false });
const child = spawn(process.execPath, [...APP_V8_FLAGS, WEB_SHELL_BUNDLE], { stdio: 'inherit', env: appProcessEnv(process.env) });
process.on('SIGINT', () => {});
process.on('SIGTERM', () => child.kill('SIGTERM'));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
