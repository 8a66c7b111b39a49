import { useState } from 'react';
import { SALES_RESERVE, VENDOR_CALL_LIMIT, type StoreStatus } from '../../../shared/store/schemas';
import { ConfirmPanel } from '../../ui/ConfirmPanel';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { lastSeenText, serverStateLabel } from './format';
import { useLeaveStore, useNewPairingCode, useStoreBudget, useStoreSettings } from './queries';

function Workstations({ status, now }: { status: StoreStatus; now: number }) {
  return (
    <table className="store-workstations" data-testid="store-workstations">
      <caption>The store’s workstations</caption>
      <thead>
        <tr>
          <th scope="col">Prefix</th>
          <th scope="col">Name</th>
          <th scope="col">Last seen</th>
        </tr>
      </thead>
      <tbody>
        {status.workstations.map((w) => (
          <tr key={w.id} data-testid={`store-workstation-${w.prefix}`}>
            <td>{w.prefix}</td>
            <td>
              {w.name}
              {w.thisOne ? ' (this one)' : ''}
            </td>
            <td className={w.silent && !w.thisOne ? 'warning' : undefined}>
              {lastSeenText(w.lastSeenAt, now)}
              {w.silent && !w.thisOne ? ` — silent; its waiting sales are delivered by another after ${status.takeoverMinutes} minutes` : ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Pairing({ status }: { status: StoreStatus }) {
  const pair = useNewPairingCode();
  return (
    <div className="store-pairing">
      <button type="button" onClick={() => pair.mutate()} disabled={pair.isPending} data-testid="store-new-code">
        {status.pairing ? 'Show a new pairing code' : 'Show a pairing code'}
      </button>
      {status.pairing && (
        <p data-testid="store-pairing">
          Pairing code <strong className="pairing-code" data-testid="store-pairing-code">{status.pairing.code}</strong> at <code>{status.server?.address}</code>, usable once until{' '}
          {new Date(status.pairing.expiresAt).toLocaleTimeString()}.
        </p>
      )}
      <ErrorMessage error={pair.error} testId="store-pairing-error" />
    </div>
  );
}

function TakeoverSetting({ status }: { status: StoreStatus }) {
  const save = useStoreSettings();
  const [minutes, setMinutes] = useState(String(status.takeoverMinutes));
  return (
    <form className="settings" onSubmit={(e) => (e.preventDefault(), save.mutate({ takeoverMinutes: /^\d+$/.test(minutes.trim()) ? Number(minutes) : 0 }))}>
      <label>
        Minutes a workstation may be silent before another delivers its waiting sales
        <input type="text" inputMode="numeric" value={minutes} onChange={(e) => setMinutes(e.target.value)} data-testid="store-takeover-minutes" />
      </label>
      <button type="submit" disabled={save.isPending || minutes === String(status.takeoverMinutes)} data-testid="store-takeover-save">
        Save
      </button>
      <ErrorMessage error={save.error} testId="store-settings-error" />
    </form>
  );
}

/** The store's SimpleConsign budget, kept on the server; shown while the server answers, as it is read from there. */
function BudgetSetting({ budget }: { budget: number }) {
  const save = useStoreBudget();
  const [calls, setCalls] = useState(String(budget));
  return (
    <form className="settings" onSubmit={(e) => (e.preventDefault(), save.mutate({ budget: /^\d+$/.test(calls.trim()) ? Number(calls) : 0 }))}>
      <label>
        SimpleConsign calls the store may make in 10 minutes (SimpleConsign allows {VENDOR_CALL_LIMIT}; sales keep {SALES_RESERVE})
        <input type="text" inputMode="numeric" value={calls} onChange={(e) => setCalls(e.target.value)} data-testid="store-budget" />
      </label>
      <button type="submit" disabled={save.isPending || calls === String(budget)} data-testid="store-budget-save">
        Save
      </button>
      <ErrorMessage error={save.error} testId="store-budget-error" />
    </form>
  );
}

function Leave() {
  const leave = useLeaveStore();
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="secondary" onClick={() => setAsking(true)} data-testid="store-leave">
        Leave the store server
      </button>
    );
  }
  return (
    <ConfirmPanel title="Leave the store server?" confirmLabel="Leave" busy={leave.isPending} onConfirm={() => leave.mutate()} onCancel={() => setAsking(false)} testId="store-leave-confirm">
      <p>This workstation keeps its records and works on its own again. Its sales are no longer shared, and it can join this store again later.</p>
      <ErrorMessage error={leave.error} />
    </ConfirmPanel>
  );
}

/** A paired workstation: its name and prefix, the server's state, the others and when each was last seen. */
export function StoreMembers({ status, now }: { status: StoreStatus; now: number }) {
  const server = status.server!;
  return (
    <div data-testid="store-members">
      <p>
        This workstation is <strong data-testid="store-workstation-name">{status.workstation?.name}</strong>, prefix{' '}
        <strong data-testid="store-workstation-prefix">{status.workstation?.prefix}</strong>, in the store <strong>{status.storeName}</strong>.
      </p>
      <p>
        Store server at <code data-testid="store-server-address">{server.address}</code> ({server.kind === 'bundled' ? 'on this computer' : 'PostgreSQL server'}
        {server.tls === 'off' ? '' : ', TLS'}):{' '}
        <span className={`health health-${server.state === 'connected' ? 'ok' : 'failing'}`} data-testid="store-server-state" data-state={server.state}>
          {serverStateLabel[server.state]}
        </span>
      </p>
      <p className={server.state === 'connected' ? 'muted' : 'warning'} data-testid="store-server-message">
        {server.message}
      </p>
      <p className="muted" data-testid="store-inventory-loader">
        Inventory: {status.inventoryLoader ? `loaded from SimpleConsign by ${status.inventoryLoader}` : 'no workstation loads it right now'}.
      </p>
      {status.allowance && (
        <p className="muted" data-testid="store-allowance">
          SimpleConsign calls in the last 10 minutes: {status.allowance.used} of the store’s {status.allowance.budget} (sales first; inventory loads leave room for them).
        </p>
      )}
      <Workstations status={status} now={now} />
      {status.canPair && <Pairing status={status} />}
      {status.canPair && <TakeoverSetting key={status.takeoverMinutes} status={status} />}
      {status.allowance && <BudgetSetting key={status.allowance.budget} budget={status.allowance.budget} />}
      <Leave />
    </div>
  );
}
