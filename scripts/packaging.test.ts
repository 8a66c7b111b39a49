import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleElectron, commonOptions } from './electron-bundle';

const root = path.resolve(import.meta.dirname, '..');
const dirs: string[] = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'bundle-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** The `electronFuses:` block of electron-builder.yml as key → value. */
function fuses(): Record<string, string> {
  const lines = fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8').split('\n');
  const start = lines.findIndex((l) => l.startsWith('electronFuses:'));
  expect(start, 'electron-builder.yml has an electronFuses block').toBeGreaterThanOrEqual(0);
  const block: Record<string, string> = {};
  for (const line of lines.slice(start + 1)) {
    const m = /^\s+(\w+):\s*(\S+)/.exec(line);
    if (!m) break;
    block[m[1]] = m[2];
  }
  return block;
}

describe('the packaged app', () => {
  it('flips Electron’s fuses: no Node mode, no NODE_OPTIONS or --inspect, encrypted cookies, only its checked asar', () => {
    expect(fuses()).toMatchObject({
      runAsNode: 'false',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      enableCookieEncryption: 'true',
      enableEmbeddedAsarIntegrityValidation: 'true',
      onlyLoadAppFromAsar: 'true',
    });
  });

  // Two full bundles of the main process, each taking its share of a busy machine.
  it('is bundled without source maps in production, with them in development', async () => {
    const prod = tempDir();
    const dev = tempDir();
    await bundleElectron({ production: true, outdir: prod });
    await bundleElectron({ production: false, outdir: dev });
    expect(fs.readdirSync(prod).sort()).toEqual(['inventory-worker.cjs', 'main.cjs', 'preload.cjs']);
    expect(fs.readFileSync(path.join(prod, 'main.cjs'), 'utf8')).not.toMatch(/^\/\/# sourceMappingURL=/m);
    expect(fs.readdirSync(dev)).toContain('main.cjs.map');
  }, 120_000);

  it('ignores BACKOFFICE_* overrides of the data folder and keychain service in a production build only', async () => {
    const probe = async (production: boolean) => {
      const out = path.join(tempDir(), 'probe.cjs');
      await build({
        ...commonOptions(production),
        sourcemap: false,
        stdin: { contents: "import { dataDir, keychainServiceName } from './electron/app/paths'; console.log(JSON.stringify([dataDir(() => '/default'), keychainServiceName()]));", resolveDir: root, loader: 'ts' },
        outfile: out,
      });
      const env = { ...process.env, BACKOFFICE_DATA_DIR: '/elsewhere', BACKOFFICE_KEYCHAIN_SERVICE: 'someone-else', BACKOFFICE_BUILD: 'development' };
      return JSON.parse(execFileSync(process.execPath, [out], { env, encoding: 'utf8' })) as string[];
    };
    expect(await probe(true)).toEqual(['/default', 'parts-backoffice']);
    expect(await probe(false)).toEqual(['/elsewhere', 'someone-else']);
  });
});
