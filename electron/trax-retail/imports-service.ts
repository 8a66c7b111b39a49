import fs from 'node:fs';
import type { CoreDeps } from '../core/feature';
import { AppError } from '../core/app-error';
import { backoffDelay, VendorError } from '../core/http/vendor-error';
import { OneRun } from '../core/one-run';
import type { ImportView, SheetFormat } from '../../shared/trax-retail/contract';
import { readStatus } from '../../shared/trax-retail/import-status';
import { readErrorFile } from './error-file';
import type { FileStore } from './file-store';
import { ImportsRepo, type ImportRecord } from './imports-repo';
import type { SheetsService } from './sheets-service';
import { ImportUploader, type UploadStarted } from './import-uploader';
import { describeProblem, targetOf, TraxClient, type ImportDetails } from './trax-client';

/** First poll soon after the upload, then less often while nothing changes; reviews take days. */
const POLL_BASE_MS = 2_000;
const POLL_MAX_MS = 10 * 60_000;
const INTENTS_KEPT_MS = 24 * 3_600_000;

export interface ImportsDeps {
  core: CoreDeps;
  sheets: SheetsService;
  files: FileStore;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

const view = ({ filePath: _f, attempts: _a, ...v }: ImportRecord): ImportView => v;

/**
 * Uploads and follows each import to its end: the upload runs in the background with its progress
 * in the store, then GET details is polled with backoff (surviving restarts) until Trax says failed
 * or imported. Unknown status values are kept and shown as they came.
 */
export class ImportsService {
  readonly repo: ImportsRepo;
  private readonly sleep: (ms: number) => Promise<void>;
  /** The polling pass under way, if any. */
  private readonly pass = new OneRun();
  private readonly running = new Set<Promise<unknown>>();
  private readonly stopping = new AbortController();
  private readonly uploader: ImportUploader;

  constructor(private readonly deps: ImportsDeps) {
    this.repo = new ImportsRepo(deps.core.db);
    this.sleep = deps.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.uploader = new ImportUploader({
      deps, repo: this.repo, client: () => this.client(), track: (p) => this.track(p), signal: this.stopping.signal,
      sleep: (ms) => this.sleep(ms), health: (ok, message) => this.health(ok, message),
    });
  }

  list(): ImportView[] {
    return this.repo.list().map(view);
  }

  get(id: string): ImportRecord {
    const r = this.repo.get(id);
    if (!r) throw new AppError('not-found', 'That upload is no longer in the list.');
    return r;
  }

  private async client(): Promise<TraxClient> {
    const conn = await this.deps.core.connections.resolve('trax-retail');
    return new TraxClient(this.deps.core.http, targetOf(conn));
  }

  /** Writes the file and starts its upload, once per intent; answers at once with the entry's id. */
  upload(draftId: string, format: SheetFormat, rowIds: string[] | undefined, intentId: string): Promise<UploadStarted> {
    return this.uploader.upload(draftId, format, rowIds, intentId);
  }

  /** Sends a failed upload's file again, once per intent. */
  retry(id: string, intentId: string): Promise<UploadStarted> {
    return this.uploader.retry(id, intentId);
  }

  private track(p: Promise<unknown>): void {
    this.running.add(p);
    void p.finally(() => this.running.delete(p));
  }

  /** Real calls say how the connection is, as sales and inventory do: the status bar follows them, not only "Test connection". */
  private health(ok: boolean, message: string): void {
    this.deps.core.connections.recordHealth('trax-retail', ok, message);
  }

  /**
   * Polls every import that is due, one pass at a time: a tick while a pass is under way answers
   * that pass. A stop waits for it, so nothing is written after the app has stopped.
   */
  tick(): Promise<void> {
    if (this.stopping.signal.aborted) return Promise.resolve();
    return this.pass.run(() => this.pollDue());
  }

  private async pollDue(): Promise<void> {
    const due = this.repo.polling().filter((r) => (r.nextPollAt ?? 0) <= this.deps.core.now());
    if (due.length === 0) return;
    let client: TraxClient;
    try {
      client = await this.client();
    } catch (error) {
      const problem = error instanceof AppError ? error.message : 'The Trax Retail connection could not be read.';
      for (const r of due) this.repo.update(r.id, { problem, nextPollAt: this.deps.core.now() + POLL_MAX_MS });
      return;
    }
    for (const r of due) await this.poll(r, client);
  }

