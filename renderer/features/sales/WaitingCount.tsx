import { useNav } from '../../app/nav-store';
import { useFormats } from '../../locale/formats';
import { useSalesSummary } from './queries';
import { useSalesUi } from './sale-store';

/** Sales and returns still to deliver, those needing a person, and vendors paused, in the status bar. */
export function WaitingCount() {
  const summary = useSalesSummary();
  const f = useFormats();
  const go = useNav((s) => s.go);
  const show = useSalesUi((s) => s.show);
  if (!summary.data) return null;
  const { waiting, held, attention, destinations } = summary.data;
  const open = (state: 'pending' | 'attention') => {
    show('history', state);
    go('sales');
  };
  return (
    <>
      <button type="button" className="link status-link" onClick={() => open('pending')} data-testid="status-waiting">
        {f.number(waiting)} waiting to deliver{held > 0 ? ` (${f.number(held)} held)` : ''}
      </button>
      {attention > 0 && (
        <button type="button" className="link status-link warning" onClick={() => open('attention')} data-testid="status-attention">
          {f.count(attention, 'needs', 'need')} attention
        </button>
      )}
      {destinations
        .filter((d) => d.pauseReason)
        .map((d) => (
          <span key={d.id} className="health health-failing" title={d.pauseReason ?? ''} data-testid={`status-paused-${d.id}`}>
            {d.name} paused{d.pausedUntil ? ` until ${f.time(d.pausedUntil)}` : ''}
          </span>
        ))}
    </>
  );
}
