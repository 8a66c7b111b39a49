import { currentFormats } from '../../../shared/locale/current';
import { CountField } from '../../ui/NumberField';
import { useState } from 'react';
import { faultKinds, type Fault } from '../../../shared/contract/training';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useClearFaults, useInjectFault, useResetSimulators, useTrainingStatus } from './queries';

const faultLabels: Record<Fault['kind'], string> = {
  'rate-limit': 'Rate limit (HTTP 429 with Retry-After)',
  'server-error': 'Server error (HTTP 500)',
  unavailable: 'At capacity (HTTP 503)',
  slow: 'Slow answer',
  timeout: 'No answer (time-out)',
  drop: 'Connection dropped before acting',
  'drop-after-apply': 'Answer lost after acting',
  malformed: 'Broken JSON',
  html: 'HTML page instead of data',
  'rate-cap': 'The vendor’s own “too many requests” refusal (reworded, 4xx)',
};

/** Rehearse outages: make a simulator misbehave for the next few requests and watch the app cope. */
export function TrainingPanel() {
  const status = useTrainingStatus();
  const inject = useInjectFault();
  const clear = useClearFaults();
  const reset = useResetSimulators();
  const [kind, setKind] = useState<Fault['kind']>('unavailable');
  const [count, setCount] = useState(3);
  return (
    <section className="card training-panel" data-testid="training-panel">
      <h2>Training simulators</h2>
      <ErrorMessage error={status.error ?? inject.error} />
      <table className="table">
        <thead>
          <tr>
            <th>Simulator</th>
            <th>Requests</th>
            <th>Injected faults</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {status.data?.simulators.map((s) => (
            <tr key={s.id} data-testid={`simulator-${s.id}`}>
              <td>{s.name}</td>
              <td>
                {s.requestCount}
                {Object.entries(s.counters).map(([label, n]) => (
                  <span key={label} className="muted" data-testid={`simulator-counter-${s.id}`}> · {label}: {n}</span>
                ))}
              </td>
              <td>{s.faults.map((f) => `${faultLabels[f.kind]} × ${f.count ?? '∞'}`).join(', ') || 'none'}</td>
              <td>
                <button type="button" onClick={() => inject.mutate({ simulator: s.id, fault: { kind, count } })}>
                  Inject
                </button>{' '}
                <button type="button" className="secondary" onClick={() => clear.mutate(s.id)}>
                  Clear
                </button>{' '}
                <button type="button" className="secondary" onClick={() => reset.mutate(s.id)}>
                  Reset data
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {status.data?.simulators.length === 0 && <p className="muted">No simulators are running.</p>}
      <label>
        Fault{' '}
        <select value={kind} onChange={(e) => setKind(e.target.value as Fault['kind'])}>
          {faultKinds.map((k) => (
            <option key={k} value={k}>
              {faultLabels[k]}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        for the next <CountField className="qty" min={1} max={100} what="number of requests" value={count} onValue={setCount} /> {currentFormats().plural(count, 'request', 'requests')}
      </label>
    </section>
  );
}
