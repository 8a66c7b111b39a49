import { dotSegmentProblem } from '../../shared/heavytruckparts/inputs';
import { AppError } from '../core/app-error';
import type { FeatureConnections, ResolvedConnection } from '../core/feature-connections';
import { TRAINING_USER } from './sim';

export const VENDOR = 'HeavyTruckParts';

/** Where and as whom to call: the API root and the Basic credentials for it. */
export interface HtpConnection {
  base: string;
  host: string;
  user: string;
  password: string;
  training: boolean;
}

/** Basic authentication joins user and password with ":", so a user name cannot contain one. */
export function userNameProblem(user: string): string | null {
  return user.includes(':') ? 'The API user name cannot contain “:” (HTTP Basic authentication could not carry it). Check the name ISoft gave you.' : null;
}

export function toHtpConnection(conn: ResolvedConnection): HtpConnection {
  const settings = conn.settings as { domain: string; username: string };
  if (!conn.enabled) throw new AppError('conflict', 'HeavyTruckParts is turned off. Turn it on under Connections.');
  // Training signs in as the configured user when there is one, so the XML user can be rehearsed.
  const user = settings.username || (conn.training ? TRAINING_USER : '');
  if (!user) throw new AppError('conflict', 'Enter the HeavyTruckParts API user under Connections.');
  const problem = userNameProblem(user);
  if (problem) throw new AppError('invalid-input', problem);
  const password = conn.secrets.password;
  if (password === undefined || password === '') throw new AppError('conflict', 'Enter the HeavyTruckParts API password under Connections.');
  const base = settings.domain.replace(/\/+$/, '');
  return { base, host: new URL(base).host, user, password, training: conn.training };
}

export async function resolveHtp(connections: FeatureConnections): Promise<HtpConnection> {
  return toHtpConnection(await connections.resolve('heavytruckparts'));
}

/** An absolute address from an answer, accepted only on the configured host and scheme: credentials go nowhere else. */
export function onConfiguredHost(uri: string, conn: HtpConnection): URL {
  let u: URL;
  try {
    u = new URL(uri, `${conn.base}/`);
  } catch {
    throw new AppError('invalid-input', 'That address from HeavyTruckParts is not a web address.');
  }
  const base = new URL(conn.base);
  if (u.host !== base.host || u.protocol !== base.protocol || u.username || u.password) {
    throw new AppError('forbidden', `That address points at ${u.protocol}//${u.host}, not ${base.protocol}//${base.host}. The app sends the API user and password only to the configured host, so it was not followed.`);
  }
  return u;
}

/**
 * A path segment written so that spaces, slashes and the rest arrive as typed ("*" stays the wildcard).
 * "." and ".." cannot be written at all (address rules drop them, even as %2E): refused, never sent.
 */
export function segment(s: string, label = 'value'): string {
  const v = s.trim();
  const problem = dotSegmentProblem(label, v);
  if (problem) throw new AppError('invalid-input', problem);
  return v === '' ? '*' : encodeURIComponent(v);
}
