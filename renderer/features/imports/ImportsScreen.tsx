import { ErrorMessage } from '../../ui/ErrorMessage';
import { EmptyState } from '../../ui/EmptyState';
import { ImportRow } from './ImportRow';
import { useImports } from './queries';

/** Every product sheet upload, followed until Trax has imported or failed it. */
export function ImportsScreen() {
  const imports = useImports();
  if (imports.error) return <ErrorMessage error={imports.error} />;
  const list = imports.data?.imports ?? [];
  return (
    <section className="imports" data-testid="screen-imports">
      <h2>Imports</h2>
      <p className="muted">Trax reviews each upload by hand; the app keeps asking until the review ends, also after a restart.</p>
      {imports.isSuccess && list.length === 0 ? (
        <EmptyState title="No uploads yet" testId="imports-empty">
          <p>Upload a product sheet from Product sheets; it appears here with its Trax Retail status.</p>
        </EmptyState>
      ) : (
        <ul className="import-list" data-testid="import-list">
          {list.map((i) => (
            <ImportRow key={i.id} item={i} />
          ))}
        </ul>
      )}
    </section>
  );
}
