import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import zlib from 'node:zlib';
import { median, percentile, type BenchReport } from './harness';
import { webShellProcess } from '../scripts/app-process';
import { bundleWebShell } from '../scripts/electron-bundle';

const root = path.resolve(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname), '..');

/** Spawns a process and resolves with the milliseconds until it prints a line starting with `marker`. */
function timeUntil(args: string[], marker: string, env: NodeJS.ProcessEnv): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'ignore'] });
  return new Promise((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith(marker)) {
        const ms = performance.now() - started;
        child.kill('SIGKILL');
        resolve(ms);
      }
    });
    child.once('exit', (code) => code !== null && reject(new Error(`${args.join(' ')} exited ${code}`)));
  });
}

function bundleSizes(): { raw: number; gzip: number } {
  const assets = path.join(root, 'dist/renderer/assets');
  if (!fs.existsSync(assets)) throw new Error('build the renderer first: npm run build:renderer');
  let raw = 0;
  let gzip = 0;
  for (const f of fs.readdirSync(assets).filter((n) => /\.(js|css)$/.test(n))) {
    const bytes = fs.readFileSync(path.join(assets, f));
    raw += bytes.length;
    gzip += zlib.gzipSync(bytes).length;
  }
  return { raw, gzip };
}

export default async function foundation(report: BenchReport): Promise<void> {
  report.section('Foundation: renderer bundle and browser-shell start');
  const { raw, gzip } = bundleSizes();
  report.figure('renderer bundle (JS + CSS)', raw / 1024, 'KiB');
  report.figure('renderer bundle, gzip', gzip / 1024, 'KiB');

  await bundleWebShell({ production: false });
  const runs = 5;
  const shell: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < runs; i++) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-shell-'));
    const shellProcess = webShellProcess({ ...process.env, BACKOFFICE_DATA_DIR: dataDir, BACKOFFICE_KEYCHAIN_SERVICE: 'parts-backoffice-bench' });
    shell.push(await timeUntil(shellProcess.args, 'WEB_SHELL_URL=', shellProcess.env));
    // Baseline: the same runtime (node) starting a bare HTTP server on loopback.
    bare.push(await timeUntil(['-e', "require('node:http').createServer().listen(0,'127.0.0.1',()=>console.log('READY'))"], 'READY', {}));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  const sorted = [...shell].sort((a, b) => a - b);
  report.ratio('browser shell start to URL (median)', median(shell), median(bare), 'ms');
  report.figure('browser shell start to URL (p95)', percentile(sorted, 95), 'ms');
}
