import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';

export interface UploadStarted {
  importLocalId: string;
  joined: boolean;
}

/**
 * One upload per press, whatever the clicking or key repeat: the press is taken (and the buttons
 * disabled) synchronously, before anything is awaited, and it carries an intent id made for it, by
 * which the main process joins any second call for the same press. Every upload button of a
 * screen shares one of these.
 */
export function useUploadOnce() {
  const busy = useRef(false);
  const [pending, setPending] = useState(false);
  const [started, setStarted] = useState<UploadStarted | null>(null);
  const [error, setError] = useState<unknown>(null);
  const qc = useQueryClient();
  const press = (start: (intentId: string) => Promise<UploadStarted>) => {
    if (busy.current) return;
    busy.current = true;
    const intentId = crypto.randomUUID();
    flushSync(() => {
      setPending(true);
      setError(null);
      setStarted(null);
    });
    void (async () => {
      try {
        setStarted(await start(intentId));
        void qc.invalidateQueries({ queryKey: ['imports'] });
      } catch (e) {
        setError(e);
      } finally {
        busy.current = false;
        setPending(false);
      }
    })();
  };
  return { press, pending, started, error, clear: () => (setStarted(null), setError(null)) };
}
