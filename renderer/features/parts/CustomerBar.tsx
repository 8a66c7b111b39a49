import { useState } from 'react';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { focusTestId } from './format';
import { useParts } from './parts-store';
import { useLookupEndUser } from './queries';

/** The customer on the line: found by e-mail or id and attached, so prices and availability are theirs. F4 comes here. */
export function CustomerBar() {
  const { endUser, attach, view } = useParts();
  const [text, setText] = useState('');
  const [notFound, setNotFound] = useState<string | null>(null);
  const lookup = useLookupEndUser();
  const back = () => focusTestId(view === 'item' ? 'parts-item' : 'parts-results');
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const q = text.trim();
    if (!q) return;
    setNotFound(null);
    const query = /^\d+$/.test(q) ? { email: '', userId: q } : { email: q, userId: '' };
    lookup.mutate(query, {
      onSuccess: ({ user }) => {
        if (!user) return setNotFound(`No end user matches “${q}”.`);
        attach(user);
        setText('');
        back();
      },
    });
  };
  return (
    <div className="parts-customer" data-testid="parts-customer">
      <form onSubmit={submit} role="search" aria-label="Customer">
        <label>
          Customer <kbd>F4</kbd>
          <input
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => e.key === 'Escape' && back()}
            placeholder="E-mail or end user id, then Enter"
            data-testid="parts-customer-input"
          />
        </label>
      </form>
      {endUser ? (
        <p className="parts-customer-attached" data-testid="parts-customer-attached">
          Prices for <strong>{endUser.name ?? endUser.email ?? endUser.userId}</strong>
          {endUser.company ? `, ${endUser.company}` : ''} (end user {endUser.userId}){endUser.phone ? ` · ${endUser.phone}` : ''}{' '}
          <button type="button" className="link" onClick={() => attach(null)} data-testid="parts-customer-detach">
            Detach
          </button>
        </p>
      ) : (
        <p className="muted">No customer attached: prices are the standard ones.</p>
      )}
      {lookup.isPending && <span className="muted">Looking up…</span>}
      {notFound && <p className="warning" data-testid="parts-customer-none">{notFound}</p>}
      <ErrorMessage error={lookup.error} testId="parts-customer-error" />
    </div>
  );
}
