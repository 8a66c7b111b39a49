import type { ReactNode } from 'react';
import type { SyncProgress, SyncRun, SyncStatus } from '../../../shared/inventory/schemas';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { count, plural, time, when } from './format';
import { useFullReload, useSyncNow } from './queries';
import { ReloadSince } from './ReloadSince';

const phases: Record<SyncProgress['phase'], string> = {
  requesting: 'Waiting for SimpleConsign’s answer…',
  applying: 'Saving items to the local copy…',
  indexing: 'Building the search index…',
  committing: 'Switching to the new copy…',
  cleaning: 'Clearing the previous copy…',
};

function Progress({ p }: { p: SyncProgress }) {
  const pct = p.received > 0 ? Math.round((p.applied / p.received) * 100) : 0;
  return (
    <div className="inventory-progress" role="status" data-testid="inventory-sync-progress">
      <strong>{p.mode === 'full' ? 'Full load' : 'Loading changes'}</strong> · {phases[p.phase]}
      <div className="inventory-progress-bar" aria-hidden="true">
        <span style={{ width: `${p.phase === 'requesting' ? 0 : pct}%` }} />
      </div>
      <span data-testid="inventory-sync-counts">
        {count(p.received)} received · {count(p.applied)} applied
      </span>
    </div>
  );
}

function LastRun({ run }: { run: SyncRun }) {
  const failed = run.outcome === 'failed' || run.outcome === 'interrupted';
  // A run that went well takes one line (the whole text in its tooltip); a failure shows in full.
  return (
    <div
      className={failed ? 'inventory-last-run failed' : 'inventory-last-run compact'}
      title={failed ? undefined : `${run.message}${run.details.length > 0 ? `\n${run.details.join('\n')}` : ''}`}
      data-testid="inventory-last-run"
      data-outcome={run.outcome}
    >
      <span className="muted">
        Last {run.mode === 'full' ? 'full load' : 'load'} {when(run.finishedAt ?? run.startedAt)} ({run.trigger === 'store' ? 'from the store server' : run.trigger}):
      </span>{' '}
      {failed ? (
        <span className="inventory-sync-error" role="alert" data-testid="inventory-sync-error">
          {run.message}
        </span>
      ) : (
        <span data-testid="inventory-last-run-message">{run.message}</span>
      )}
      {failed && run.details.length > 0 && (
        <ul className="muted">
          {run.details.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      )}
      {run.warnings.length > 0 && (
        // A load that went through can still have something staff must pass on (two vendor clocks that disagree).
        <ul className="inventory-run-warnings" role="status" data-testid="inventory-run-warnings">
          {run.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Schedule({ status }: { status: SyncStatus }) {
  if (status.pausedUntil !== null) {
    return <span className="warning" data-testid="inventory-paused">SimpleConsign’s request limit was reached: paused until {time(status.pausedUntil)}.</span>;
  }
  if (!status.loaded) return <span className="muted">Automatic loads start after the first load.</span>;
  if (status.nextRunAt === null) return <span className="muted">Automatic loads are off.</span>;
  return <span className="muted">Next automatic load at {time(status.nextRunAt)}.</span>;
}

/** The copy's state, the load in progress and the buttons that start one. */
export function SyncPanel({ status, children }: { status: SyncStatus; children?: ReactNode }) {
  const syncNow = useSyncNow();
  const reload = useFullReload();
  const busy = status.running !== null;
  return (
    <section className="card inventory-sync" data-testid="inventory-sync">
      <div className="inventory-sync-head">
        <div>
          <strong data-testid="inventory-item-count">{count(status.itemCount)}</strong> {plural(status.itemCount, 'item', 'items')} in the local copy
          {status.source === 'training' && <span className="muted"> (training store)</span>}
          {status.lastSuccessAt !== null && <span className="muted"> · up to date as of {when(status.lastSuccessAt)}</span>}
          <div>
            <Schedule status={status} />
            {status.loaded && status.needsFullLoad && <span className="warning"> The next load will be a full one (settings or mode changed).</span>}
          </div>
        </div>
        <div className="inventory-sync-buttons">
          <button type="button" onClick={() => syncNow.mutate()} disabled={busy || syncNow.isPending} data-testid="inventory-sync-now">
            {status.loaded ? 'Sync now' : 'Load inventory'}
          </button>
          <button type="button" className="secondary" onClick={() => reload.mutate()} disabled={busy || reload.isPending || !status.loaded} data-testid="inventory-full-reload">
            Full reload
          </button>
        </div>
      </div>
      {status.loaded && <ReloadSince watermark={status.watermark} busy={busy} />}
      {status.running && <Progress p={status.running} />}
      <ErrorMessage error={syncNow.error ?? reload.error} testId="inventory-sync-refused" />
      {status.lastRun && !busy && <LastRun run={status.lastRun} />}
      {children}
    </section>
  );
}
