import { useFormats } from '../../locale/formats';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useDrafts, useParkDraft, useResumeDraft, useVoidDraft } from './queries';
import { draftBody, useSaleDraft } from './sale-store';

/** Park the sale on the counter (serve someone else), void it, or bring a parked one back. */
export function ParkedSales({ taxRate }: { taxRate: string }) {
  const drafts = useDrafts();
  const f = useFormats();
  const park = useParkDraft();
  const resume = useResumeDraft();
  const voidDraft = useVoidDraft();
  const lines = useSaleDraft((s) => s.lines);
  const load = useSaleDraft((s) => s.load);
  const parked = drafts.data?.parked ?? [];
  const body = () => draftBody(useSaleDraft.getState());
  return (
    <div className="parked-sales">
      <div className="parked-actions">
        <button type="button" className="secondary" disabled={lines.length === 0 || park.isPending} onClick={() => park.mutate(body(), { onSuccess: () => load(null, taxRate) })} data-testid="sale-park">
          Park sale
        </button>
        <button
          type="button"
          className="secondary danger"
          disabled={lines.length === 0 || voidDraft.isPending}
          onClick={() => {
            if (window.confirm('Void this sale? Its items are removed and nothing is recorded.')) voidDraft.mutate(undefined, { onSuccess: () => load(null, taxRate) });
          }}
          data-testid="sale-void"
        >
          Void sale
        </button>
      </div>
      {parked.length > 0 && (
        <section aria-labelledby="parked-title" data-testid="parked-list">
          <h2 id="parked-title" className="small-heading">
            Parked sales
          </h2>
          <ul>
            {parked.map((p) => (
              <li key={p.id} data-testid="parked-sale">
                {f.time(p.parkedAt)} · {f.count(p.itemCount, 'item', 'items')} · {f.money(p.totalCents)}{' '}
                <button type="button" className="link" onClick={() => resume.mutate({ id: p.id, current: body() }, { onSuccess: (s) => load(s.current, taxRate) })} data-testid="parked-resume">
                  Resume
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <ErrorMessage error={park.error ?? resume.error ?? voidDraft.error} testId="parked-error" />
    </div>
  );
}
