import type { Db } from '../core/store/database';
import type { ImportView, SheetFormat } from '../../shared/trax-retail/contract';

/** The rows of one uploaded file, so an error file can be matched back to the sheet. */
export interface WrittenRows {
  headers: string[];
  rows: { id: string; cells: string[] }[];
}

export interface ImportRecord extends ImportView {
  filePath: string;
  attempts: number;
}

interface Row {
  id: string; draft_id: string | null; sheet_name: string; file_name: string; file_path: string; format: SheetFormat; row_count: number;
  created_at: number; phase: ImportView['phase']; upload_sent: number; upload_total: number; import_id: string | null; status: string | null;
  review_status: string | null; parsed: number | null; total: number | null; errored: number | null; message: string; file_id: string | null;
  error_id: string | null; problem: string; attempts: number; next_poll_at: number | null; ended_at: number | null; outcome: ImportView['outcome'];
  email: string; problem_details: string; may_have_arrived: number;
}

function details(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
}

const toRecord = (r: Row): ImportRecord => ({
  id: r.id, draftId: r.draft_id, sheetName: r.sheet_name, fileName: r.file_name, filePath: r.file_path, format: r.format, rowCount: r.row_count,
  createdAt: r.created_at, phase: r.phase, uploadSent: r.upload_sent, uploadTotal: r.upload_total, importId: r.import_id, status: r.status,
  reviewStatus: r.review_status, parsed: r.parsed, total: r.total, errored: r.errored, message: r.message, fileId: r.file_id, errorId: r.error_id,
  problem: r.problem, attempts: r.attempts, nextPollAt: r.next_poll_at, endedAt: r.ended_at, outcome: r.outcome,
  email: r.email, problemDetails: details(r.problem_details), mayHaveArrived: r.may_have_arrived === 1,
});

const columns: Record<string, string> = {
  phase: 'phase', uploadSent: 'upload_sent', uploadTotal: 'upload_total', importId: 'import_id', status: 'status', reviewStatus: 'review_status',
  parsed: 'parsed', total: 'total', errored: 'errored', message: 'message', fileId: 'file_id', errorId: 'error_id', problem: 'problem',
  attempts: 'attempts', nextPollAt: 'next_poll_at', endedAt: 'ended_at', outcome: 'outcome', problemDetails: 'problem_details',
  mayHaveArrived: 'may_have_arrived',
};

/** A value as its column keeps it: lists as JSON, flags as 0 or 1. */
const stored = (v: unknown) => (Array.isArray(v) ? JSON.stringify(v) : typeof v === 'boolean' ? Number(v) : (v ?? null));

/** Every upload and what Trax last said about it; survives restarts so polling resumes. */
export class ImportsRepo {
  constructor(private readonly db: Db) {}

  create(rec: Omit<ImportRecord, 'attempts'>, written: WrittenRows): void {
    this.db
      .prepare(`INSERT INTO trax_imports (id, draft_id, sheet_name, file_name, file_path, format, row_count, created_at, phase, upload_total, written_rows, email)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(rec.id, rec.draftId, rec.sheetName, rec.fileName, rec.filePath, rec.format, rec.rowCount, rec.createdAt, rec.phase, rec.uploadTotal, JSON.stringify(written), rec.email);
  }

  update(id: string, patch: Partial<ImportRecord>): void {
    const sets = Object.keys(patch).filter((k) => columns[k]);
    if (sets.length === 0) return;
    const values = Object.fromEntries(sets.map((k) => [k, stored((patch as Record<string, unknown>)[k])]));
    this.db.prepare(`UPDATE trax_imports SET ${sets.map((k) => `${columns[k]} = @${k}`).join(', ')} WHERE id = @id`).run({ ...values, id });
  }

  get(id: string): ImportRecord | null {
    const r = this.db.prepare('SELECT * FROM trax_imports WHERE id = ?').get(id) as Row | undefined;
    return r ? toRecord(r) : null;
  }

  list(): ImportRecord[] {
    return (this.db.prepare('SELECT * FROM trax_imports ORDER BY created_at DESC, id DESC').all() as Row[]).map(toRecord);
  }

  /** Imports still followed: waiting for their next poll. */
  polling(): ImportRecord[] {
    return (this.db.prepare("SELECT * FROM trax_imports WHERE phase = 'polling' ORDER BY next_poll_at").all() as Row[]).map(toRecord);
  }

  /** Uploads cut short by a stop or crash. */
  interruptedUploads(): ImportRecord[] {
    return (this.db.prepare("SELECT * FROM trax_imports WHERE phase = 'uploading'").all() as Row[]).map(toRecord);
  }

  writtenRows(id: string): WrittenRows {
    const r = this.db.prepare('SELECT written_rows FROM trax_imports WHERE id = ?').pluck().get(id) as string | undefined;
    return r ? (JSON.parse(r) as WrittenRows) : { headers: [], rows: [] };
  }

  delete(id: string): void {
    this.db.prepare('DELETE FROM trax_imports WHERE id = ?').run(id);
  }
}
