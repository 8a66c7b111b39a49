import { currentFormats } from '../../../shared/locale/current';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { ImportView } from '../../../shared/trax-retail/contract';
import { readStatus } from '../../../shared/trax-retail/import-status';
import { api, unwrap } from '../../api/bridge';
import { useNav } from '../../app/nav-store';
import { ConfirmPanel } from '../../ui/ConfirmPanel';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { saveToComputer } from '../product-sheets/file-transfer';
import { useSheet } from '../product-sheets/sheet-store';
import { useUploadOnce } from '../product-sheets/use-upload-once';
import { importState } from './import-state';
import { useDismissImport, useRefreshImport } from './queries';

const when = (t: number | null) => (t === null ? '—' : currentFormats().dateTime(t));
const n = (v: number | null) => (v === null ? '—' : currentFormats().number(v));

/** What Trax last said about an upload that reached it. */
function Facts({ item }: { item: ImportView }) {
  const reading = readStatus(item.status, item.reviewStatus);
  return (
    <dl className="import-facts">
      <dt>Status</dt>
      <dd data-testid="import-status">{item.status ?? '—'}{!reading.known && <span className="muted"> (a value the app does not know; shown as it came)</span>}</dd>
      <dt>Review</dt>
      <dd data-testid="import-review">{item.reviewStatus ?? '—'}</dd>
      <dt>Rows</dt>
      <dd data-testid="import-counts">{n(item.parsed)} parsed / {n(item.total)} total / {n(item.errored)} with errors</dd>
      {item.message && (<><dt>Trax says</dt><dd data-testid="import-message">{item.message}</dd></>)}
      {item.phase === 'polling' ? (<><dt>Next check</dt><dd data-testid="import-next">{when(item.nextPollAt)}</dd></>) : (<><dt>Ended</dt><dd data-testid="import-ended">{when(item.endedAt)}</dd></>)}
    </dl>
  );
}

/** "Try again" for a failed upload: once per press; when the file may have arrived anyway, asked first. */
function TryAgain({ item }: { item: ImportView }) {
  const again = useUploadOnce();
  const [asking, setAsking] = useState(false);
  const send = () => again.press((intentId) => unwrap(api.imports.retry({ id: item.id, intentId })));
  return (
    <>
      <button type="button" onClick={() => (item.mayHaveArrived ? setAsking(true) : send())} disabled={again.pending || asking} data-testid="import-retry">
        {again.pending ? 'Starting…' : 'Try again'}
      </button>
      {asking && (
        <ConfirmPanel title="Send this file again?" confirmLabel="Send it again" testId="retry-confirm" busy={again.pending}
          onConfirm={() => (setAsking(false), send())} onCancel={() => setAsking(false)}>
          <p>The file may have reached Trax already. Another upload opens a second review ticket there: look in the portal first.</p>
        </ConfirmPanel>
      )}
      <ErrorMessage error={again.error} testId="retry-error" />
    </>
  );
}

/** One upload: where it stands, what Trax last said, its progress, and its files. */
export function ImportRow({ item }: { item: ImportView }) {
  const refresh = useRefreshImport();
  const dismiss = useDismissImport();
  const go = useNav((s) => s.go);
  const download = useMutation({
    mutationFn: async (which: 'source' | 'error') => {
      const f = await unwrap(api.imports.download({ id: item.id, which }));
      await saveToComputer(f.fileId, f.fileName);
    },
  });
  const { label, tone } = importState(item);
  const pct = item.uploadTotal > 0 ? Math.round((item.uploadSent / item.uploadTotal) * 100) : 0;
  const showErrors = () => {
    if (!item.draftId) return;
    useSheet.getState().setRequest({ draftId: item.draftId, importId: item.id });
    go('product-sheets');
  };
  return (
    <li className={`import-row import-${tone}`} data-testid={`import-${item.id}`} data-phase={item.phase} data-outcome={item.outcome ?? ''}>
      <div className="import-head">
        <strong className="import-state" data-testid="import-state">{label}</strong> <span>{item.sheetName}</span>{' '}
        <span className="muted">· {item.fileName} · {currentFormats().count(item.rowCount, 'row', 'rows')} · {when(item.createdAt)}{item.email && <> · contact <span data-testid="import-email">{item.email}</span></>}</span>
      </div>
      {item.phase === 'uploading' && (
        <div className="progress" role="progressbar" aria-valuenow={pct} aria-valuemin={0} aria-valuemax={100} aria-label="Upload progress" data-testid="upload-progress">
          <div style={{ width: `${pct}%` }} /> <span className="muted">{pct}% of {(item.uploadTotal / 1024).toFixed(0)} KB sent</span>
        </div>
      )}
      {item.importId && <Facts item={item} />}
      {item.problem && <p className="warning" data-testid="import-problem">{item.problem}</p>}
      {item.problemDetails.length > 0 && (
        <details className="problem-details" data-testid="import-problem-details">
          <summary>Details</summary>
          <ul>{item.problemDetails.map((d) => <li key={d}>{d}</li>)}</ul>
        </details>
      )}
      <div className="import-actions">
        {item.phase === 'upload-failed' && <TryAgain item={item} />}
        {item.importId && <button type="button" className="secondary" onClick={() => refresh.mutate(item.id)} disabled={refresh.isPending} data-testid="import-refresh">Check now</button>}
        {item.fileId && <button type="button" className="secondary" onClick={() => download.mutate('source')} data-testid="download-source">Download source file</button>}
        {item.errorId && <button type="button" className="secondary" onClick={() => download.mutate('error')} data-testid="download-errors">Download error file</button>}
        {item.errorId && item.draftId && <button type="button" onClick={showErrors} data-testid="show-errors">Show errors in the sheet</button>}
        {(item.phase === 'ended' || item.phase === 'upload-failed') && <button type="button" className="link" onClick={() => dismiss.mutate(item.id)}>Remove from list</button>}
      </div>
      <ErrorMessage error={refresh.error ?? download.error ?? dismiss.error} testId="import-error" />
    </li>
  );
}
