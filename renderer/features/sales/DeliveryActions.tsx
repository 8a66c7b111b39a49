import { useState } from 'react';
import type { Delivery } from '../../../shared/sales/schemas';
import { ConfirmPanel } from '../../ui/ConfirmPanel';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useCancelDelivery, useMarkDelivered, useResend, useRetryNow } from './queries';

type Asking = 'cancel' | 'mark' | null;

/** A failed delivery whose instruction is to mark it done once staff did it by hand. */
export function asksToMarkDone(d: Delivery): boolean {
  return d.state === 'failed' && /mark (this delivery|it) as (done|delivered)/i.test(d.action ?? '');
}

function MarkConfirm({ d, busy, onConfirm, onCancel }: { d: Delivery; busy: boolean; onConfirm: (by: string) => void; onCancel: () => void }) {
  const [by, setBy] = useState('');
  return (
    <ConfirmPanel
      title={d.state === 'failed' ? 'Mark this delivery as done?' : 'Mark this delivery as delivered?'}
      confirmLabel={d.state === 'failed' ? 'Mark as done' : 'Mark as delivered'}
      onConfirm={() => onConfirm(by.trim())}
      onCancel={onCancel}
      busy={busy}
      confirmDisabled={by.trim() === ''}
      testId="delivery-mark-confirm"
    >
      <p>
        Only if you checked {d.destinationName} and it has this one. It will never be sent again; your name and the time are kept with it.
      </p>
      <label>
        Your name
        <input value={by} onChange={(e) => setBy(e.target.value)} maxLength={80} data-testid="delivery-mark-by" autoFocus />
      </label>
    </ConfirmPanel>
  );
}

/** Resend, cancel and mark as delivered or done; cancel and marking ask first. */
export function DeliveryActions({ d }: { d: Delivery }) {
  const resend = useResend();
  const cancel = useCancelDelivery();
  const mark = useMarkDelivered();
  const retry = useRetryNow();
  const [asking, setAsking] = useState<Asking>(null);
  const canResend = d.state === 'failed' || d.state === 'uncertain' || d.state === 'cancelled';
  const canCancel = d.state === 'waiting' || d.state === 'retrying' || d.state === 'failed';
  const canMark = d.state === 'uncertain' || asksToMarkDone(d);
  const busy = resend.isPending || cancel.isPending || mark.isPending || retry.isPending;
  if (!canResend && !canCancel && !canMark) return null;
  return (
    <div className="delivery-actions">
      {d.state === 'retrying' && (
        <button type="button" className="secondary" disabled={busy} onClick={() => retry.mutate(d.id)} data-testid="delivery-retry-now">
          Retry now
        </button>
      )}
      {canMark && (
        <button type="button" className="secondary" disabled={busy} onClick={() => setAsking('mark')} data-testid="delivery-mark-delivered">
          {d.state === 'failed' ? 'Mark as done' : 'Mark as delivered'}
        </button>
      )}
      {canResend && (
        <button type="button" className="secondary" disabled={busy} onClick={() => resend.mutate(d.id)} data-testid="delivery-resend">
          Resend
        </button>
      )}
      {canCancel && (
        <button type="button" className="secondary" disabled={busy} onClick={() => setAsking('cancel')} data-testid="delivery-cancel">
          Cancel
        </button>
      )}
      {asking === 'mark' && (
        <MarkConfirm d={d} busy={busy} onCancel={() => setAsking(null)} onConfirm={(by) => mark.mutate({ deliveryId: d.id, by }, { onSuccess: () => setAsking(null) })} />
      )}
      {asking === 'cancel' && (
        <ConfirmPanel
          title={`Cancel the delivery to ${d.destinationName}?`}
          confirmLabel="Cancel the delivery"
          onConfirm={() => cancel.mutate(d.id, { onSuccess: () => setAsking(null) })}
          onCancel={() => setAsking(null)}
          busy={busy}
          testId="delivery-cancel-confirm"
        >
          <p>It will not be sent, so {d.destinationName} will not have it unless someone enters it there. “Resend” puts it back in the queue later.</p>
        </ConfirmPanel>
      )}
      <ErrorMessage error={resend.error ?? cancel.error ?? mark.error ?? retry.error} testId="delivery-action-error" />
    </div>
  );
}
