import { useState } from 'react';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useReloadSince } from './queries';

const DAY = 86_400_000;

/** A local date-time input's value ("2026-03-02T09:00") for a moment. */
function inputValue(ms: number): string {
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
}

/**
 * Takes in again every change since a chosen moment: what SimpleConsign's document suggests when
 * the copy and the store got out of step. The watermark moves on as after any load.
 */
export function ReloadSince({ watermark, busy }: { watermark: number | null; busy: boolean }) {
  const [value, setValue] = useState(() => inputValue((watermark ?? Date.now()) - DAY));
  const reload = useReloadSince();
  const since = Date.parse(value);
  return (
    <div className="inventory-reload-since">
      <label>
        Reload changes since{' '}
        <input type="datetime-local" value={value} onChange={(e) => setValue(e.target.value)} data-testid="inventory-since" />
      </label>{' '}
      <button type="button" className="secondary" onClick={() => reload.mutate(since)} disabled={busy || reload.isPending || Number.isNaN(since)} data-testid="inventory-reload-since">
        Reload changes
      </button>
      <ErrorMessage error={reload.error} testId="inventory-reload-since-error" />
    </div>
  );
}
