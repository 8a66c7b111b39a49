import { useEffect, useRef, useState } from 'react';
import { api, unwrap } from '../../api/bridge';
import { useSheet } from './sheet-store';

const DELAY_MS = 600;

export type SaveState = { kind: 'saved' } | { kind: 'saving' } | { kind: 'failed'; message: string };

/** Saves the open draft shortly after each edit; `flush` saves at once (before an upload or export). */
export function useAutosave(): { state: SaveState; flush: () => Promise<void> } {
  const [state, setState] = useState<SaveState>({ kind: 'saved' });
  const savedVersion = useRef(0);
  const version = useSheet((s) => s.version);
  const draftId = useSheet((s) => s.draftId);

  const saveNow = useRef(async () => {
    const { draftId: id, name, model, version: v } = useSheet.getState();
    if (!id || !model || v === savedVersion.current) return;
    setState({ kind: 'saving' });
    try {
      await unwrap(api.sheets.saveDraft({ id, name: name.trim() || 'Untitled sheet', model }));
      savedVersion.current = v;
      setState(useSheet.getState().version === v ? { kind: 'saved' } : { kind: 'saving' });
    } catch (error) {
      setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  });

  useEffect(() => {
    savedVersion.current = 0;
  }, [draftId]);

  useEffect(() => {
    if (version === 0) return;
    const t = setTimeout(() => void saveNow.current(), DELAY_MS);
    return () => clearTimeout(t);
  }, [version]);

  return { state, flush: () => saveNow.current() };
}
