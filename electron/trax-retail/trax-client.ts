import { z } from 'zod';
import type { ResolvedConnection } from '../core/feature-connections';
import { AppError } from '../core/app-error';
import { VendorError } from '../core/http/vendor-error';
import type { VendorHttp } from '../core/http/vendor-http';

export const VENDOR = 'Trax Retail';
/** Training has no project to fill in; the simulator takes any name. */
const TRAINING_PROJECT = 'training';

const count = z.union([z.number(), z.string().regex(/^\s*\d+\s*$/).transform(Number), z.null()]).optional().transform((v) => (v === undefined || v === null ? null : Math.trunc(v)));
const text = z.union([z.string(), z.number(), z.null()]).optional().transform((v) => (v === undefined || v === null ? null : String(v)));

/** GET details, read liberally: counts as numbers or strings, ids absent, null or empty, statuses in any case. */
export const detailsSchema = z.looseObject({
  fileName: text,
  importedBy: text,
  started: text,
  status: text,
  reviewStatus: text,
  parsed: count,
  total: count,
  errored: count,
  fileId: text,
  errorId: text,
  uuid: text,
  message: text,
});
export type ImportDetails = z.output<typeof detailsSchema>;

/** "importId - in json format": an object carrying it, or the id as a bare JSON string. */
const uploadAnswer = z.union([
  z.string().min(1),
  z.looseObject({ importId: z.union([z.string().min(1), z.looseObject({ $oid: z.string() })]) }),
  z.looseObject({ id: z.string().min(1) }),
]);

function importIdOf(a: z.output<typeof uploadAnswer>): string {
  if (typeof a === 'string') return a;
  const id = (a as { importId?: string | { $oid: string } }).importId;
  if (id !== undefined) return typeof id === 'string' ? id : id.$oid;
  return (a as { id: string }).id;
}

export interface TraxTarget {
  base: string;
  token: string;
  project: string;
}

/** Where to call and with what; a plain message when the connection is not set up. */
export function targetOf(conn: ResolvedConnection): TraxTarget {
  const s = conn.settings as { host: string; project: string };
  const token = conn.secrets.authToken ?? '';
  const project = s.project || (conn.training ? TRAINING_PROJECT : '');
  if (!conn.enabled) throw new AppError('vendor-error', 'The Trax Retail connection is turned off. Turn it on under Connections.');
  if (!project) throw new AppError('vendor-error', 'Enter the Trax Retail project name under Connections.');
  if (!token) throw new AppError('vendor-error', 'Enter the Trax Retail project auth token under Connections.');
  return { base: `${s.host.replace(/\/+$/, '')}/api/v4/${encodeURIComponent(project)}/products/import/suggestions`, token, project };
}

/** The vendor's refusal in plain words, with what to do (supplement: auth errors and the rate limit). */
export function explain(error: VendorError, project: string): string {
  const said = error.opts.vendorMessage ?? '';
  const status = error.status;
  if (status === 401 && /missing Authorization/i.test(said)) return `Trax Retail did not receive the auth token (“${said}”). Enter the project auth token under Connections.`;
  if (status === 401 && /not authorized to access/i.test(said)) return `Trax Retail does not accept calls from this computer’s address (“${said}”). Ask Trax to allow this address for the project.`;
  if (status === 401) return `Trax Retail refused the auth token${said ? ` (“${said}”)` : ''}. Tokens are per project and expire after 12 months: check the token under Connections, or ask Trax for a new one.`;
  if (status === 400 && /invalid token/i.test(said)) return `Trax Retail says the auth token is malformed (“${said}”). Paste the whole token again under Connections.`;
  if (status === 403) return `The auth token does not give access to this resource of project “${project}”${said ? ` (“${said}”)` : ''}. Check the project name and token under Connections.`;
  if (status === 429) return `Trax Retail is limiting requests (HTTP 429; at most 150 per second per endpoint). The app waits and tries again.${error.retryAfterMs ? ` It asked to wait ${Math.ceil(error.retryAfterMs / 1000)} s.` : ''}`;
  return error.message;
}

/** A failure in plain words for the screen, with the raw codes and the vendor's details kept apart for a details view. */
export function describeProblem(error: VendorError, project = ''): { text: string; details: string[] } {
  const code = error.opts.code;
  const text = code ? explain(error, project).replace(` (${code})`, '') : explain(error, project);
  const details = [...(code ? [`Connection error code: ${code}`] : []), ...(error.status ? [`HTTP status: ${error.status}`] : []), ...(error.opts.details ?? [])];
  return { text, details };
}

/** The Trax Retail product import API. */
export class TraxClient {
  constructor(private readonly http: VendorHttp, private readonly target: TraxTarget) {}

  private get auth() {
    return { Authorization: `Auth-Token ${this.target.token}` };
  }

  /** POST the file as multipart (`file`, optional `email`), streamed from disk. Never retried here: an upload is not idempotent. */
  async upload(file: { path: string; name: string; contentType: string }, email: string, onProgress?: (sent: number, total: number) => void, signal?: AbortSignal): Promise<string> {
    const parts = [{ name: 'file', fileName: file.name, contentType: file.contentType, path: file.path }, ...(email ? [{ name: 'email', value: email }] : [])];
    const res = await this.http.request({
      vendor: VENDOR, method: 'POST', url: this.target.base, headers: this.auth, body: { kind: 'multipart', parts }, onUploadProgress: onProgress,
      schema: uploadAnswer, timeoutMs: 10 * 60_000, retries: 0, signal,
    });
    return importIdOf(res.data);
  }

  async details(importId: string): Promise<ImportDetails> {
    const res = await this.http.request({ vendor: VENDOR, method: 'GET', url: `${this.target.base}/details/${encodeURIComponent(importId)}`, headers: this.auth, schema: detailsSchema, timeoutMs: 30_000, retries: 2, redirect: 'follow-safely' });
    return res.data;
  }

  async download(fileId: string, toFile: string) {
    return this.http.download({ vendor: VENDOR, method: 'GET', url: `${this.target.base}/file/${encodeURIComponent(fileId)}`, headers: this.auth, toFile, retries: 2, redirect: 'follow-safely' });
  }
}
