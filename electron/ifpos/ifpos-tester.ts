import { z } from 'zod';
import type { ConnectionTester, ResolvedConnection } from '../core/feature-connections';
import type { VendorHttp } from '../core/http/vendor-http';
import { VendorError } from '../core/http/vendor-error';
import { answerSummary, payloadFor, postIfpos, postUrl, sampleSale, schemaSourceNames, settingsProblems, type IfposSettings } from './ifpos-client';
import { outcomeOfAnswer } from './ifpos-destination';
import type { IfposSchemaStore } from './schema-store';

/** Whether the IFPOS host answers at all (any HTTP answer will do); null when it does, else why not. */
async function unreachable(http: VendorHttp, url: string): Promise<string | null> {
  // Only the host is asked, never the IFPOS address itself, so no key travels and nothing is posted.
  const origin = new URL(url.replace('{apiKey}', 'key')).origin;
  try {
    await http.request({ vendor: 'TRAX IFPOS', method: 'HEAD', url: `${origin}/`, schema: z.unknown(), timeoutMs: 20_000, retries: 0 });
    return null;
  } catch (error) {
    if (error instanceof VendorError) return error.kind === 'http' || error.kind === 'invalid-response' ? null : error.message;
    throw error;
  }
}

/**
 * "Test connection" for IFPOS. IFPOS has no read-only call, and any post creates or replaces a sale
 * record in TRAX, so in live mode the test checks the settings, the schema and that the host answers,
 * and says plainly that the key itself is proven by the first real sale. In training it posts a test
 * sale to the simulator.
 */
export function ifposTester(deps: { http: VendorHttp; now: () => number }, schemas: IfposSchemaStore): ConnectionTester {
  return async (conn: ResolvedConnection) => {
    const settings = conn.settings as IfposSettings;
    const key = conn.secrets.apiKey ?? '';
    const missing = settingsProblems(settings, conn.training);
    if (missing.length > 0) return { ok: false, message: missing.join(' ') };
    if (!conn.training) await schemas.refreshIfStale();
    const active = schemas.active();
    const payload = payloadFor(sampleSale(deps.now()), settings, conn.training, key);
    const problems = active.compiled.validate(payload);
    if (problems.length > 0) return { ok: false, message: `A sample payload does not match ${schemaSourceNames[active.source]}: ${problems.slice(0, 3).join('; ')}.` };
    const url = postUrl(settings.url, settings, key, conn.training);
    if (!conn.training) {
      const why = await unreachable(deps.http, url);
      if (why) return { ok: false, message: why };
      return {
        ok: true,
        message: `Settings are complete, a sample payload matches ${schemaSourceNames[active.source]}, and ${new URL(url.replace('{apiKey}', 'key')).host} answers. The key itself is proven by the first real sale: IFPOS has no read-only call, and a test post would create a sale record in TRAX.`,
      };
    }
    try {
      const answer = await postIfpos(deps.http, url, payload);
      const outcome = outcomeOfAnswer(answer);
      if (outcome.kind === 'delivered') return { ok: true, message: `The IFPOS simulator accepted a test sale (${answerSummary(answer)}).` };
      return { ok: false, message: outcome.reason };
    } catch (error) {
      if (error instanceof VendorError) return { ok: false, message: error.message };
      throw error;
    }
  };
}
