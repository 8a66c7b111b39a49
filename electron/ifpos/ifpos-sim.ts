import { bundledIfposSchema } from '../../shared/ifpos/bundled-schema';
import { trainingCredentials } from '../training/credentials';
import type { SimRequest, SimResponse, Simulator } from '../training/simulator';
import { compileSchema } from './ifpos-schema';
import { trainingDealer, type SimDealer } from './training-dealer';

export interface IfposRecord {
  key: string;
  saleId: string;
  payload: Record<string, unknown>;
  /** How many times this sale identifier has been received (1 = new). */
  versions: number;
  receivedAt: number;
}

export interface IfposSimOptions {
  now?: () => number;
  /** Waits out the slow first call of the day; tests pass a recorder instead of a timer. */
  sleep?: (ms: number) => Promise<void>;
  /** The first call of a (UTC) day waits this long, as TRAX scales up. */
  firstCallDelayMs?: number;
  /** At most `limit` calls per key in any `windowMs`: IFPOS is for one sale at a time, not batches. */
  rate?: { limit: number; windowMs: number };
  /**
   * When set, 401 and 417 sometimes come with a body that lacks the documented fields (as a web
   * server's own refusal would), picked from this seeded generator.
   */
  random?: () => number;
}

const bundledSchema = compileSchema(bundledIfposSchema);

/** Every answer has this shape, and its HTTP status mirrors `Status`. */
function answer(status: number, errorDetails: string[] | null, affectedRecords: number, execMs: number, headers?: Record<string, string>): SimResponse {
  return { status, headers, body: { Status: status, ErrorDetails: errorDetails, AffectedRecords: affectedRecords, ExecMS: execMs } };
}

/**
 * TRAX IFPOS: POST only, JSON only, the dealer key in the body or (TRAX's alternative method) as
 * the last path segment, `/ifpos/<key>`. Decisions where the document is silent: a wrong
 * Content-Type is 415 and a body that is not JSON or does not match the schema is 400, each with
 * ErrorDetails naming the problems (the payload schema is the app's bundled model); the rate limit
 * is a sliding window per key answered 429 with Retry-After; the key is checked before the schema.
 */
export class IfposSim implements Simulator {
  readonly id = 'ifpos';
  readonly name = 'TRAX IFPOS';
  readonly prefix = '/ifpos';
  private readonly dealers = new Map<string, SimDealer>();
  private readonly stored = new Map<string, IfposRecord>();
  private readonly calls = new Map<string, number[]>();
  private warmDay: string | null = null;
  private callCount = 0;
  private emptyAnswers = 0;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly rate: { limit: number; windowMs: number };

  constructor(private readonly opts: IfposSimOptions = {}) {
    this.now = opts.now ?? Date.now;
    this.sleep = opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.rate = opts.rate ?? { limit: 30, windowMs: 60_000 };
    this.acceptKey(trainingCredentials.ifpos.apiKey);
  }

  /** A dealer key the simulator accepts, with the showrooms and employees that dealer has. */
  acceptKey(key: string, dealer: SimDealer = trainingDealer): void {
    this.dealers.set(key, dealer);
  }

  /** The next `n` accepted posts answer Status 200 with AffectedRecords 0 and change nothing. */
  answerEmpty(n: number): void {
    this.emptyAnswers = n;
  }

  reset(): void {
    this.emptyAnswers = 0;
    this.stored.clear();
    this.calls.clear();
    this.warmDay = null;
  }

  /** The sale records TRAX holds, one per dealer key and sale identifier (copies). */
  records(): IfposRecord[] {
    return structuredClone([...this.stored.values()]);
  }

