import crypto from 'node:crypto';
import type { Db } from '../core/store/database';

export interface UploadIntent {
  intentId: string;
  importId: string;
  draftId: string | null;
  contentKey: string;
  createdAt: number;
}

interface Row {
  intent_id: string;
  import_id: string;
  draft_id: string | null;
  content_key: string;
  created_at: number;
}

const toIntent = (r: Row): UploadIntent => ({ intentId: r.intent_id, importId: r.import_id, draftId: r.draft_id, contentKey: r.content_key, createdAt: r.created_at });

/** What an upload would send: the same key means the same file to the same place with the same contact. */
export function contentKey(parts: { draftId: string; name: string; model: unknown; format: string; rowIds?: readonly string[]; email: string }): string {
  const rowIds = parts.rowIds ? [...parts.rowIds].sort() : null;
  return crypto.createHash('sha256').update(JSON.stringify({ ...parts, rowIds })).digest('hex');
}

/**
 * Every press of an upload button, kept before anything is sent: the intent id the screen made
 * for the press, the import it started (or joined) and what it would send. Uploads open a review
 * ticket at Trax each time, so a second call for the same press, or for the same content a
 * moment later, joins the first instead of sending again.
 */
export class UploadIntentsRepo {
  constructor(private readonly db: Db) {}

  get(intentId: string): UploadIntent | null {
    const r = this.db.prepare('SELECT * FROM trax_upload_intents WHERE intent_id = ?').get(intentId) as Row | undefined;
    return r ? toIntent(r) : null;
  }

  /** The newest intent with this content since a moment. */
  latest(contentKey: string, since: number): UploadIntent | null {
    const r = this.db
      .prepare('SELECT * FROM trax_upload_intents WHERE content_key = ? AND created_at >= ? ORDER BY created_at DESC LIMIT 1')
      .get(contentKey, since) as Row | undefined;
    return r ? toIntent(r) : null;
  }

  add(intent: UploadIntent): void {
    this.db
      .prepare('INSERT INTO trax_upload_intents (intent_id, import_id, draft_id, content_key, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(intent.intentId, intent.importId, intent.draftId, intent.contentKey, intent.createdAt);
  }

  remove(intentId: string): void {
    this.db.prepare('DELETE FROM trax_upload_intents WHERE intent_id = ?').run(intentId);
  }

  /** Forgets presses long past: only a moment's worth matters for joining, and a day is kept for a late retry of the same press. */
  prune(before: number): void {
    this.db.prepare('DELETE FROM trax_upload_intents WHERE created_at < ?').run(before);
  }

  /** Forgets the intents of an import that never started (its file could not be written). */
  removeFor(importId: string): void {
    this.db.prepare('DELETE FROM trax_upload_intents WHERE import_id = ?').run(importId);
  }
}
