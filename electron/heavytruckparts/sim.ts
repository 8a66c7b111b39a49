import { trainingCredentials } from '../training/credentials';
import { json, type SimRequest, type SimResponse, type Simulator } from '../training/simulator';
import { buildCatalog, itemKey, type SimCatalog } from './sim-catalog';
import { seededRandom } from '../../shared/seeded-random';
import { vendorSpecs } from './sim-data';
import { EndUserError, SimEndUsers } from './sim-endusers';
import { drawPartImage } from './sim-images';
import type { Caller, SimContext } from './sim-context';
import { routeInventory } from './sim-inventory';
import { SaleRequestError, SimSales } from './sim-sales';
import type { Style } from './sim-answers';
import { SimQueryError } from './sim-search';
import { toXml } from './sim-xml';

export const HTP_SIMULATOR_ID = 'heavytruckparts';

/** API users of the training account: one answers in XML, one may not use end users or templates. */
export const XML_USER = 'xml-user';
export const LIMITED_USER = 'limited-user';
export const TRAINING_USER = 'training';

export interface HtpSimOptions {
  seed?: number;
  now?: () => number;
}

/**
 * HeavyTruckParts.net (ITrack) in training: a seeded catalog behind every documented endpoint,
 * HTTP Basic on every call, the documented filters, sorting, paging and result_size rules, sales
 * documents that close later with a tracking number, and the XML-configured user. Where the
 * document is silent (numbers or strings, answer shapes, error statuses) answers vary, seeded.
 */
export class HeavyTruckPartsSim implements Simulator, SimContext {
  readonly id = HTP_SIMULATOR_ID;
  readonly prefix = '/heavytruckparts';
  readonly name: string;
  readonly seed: number;
  readonly rand: () => number;
  readonly catalog: SimCatalog;
  readonly endUsers = new SimEndUsers();
  readonly sales: SimSales;
  private readonly passwords = new Set([trainingCredentials.heavytruckparts.password]);

  constructor(opts: HtpSimOptions = {}) {
    this.seed = opts.seed ?? (Number(process.env.BACKOFFICE_HTP_SEED) || Math.floor(Math.random() * 1e9));
    this.name = `HeavyTruckParts.net (seed ${this.seed})`;
    this.rand = seededRandom(this.seed);
    this.catalog = buildCatalog(this.seed);
    this.sales = new SimSales(this.catalog, this.rand, opts.now ?? Date.now);
  }

  reset(): void {
    Object.assign(this.catalog, buildCatalog(this.seed));
    this.endUsers.reset();
    this.sales.reset();
  }

  acceptKey(password: string): void {
    this.passwords.add(password);
  }

  private caller(req: SimRequest): { user: string } | null {
    const raw = String(req.headers.authorization ?? '');
    const m = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(raw);
    if (!m) return null;
    const decoded = Buffer.from(m[1], 'base64').toString('utf8');
    const at = decoded.indexOf(':');
    if (at <= 0) return null;
    const [user, password] = [decoded.slice(0, at), decoded.slice(at + 1)];
    return this.passwords.has(password) ? { user } : null;
  }

  private style(req: SimRequest, user: string): Style {
    const host = String(req.headers.host ?? '127.0.0.1');
    const other = host.startsWith('127.0.0.1') ? host.replace('127.0.0.1', 'localhost') : host.replace('localhost', '127.0.0.1');
    const userid = req.query.get('userid');
    return { rand: this.rand, base: `http://${host}${req.mount ?? ''}${this.prefix}`, otherBase: `http://${other}${req.mount ?? ''}${this.prefix}`, pricing: this.endUsers.pricingOf(userid), zipcode: req.query.get('zipcode') ?? '', includeQa: user !== LIMITED_USER };
  }

  /** The document does not say how errors are carried: a JSON message or plain text, by turns. */
  error(status: number, message: string, headers?: Record<string, string>): SimResponse {
    return this.rand() < 0.5 ? json(status, { error: message }, headers) : { status, body: message, headers };
  }

  private image(req: SimRequest): SimResponse {
    const name = decodeURIComponent(req.path.slice('/images/'.length));
    const m = /^(\d+)-(\d+)\.png$/.exec(name);
    const item = m ? this.catalog.items.find((it) => it.inventoryId === Number(m[1])) : undefined;
    if (!item || !item.images.includes(name)) return { status: 404, body: 'Not found' };
    return { status: 200, body: drawPartImage(name), headers: { 'Content-Type': 'image/png' } };
  }

