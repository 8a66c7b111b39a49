import { useParts } from './parts-store';
import { useSearchNow } from './queries';

/** The last searches, one key away (F3 focuses the first; Enter runs it again). */
export function RecentSearches() {
  const recent = useParts((s) => s.recent);
  const search = useSearchNow();
  if (recent.length === 0) return null;
  return (
    <nav className="parts-recent" aria-label="Recent searches" data-testid="parts-recent">
      <span className="muted">Recent <kbd>F3</kbd>:</span>
      {recent.map((c, i) => (
        <button key={i} type="button" className="secondary" onClick={() => search(c)} data-testid={`parts-recent-${i}`}>
          {[c.partType || '*', c.make || '*', c.model || '*'].join(' / ')}
          {c.yearFrom || c.yearTo ? ` ${c.yearFrom || '…'}–${c.yearTo || '…'}` : ''}
          {c.keywords ? ` “${c.keywords}”` : ''}
        </button>
      ))}
    </nav>
  );
}
