import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/bridge';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { partsKeys, useFeedExport } from './queries';

function download(file: { fileName: string; mime: string; base64: string }) {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The advertising feed to CSV or Excel, with progress (HeavyTruckParts may take up to two minutes to collate it). */
export function FeedPanel() {
  const qc = useQueryClient();
  const status = useFeedExport();
  const start = useMutation({ mutationFn: (format: 'csv' | 'xlsx') => unwrap(api.parts.exportFeed({ format })), onSuccess: (s) => qc.setQueryData(partsKeys.feed(), s) });
  const save = useMutation({ mutationFn: () => unwrap(api.parts.getFeedFile({})), onSuccess: download });
  const s = status.data;
  const running = s?.state === 'requesting' || s?.state === 'writing';
  return (
    <section className="card" data-testid="parts-feed">
      <h2>Advertising feed</h2>
      <button type="button" disabled={running} onClick={() => start.mutate('csv')} data-testid="parts-feed-csv">Export to CSV</button>{' '}
      <button type="button" disabled={running} onClick={() => start.mutate('xlsx')} data-testid="parts-feed-xlsx">Export to Excel</button>
      {s && s.state !== 'idle' && (
        <div className="parts-feed-progress" data-testid="parts-feed-progress" data-state={s.state}>
          {s.state === 'writing' && <progress max={Math.max(1, s.received)} value={s.written} />}
          {s.state === 'requesting' && <progress />}
          <p>{s.message}{s.state === 'writing' ? ` ${s.written} of ${s.received}.` : ''}</p>
          {s.state === 'done' && (
            <p>
              Saved in the app’s exports folder: <code data-testid="parts-feed-path">{s.filePath}</code>{' '}
              <button type="button" className="secondary" onClick={() => save.mutate()} data-testid="parts-feed-save">Save a copy…</button>
            </p>
          )}
        </div>
      )}
      <ErrorMessage error={status.error ?? start.error ?? save.error} />
    </section>
  );
}
