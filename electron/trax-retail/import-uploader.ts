import crypto from 'node:crypto';
import fs from 'node:fs';
import { AppError } from '../core/app-error';
import { backoffDelay, VendorError } from '../core/http/vendor-error';
import type { SheetFormat } from '../../shared/trax-retail/contract';
import type { ImportsDeps } from './imports-service';
import type { ImportRecord, ImportsRepo } from './imports-repo';
import { CONTENT_TYPES, writeSheet } from './sheet-writer';
import { describeProblem, type TraxClient } from './trax-client';
import { contentKey, UploadIntentsRepo } from './upload-intents';

const UPLOAD_TRIES = 4;
/** The same content asked for again this soon after an upload that reached Trax is the same intent (a double press). */
export const JOIN_WINDOW_MS = 60_000;

export interface UploadStarted {
  importLocalId: string;
  joined: boolean;
}

/** What the uploader shares with the service that follows the imports. */
export interface UploaderHost {
  deps: ImportsDeps;
  repo: ImportsRepo;
  client(): Promise<TraxClient>;
  track(p: Promise<unknown>): void;
  signal: AbortSignal;
  sleep(ms: number): Promise<void>;
  health(ok: boolean, message: string): void;
}

const MAY_HAVE_ARRIVED = ' The file may have arrived all the same: check the portal before trying again.';

/**
 * Writes sheets and uploads them, once per intent. An upload is not idempotent (each one opens a
 * review ticket), so every call carries the intent id the screen made when the button was pressed;
 * the intent is kept in the store before anything is sent, and a second call for the same intent, or
 * for the same content while the first is on its way or just arrived, joins the first.
 */
export class ImportUploader {
  readonly intents: UploadIntentsRepo;
  /** Uploads whose file is being written: a call that joins one waits for it (and fails with it). */
  private readonly preparing = new Map<string, Promise<void>>();

  constructor(private readonly host: UploaderHost) {
    this.intents = new UploadIntentsRepo(host.deps.core.db);
  }

  private get now() {
    return this.host.deps.core.now();
  }

  async upload(draftId: string, format: SheetFormat, rowIds: string[] | undefined, intentId: string): Promise<UploadStarted> {
    const same = this.intents.get(intentId);
    if (same && this.started(same.importId)) return this.join(same.importId);
    if (same) this.intents.remove(intentId);
    const d = this.host.deps.sheets.draft(draftId);
    const email = this.host.deps.sheets.settings().email;
    const key = contentKey({ draftId, name: d.name, model: d.model, format, rowIds, email });
    const twin = this.intents.latest(key, this.now - JOIN_WINDOW_MS);
    if (twin && this.fresh(twin.importId)) {
      this.intents.add({ intentId, importId: twin.importId, draftId, contentKey: key, createdAt: this.now });
      return this.join(twin.importId);
    }
    const id = crypto.randomUUID();
    // Kept before any await: a call arriving while this one writes its file finds it.
    this.intents.add({ intentId, importId: id, draftId, contentKey: key, createdAt: this.now });
    const ready = this.prepare(id, draftId, format, rowIds, email);
    this.preparing.set(id, ready);
    try {
      await ready;
    } catch (error) {
      this.intents.removeFor(id);
      throw error;
    } finally {
      this.preparing.delete(id);
    }
    return { importLocalId: id, joined: false };
  }

  /** "Try again" for a failed upload: the same file once more, once per intent. */
  async retry(id: string, intentId: string): Promise<UploadStarted> {
    const same = this.intents.get(intentId);
    if (same) return { importLocalId: same.importId, joined: true };
    const client = await this.host.client();
    const r = this.record(id);
    if (r.phase === 'uploading') return { importLocalId: id, joined: true };
    if (r.phase !== 'upload-failed') throw new AppError('conflict', 'This upload reached Trax Retail; it is not sent again.');
    if (!fs.existsSync(r.filePath)) throw new AppError('not-found', 'The written file is no longer here: upload the sheet again from Product sheets.');
    this.intents.add({ intentId, importId: id, draftId: r.draftId, contentKey: `retry:${id}`, createdAt: this.now });
    this.host.repo.update(id, { phase: 'uploading', problem: '', problemDetails: [], mayHaveArrived: false, uploadSent: 0 });
    this.host.track(this.send(r, client));
    return { importLocalId: id, joined: false };
  }

