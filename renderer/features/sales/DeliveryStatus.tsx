import type { Formats } from '../../../shared/locale/formats';
import type { Delivery } from '../../../shared/sales/schemas';
import { useFormats } from '../../locale/formats';
import { DeliveryActions } from './DeliveryActions';

/** The state in a few words, as history shows it. */
export function deliveryLabel(d: Delivery, f: Formats): string {
  switch (d.state) {
    case 'waiting':
      return d.held ? 'Held' : 'Waiting';
    case 'sending':
      return 'Sending…';
    case 'sent':
      return 'Sent';
    case 'retrying':
      return d.nextAttemptAt ? `Retrying at ${f.time(d.nextAttemptAt)}` : 'Retrying';
    case 'uncertain':
      return 'Uncertain';
    case 'failed':
      return 'Failed';
    case 'cancelled':
      return 'Cancelled';
  }
}

/** The line under the label: the vendor's answer, why it is retrying, or what to do. */
function DeliveryDetail({ d }: { d: Delivery }) {
  if (d.state === 'sent') return d.summary ? <div className="delivery-summary">{d.summary}</div> : null;
  if (d.state === 'waiting' && d.held) {
    return <div className="muted">Held until the earlier delivery of this sale to {d.destinationName} is resolved.</div>;
  }
  if (d.state === 'retrying') return <div className="muted">Why: {d.lastReason}</div>;
  if (d.state === 'failed' || d.state === 'uncertain') {
    return (
      <>
        <div className="delivery-reason">{d.lastReason}</div>
        {d.action && (
          <div className="delivery-action">
            <strong>{d.state === 'uncertain' ? 'What to check:' : 'What to do:'}</strong> {d.action}
          </div>
        )}
      </>
    );
  }
  return null;
}

/** One vendor's delivery of one sale or return: state, the vendor's words, and what can be done. */
export function DeliveryStatus({ d, actions = true }: { d: Delivery; actions?: boolean }) {
  const f = useFormats();
  return (
    <div className={`delivery delivery-${d.state}${d.held ? ' delivery-held' : ''}`} data-testid={`delivery-${d.destination}`} data-state={d.state}>
      <div className="delivery-head">
        <span className="delivery-vendor">{d.destinationName}</span>{' '}
        <span className="delivery-label" data-testid="delivery-label">
          {deliveryLabel(d, f)}
        </span>
        {d.attempts > 1 && <span className="muted"> · {f.count(d.attempts, 'attempt', 'attempts')}</span>}
      </div>
      <DeliveryDetail d={d} />
      {actions && <DeliveryActions d={d} />}
    </div>
  );
}

/** Every vendor's delivery of one sale or return, side by side. */
export function DeliveryList({ deliveries, actions = true }: { deliveries: Delivery[]; actions?: boolean }) {
  if (deliveries.length === 0) return <span className="muted">Not sent to any vendor (none was enabled).</span>;
  return (
    <div className="delivery-list">
      {deliveries.map((d) => (
        <DeliveryStatus key={d.id} d={d} actions={actions} />
      ))}
    </div>
  );
}
