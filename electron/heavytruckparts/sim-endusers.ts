import { endUsers, templates } from './sim-data';

type Obj = Record<string, unknown>;

export class EndUserError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** End users, their template associations and the logged interactions, in training. */
export class SimEndUsers {
  /** userid → template type → template name. */
  assignments = new Map<string, Map<string, string>>();
  logs: { kind: string; body: unknown }[] = [];

  constructor() {
    this.reset();
  }

  reset(): void {
    this.logs = [];
    this.assignments = new Map(endUsers.map((u) => [u.userid, new Map(u.template ? [['pricing', u.template]] : [])]));
  }

  types(): string[] {
    return [...new Set(templates.map((t) => t.template_type))];
  }

  templates(type: string | undefined): Obj[] {
    if (type && !this.types().includes(type)) throw new EndUserError(404, `Unknown template type "${type}".`);
    return templates.filter((t) => !type || t.template_type === type);
  }

  pricingOf(userid: string | null): string | null {
    return userid ? (this.assignments.get(userid)?.get('pricing') ?? null) : null;
  }

  lookup(q: URLSearchParams): Obj | null {
    const email = q.get('email');
    const id = q.get('userid');
    if (!email && !id) throw new EndUserError(400, 'Give email or userid.');
    const u = endUsers.find((x) => (email ? x.email.toLowerCase() === email.trim().toLowerCase() : x.userid === id));
    if (!u) return null;
    const { template: _template, ...rest } = u;
    return rest;
  }

  listAll(refresh: boolean): Obj[] {
    // A refresh generates associations for users that have none, as ISoft can configure.
    if (refresh) for (const [id, m] of this.assignments) if (!m.has('pricing')) this.assignments.set(id, new Map([...m, ['pricing', 'Retail']]));
    return endUsers.map((u) => ({ userid: u.userid, company: u.company, name: u.name, email: u.email, templatename: this.assignments.get(u.userid)?.get('pricing') ?? '' }));
  }

  assign(type: string, q: URLSearchParams): Obj {
    const userid = q.get('userid') ?? '';
    const name = q.get('template') ?? '';
    if (!endUsers.some((u) => u.userid === userid)) throw new EndUserError(404, `No end user ${userid}.`);
    const types = type === 'all' ? this.types() : [type];
    for (const t of types) {
      if (!this.types().includes(t)) throw new EndUserError(404, `Unknown template type "${t}".`);
      if (!templates.some((x) => x.template_type === t && x.template_name === name)) throw new EndUserError(404, `No ${t} template named "${name}".`);
    }
    const m = this.assignments.get(userid)!;
    for (const t of types) m.set(t, name);
    return { success: true, userid, template: name, template_type: type };
  }

  remove(type: string, q: URLSearchParams): Obj {
    const userid = q.get('userid') ?? '';
    const m = this.assignments.get(userid);
    if (!m) throw new EndUserError(404, `No end user ${userid}.`);
    if (type === 'all') m.clear();
    else m.delete(type);
    return { success: true, userid, template_type: type };
  }

  log(kind: string, body: unknown): { log_id: number } {
    const o = (typeof body === 'object' && body !== null ? body : null) as Obj | null;
    if (!o) throw new EndUserError(400, 'The log request needs a JSON body.');
    if (typeof o.contact !== 'object' || o.contact === null) throw new EndUserError(400, 'contact is required.');
    if (kind === 'part_inquiry' && (!o.vendor_id || !o.vendor_store_id || !o.vendor_sku)) throw new EndUserError(400, 'vendor_id, vendor_store_id and vendor_sku are required.');
    if (kind === 'part_request' && !o.part_type) throw new EndUserError(400, 'part_type is required.');
    this.logs.push({ kind, body });
    return { log_id: this.logs.length };
  }
}
