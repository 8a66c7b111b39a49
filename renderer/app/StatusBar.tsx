import type { AppStatus } from '../../shared/contract/app';
import { SchemaMismatchBadge } from '../features/ifpos/SchemaMismatch';
import { WaitingCount } from '../features/sales/WaitingCount';
import { StoreStatusBadge } from '../features/store/StoreStatusBadge';

const healthLabel = { ok: 'working', failing: 'failing', unknown: 'not tested', disabled: 'off' } as const;
/** Short names, so the line fits at 1024 wide; the full name and last answer are in the tooltip. */
const shortName: Record<string, string> = { simpleconsign: 'SimpleConsign', ifpos: 'IFPOS', 'trax-retail': 'Trax Retail', heavytruckparts: 'HeavyTruckParts' };

/**
 * One line at the foot of every screen: the mode, each connection in use and how it last answered, and what
 * waits to be delivered. Connections that are off are counted, not listed, so the line fits at 1024 wide.
 */
export function StatusBar({ status }: { status: AppStatus }) {
  const shown = status.connections.filter((c) => c.health.state !== 'disabled');
  const off = status.connections.length - shown.length;
  return (
    <footer className="status-bar" data-testid="status-bar">
      <span className={`mode mode-${status.mode}`} data-testid="status-mode">
        {status.mode === 'training' ? 'Training' : 'Live'}
      </span>
      {shown.map((c) => (
        <span key={c.id} className={`health health-${c.health.state}`} title={`${c.name}: ${c.health.message}`} data-testid={`status-health-${c.id}`} data-state={c.health.state}>
          {shortName[c.id] ?? c.name}
          {c.health.state === 'failing' ? ' failing' : <span className="visually-hidden">: {healthLabel[c.health.state]}</span>}
        </span>
      ))}
      {(status.mode === 'training' || status.connections.some((c) => c.id === 'ifpos' && c.enabled)) && <SchemaMismatchBadge />}
      {off > 0 && (
        <span className="muted" title={status.connections.filter((c) => c.health.state === 'disabled').map((c) => c.name).join(', ')} data-testid="status-off">
          {off} off
        </span>
      )}
      <StoreStatusBadge />
      <WaitingCount />
      {!status.keychain.available && (
        <span className="health health-failing" title={status.keychain.message} data-testid="status-keychain">
          The keychain is not available
        </span>
      )}
    </footer>
  );
}
