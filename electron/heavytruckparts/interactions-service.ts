import type { LogInput, LogKind } from '../../shared/heavytruckparts/inputs';
import { logAnswerWords } from '../../shared/heavytruckparts/log-answer';
import type { Interaction } from '../../shared/heavytruckparts/records';
import { AppError } from '../core/app-error';
import type { HtpClient } from './client';
import type { HtpConnection } from './connection';
import { outcomeOf } from './outcome';
import type { RecordsRepo } from './records-repo';

const kindNames: Record<LogKind, string> = { phone_call: 'Phone call', email: 'E-mail', part_inquiry: 'Part inquiry', part_request: 'Part request' };

/** Fitment lines "name: value" as the optional vehicle object (its fields are not documented). */
function vehicleObject(text: string): Record<string, string> | undefined {
  const entries = text
    .split(/\r?\n/)
    .map((l) => l.split(/:(.*)/s).map((x) => x?.trim() ?? ''))
    .filter(([k, v]) => k && v)
    .map(([k, v]) => [k.toLowerCase().replace(/\s+/g, '_'), v]);
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/** The request body: the contact object of the part inquiry for every kind, then what each kind adds. */
export function logBody(input: LogInput): Record<string, unknown> {
  const c = input.contact;
  const contact = { contact: c.contact, company: c.company, address: c.address, city: c.city, state: c.state, postal_code: c.postalCode, country: c.country, phone_number: c.phone, email: c.email, preferred_contact_method: c.preferredContactMethod };
  const body: Record<string, unknown> = { contact };
  if (input.item) Object.assign(body, { vendor_id: input.item.vendorId, vendor_store_id: input.item.store, vendor_sku: input.item.vendorSku });
  if (input.kind === 'part_request' && input.request) {
    const r = input.request;
    Object.assign(body, { part_type: r.partType, make: r.make, model: r.model });
    if (r.year) body.year = r.year;
    const vehicle = vehicleObject(r.vehicle);
    if (vehicle) body.vehicle = vehicle;
  }
  if (input.endUserId) body.userid = input.endUserId;
  body.comments = input.comments;
  return body;
}

function summary(input: LogInput): string {
  const who = [input.contact.contact, input.contact.company].filter(Boolean).join(', ') || input.contact.phone || input.contact.email;
  const about = input.request ? `${input.request.partType} ${input.request.make} ${input.request.model}`.trim() : input.item ? input.item.label || `tag ${input.item.vendorSku}` : '';
  return `${kindNames[input.kind]}: ${who}${about ? ` about ${about}` : ''}`;
}

/**
 * Logging makes HeavyTruckParts e-mail the vendor: each log is recorded here, sent once, and when
 * its answer is lost it waits as "unknown" for the clerk to send it again or mark it logged.
 */
export class InteractionsService {
  constructor(
    private readonly client: HtpClient,
    private readonly repo: RecordsRepo,
    private readonly now: () => number,
  ) {}

  async log(input: LogInput): Promise<Interaction> {
    const conn = await this.client.connection();
    const body = logBody(input);
    const row = this.repo.addInteraction(input.kind, summary(input), { kind: input.kind, body }, this.now());
    return this.send(conn, row.id, input.kind, body);
  }

  private async send(conn: HtpConnection, id: number, kind: LogKind, body: unknown): Promise<Interaction> {
    try {
      const answer = await this.client.send(conn, `/enduser/log/${kind}`, body);
      return this.answered(id, answer, answer === null || answer === undefined ? '' : JSON.stringify(answer, null, 1));
    } catch (error) {
      const o = outcomeOf(error, conn, 'logging');
      if (o.kind === 'answered') return this.answered(id, o.text, o.text ?? '');
      return this.repo.setInteraction(id, o.kind, null, o.message, this.now());
    }
  }

  /** An answer that says it did not log leaves the log failed (to send again); any other is logged, in words. */
  private answered(id: number, answer: unknown, raw: string): Interaction {
    const { words, refused } = logAnswerWords(answer);
    return this.repo.setInteraction(id, refused ? 'failed' : 'logged', { raw, words }, refused ? words : null, this.now());
  }

  list() {
    return { interactions: this.repo.interactions() };
  }

  async resolve(id: number, action: 'send-again' | 'mark-logged' | 'dismiss'): Promise<Interaction> {
    const cur = this.repo.interaction(id);
    if (!cur) throw new AppError('not-found', 'That logged call is no longer on this computer.');
    if (action === 'dismiss') return this.repo.setInteraction(id, 'dismissed', undefined, cur.message, this.now());
    if (cur.state !== 'unknown' && cur.state !== 'failed') throw new AppError('conflict', 'Only a log that failed or whose answer was lost can be sent again or marked.');
    if (action === 'mark-logged') return this.repo.setInteraction(id, 'logged', undefined, 'Marked as logged by the clerk.', this.now());
    const conn = await this.client.connection();
    const stored = this.repo.interactionBody(id) as { kind: LogKind; body: unknown };
    this.repo.setInteraction(id, 'sending', null, null, this.now());
    return this.send(conn, id, stored.kind, stored.body);
  }
}
