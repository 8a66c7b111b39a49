import { spawn } from 'node:child_process';
import { webShellProcess } from './app-process';
import { bundleWebShell } from './electron-bundle';

/**
 * `npm run start:web`: bundles the browser shell and runs it in a process of its own, started as the
 * app's process is (see app-process.ts). Ctrl-C reaches both; a SIGTERM sent here is passed on.
 */
await bundleWebShell({ production: false });
const shell = webShellProcess(process.env);
const child = spawn(process.execPath, shell.args, { stdio: 'inherit', env: shell.env });
process.on('SIGINT', () => {});
process.on('SIGTERM', () => child.kill('SIGTERM'));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
