import { AppError } from '../core/app-error';
import { VendorError } from '../core/http/vendor-error';
import type { HtpConnection } from './connection';

export const XML_USER_MESSAGE =
  'HeavyTruckParts answered in XML: this API user is set up for XML instead of JSON. Ask ISoft Data Systems to switch this user to JSON.';

/** What is not allowed for every API user; their refusals get a plain message instead of an HTTP status. */
export type Feature = 'end users' | 'templates' | 'sales documents' | 'logging' | null;

/** Removes the password (and its Basic form) from any text that leaves the client. */
export function scrub(text: string, conn: HtpConnection | null): string {
  if (!conn) return text;
  const basic = Buffer.from(`${conn.user}:${conn.password}`).toString('base64');
  let out = text;
  for (const secret of [conn.password, basic]) if (secret.length >= 3) out = out.split(secret).join('•••');
  return out;
}

/**
 * A vendor failure as a message for the clerk, never with the credentials in it. `knownGood` says
 * the same credentials were accepted earlier, so a 401 on a feature means the feature is not allowed.
 */
export function toAppError(error: unknown, conn: HtpConnection | null, feature: Feature, knownGood = false): unknown {
  if (!(error instanceof VendorError)) return error;
  if (error.opts.bodyFormat === 'xml') return new AppError('vendor-error', XML_USER_MESSAGE);
  const said = error.opts.vendorMessage ? ` HeavyTruckParts said: “${scrub(error.opts.vendorMessage, conn)}”.` : '';
  const notAllowed = `Your HeavyTruckParts API user is not allowed to use ${feature}.${said} Ask ISoft Data Systems to enable it if you need it.`;
  if (feature && (error.status === 403 || (error.status === 401 && knownGood))) return new AppError('forbidden', notAllowed);
  if (feature && error.status === 401) {
    return new AppError('forbidden', `HeavyTruckParts refused this request: either the API user or password is wrong (check them under Connections), or your API user is not allowed to use ${feature}.${said}`);
  }
  if (error.status === 401) return new AppError('vendor-error', `HeavyTruckParts refused the API user or password. Check them under Connections.${said}`);
  if (error.status === 403) return new AppError('forbidden', `HeavyTruckParts refused this request for your API user.${said}`);
  return new AppError('vendor-error', scrub(error.message, conn), error.opts.details?.map((d) => scrub(d, conn)));
}
