import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Runs a command where the OS keychain is usable. macOS and Windows have one already. On Linux
 * the tests get their own throwaway Secret Service (gnome-keyring under a private D-Bus session),
 * which also keeps test credentials out of a developer's own keyring.
 */
const command = process.argv.slice(2);
if (command.length === 0) {
  console.error('usage: tsx scripts/with-keychain.ts <command> [args…]');
  process.exit(2);
}
const has = (bin: string) => spawnSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' }).status === 0;
const wrap = process.platform === 'linux' && !process.env.BACKOFFICE_TEST_KEYRING;
if (wrap && !(has('dbus-run-session') && has('gnome-keyring-daemon'))) {
  console.error('The tests need a Secret Service: install gnome-keyring and dbus (sudo apt-get install gnome-keyring dbus-x11).');
  process.exit(1);
}
// The daemon keeps its keyring in a fresh folder, so an old keyring with another password never asks to be unlocked.
const keyringDir = wrap ? fs.mkdtempSync(path.join(os.tmpdir(), 'backoffice-test-keyring-')) : '';
const script = `export XDG_DATA_HOME='${keyringDir}'; echo -n test | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"`;
const result = wrap
  ? spawnSync('dbus-run-session', ['--', 'sh', '-c', script, 'sh', ...command], { stdio: 'inherit', env: { ...process.env, BACKOFFICE_TEST_KEYRING: '1' } })
  : spawnSync(command[0], command.slice(1), { stdio: 'inherit', shell: process.platform === 'win32' });
if (wrap) fs.rmSync(keyringDir, { recursive: true, force: true });
process.exit(result.status ?? 1);
