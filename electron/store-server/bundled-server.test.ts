import { afterAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './testing/test-server';

let pg: TestServer | null = null;
const saved = { LANG: process.env.LANG, LC_ALL: process.env.LC_ALL };
afterAll(async () => {
  Object.assign(process.env, saved);
  await pg?.stop();
});

it('makes its cluster when the app runs under a locale the computer has not installed', async () => {
  // The workstation's language as the desktop sets it, naming a locale this computer lacks.
  process.env.LANG = 'xx_XX.UTF-8';
  process.env.LC_ALL = '';
  pg = await startTestServer();
  const [db] = await pg.sql<{ datcollate: string; encoding: string }>("SELECT datcollate, pg_encoding_to_char(encoding) AS encoding FROM pg_database WHERE datname = 'backoffice'");
  expect(db).toEqual({ datcollate: 'C', encoding: 'UTF8' });
}, 120_000);
