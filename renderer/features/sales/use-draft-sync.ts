import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { defaultCounterSettings } from '../../../shared/sales/counter';
import { api, unwrap } from '../../api/bridge';
import { useFormats } from '../../locale/formats';
import { counterKeys, saveDraft } from './queries';
import { draftBody, useSaleDraft } from './sale-store';

/** One save at a time; a change made meanwhile is saved right after, so the last state always lands. */
function coalescingSaver() {
  let running = false;
  let again = false;
  const run = async (): Promise<void> => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        await saveDraft(draftBody(useSaleDraft.getState())).catch(() => undefined);
      } while (again);
    } finally {
      running = false;
    }
  };
  return run;
}

/**
 * The sale in progress is kept in the local store as it changes, and read back when the app starts, so a
 * reload or restart finds it where it was.
 */
export function useDraftSync(): boolean {
  const hydrated = useSaleDraft((s) => s.hydrated);
  const qc = useQueryClient();
  const decimal = useFormats().decimal;
  useEffect(() => {
    if (useSaleDraft.getState().hydrated) return;
    let cancelled = false;
    void (async () => {
      const [drafts, settings] = await Promise.all([
        qc.fetchQuery({ queryKey: counterKeys.drafts(), queryFn: () => unwrap(api.sales.getDrafts({})) }),
        qc.fetchQuery({ queryKey: counterKeys.settings(), queryFn: () => unwrap(api.sales.getCounterSettings({})) }).catch(() => defaultCounterSettings),
      ]).catch(() => [{ current: null, parked: [] }, defaultCounterSettings] as const);
      if (!cancelled && !useSaleDraft.getState().hydrated) useSaleDraft.getState().load(drafts.current, decimal(settings.taxRate));
    })();
    return () => {
      cancelled = true;
    };
  }, [qc, decimal]);
  useEffect(() => {
    if (!hydrated) return;
    const save = coalescingSaver();
    return useSaleDraft.subscribe((s, prev) => {
      if (s.lines !== prev.lines || s.orderNumber !== prev.orderNumber || s.taxRate !== prev.taxRate || s.paymentMethod !== prev.paymentMethod || s.tendered !== prev.tendered) {
        void save();
      }
    });
  }, [hydrated]);
  return hydrated;
}
