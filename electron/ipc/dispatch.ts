import { listChannels, type ContractDef, type Handlers } from '../../shared/contract/channel';
import { fail, ok, type Result } from '../../shared/result';
import { AppError } from '../core/app-error';
import { describeIssues } from '../core/input-problems';
import { logLine } from '../core/log-line';
import { secretRedactor } from '../core/secrets/redact';
import { storeFailure } from '../core/store/store-errors';

/**
 * The last look before an answer leaves for the screen: a vendor's text that echoed a credential in any
 * form (and was not stored, so the store's guard never saw it) is blanked out here.
 */
function withoutSecrets<T>(output: T): T {
  if (!secretRedactor.active || output === undefined) return output;
  return secretRedactor.holdsSecret(JSON.stringify(output)) ? secretRedactor.scrubDeep(output) : output;
}

export type Dispatch = (channel: string, rawInput: unknown) => Promise<Result<unknown>>;

/**
 * The one place a bridge call enters the main process, for both shells: unknown channels are
 * refused, input is parsed against the contract, and every outcome becomes a Result.
 */
export function createDispatch<C extends ContractDef>(
  contract: C,
  handlers: Handlers<C>,
  log: (message: string) => void = () => {},
): Dispatch {
  const table = new Map(
    listChannels(contract).map((entry) => {
      const domain = (handlers as Record<string, Record<string, (input: unknown) => unknown>>)[entry.domain];
      const fn = domain?.[entry.method];
      if (typeof fn !== 'function') throw new Error(`no handler for ${entry.name}`);
      return [entry.name, { def: entry.def, fn: fn.bind(domain) }] as const;
    }),
  );
  return async (channel, rawInput) => {
    const entry = table.get(channel);
    if (!entry) return fail('unknown-channel', `There is no "${String(channel).slice(0, 80)}" call.`);
    const parsed = entry.def.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      // Staff read this: the problems in plain words, never the call's internal name.
      return fail('invalid-input', 'The request was not accepted.', describeIssues(parsed.error));
    }
    try {
      const output = entry.def.output.parse(await entry.fn(parsed.data));
      return ok(withoutSecrets(output));
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toShape() };
      const store = storeFailure(error);
      if (store) return { ok: false, error: store.toShape() };
      log(logLine(`${channel} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
      // Staff read this: never the call's internal name.
      return fail('internal', 'Something went wrong. The details were written to the log.');
    }
  };
}