  async refresh(id: string): Promise<ImportView> {
    const r = this.get(id);
    if (r.phase === 'polling' || r.phase === 'ended') await this.poll(r, await this.client());
    return view(this.get(id));
  }

  private async poll(r: ImportRecord, client: TraxClient): Promise<void> {
    const now = this.deps.core.now();
    let d: ImportDetails;
    try {
      d = await client.details(r.importId!);
    } catch (error) {
      if (!(error instanceof VendorError)) throw error;
      const attempts = r.attempts + 1;
      const wait = Math.min(POLL_MAX_MS, backoffDelay(attempts, { baseMs: POLL_BASE_MS, maxMs: POLL_MAX_MS, retryAfterMs: error.retryAfterMs, random: this.deps.random }));
      const { text, details } = describeProblem(error);
      this.repo.update(r.id, { attempts, problem: `${text} Asking again in ${Math.ceil(wait / 1000)} s.`, problemDetails: details, nextPollAt: now + wait });
      this.health(false, text);
      return;
    }
    this.health(true, `Answered about “${r.sheetName}”: ${[d.status, d.reviewStatus].filter(Boolean).join(', ') || 'no status yet'}.`);
    const reading = readStatus(d.status, d.reviewStatus);
    const changed = d.status !== r.status || d.reviewStatus !== r.reviewStatus || d.errored !== r.errored;
    const attempts = changed ? 0 : r.attempts + 1;
    const wait = Math.min(POLL_MAX_MS, POLL_BASE_MS * 1.6 ** attempts);
    this.repo.update(r.id, {
      status: d.status, reviewStatus: d.reviewStatus, parsed: d.parsed, total: d.total, errored: d.errored, message: d.message ?? '',
      fileId: d.fileId || r.fileId, errorId: d.errorId || null, problem: '', problemDetails: [], attempts,
      ...(reading.ended ? { phase: 'ended', endedAt: r.endedAt ?? now, outcome: reading.outcome, nextPollAt: null } : { nextPollAt: now + wait }),
    });
  }

  /** At start: resume polling at once; an upload cut short by a stop cannot be known to have arrived. */
  resume(): void {
    this.uploader.intents.prune(this.deps.core.now() - INTENTS_KEPT_MS);
    for (const r of this.repo.interruptedUploads()) {
      this.repo.update(r.id, { phase: 'upload-failed', mayHaveArrived: true, problem: 'The app stopped during this upload; the file may or may not have arrived. Check the portal before trying again.' });
    }
    for (const r of this.repo.polling()) this.repo.update(r.id, { nextPollAt: this.deps.core.now() });
  }

  async download(id: string, which: 'source' | 'error') {
    const r = this.get(id);
    const fileId = which === 'source' ? r.fileId : r.errorId;
    if (!fileId) throw new AppError('not-found', which === 'source' ? 'Trax has not given this import’s source file yet.' : 'This import has no error file.');
    const base = r.fileName.replace(/\.[^.]+$/, '');
    const out = this.deps.files.outPath(which === 'source' ? r.fileName : `${base}-errors.csv`);
    try {
      const res = await (await this.client()).download(fileId, out.path);
      return { fileId: out.fileId, fileName: out.path.split(/[\\/]/).pop()!, size: res.bytes };
    } catch (error) {
      if (error instanceof VendorError) {
        const { text, details } = describeProblem(error);
        throw new AppError('vendor-error', text, details);
      }
      throw error;
    }
  }

  async errors(id: string) {
    const r = this.get(id);
    const file = await this.download(id, 'error');
    const bytes = fs.readFileSync(this.deps.files.outFile(file.fileId).path);
    return { draftId: r.draftId, ...readErrorFile(bytes, this.repo.writtenRows(id)) };
  }

  dismiss(id: string): void {
    const r = this.get(id);
    if (r.phase === 'uploading' || r.phase === 'polling') throw new AppError('conflict', 'This import is still being followed; it can be removed once it has ended.');
    this.repo.delete(id);
  }

  /** Cuts uploads in flight short (they are marked as possibly received) and waits for them to settle. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await Promise.allSettled([...this.running, this.pass.settled()]);
  }
}
