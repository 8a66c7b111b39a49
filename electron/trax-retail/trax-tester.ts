import type { ConnectionTester } from '../core/feature-connections';
import { AppError } from '../core/app-error';
import { VendorError } from '../core/http/vendor-error';
import type { VendorHttp } from '../core/http/vendor-http';
import { explain, targetOf, TraxClient } from './trax-client';

/** An import id no upload has: asking for it proves the host, project and token without changing anything. */
const PROBE_ID = '000000000000000000000000';

/**
 * "Test connection": asks for the details of an import that does not exist. A 404 (or any answer)
 * means Trax took the token for this project; 400/401/403 are the auth problems, explained.
 */
export function traxTester(http: VendorHttp): ConnectionTester {
  return async (conn) => {
    let target;
    try {
      target = targetOf({ ...conn, enabled: true });
    } catch (error) {
      if (error instanceof AppError) return { ok: false, message: error.message };
      throw error;
    }
    try {
      await new TraxClient(http, target).details(PROBE_ID);
      return { ok: true, message: `Trax Retail answered for project “${target.project}”.` };
    } catch (error) {
      if (!(error instanceof VendorError)) throw error;
      if (error.status === 404) return { ok: true, message: `Trax Retail accepted the auth token for project “${target.project}”.` };
      return { ok: false, message: explain(error, target.project) };
    }
  };
}
