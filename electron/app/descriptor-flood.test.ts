import { fork, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
const FLOOD = 1100;
// The D-Bus library under the keychain module uses select(), which breaks on descriptors numbered 1,024 and up.
const SELECT_LIMIT = 1024;

const children: ChildProcess[] = [];
const sockets: net.Socket[] = [];
const dirs: string[] = [];
afterAll(() => {
  for (const s of sockets) s.destroy();
  for (const c of children) c.kill('SIGKILL');
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function next<T>(child: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: unknown) => {
      if ((m as { type: string }).type !== type) return;
      child.off('message', onMessage);
      resolve(m as T);
    };
    child.on('message', onMessage);
    child.once('exit', (code, signal) => reject(new Error(`the app process died (${signal ?? code})`)));
  });
}

/** Opens idle connections the way any local process could, without a token; resolves once each is connected or refused. */
function flood(port: string, n: number): Promise<void> {
  return Promise.all(
    Array.from({ length: n }, () => new Promise<void>((resolve) => {
      const s = net.connect(Number(port), '127.0.0.1', () => resolve());
      s.on('error', () => resolve());
      s.on('close', () => resolve());
      sockets.push(s);
    })),
  ).then(() => {});
}

describe.runIf(process.platform === 'linux')('a flood of idle loopback connections', () => {
  it('leaves the app answering keychain-backed calls with its descriptors below the select() limit', { timeout: 90_000 }, async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'flood-'));
    dirs.push(dataDir);
    const child = fork(path.join(here, 'fixtures', 'flood-child.ts'), [], {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, FLOOD_DATA_DIR: dataDir, FLOOD_KEYCHAIN_SERVICE: `parts-backoffice-flood-${crypto.randomUUID()}` },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    children.push(child);
    const ports = await next<{ web: string; sim: string }>(child, 'ready');
    await Promise.all([flood(ports.web, FLOOD), flood(ports.sim, FLOOD)]);

    const secret = `flood-${crypto.randomUUID()}`;
    child.send({ type: 'probe', value: secret });
    const probed = await next<{ descriptors: number; set: { ok: boolean }; list: { ok: boolean; value: { id: string; secrets: { isSet: boolean }[] }[] }; status: { ok: boolean } }>(child, 'probed');
    expect(probed.descriptors).toBeLessThan(SELECT_LIMIT);
    expect(probed.set.ok).toBe(true);
    expect(probed.list.ok && probed.list.value.find((c) => c.id === 'simpleconsign')!.secrets[0].isSet).toBe(true);
    expect(probed.status.ok).toBe(true);
    expect(child.exitCode).toBeNull();
  });
});
