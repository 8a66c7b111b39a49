import { serverStateLabel } from './format';
import { useStoreStatus } from './queries';

/** The store server's state at the foot of every screen, when this workstation is part of a store. */
export function StoreStatusBadge() {
  const status = useStoreStatus();
  const server = status.data?.server;
  if (!server) return null;
  const ok = server.state === 'connected';
  return (
    <span className={`health health-${ok ? 'ok' : 'failing'}`} title={server.message} data-testid="status-store" data-state={server.state}>
      Store server {ok ? <span className="visually-hidden">{serverStateLabel[server.state]}</span> : serverStateLabel[server.state]}
    </span>
  );
}
