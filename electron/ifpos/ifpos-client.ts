import { z } from 'zod';
import type { ConnectionSettings } from '../../shared/connections';
import { buildIfposPayload, type IfposPayload, type IfposSaleInput } from '../../shared/ifpos/payload';
import type { SchemaSource } from '../../shared/ifpos/contract';
import { VendorError } from '../core/http/vendor-error';
import type { VendorHttp } from '../core/http/vendor-http';
import { describeIssues } from '../core/input-problems';
import { trainingDealer } from './training-dealer';

export type IfposSettings = ConnectionSettings['ifpos'];

/** Every IFPOS answer: Status mirrors the HTTP status; ErrorDetails is null on success. */
export const ifposAnswerSchema = z.object({
  Status: z.number().int(),
  ErrorDetails: z.array(z.string()).nullish(),
  AffectedRecords: z.number().int(),
  ExecMS: z.number(),
});
export type IfposAnswer = z.infer<typeof ifposAnswerSchema>;

export const IFPOS_CONNECTIONS = 'Connections → TRAX dealer CRM (IFPOS)';
/** The document says the first call of a day may take up to 15 s; leave ample room beyond that. */
export const IFPOS_TIMEOUT_MS = 45_000;

export const schemaSourceNames: Record<SchemaSource, string> = {
  bundled: 'the app’s IFPOS payload model',
  file: 'the loaded IFPOS schema file',
  fetched: 'the official IFPOS schema fetched from TRAX',
};

/** The ShowroomID and EmployeeID to send; in training, empty fields fall back to the simulated dealer's. */
export function dealerOf(settings: IfposSettings, training: boolean): { showroomId: string; employeeId: string } {
  return {
    showroomId: settings.showroomId.trim() || (training ? trainingDealer.showroomIds[0] : ''),
    employeeId: settings.employeeId.trim() || (training ? trainingDealer.employeeIds[0] : ''),
  };
}

/** Dealer settings IFPOS cannot do without, in plain words. */
export function settingsProblems(settings: IfposSettings, training: boolean): string[] {
  const dealer = dealerOf(settings, training);
  const problems: string[] = [];
  if (!dealer.showroomId) problems.push(`Enter the dealer’s ShowroomID in ${IFPOS_CONNECTIONS}.`);
  if (!dealer.employeeId) problems.push(`Enter the EmployeeID to report sales under in ${IFPOS_CONNECTIONS}.`);
  if (!training && settings.keyInUrl && !settings.url.includes('{apiKey}')) {
    problems.push(`“Key is part of the address” is on, but the IFPOS address has no {apiKey} to replace. Write {apiKey} where TRAX told you the key goes, in ${IFPOS_CONNECTIONS}.`);
  }
  return problems;
}

/**
 * Where to POST. With TRAX's alternative method the key is written where `{apiKey}` stands; the
 * training simulator's address has no placeholder, so there the key becomes the last path segment.
 */
export function postUrl(url: string, settings: IfposSettings, key: string, training: boolean): string {
  if (!settings.keyInUrl) return url;
  if (url.includes('{apiKey}')) return url.replace('{apiKey}', encodeURIComponent(key));
  return training ? `${url.replace(/\/+$/, '')}/${encodeURIComponent(key)}` : url;
}

export function payloadFor(sale: IfposSaleInput, settings: IfposSettings, training: boolean, apiKey: string): IfposPayload {
  return buildIfposPayload(sale, { apiKey, ...dealerOf(settings, training) });
}

/** Statuses whose body is IFPOS's answer rather than a transport problem. */
const ANSWER_STATUSES = [400, 401, 417];

function bodyText(body: unknown): string | null {
  if (!body || typeof body !== 'object') return null;
  const b = body as Record<string, unknown>;
  const parts = ['ErrorDetails', 'Message', 'message', 'error', 'detail'].map((k) => b[k]).flatMap((v) => (Array.isArray(v) ? v.map(String) : typeof v === 'string' && v ? [v] : []));
  return parts.length > 0 ? parts.join(' ') : null;
}

/**
 * One POST. 400, 401 and 417 carry IFPOS's JSON answer (ErrorDetails), so they are read rather than
 * thrown. When such an answer lacks the documented fields (a server's own refusal page in JSON), the
 * HTTP status decides: it is the document's own list of what Status means. 429 and transport trouble
 * come back as VendorError.
 */
export async function postIfpos(http: VendorHttp, url: string, payload: IfposPayload, signal?: AbortSignal): Promise<IfposAnswer> {
  const res = await http.request({
    vendor: 'TRAX IFPOS',
    method: 'POST',
    url,
    json: payload,
    schema: z.unknown(),
    timeoutMs: IFPOS_TIMEOUT_MS,
    answerStatuses: ANSWER_STATUSES,
    retries: 0,
    signal,
  });
  const parsed = ifposAnswerSchema.safeParse(res.data);
  if (parsed.success) return res.status === 200 ? parsed.data : { ...parsed.data, Status: res.status };
  if (!ANSWER_STATUSES.includes(res.status)) {
    throw new VendorError('TRAX IFPOS', 'invalid-response', 'TRAX IFPOS sent an answer the app does not understand.', { status: res.status, details: describeIssues(parsed.error) });
  }
  const said = bodyText(res.data);
  return { Status: res.status, ErrorDetails: said ? [said] : null, AffectedRecords: 0, ExecMS: 0 };
}

/** "AffectedRecords 1 (new sale) · ExecMS 152". */
export function answerSummary(answer: IfposAnswer): string {
  const what = answer.AffectedRecords === 2 ? 'replaced earlier record' : 'new sale';
  return `AffectedRecords ${answer.AffectedRecords} (${what}) · ExecMS ${answer.ExecMS}`;
}

/** A made-up sale with one return, for the connection test and the payload preview. */
export function sampleSale(now: number): IfposSaleInput {
  return {
    orderNumber: 'CONNECTION-TEST',
    recordedAt: now,
    lines: [
      { sku: 'SAMPLE-1', name: 'Sample item', unitPriceCents: 129900, quantity: 1 },
      { sku: 'SAMPLE-2', name: 'Sample accessory', unitPriceCents: 1234, quantity: 2 },
    ],
    returns: [{ transactionId: 1, recordedAt: now, lines: [{ sku: 'SAMPLE-2', name: 'Sample accessory', unitPriceCents: 1234, quantity: 1 }] }],
    customer: { name: 'Sample Customer', phone: '555 0100', email: 'customer@example.com', address: '1 Sample Street, Springfield' },
  };
}
