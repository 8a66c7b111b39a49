import { useState } from 'react';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useStoreStatus } from './queries';
import { JoinForm, ServerSetupForm } from './StoreSetup';
import { StoreMembers } from './StoreMembers';

/**
 * The "Store" section of Connections. A workstation on its own (the default) needs nothing here; several
 * workstations share one store server: one computer sets it up, the others join with a pairing code.
 */
export function StoreSection() {
  const status = useStoreStatus();
  const [flow, setFlow] = useState<'none' | 'server' | 'join'>('none');
  return (
    <section className="card store-card" data-testid="store-section" aria-labelledby="store-section-title">
      <h2 className="card-title" id="store-section-title">
        Store
      </h2>
      <ErrorMessage error={status.error} />
      {status.data?.role === 'alone' && (
        <>
          <p className="muted" data-testid="store-alone">
            This workstation works on its own. A store with several workstations shares one store server, so every History shows every sale and order
            numbers never collide. One computer sets the server up; the others join it with a pairing code.
          </p>
          <div className="store-actions">
            <button type="button" className={flow === 'server' ? undefined : 'secondary'} aria-expanded={flow === 'server'} onClick={() => setFlow(flow === 'server' ? 'none' : 'server')} data-testid="store-flow-server">
              Make this computer the store server
            </button>
            <button type="button" className={flow === 'join' ? undefined : 'secondary'} aria-expanded={flow === 'join'} onClick={() => setFlow(flow === 'join' ? 'none' : 'join')} data-testid="store-flow-join">
              Join a store server
            </button>
          </div>
          {flow === 'server' && <ServerSetupForm status={status.data} />}
          {flow === 'join' && <JoinForm />}
        </>
      )}
      {status.data && status.data.notices.length > 0 && (
        <ul className="store-notices" role="alert" data-testid="store-notices">
          {status.data.notices.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      {status.data && status.data.role !== 'alone' && <StoreMembers status={status.data} now={status.dataUpdatedAt} />}
    </section>
  );
}
