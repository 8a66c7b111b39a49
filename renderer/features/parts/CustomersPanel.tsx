import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/bridge';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { partsKeys } from './queries';

/** Every end user with their template, and templates to assign (one type or all) or remove. */
export function CustomersPanel() {
  const qc = useQueryClient();
  const [refresh, setRefresh] = useState(false);
  const users = useQuery({ queryKey: [...partsKeys.endUsers(), refresh], queryFn: () => unwrap(api.parts.listEndUsers({ refresh })) });
  const templates = useQuery({ queryKey: partsKeys.templates(''), queryFn: () => unwrap(api.parts.listTemplates({ type: '' })) });
  const [form, setForm] = useState({ userId: '', type: 'all', template: '' });
  const done = { onSuccess: () => qc.invalidateQueries({ queryKey: partsKeys.endUsers() }) };
  const assign = useMutation({ mutationFn: () => unwrap(api.parts.assignTemplate(form)), ...done });
  const remove = useMutation({ mutationFn: () => unwrap(api.parts.removeTemplate({ type: form.type, userId: form.userId })), ...done });
  const types = [...new Set((templates.data?.templates ?? []).map((t) => t.type).filter((t): t is string => !!t))];
  return (
    <section className="card" data-testid="parts-customers">
      <h2>End users and templates</h2>
      <button type="button" className="secondary" onClick={() => setRefresh(true)} data-testid="parts-endusers-refresh">Refresh associations</button>
      <ErrorMessage error={users.error} testId="parts-endusers-error" />
      {/* A narrow window scrolls the table sideways by itself, so it takes the keyboard's focus to be scrolled. */}
      <table className="table" tabIndex={0} aria-label="End users and their templates">
        <thead><tr><th>Id</th><th>Name</th><th>Company</th><th>E-mail</th><th>Template</th></tr></thead>
        <tbody>
          {(users.data?.users ?? []).map((u) => (
            <tr key={u.userId}><td>{u.userId}</td><td>{u.name}</td><td>{u.company}</td><td>{u.email}</td><td>{u.templateName ?? '—'}</td></tr>
          ))}
        </tbody>
      </table>
      <ErrorMessage error={templates.error} testId="parts-templates-error" />
      <form className="parts-search-row" onSubmit={(e) => (e.preventDefault(), assign.mutate())}>
        <label>End user id<input value={form.userId} onChange={(e) => setForm({ ...form, userId: e.target.value })} data-testid="parts-template-user" /></label>
        <label>
          Type
          <select value={form.type} onChange={(e) => setForm({ ...form, type: e.target.value })} data-testid="parts-template-type">
            <option value="all">all</option>
            {types.map((t) => <option key={t}>{t}</option>)}
          </select>
        </label>
        <label>
          Template
          <select value={form.template} onChange={(e) => setForm({ ...form, template: e.target.value })} data-testid="parts-template-name">
            <option value="">Choose…</option>
            {[...new Set((templates.data?.templates ?? []).filter((t) => form.type === 'all' || t.type === form.type).map((t) => t.name))].map((n) => <option key={n}>{n}</option>)}
          </select>
        </label>
        <button type="submit" data-testid="parts-template-assign">Assign</button>
        <button type="button" className="secondary" onClick={() => remove.mutate()} data-testid="parts-template-remove">Remove</button>
      </form>
      <ErrorMessage error={assign.error ?? remove.error} />
      {(assign.data ?? remove.data) && <p className="ok" data-testid="parts-template-message">{(assign.data ?? remove.data)!.message}</p>}
    </section>
  );
}
