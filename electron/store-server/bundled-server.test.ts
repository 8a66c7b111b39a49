import { afterAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './testing/test-server';

let server: TestServer | null = null;
const saved = { LANG: process.env.LANG, LC_ALL: process.env.LC_ALL };

afterAll(async () => {
  await server?.stop();
  Object.assign(process.env, saved);
});

describe('the bundled PostgreSQL', () => {
  it('sets its cluster up on a computer whose language names a locale that is not installed', async () => {
    process.env.LANG = 'xx_YY.UTF-8';
    process.env.LC_ALL = '';
    server = await startTestServer();
    const rows = await server.sql<{ datcollate: string; enc: string }>(`SELECT datcollate, pg_encoding_to_char(encoding) AS enc FROM pg_database WHERE datname = 'backoffice'`);
    expect(rows).toEqual([{ datcollate: 'C', enc: 'UTF8' }]);
  }, 120_000);
});
