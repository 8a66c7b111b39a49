import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ok } from '../../shared/result';
import { startWebShell, WEB_SHELL_MAX_CONNECTIONS } from './server';

const dispatch = async () => ok({});

describe('startWebShell', () => {
  it.each(['0.0.0.0', '192.168.1.10', '::', 'example.com', 'localhost'])('refuses to listen on %s', async (host) => {
    await expect(startWebShell({ dispatch, staticDir: '.', host })).rejects.toThrow(/only listens on 127.0.0.1 or ::1/);
  });

  it('listens on loopback with a fresh token each run', async () => {
    const a = await startWebShell({ dispatch, staticDir: '.' });
    const b = await startWebShell({ dispatch, staticDir: '.' });
    try {
      expect(a.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(a.token).not.toBe(b.token);
      expect(a.token.length).toBeGreaterThanOrEqual(32);
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describe('startWebShell hardening', () => {
  it('never serves source maps, whatever the build left in its folder', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shell-static-'));
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>app</title>');
    fs.writeFileSync(path.join(dir, 'assets', 'index.js'), 'console.log(1)');
    fs.writeFileSync(path.join(dir, 'assets', 'index.js.map'), '{"sources":["secret-source.ts"]}');
    const shell = await startWebShell({ dispatch, staticDir: dir });
    try {
      expect(await (await fetch(`${shell.origin}/assets/index.js`)).text()).toBe('console.log(1)');
      const map = await fetch(`${shell.origin}/assets/index.js.map`);
      expect(map.status).toBe(404);
      expect(await map.text()).not.toContain('secret-source');
    } finally {
      await shell.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('closes connections beyond its cap instead of holding descriptors', async () => {
    const shell = await startWebShell({ dispatch, staticDir: '.' });
    const sockets: net.Socket[] = [];
    let closed = 0;
    try {
      const { port } = new URL(shell.origin);
      await Promise.all(Array.from({ length: WEB_SHELL_MAX_CONNECTIONS + 20 }, () => new Promise<void>((resolve) => {
        const s = net.connect(Number(port), '127.0.0.1', () => resolve());
        s.on('error', () => resolve());
        s.once('close', () => (closed += 1));
        sockets.push(s);
      })));
      await expect.poll(() => closed).toBe(20);
    } finally {
      sockets.forEach((s) => s.destroy());
      await shell.close();
    }
  });
});