  private record(id: string): ImportRecord {
    const r = this.host.repo.get(id);
    if (!r) throw new AppError('not-found', 'That upload is no longer in the list.');
    return r;
  }

  private started(importId: string): boolean {
    return this.preparing.has(importId) || this.host.repo.get(importId) !== null;
  }

  /** Still on its way, or reached Trax a moment ago: the same content now is a second press, not a new intent. */
  private fresh(importId: string): boolean {
    if (this.preparing.has(importId)) return true;
    const r = this.host.repo.get(importId);
    return r !== null && (r.phase === 'uploading' || (r.phase === 'polling' && this.now - r.createdAt < JOIN_WINDOW_MS));
  }

  private async join(importId: string): Promise<UploadStarted> {
    await this.preparing.get(importId);
    return { importLocalId: importId, joined: true };
  }

  /** Writes the file and records the upload, then sends it in the background. */
  private async prepare(id: string, draftId: string, format: SheetFormat, rowIds: string[] | undefined, email: string): Promise<void> {
    const d = this.host.deps.sheets.draft(draftId);
    const client = await this.host.client();
    const now = this.now;
    const w = await writeSheet({ draftId, name: d.name, model: d.model, format, rowIds, files: this.host.deps.files, now });
    const rec: ImportRecord = {
      id, draftId, sheetName: d.name, fileName: w.fileName, filePath: w.path, format: w.format, rowCount: w.written.rows.length, createdAt: now, phase: 'uploading',
      uploadSent: 0, uploadTotal: w.size, importId: null, status: null, reviewStatus: null, parsed: null, total: null, errored: null, message: '', fileId: null,
      errorId: null, email, problem: '', problemDetails: [], mayHaveArrived: false, nextPollAt: null, endedAt: null, outcome: null, attempts: 0,
    };
    this.host.repo.create(rec, w.written);
    this.host.track(this.send(rec, client));
  }

  private progress(id: string) {
    let lastWrite = 0;
    return (sent: number, total: number) => {
      const t = this.now;
      if (sent === total || t - lastWrite > 200) {
        lastWrite = t;
        this.host.repo.update(id, { uploadSent: sent, uploadTotal: total });
      }
    };
  }

  private async send(r: ImportRecord, client: TraxClient): Promise<void> {
    const file = { path: r.filePath, name: r.fileName, contentType: CONTENT_TYPES[r.format] };
    const progress = this.progress(r.id);
    for (let attempt = 1; ; attempt++) {
      try {
        const importId = await client.upload(file, r.email, progress, this.host.signal);
        this.host.repo.update(r.id, { phase: 'polling', importId, problem: '', problemDetails: [], nextPollAt: this.now, attempts: 0 });
        this.host.health(true, `Received the upload of “${r.sheetName}”.`);
        return;
      } catch (error) {
        if (!(error instanceof VendorError)) {
          this.host.repo.update(r.id, { phase: 'upload-failed', problem: 'The upload failed for an unexpected reason; the details were written to the log.' });
          this.host.deps.core.log(`trax-retail upload failed: ${error instanceof Error ? error.message : String(error)}`);
          return;
        }
        const { text, details } = describeProblem(error);
        this.host.health(false, text);
        if (error.transient && !error.mayHaveApplied && attempt < UPLOAD_TRIES) {
          const wait = backoffDelay(attempt, { retryAfterMs: error.retryAfterMs, random: this.host.deps.random });
          this.host.repo.update(r.id, { problem: `${text} Trying again in ${Math.ceil(wait / 1000)} s.`, problemDetails: details, uploadSent: 0 });
          await this.host.sleep(wait);
          continue;
        }
        const maybe = error.mayHaveApplied;
        this.host.repo.update(r.id, { phase: 'upload-failed', problem: `${text}${maybe ? MAY_HAVE_ARRIVED : ''}`, problemDetails: details, mayHaveArrived: maybe });
        return;
      }
    }
  }
}
