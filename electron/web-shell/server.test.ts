import { describe, expect, it } from 'vitest';
import { ok } from '../../shared/result';
import { startWebShell } from './server';

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
