import type { AppStatus } from '../../shared/contract/app';
import { SchemaMismatchBadge } from '../features/ifpos/SchemaMismatch';
import { WaitingCount } from '../features/sales/WaitingCount';

const healthLabel = { ok: 'working', failing: 'failing', unknown: 'not tested', disabled: 'off' } as const;

export function StatusBar({ status }: { status: AppStatus }) {
  return (
    <footer className="status-bar" data-testid="status-bar">
      <span className={`mode mode-${status.mode}`} data-testid="status-mode">
        {status.mode === 'training' ? 'Training' : 'Live'}
      </span>
      {status.connections.map((c) => (
        <span key={c.id} className={`health health-${c.health.state}`} title={c.health.message} data-testid={`status-health-${c.id}`}>
          {c.name}: {healthLabel[c.health.state]}
        </span>
      ))}
      {(status.mode === 'training' || status.connections.some((c) => c.id === 'ifpos' && c.enabled)) && <SchemaMismatchBadge />}
      <WaitingCount />
      {!status.keychain.available && (
        <span className="health health-failing" title={status.keychain.message}>
          Keychain unavailable
        </span>
      )}
    </footer>
  );
}
