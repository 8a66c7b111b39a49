import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readReport, type Finding } from './electronegativity-report';

/**
 * `npm run lint:electron`: Electronegativity over the app's sources (main process, preload, renderer and shared code
 * scanned together, so its global checks see the whole app). Fails on any finding not listed, with its reason, in
 * scripts/electronegativity-accepted.json. The check that downloads Electron's release list is skipped: it needs the
 * network and only says whether a newer Electron exists.
 *
 * The report is read as SARIF (JSON, written in one go): the CSV report is written by two unawaited
 * writes racing each other (header, then rows), which sometimes left a row without its file name, or
 * the rows lost altogether. A report that cannot be read, or a finding without its rule or file, fails
 * the check rather than passing unseen.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ELECTRON_VERSION = (JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;

interface Accepted {
  issue: string;
  file: string;
  reason: string;
}

function copySources(into: string): void {
  for (const dir of ['electron', 'renderer', 'shared']) {
    fs.cpSync(path.join(root, dir), path.join(into, dir), { recursive: true, filter: (src) => !src.includes('node_modules') });
  }
}

function scan(input: string, out: string): Finding[] {
  const bin = path.join(root, 'node_modules/.bin/electronegativity');
  const run = spawnSync(bin, ['-i', input, '-r', '-v', 'false', '-e', ELECTRON_VERSION, '-x', 'AvailableSecurityFixesGlobalCheck', '-o', out], { encoding: 'utf8' });
  if (run.status !== 0 || !fs.existsSync(out)) throw new Error(`Electronegativity did not run:\n${run.stdout}\n${run.stderr}`);
  return readReport(fs.readFileSync(out, 'utf8'));
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'electronegativity-'));
try {
  copySources(path.join(work, 'src'));
  const findings = scan(path.join(work, 'src'), path.join(work, 'findings.sarif'));
  const accepted = JSON.parse(fs.readFileSync(path.join(root, 'scripts/electronegativity-accepted.json'), 'utf8')) as Accepted[];
  const explained = (f: Finding) => accepted.some((a) => a.issue === f.issue && a.file === f.filename);
  const open = findings.filter((f) => !explained(f));
  for (const f of findings.filter(explained)) console.log(`accepted  ${f.issue} ${f.filename}:${f.location}`);
  if (open.length > 0) {
    for (const f of open) console.error(`FINDING   ${f.issue} ${f.filename}:${f.location} ${f.description}`);
    console.error(`${open.length} Electronegativity finding(s) are not explained in scripts/electronegativity-accepted.json.`);
    process.exitCode = 1;
  } else console.log(`Electronegativity: ${findings.length} finding(s), each explained in scripts/electronegativity-accepted.json.`);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
