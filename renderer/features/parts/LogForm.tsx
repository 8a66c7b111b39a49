import { forwardRef, useState } from 'react';
import { logKinds, type LogKind } from '../../../shared/heavytruckparts/inputs';
import type { EndUser, ItemDetail } from '../../../shared/heavytruckparts/types';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useLogInteraction } from './queries';

/** The vendor's answer as it came, for whoever needs the detail; the words above it are what the clerk reads. */
export function RawAnswer({ answer }: { answer: string | null }) {
  if (!answer) return null;
  return (
    <details className="parts-raw">
      <summary>What HeavyTruckParts sent</summary>
      <pre className="parts-answer">{answer}</pre>
    </details>
  );
}

export const kindLabels: Record<LogKind, string> = { phone_call: 'Phone call', email: 'E-mail', part_inquiry: 'Part inquiry', part_request: 'Part request (not found)' };

export function contactOf(user: EndUser | null, name: string, phone: string) {
  return {
    contact: user?.name ?? name, company: user?.company ?? '', address: user?.street ?? '', city: user?.city ?? '', state: user?.state ?? '', postalCode: user?.zip ?? '',
    country: user?.country ?? '', phone: user?.phone ?? phone, email: user?.email ?? '', preferredContactMethod: 'phone',
  };
}

/**
 * Logs the call about this item in one action: the kind, a line of comments, Enter. Logging makes
 * HeavyTruckParts e-mail the vendor, so a log whose answer was lost is never sent again by itself.
 */
export const LogForm = forwardRef<HTMLInputElement, { item: ItemDetail; endUser: EndUser | null; onDone: () => void }>(function LogForm({ item, endUser, onDone }, ref) {
  const [kind, setKind] = useState<LogKind>('phone_call');
  const [comments, setComments] = useState('');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const log = useLogInteraction();
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const request = kind === 'part_request' ? { partType: item.partName ?? '', make: item.partManufacturer ?? item.vehicleMake ?? '', model: item.partModel ?? item.vehicleModel ?? '', year: item.year ?? '', vehicle: '' } : null;
    log.mutate(
      { kind, contact: contactOf(endUser, name, phone), comments, item: item.key && kind !== 'part_request' ? { vendorId: item.key.vendorId, store: item.key.store, vendorSku: item.vendorSku ?? '', label: `${item.partName ?? ''} ${item.vendorSku ?? ''}`.trim() } : null, request, endUserId: endUser?.userId ?? '' },
      { onSuccess: (r) => r.state === 'logged' && (setComments(''), onDone()) },
    );
  };
  const r = log.data;
  return (
    <form className="parts-log card" onSubmit={submit} data-testid="parts-log-form" aria-label="Log this call">
      <h3>Log <kbd>L</kbd></h3>
      <label>
        What
        <select value={kind} onChange={(e) => setKind(e.target.value as LogKind)} data-testid="parts-log-kind">
          {logKinds.map((k) => <option key={k} value={k}>{kindLabels[k]}</option>)}
        </select>
      </label>
      {!endUser && (
        <>
          <label>Caller’s name<input value={name} onChange={(e) => setName(e.target.value)} data-testid="parts-log-name" /></label>
          <label>Caller’s phone<input value={phone} onChange={(e) => setPhone(e.target.value)} data-testid="parts-log-phone" /></label>
        </>
      )}
      <label>
        Comments, then Enter
        <input ref={ref} value={comments} onChange={(e) => setComments(e.target.value)} data-testid="parts-log-comments" />
      </label>
      <button type="submit" disabled={log.isPending} data-testid="parts-log-submit">{log.isPending ? 'Logging…' : 'Log it'}</button>
      {r?.state === 'logged' && (
        <div className="ok" data-testid="parts-log-done">
          <p>
            {r.summary}. <span data-testid="parts-log-answer">{r.answerWords ?? 'Logged.'}</span>
          </p>
          <RawAnswer answer={r.answer} />
        </div>
      )}
      {r && (r.state === 'unknown' || r.state === 'failed') && (
        <p className="warning" data-testid="parts-log-problem">
          {r.message} {r.state === 'unknown' ? 'It was not sent again: check under Calls (F8) and send it again only if the vendor did not get it.' : 'Send it again under Calls (F8).'}
        </p>
      )}
      <ErrorMessage error={log.error} testId="parts-log-error" />
    </form>
  );
});
