import crypto from 'node:crypto';
import fs from 'node:fs';
import type { CoreDeps } from '../core/feature';
import { AppError } from '../core/app-error';
import { backoffDelay } from '../core/http/vendor-error';
import { VendorError } from '../core/http/vendor-error';
import type { ImportView, SheetFormat } from '../../shared/trax-retail/contract';
import { readStatus } from '../../shared/trax-retail/import-status';
import { readErrorFile } from './error-file';
import type { FileStore } from './file-store';
import { ImportsRepo, type ImportRecord } from './imports-repo';
import type { SheetsService } from './sheets-service';
import { CONTENT_TYPES, writeSheet } from './sheet-writer';
import { explain, targetOf, TraxClient, type ImportDetails } from './trax-client';

/** First poll soon after the upload, then less often while nothing changes; reviews take days. */
const POLL_BASE_MS = 2_000;
const POLL_MAX_MS = 10 * 60_000;
const UPLOAD_TRIES = 4;

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
  private busy = false;
  private readonly running = new Set<Promise<unknown>>();
  private readonly stopping = new AbortController();

  constructor(private readonly deps: ImportsDeps) {
    this.repo = new ImportsRepo(deps.core.db);
    this.sleep = deps.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
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

  /** Writes the file and starts its upload; answers at once with the new entry's id. */
  async upload(draftId: string, format: SheetFormat, rowIds?: string[]): Promise<string> {
    const d = this.deps.sheets.draft(draftId);
    const client = await this.client();
    const now = this.deps.core.now();
    const w = await writeSheet({ draftId, name: d.name, model: d.model, format, rowIds, files: this.deps.files, now });
    const id = crypto.randomUUID();
    this.repo.create(
      { id, draftId, sheetName: d.name, fileName: w.fileName, filePath: w.path, format: w.format, rowCount: w.written.rows.length, createdAt: now, phase: 'uploading',
        uploadSent: 0, uploadTotal: w.size, importId: null, status: null, reviewStatus: null, parsed: null, total: null, errored: null, message: '', fileId: null,
        errorId: null, problem: '', nextPollAt: null, endedAt: null, outcome: null },
      w.written,
    );
    this.track(this.send(id, client, { path: w.path, name: w.fileName, contentType: CONTENT_TYPES[w.format] }));
    return id;
  }

  private track(p: Promise<unknown>): void {
    this.running.add(p);
    void p.finally(() => this.running.delete(p));
  }

  private async send(id: string, client: TraxClient, file: { path: string; name: string; contentType: string }): Promise<void> {
    const email = this.deps.sheets.settings().email;
    let lastWrite = 0;
    const progress = (sent: number, total: number) => {
      const t = this.deps.core.now();
      if (sent === total || t - lastWrite > 200) {
        lastWrite = t;
        this.repo.update(id, { uploadSent: sent, uploadTotal: total });
      }
    };
    for (let attempt = 1; ; attempt++) {
      try {
        const importId = await client.upload(file, email, progress, this.stopping.signal);
        this.repo.update(id, { phase: 'polling', importId, problem: '', nextPollAt: this.deps.core.now(), attempts: 0 });
        return;
      } catch (error) {
        if (!(error instanceof VendorError)) {
          this.repo.update(id, { phase: 'upload-failed', problem: 'The upload failed for an unexpected reason; the details were written to the log.' });
          this.deps.core.log(`trax-retail upload failed: ${error instanceof Error ? error.message : String(error)}`);
          return;
        }
        const refused = error.transient && !error.mayHaveApplied;
        if (refused && attempt < UPLOAD_TRIES) {
          const wait = backoffDelay(attempt, { retryAfterMs: error.retryAfterMs, random: this.deps.random });
          this.repo.update(id, { problem: `${explain(error, '')} Trying again in ${Math.ceil(wait / 1000)} s.`, uploadSent: 0 });
          await this.sleep(wait);
          continue;
        }
        const maybe = error.mayHaveApplied ? ' Trax may have received the file anyway: check the Trax portal before uploading it again.' : '';
        this.repo.update(id, { phase: 'upload-failed', problem: `${explain(error, '')}${maybe}` });
        return;
      }
    }
  }

  /** Polls every import that is due; one pass at a time. */
  async tick(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
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
    } finally {
      this.busy = false;
    }
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
      this.repo.update(r.id, { attempts, problem: `${explain(error, '')} Asking again in ${Math.ceil(wait / 1000)} s.`, nextPollAt: now + wait });
      return;
    }
    const reading = readStatus(d.status, d.reviewStatus);
    const changed = d.status !== r.status || d.reviewStatus !== r.reviewStatus || d.errored !== r.errored;
    const attempts = changed ? 0 : r.attempts + 1;
    const wait = Math.min(POLL_MAX_MS, POLL_BASE_MS * 1.6 ** attempts);
    this.repo.update(r.id, {
      status: d.status, reviewStatus: d.reviewStatus, parsed: d.parsed, total: d.total, errored: d.errored, message: d.message ?? '',
      fileId: d.fileId || r.fileId, errorId: d.errorId || null, problem: '', attempts,
      ...(reading.ended ? { phase: 'ended', endedAt: r.endedAt ?? now, outcome: reading.outcome, nextPollAt: null } : { nextPollAt: now + wait }),
    });
  }

  /** At start: resume polling at once; an upload cut short by a stop cannot be known to have arrived. */
  resume(): void {
    for (const r of this.repo.interruptedUploads()) {
      this.repo.update(r.id, { phase: 'upload-failed', problem: 'The app stopped during this upload; Trax may or may not have received the file. Check the Trax portal before uploading it again.' });
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
      if (error instanceof VendorError) throw new AppError('vendor-error', explain(error, ''));
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
    await Promise.allSettled([...this.running]);
  }
}
