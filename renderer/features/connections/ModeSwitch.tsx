import { useMutation } from '@tanstack/react-query';
import type { AppMode, ModeSwitchPreview } from '../../../shared/connections';
import { api, unwrap } from '../../api/bridge';
import { useSetMode } from '../../app/app-queries';
import { ConfirmPanel } from '../../ui/ConfirmPanel';
import { ErrorMessage } from '../../ui/ErrorMessage';

const label = (m: AppMode) => (m === 'training' ? 'training' : 'live');

function Preview({ p }: { p: ModeSwitchPreview }) {
  return (
    <>
      {p.waiting.length > 0 ? (
        <>
          <p>
            Still waiting in {label(p.from)} mode. It stays there, is never sent to the {label(p.to)} vendors, and carries on when you come back to {label(p.from)} mode:
          </p>
          <ul className="mode-switch-list" data-testid="mode-switch-waiting">
            {p.waiting.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </>
      ) : (
        <p data-testid="mode-switch-nothing-waiting">Nothing is waiting in {label(p.from)} mode.</p>
      )}
      {p.to === 'live' && (
        <>
          <p>Test connection of every enabled connection, against the real vendors:</p>
          <ul className="mode-switch-list" data-testid="mode-switch-tests">
            {p.tests.map((t) => (
              <li key={t.id} className={`health health-${t.health.state}`} data-testid={`mode-switch-test-${t.id}`}>
                <strong>{t.name}:</strong> {t.health.message}
              </li>
            ))}
          </ul>
          {p.tests.some((t) => t.health.state !== 'ok') && <p className="warning">Some connections failed their test: sales to them will wait or fail until fixed.</p>}
        </>
      )}
      <p className="muted">Sales, returns and the inventory copy of each mode are kept apart: {label(p.to)} mode shows only its own.</p>
    </>
  );
}

/** The mode switch: shows what stays behind and, going live, tests every enabled connection, then asks. */
export function ModeSwitch({ mode }: { mode: AppMode }) {
  const target: AppMode = mode === 'training' ? 'live' : 'training';
  const prepare = useMutation({ mutationFn: (to: AppMode) => unwrap(api.connections.prepareModeSwitch({ mode: to })) });
  const setMode = useSetMode();
  const preview = prepare.data && prepare.data.from === mode ? prepare.data : null;
  return (
    <>
      <button type="button" onClick={() => prepare.mutate(target)} disabled={prepare.isPending || setMode.isPending} data-testid="switch-mode">
        {prepare.isPending ? (target === 'live' ? 'Testing connections…' : 'Checking…') : target === 'live' ? 'Switch to live' : 'Back to training'}
      </button>
      {preview && (
        <ConfirmPanel
          title={`Switch to ${label(preview.to)} mode?`}
          confirmLabel={`Switch to ${label(preview.to)}`}
          onConfirm={() => setMode.mutate(preview.to, { onSuccess: () => prepare.reset() })}
          onCancel={() => prepare.reset()}
          busy={setMode.isPending}
          testId="mode-switch-confirm"
        >
          <Preview p={preview} />
        </ConfirmPanel>
      )}
      <ErrorMessage error={prepare.error ?? setMode.error} testId="switch-mode-error" />
    </>
  );
}
