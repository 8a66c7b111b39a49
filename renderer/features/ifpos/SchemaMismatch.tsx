import type { SchemaStatus } from '../../../shared/ifpos/contract';
import { useNav } from '../../app/nav-store';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useConnections, useUpdateConnection } from '../connections/queries';
import { useIfposSchemaStatus, useRefreshIfposSchema } from './queries';

/**
 * The active schema refuses the app's payload: sales are still recorded, but their IFPOS deliveries
 * wait as failed. Offers the fixes: reload the schema, or turn IFPOS off until it is sorted out.
 */
export function SchemaMismatch({ status, live }: { status: SchemaStatus; live: boolean }) {
  const refresh = useRefreshIfposSchema();
  const update = useUpdateConnection();
  const ifpos = useConnections().data?.find((c) => c.id === 'ifpos');
  if (status.mismatch.length === 0) return null;
  return (
    <div className="schema-mismatch" role="alert" data-testid="ifpos-schema-mismatch">
      <p className="warning">The active schema refuses the app’s IFPOS payload. Sales are still recorded; their IFPOS deliveries are held as failed until this is fixed:</p>
      <ul>
        {status.mismatch.slice(0, 5).map((m) => (
          <li key={m}>{m}</li>
        ))}
      </ul>
      <p className="muted">Report these differences to whoever looks after this app’s IFPOS link. Then:</p>
      <div className="confirm-actions">
        {live ? (
          <button type="button" className="secondary" onClick={() => refresh.mutate()} disabled={refresh.isPending} data-testid="ifpos-mismatch-reload">
            Reload the official schema
          </button>
        ) : (
          <span className="muted">Load a newer schema file with the button below, or</span>
        )}
        {ifpos?.enabled && (
          <button type="button" className="secondary" onClick={() => update.mutate({ id: 'ifpos', enabled: false, settings: ifpos.settings })} disabled={update.isPending} data-testid="ifpos-mismatch-turn-off">
            Turn IFPOS off
          </button>
        )}
      </div>
      <ErrorMessage error={refresh.error ?? update.error} testId="ifpos-mismatch-error" />
    </div>
  );
}

/** In the status bar while the IFPOS schema refuses the app's payload, leading to the fixes. */
export function SchemaMismatchBadge() {
  const status = useIfposSchemaStatus();
  const go = useNav((s) => s.go);
  if (!status.data || status.data.mismatch.length === 0) return null;
  return (
    <button type="button" className="link health health-failing" title={status.data.mismatch[0]} onClick={() => go('connections')} data-testid="status-ifpos-schema">
      IFPOS schema refuses sales: fix
    </button>
  );
}
