import { spawnSync } from 'node:child_process';

/**
 * better-sqlite3 is a native module: after the desktop app rebuilt it for Electron, Node cannot
 * load it. Rebuild it for Node when that is the case, so the tests and the browser shell run.
 */
const probe = spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], { encoding: 'utf8' });
if (probe.status !== 0) {
  if (!/NODE_MODULE_VERSION|was compiled against a different Node/.test(probe.stderr)) {
    console.error(probe.stderr);
    process.exit(1);
  }
  console.log('Rebuilding better-sqlite3 for Node…');
  const rebuilt = spawnSync('npm', ['rebuild', 'better-sqlite3'], { stdio: 'inherit', shell: process.platform === 'win32' });
  process.exit(rebuilt.status ?? 1);
}