  /** Requests by what they ask for, so tests and the training panel can count pictures and lists. */
  requestKind(req: SimRequest): string {
    if (req.path.startsWith('/images/')) return 'picture';
    const [area = '', action = '', what = ''] = req.path.split('/').filter(Boolean);
    return area === 'inventory' && action === 'available' ? `inventory/available/${what}` : `${area}/${action}`;
  }

  handle(req: SimRequest): SimResponse {
    if (req.path.startsWith('/images/')) return this.image(req);
    const who = this.caller(req);
    if (!who) return this.error(401, 'Invalid API user or password.', { 'WWW-Authenticate': 'Basic realm="HeavyTruckParts API"' });
    const caller: Caller = { user: who.user, style: this.style(req, who.user) };
    let out: SimResponse;
    try {
      out = this.route(req, caller);
    } catch (e) {
      if (e instanceof SimQueryError || e instanceof SaleRequestError) out = this.error(400, e.message);
      else if (e instanceof EndUserError) out = this.error(e.status, e.message);
      else throw e;
    }
    if (who.user === XML_USER && out.body !== undefined && typeof out.body !== 'string') {
      return { status: out.status, body: toXml(out.body), headers: { ...out.headers, 'Content-Type': this.rand() < 0.5 ? 'application/xml' : 'text/xml; charset=utf-8' } };
    }
    return out;
  }

  private route(req: SimRequest, caller: Caller): SimResponse {
    const parts = req.path.split('/').filter(Boolean).map((p) => decodeURIComponent(p));
    const [area, action, ...rest] = parts;
    if (area === 'inventory') return routeInventory(this, req, caller, action, rest);
    if (area === 'enduser') {
      if (caller.user === LIMITED_USER) return this.error(this.rand() < 0.5 ? 403 : 401, 'This API user is not configured for end user requests.');
      return this.routeEndUser(req, action, rest);
    }
    if (area === 'sale') return this.routeSale(req, action);
    return this.error(404, 'Not Found');
  }

  private routeEndUser(req: SimRequest, action: string, rest: string[]): SimResponse {
    const m = req.method;
    if (action === 'templates') {
      if (m === 'HEAD') return json(200, this.endUsers.types());
      if (m === 'GET') return json(200, this.endUsers.templates(rest[0]));
      if (m === 'POST' || m === 'PUT') return json(200, this.endUsers.assign(rest[0] ?? '', req.query));
      if (m === 'DELETE') return json(200, this.endUsers.remove(rest[0] ?? '', req.query));
    }
    if (action === 'lookup' && (m === 'GET' || m === 'HEAD')) {
      const u = this.endUsers.lookup(req.query);
      if (!u) return this.rand() < 0.5 ? this.error(404, 'No end user matches.') : json(200, {});
      return json(200, m === 'HEAD' ? { userid: u.userid } : u);
    }
    if (action === 'listall' && m === 'GET') return json(200, this.endUsers.listAll(req.query.get('refresh_list') === 'true'));
    if (action === 'log' && (m === 'POST' || m === 'PUT') && ['part_request', 'part_inquiry', 'phone_call', 'email'].includes(rest[0])) return this.logAnswer(this.endUsers.log(rest[0], req.json));
    return this.error(m === 'GET' ? 404 : 405, 'Not Found');
  }

  /** The log answers are not documented: the simulator answers in one of several plausible ways (seeded). */
  private logAnswer(logged: { log_id: number }): SimResponse {
    const n = logged.log_id;
    const shapes: SimResponse[] = [
      json(200, { success: true, log_id: n, message: 'Logged; the vendor was e-mailed.' }),
      json(200, { id: String(n) }),
      json(200, { status: 'logged', LogID: n }),
      { status: 200, body: 'OK' },
    ];
    return shapes[Math.floor(this.rand() * shapes.length)];
  }

  private routeSale(req: SimRequest, action: string): SimResponse {
    if (action === 'create' && (req.method === 'POST' || req.method === 'PUT')) return json(200, this.sales.create(req.json));
    if (action === 'lookup' && (req.method === 'GET' || req.method === 'HEAD')) {
      const doc = this.sales.lookup(req.query, req.method === 'GET');
      return doc ? json(200, doc) : this.error(404, 'No sales document matches.');
    }
    if (action === 'list' && req.method === 'GET') {
      const docs = this.sales.list(req.query);
      return json(200, this.rand() < 0.5 ? { sales_documents: docs } : { results: docs, total_results: docs.length });
    }
    return this.error(404, 'Not Found');
  }

  /** Whether an item exists, for the inventory routes. */
  item(vendorId: string, store: string, id: string) {
    return this.catalog.byKey.get(itemKey(vendorId, store, id));
  }

  vendorName(vendorId: number): string {
    return vendorSpecs.find((v) => v.id === vendorId)?.company ?? '';
  }
}
