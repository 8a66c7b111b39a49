import { useState } from 'react';
import type { StoreStatus, TlsMode } from '../../../shared/store/schemas';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useJoinStore, useSetUpServer } from './queries';

const tlsChoices: { value: TlsMode; label: string }[] = [
  { value: 'off', label: 'No encryption (a shop network only the store uses)' },
  { value: 'require', label: 'TLS with the server’s own certificate' },
  { value: 'verify', label: 'TLS with a certificate from a public authority (managed servers)' },
];

function TlsSelect({ value, onChange, testId }: { value: TlsMode; onChange: (v: TlsMode) => void; testId: string }) {
  return (
    <label>
      Encryption
      <select value={value} onChange={(e) => onChange(e.target.value as TlsMode)} data-testid={testId}>
        {tlsChoices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Makes this computer the store server: the bundled PostgreSQL here, or the store set up on an existing server. */
export function ServerSetupForm({ status }: { status: StoreStatus }) {
  const setUp = useSetUpServer();
  const [kind, setKind] = useState<'bundled' | 'existing'>('bundled');
  const [form, setForm] = useState({ storeName: '', workstationName: '', port: '5432', tls: false, address: '', database: 'backoffice', adminUser: 'postgres', adminPassword: '', tlsMode: 'require' as TlsMode });
  const [listen, setListen] = useState<string[]>(status.listenChoices.slice(0, 1));
  const set = (patch: Partial<typeof form>) => setForm({ ...form, ...patch });
  const submit = () => {
    const common = { storeName: form.storeName, workstationName: form.workstationName };
    if (kind === 'bundled') setUp.mutate({ kind, ...common, listen, port: /^\d+$/.test(form.port.trim()) ? Number(form.port) : 0, tls: form.tls });
    else setUp.mutate({ kind, ...common, address: form.address, database: form.database, adminUser: form.adminUser, adminPassword: form.adminPassword, tls: form.tlsMode });
  };
  return (
    <form className="settings store-form" data-testid="store-setup-form" onSubmit={(e) => (e.preventDefault(), submit())}>
      <h3>Make this computer the store server</h3>
      <fieldset>
        <legend>Where the store’s database runs</legend>
        <label className="checkbox">
          <input type="radio" name="store-kind" checked={kind === 'bundled'} onChange={() => setKind('bundled')} data-testid="store-kind-bundled" /> On this computer (the app starts PostgreSQL with itself)
        </label>
        <label className="checkbox">
          <input type="radio" name="store-kind" checked={kind === 'existing'} onChange={() => setKind('existing')} data-testid="store-kind-existing" /> On an existing PostgreSQL server (managed or replicated)
        </label>
      </fieldset>
      <label>
        Store name
        <input type="text" value={form.storeName} onChange={(e) => set({ storeName: e.target.value })} data-testid="store-setup-store-name" />
      </label>
      <label>
        This workstation’s name
        <input type="text" value={form.workstationName} placeholder="Back office" onChange={(e) => set({ workstationName: e.target.value })} data-testid="store-setup-workstation-name" />
      </label>
      {kind === 'bundled' ? (
        <>
          <fieldset>
            <legend>Listen on (the workstations reach the server at one of these)</legend>
            {status.listenChoices.map((a) => (
              <label key={a} className="checkbox">
                <input type="checkbox" checked={listen.includes(a)} onChange={(e) => setListen(e.target.checked ? [...listen, a] : listen.filter((x) => x !== a))} data-testid={`store-listen-${a}`} /> {a}
                {a === '127.0.0.1' ? ' (this computer only)' : ''}
              </label>
            ))}
          </fieldset>
          <label>
            Port
            <input type="text" inputMode="numeric" value={form.port} onChange={(e) => set({ port: e.target.value })} data-testid="store-setup-port" />
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={form.tls} onChange={(e) => set({ tls: e.target.checked })} data-testid="store-setup-tls" /> Other computers connect only with TLS
          </label>
        </>
      ) : (
        <>
          <label>
            Server address
            <input type="text" value={form.address} placeholder="db.example.com:5432" onChange={(e) => set({ address: e.target.value })} data-testid="store-setup-address" />
          </label>
          <label>
            Database
            <input type="text" value={form.database} onChange={(e) => set({ database: e.target.value })} data-testid="store-setup-database" />
          </label>
          <label>
            Administrator
            <input type="text" value={form.adminUser} onChange={(e) => set({ adminUser: e.target.value })} data-testid="store-setup-admin-user" />
          </label>
          <label>
            Administrator’s password (kept in this computer’s keychain)
            <input type="password" value={form.adminPassword} onChange={(e) => set({ adminPassword: e.target.value })} data-testid="store-setup-admin-password" />
          </label>
          <TlsSelect value={form.tlsMode} onChange={(tlsMode) => set({ tlsMode })} testId="store-setup-tls-mode" />
        </>
      )}
      <button type="submit" disabled={setUp.isPending} data-testid="store-setup-submit">
        {setUp.isPending ? 'Setting up…' : 'Set up the store server'}
      </button>
      <ErrorMessage error={setUp.error} testId="store-setup-error" />
    </form>
  );
}

/** Joins a store server with its address and the pairing code it shows. */
export function JoinForm() {
  const join = useJoinStore();
  const [form, setForm] = useState({ address: '', code: '', workstationName: '', tls: 'off' as TlsMode });
  const set = (patch: Partial<typeof form>) => setForm({ ...form, ...patch });
  return (
    <form className="settings store-form" data-testid="store-join-form" onSubmit={(e) => (e.preventDefault(), join.mutate(form))}>
      <h3>Join a store server</h3>
      <p className="muted">On the store server, open Connections → Store and choose “Show a pairing code”.</p>
      <label>
        Server address
        <input type="text" value={form.address} placeholder="192.168.1.20" onChange={(e) => set({ address: e.target.value })} data-testid="store-join-address" />
      </label>
      <label>
        Pairing code
        <input type="text" value={form.code} placeholder="K7QX-2M9P-FA3C" autoComplete="off" onChange={(e) => set({ code: e.target.value })} data-testid="store-join-code" />
      </label>
      <label>
        This workstation’s name
        <input type="text" value={form.workstationName} placeholder="Register 2" onChange={(e) => set({ workstationName: e.target.value })} data-testid="store-join-workstation-name" />
      </label>
      <TlsSelect value={form.tls} onChange={(tls) => set({ tls })} testId="store-join-tls" />
      <button type="submit" disabled={join.isPending} data-testid="store-join-submit">
        {join.isPending ? 'Joining…' : 'Join'}
      </button>
      <ErrorMessage error={join.error} testId="store-join-error" />
    </form>
  );
}
