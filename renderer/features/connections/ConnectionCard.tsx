import { useState } from 'react';
import type { ConnectionView } from '../../../shared/connections';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { settingFields } from './fields';
import { useConnectionNotice, useTestConnection, useUpdateConnection } from './queries';
import { SecretField } from './SecretField';
import { vendorPanels } from './vendor-panels';

export function ConnectionCard({ conn, training }: { conn: ConnectionView; training: boolean }) {
  const [settings, setSettings] = useState(conn.settings);
  const update = useUpdateConnection();
  // Ticking "Enabled" is saved at once (with the settings as saved), so nothing else waits on a forgotten Save.
  const toggle = useUpdateConnection();
  const enabled = toggle.isPending && toggle.variables ? toggle.variables.enabled : conn.enabled;
  const test = useTestConnection();
  const notice = useConnectionNotice(conn.id);
  const dirty = JSON.stringify(settings) !== JSON.stringify(conn.settings);
  const health = test.data ?? conn.health;
  return (
    <section className="card connection-card" data-testid={`connection-${conn.id}`}>
      <header>
        <h2 className="card-title">{conn.name}</h2>
        <label className="toggle">
          <input
            type="checkbox"
            checked={enabled}
            disabled={toggle.isPending}
            onChange={(e) => toggle.mutate({ id: conn.id, enabled: e.target.checked, settings: conn.settings })}
            data-testid={`connection-${conn.id}-enabled`}
          />{' '}
          Enabled
        </label>
      </header>
      <ErrorMessage error={toggle.error} testId={`connection-${conn.id}-enabled-error`} />
      <p className="muted">{conn.purpose}</p>
      <p className="muted">
        Calls go to <code data-testid={`connection-${conn.id}-endpoint`}>{conn.effectiveEndpoint}</code>
        {training && ' (training simulator)'}
      </p>
      <form
        className="settings"
        onSubmit={(e) => {
          e.preventDefault();
          update.mutate({ id: conn.id, enabled: conn.enabled, settings });
        }}
      >
        {settingFields[conn.id].map((f) => (
          <label key={f.key} className={f.kind}>
            {f.kind === 'checkbox' ? (
              <input type="checkbox" checked={settings[f.key] === true} onChange={(e) => setSettings({ ...settings, [f.key]: e.target.checked })} />
            ) : null}
            {f.label}
            {f.kind === 'text' && (
              <input
                type="text"
                value={String(settings[f.key] ?? '')}
                list={f.options ? `${conn.id}-${f.key}-options` : undefined}
                onChange={(e) => setSettings({ ...settings, [f.key]: e.target.value })}
                data-testid={`connection-${conn.id}-${f.key}`}
              />
            )}
            {f.options && (
              <datalist id={`${conn.id}-${f.key}-options`}>
                {f.options.map((o) => (
                  <option key={o.url} value={o.url}>
                    {o.label}
                  </option>
                ))}
              </datalist>
            )}
            {f.hint && <small className="muted">{f.hint}</small>}
          </label>
        ))}
        <button type="submit" disabled={!dirty || update.isPending} data-testid={`connection-${conn.id}-save`}>
          Save settings
        </button>
        <ErrorMessage error={update.error} testId={`connection-${conn.id}-error`} />
        {notice && (
          <p className="notice" role="status" data-testid={`connection-${conn.id}-notice`}>
            {notice}
          </p>
        )}
      </form>
      {conn.secrets.map((s) => (
        <SecretField key={s.id} vendor={conn.id} secret={s} />
      ))}
      {(() => {
        const Panel = vendorPanels[conn.id];
        return Panel ? <Panel /> : null;
      })()}
      <footer>
        <button type="button" onClick={() => test.mutate(conn.id)} disabled={test.isPending} data-testid={`connection-${conn.id}-test`}>
          {test.isPending ? 'Testing…' : 'Test connection'}
        </button>
        <span className={`health health-${health.state}`} data-testid={`connection-${conn.id}-health`}>
          {health.message}
        </span>
      </footer>
    </section>
  );
}
