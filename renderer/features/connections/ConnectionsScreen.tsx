import { useAppStatus } from '../../app/app-queries';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { StoreSection } from '../store/StoreSection';
import { TrainingPanel } from '../training/TrainingPanel';
import { ConnectionCard } from './ConnectionCard';
import { ModeSwitch } from './ModeSwitch';
import { useConnections } from './queries';

export function ConnectionsScreen() {
  const status = useAppStatus();
  const connections = useConnections();
  const mode = status.data?.mode ?? 'training';
  const keychain = status.data?.keychain;
  return (
    <div className="screen" data-testid="screen-connections">
      <h1>Connections</h1>
      <section className="card mode-card">
        <p>
          Mode: <strong data-testid="connections-mode">{mode === 'training' ? 'Training' : 'Live'}</strong>.{' '}
          {mode === 'training'
            ? 'Calls go to built-in simulators. Enter real endpoints and credentials below, enable the connections you use, then switch to live.'
            : 'Enabled connections call the real vendors with the credentials in your keychain.'}
        </p>
        <ModeSwitch mode={mode} />
        {keychain && <p className={keychain.available ? 'muted' : 'warning'} data-testid="keychain-status">{keychain.message}</p>}
      </section>
      <ErrorMessage error={connections.error} />
      <div className="cards">
        {connections.data?.map((c) => (
          <ConnectionCard key={`${c.id}-${JSON.stringify(c.settings)}`} conn={c} training={mode === 'training'} />
        ))}
      </div>
      <StoreSection />
      {mode === 'training' && <TrainingPanel />}
    </div>
  );
}
