import { currentFormats } from '../../shared/locale/current';
import { AppError } from '../core/app-error';
import type { ConnectionTester } from '../core/feature-connections';
import { readPartTypes } from '../../shared/heavytruckparts/read-lists';
import type { HtpClient } from './client';
import { toHtpConnection } from './connection';

/** "Test connection": one read that needs the user and password (the part types list) and changes nothing. */
export function htpTester(client: HtpClient): ConnectionTester {
  return async (resolved) => {
    try {
      const conn = toHtpConnection({ ...resolved, enabled: true });
      const body = await client.call(conn, '/inventory/available/part_types', {}, { retries: 0 });
      const types = readPartTypes(body).length;
      return { ok: true, message: `Signed in to ${conn.host} as ${conn.user}; ${currentFormats().count(types, 'part type', 'part types')} available to this API user.` };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, message: error.message };
      throw error;
    }
  };
}