  async handle(req: SimRequest): Promise<SimResponse> {
    const segments = req.path.split('/').filter(Boolean);
    if (segments.length > 1) return answer(404, ['Not found.'], 0, 0);
    if (req.method !== 'POST') return { ...answer(405, ['Use POST.'], 0, 0), headers: { Allow: 'POST' } };
    await this.warmUp();
    if (!/^application\/json\b/i.test(String(req.headers['content-type'] ?? ''))) return answer(415, ['The Content-Type must be application/json.'], 0, 0);
    if (!req.json || typeof req.json !== 'object' || Array.isArray(req.json)) return answer(400, ['The body is not a JSON object.'], 0, 0);
    const body = req.json as Record<string, unknown>;
    const key = segments[0] ? decodeURIComponent(segments[0]) : typeof body.APIKey === 'string' ? body.APIKey : '';
    const dealer = this.dealers.get(key);
    if (!dealer) return this.refusal(401, ['The API key was not successfully validated.']);
    const wait = this.admit(key);
    if (wait > 0) return answer(429, ['Too many requests: IFPOS is meant for one sale at a time, not batch uploads.'], 0, 0, { 'Retry-After': String(Math.ceil(wait / 1000)) });
    const invalid = bundledSchema.validate(body);
    if (invalid.length > 0) return answer(400, invalid, 0, 0);
    const unknown = this.dealerProblems(dealer, body);
    if (unknown.length > 0) return this.refusal(417, unknown);
    if (this.emptyAnswers > 0) {
      this.emptyAnswers -= 1;
      return answer(200, null, 0, this.execMs());
    }
    const affected = this.store(key, body);
    return answer(200, null, affected, this.execMs());
  }

  /** A documented refusal, or (varying) the bare HTTP status with a body that lacks the documented fields. */
  private refusal(status: 401 | 417, details: string[]): SimResponse {
    if (!this.opts.random || this.opts.random() < 0.5) return answer(status, details, 0, 0);
    const message = status === 401 ? 'Authorization has been denied for this request.' : 'Expectation Failed';
    return { status, body: this.opts.random() < 0.5 ? { Message: message } : { error: message, detail: details.join(' ') } };
  }

  /** The first call of a day is slow while TRAX scales up; later calls that day are not. */
  private async warmUp(): Promise<void> {
    const day = new Date(this.now()).toISOString().slice(0, 10);
    if (this.warmDay === day) return;
    this.warmDay = day;
    const delay = this.opts.firstCallDelayMs ?? 3000;
    if (delay > 0) await this.sleep(delay);
  }

  /** 0 when the call is admitted, else how long until the oldest call in the window leaves it. */
  private admit(key: string): number {
    const now = this.now();
    const recent = (this.calls.get(key) ?? []).filter((t) => now - t < this.rate.windowMs);
    this.calls.set(key, recent);
    if (recent.length >= this.rate.limit) return Math.max(1, recent[0] + this.rate.windowMs - now);
    recent.push(now);
    return 0;
  }

  private dealerProblems(dealer: SimDealer, body: Record<string, unknown>): string[] {
    const problems: string[] = [];
    if (!dealer.showroomIds.includes(String(body.ShowroomID))) problems.push(`ShowroomID "${String(body.ShowroomID)}" is not one of this dealer's showrooms.`);
    if (!dealer.employeeIds.includes(String(body.EmployeeID))) problems.push(`EmployeeID "${String(body.EmployeeID)}" is not one of this dealer's employees.`);
    return problems;
  }

  /** One record per sale identifier: a repeat removes the earlier record and adds the new one (2). */
  private store(key: string, body: Record<string, unknown>): 1 | 2 {
    const saleId = String(body.SaleID);
    const id = `${key}\u0000${saleId}`;
    const earlier = this.stored.get(id);
    this.stored.set(id, { key, saleId, payload: structuredClone(body), versions: (earlier?.versions ?? 0) + 1, receivedAt: this.now() });
    return earlier ? 2 : 1;
  }

  /** Database time, around 150 ms as the document describes for a warm service. */
  private execMs(): number {
    this.callCount += 1;
    return 140 + ((this.callCount * 7) % 25);
  }
}
