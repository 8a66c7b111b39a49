import { currentFormats } from '../../../shared/locale/current';
import { useMutation } from '@tanstack/react-query';
import type { ImportView } from '../../../shared/trax-retail/contract';
import { readStatus } from '../../../shared/trax-retail/import-status';
import { api, unwrap } from '../../api/bridge';
import { useNav } from '../../app/nav-store';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { saveToComputer } from '../product-sheets/file-transfer';
import { useSheet } from '../product-sheets/sheet-store';
import { useDismissImport, useRefreshImport } from './queries';

const when = (t: number | null) => (t === null ? '—' : currentFormats().dateTime(t));
const n = (v: number | null) => (v === null ? '—' : currentFormats().number(v));

function stateLabel(i: ImportView): { label: string; tone: string } {
  if (i.phase === 'uploading') return { label: 'Uploading', tone: 'busy' };
  if (i.phase === 'upload-failed') return { label: 'Upload failed', tone: 'bad' };
  if (i.outcome === 'imported') return { label: 'Imported', tone: 'ok' };
  if (i.outcome === 'failed') return { label: 'Failed', tone: 'bad' };
  return { label: 'In progress', tone: 'busy' };
}

/** One upload: what Trax last said about it, its progress, and its files. */
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
  const { label, tone } = stateLabel(item);
  const reading = readStatus(item.status, item.reviewStatus);
  const pct = item.uploadTotal > 0 ? Math.round((item.uploadSent / item.uploadTotal) * 100) : 0;
  const showErrors = () => {
    if (!item.draftId) return;
    useSheet.getState().setRequest({ draftId: item.draftId, importId: item.id });
    go('product-sheets');
  };
  return (
    <li className={`import-row import-${tone}`} data-testid={`import-${item.id}`} data-phase={item.phase} data-outcome={item.outcome ?? ''}>
      <div className="import-head">
        <strong className="import-state" data-testid="import-state">{label}</strong> <span>{item.sheetName}</span> <span className="muted">· {item.fileName} · {item.rowCount} row{item.rowCount === 1 ? '' : 's'} · {when(item.createdAt)}</span>
      </div>
      {item.phase === 'uploading' && (
        <div className="progress" role="progressbar" aria-valuenow={pct} aria-valuemin={0} aria-valuemax={100} data-testid="upload-progress">
          <div style={{ width: `${pct}%` }} /> <span className="muted">{pct}% of {(item.uploadTotal / 1024).toFixed(0)} KB sent</span>
        </div>
      )}
      {item.importId && (
        <dl className="import-facts">
          <dt>Status</dt>
          <dd data-testid="import-status">{item.status ?? '—'}{!reading.known && <span className="muted"> (a value the app does not know; shown as Trax sent it)</span>}</dd>
          <dt>Review</dt>
          <dd data-testid="import-review">{item.reviewStatus ?? '—'}</dd>
          <dt>Rows</dt>
          <dd data-testid="import-counts">{n(item.parsed)} parsed / {n(item.total)} total / {n(item.errored)} with errors</dd>
          {item.message && (<><dt>Trax says</dt><dd data-testid="import-message">{item.message}</dd></>)}
          <dt>Next check</dt>
          <dd>{item.phase === 'polling' ? when(item.nextPollAt) : `ended ${when(item.endedAt)}`}</dd>
        </dl>
      )}
      {item.problem && <p className="warning" data-testid="import-problem">{item.problem}</p>}
      <div className="import-actions">
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
