import { ErrorMessage } from '../../ui/ErrorMessage';
import { when } from './format';
import { kindLabels, RawAnswer } from './LogForm';
import { useInteractions, useResolveInteraction } from './queries';

const stateText = { sending: 'Sending…', logged: 'Logged', failed: 'Not logged', unknown: 'Answer lost: may have been logged', dismissed: 'Dismissed' } as const;

/** Calls and requests logged from here. One whose answer was lost waits for the clerk: logging e-mails the vendor. */
export function CallsView() {
  const list = useInteractions();
  const resolve = useResolveInteraction();
  return (
    <div className="parts-calls" data-testid="parts-calls">
      <h2>Logged calls and requests</h2>
      <ErrorMessage error={list.error ?? resolve.error} />
      {(list.data?.interactions ?? []).length === 0 && <p className="muted">Nothing logged yet.</p>}
      <ul className="parts-call-list">
        {(list.data?.interactions ?? []).map((x) => (
          <li key={x.id} className={`state-${x.state}`} data-testid={`parts-call-${x.id}`}>
            <strong>{stateText[x.state]}</strong> · {kindLabels[x.kind]} · {x.summary} <span className="muted">{when(x.createdAt)}</span>
            {x.message && <p className="warning">{x.message}</p>}
            {x.answerWords && <p data-testid={`parts-call-answer-${x.id}`}>{x.answerWords}</p>}
            <RawAnswer answer={x.answer} />
            {(x.state === 'unknown' || x.state === 'failed') && (
              <p>
                {x.state === 'unknown' && <span>HeavyTruckParts may already have e-mailed the vendor. </span>}
                <button type="button" className="secondary" onClick={() => resolve.mutate({ id: x.id, action: 'send-again' })}>Send again</button>{' '}
                {x.state === 'unknown' && <button type="button" className="secondary" onClick={() => resolve.mutate({ id: x.id, action: 'mark-logged' })}>It was logged</button>}{' '}
                <button type="button" className="link" onClick={() => resolve.mutate({ id: x.id, action: 'dismiss' })}>Dismiss</button>
              </p>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
