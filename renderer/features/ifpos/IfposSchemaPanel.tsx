import { currentFormats } from '../../../shared/locale/current';
import { useState, type ChangeEvent } from 'react';
import type { SchemaStatus } from '../../../shared/ifpos/contract';
import { useAppStatus } from '../../app/app-queries';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { SchemaMismatch } from './SchemaMismatch';
import { useClearIfposSchema, useIfposPayloadPreview, useIfposSchemaStatus, useLoadIfposSchema, useRefreshIfposSchema } from './queries';

const sourceLabels: Record<SchemaStatus['source'], string> = {
  bundled: 'The app’s own IFPOS model (bundled)',
  file: 'Loaded file',
  fetched: 'Official schema fetched from TRAX',
};

function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(new Error(`“${file.name}” could not be read.`));
    reader.readAsText(file);
  });
}

function SchemaFacts({ status }: { status: SchemaStatus }) {
  return (
    <dl className="ifpos-schema-facts">
      <dt>Validating with</dt>
      <dd data-testid="ifpos-schema-source">
        {sourceLabels[status.source]}
        {status.fileName ? `: ${status.fileName}` : ''}
      </dd>
      <dt>Title</dt>
      <dd data-testid="ifpos-schema-title">{status.title ?? status.schemaId ?? '(none given)'}</dd>
      <dt>JSON Schema</dt>
      <dd data-testid="ifpos-schema-draft">{status.draft}</dd>
      {status.since !== null && (
        <>
          <dt>Since</dt>
          <dd>{currentFormats().dateTime(status.since)}</dd>
        </>
      )}
    </dl>
  );
}

function PayloadPreview() {
  const [open, setOpen] = useState(false);
  const preview = useIfposPayloadPreview(open);
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary data-testid="ifpos-preview-toggle">Sample payload</summary>
      <ErrorMessage error={preview.error} testId="ifpos-preview-error" />
      {preview.data && (
        <>
          <p className={preview.data.problems.length ? 'warning' : 'muted'} data-testid="ifpos-preview-verdict">
            {preview.data.problems.length ? 'The active schema refuses this sample:' : 'The active schema accepts this sample.'}
          </p>
          {preview.data.problems.length > 0 && (
            <ul data-testid="ifpos-preview-problems">
              {preview.data.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
          {/* Scrolls on its own: reachable by Tab, so the keyboard scrolls it too. */}
          <pre className="ifpos-payload" tabIndex={0} role="region" aria-label="The sample payload" data-testid="ifpos-payload-preview">
            {preview.data.json}
          </pre>
        </>
      )}
    </details>
  );
}

/** On the IFPOS card: which JSON Schema checks every payload, loading the official one, and the money model. */
export function IfposSchemaPanel() {
  const status = useIfposSchemaStatus();
  const mode = useAppStatus().data?.mode;
  const load = useLoadIfposSchema();
  const clear = useClearIfposSchema();
  const refresh = useRefreshIfposSchema();
  const [readError, setReadError] = useState<Error | null>(null);

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setReadError(null);
    try {
      load.mutate({ text: await readText(file), fileName: file.name });
    } catch (error) {
      setReadError(error instanceof Error ? error : new Error(String(error)));
    } finally {
      // The same file may be chosen again after it is fixed.
      input.value = '';
    }
  };

  return (
    <section className="ifpos-schema-panel" data-testid="ifpos-schema-panel">
      <h3>Payload schema</h3>
      <ErrorMessage error={status.error} testId="ifpos-schema-status-error" />
      {status.data && (
        <>
          <SchemaMismatch status={status.data} live={mode === 'live'} />
          <SchemaFacts status={status.data} />
          <p className="muted" data-testid="ifpos-schema-summary">
            {status.data.summary}
          </p>
        </>
      )}
      <div className="ifpos-schema-actions">
        <label className="file-button">
          Load the official schema file…
          <input type="file" accept=".json,application/json,application/schema+json" onChange={(e) => void onFile(e)} disabled={load.isPending} data-testid="ifpos-schema-file" />
        </label>
        {status.data?.source === 'file' && (
          <button type="button" className="secondary" onClick={() => clear.mutate()} disabled={clear.isPending} data-testid="ifpos-schema-clear">
            Stop using the loaded file
          </button>
        )}
        {mode === 'live' && (
          <button type="button" className="secondary" onClick={() => refresh.mutate()} disabled={refresh.isPending} data-testid="ifpos-schema-fetch">
            {refresh.isPending ? 'Fetching…' : 'Fetch the official schema now'}
          </button>
        )}
      </div>
      <ErrorMessage error={readError ?? load.error ?? clear.error ?? refresh.error} testId="ifpos-schema-error" />
      {status.data && (
        <p className="muted">
          TRAX publishes it at <code>{status.data.officialUrl}</code>.
        </p>
      )}
      <p className="ifpos-money-model" data-testid="ifpos-money-model">
        IFPOS receives the sale amount without tax or delivery. A return is sent as credit lines on its original sale, which is sent again with the net amount;
        TRAX replaces its earlier record of that sale.
      </p>
      <PayloadPreview />
    </section>
  );
}
