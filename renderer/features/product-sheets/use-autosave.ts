import { useEffect, useState } from 'react';
import { api, unwrap } from '../../api/bridge';
import { useSheet } from './sheet-store';

const DELAY_MS = 600;

export type SaveState = { kind: 'saved' } | { kind: 'saving' } | { kind: 'failed'; message: string };

/** What is saved: which draft at which edit. Kept outside React so `flush` and the timer agree. */
const saved = { draftId: null as string | null, version: 0 };

async function saveNow(onDone: (v: number, error: string | null) => void): Promise<void> {
  const { draftId: id, name, model, version: v } = useSheet.getState();
  if (!id || !model || (saved.draftId === id && saved.version === v)) return;
  try {
    await unwrap(api.sheets.saveDraft({ id, name: name.trim() || 'Untitled sheet', model }));
    saved.draftId = id;
    saved.version = Math.max(saved.version, v);
    onDone(v, null);
  } catch (error) {
    onDone(v, error instanceof Error ? error.message : String(error));
  }
}

/**
 * Saves the open draft shortly after each edit; `flush` saves at once (before an upload or export).
 * The state reads "saving" from the edit until its save has landed, so nobody sees "Saved" too early.
 */
export function useAutosave(): { state: SaveState; flush: () => Promise<void> } {
  const version = useSheet((s) => s.version);
  const draftId = useSheet((s) => s.draftId);
  const [landed, setLanded] = useState<{ draftId: string | null; version: number; error: string | null }>({ draftId, version: 0, error: null });
  const done = (v: number, error: string | null) => setLanded({ draftId: useSheet.getState().draftId, version: v, error });

  useEffect(() => {
    if (version === 0) {
      saved.draftId = draftId;
      saved.version = 0;
      return;
    }
    const t = setTimeout(() => void saveNow(done), DELAY_MS);
    return () => clearTimeout(t);
  }, [version, draftId]);

  const current = landed.draftId === draftId ? landed : { version: 0, error: null };
  const state: SaveState = current.error ? { kind: 'failed', message: current.error } : version > current.version ? { kind: 'saving' } : { kind: 'saved' };
  return { state, flush: () => saveNow(done) };
}
