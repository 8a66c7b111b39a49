import crypto from 'node:crypto';
import { seededRandom } from '../../shared/seeded-random';
import { trainingCredentials } from '../training/credentials';
import { json, type SimRequest, type SimResponse, type Simulator } from '../training/simulator';
import { checkUpload, type SimProject } from './sim-file-check';
import { cased, pickDialect, writeErrorFile, type Dialect } from './sim-dialect';

export interface TraxSimOptions {
  now?: () => number;
  seed?: number;
  /** How long each step of the lifecycle takes (queued, validating, review). */
  stepMs?: number;
  project?: Partial<SimProject>;
}

/** The training project: what its attribute columns, categories and products are. */
export const trainingProject: SimProject = {
  attributes: ['Flavour', 'Colour', 'Segment'],
  categories: ['Drinks', 'Snacks', 'Dairy', 'Household', 'Personal care', 'Confectionery'],
  productExists: (id) => id >= 1000 && id <= 9999,
};

interface SimImport {
  id: string;
  uuid: string;
  fileName: string;
  createdAt: number;
  fileId: string;
  errorId: string | null;
  verdict: { ok: false; message: string } | { ok: true; total: number; errored: number };
  dialect: Dialect;
}

interface SimFile {
  bytes: Buffer;
  name: string;
}

const oid = () => crypto.randomBytes(12).toString('hex');
const PATH = /^\/api\/v4\/([^/]+)\/products\/import\/suggestions(?:\/(details|file)\/([^/]+))?\/?$/;

/**
 * Trax Retail's product import: upload (multipart `file` and optional `email`), the asynchronous
 * lifecycle (queued, validating, accepted or failed; review pending, then imported) driven by the
 * clock, the error file and the source file. Auth-Token errors as the vendor's general pages list
 * them. Undocumented details vary per import from the seed (see `Dialect`).
 */
export class TraxRetailSim implements Simulator {
  readonly id = 'trax-retail';
  readonly name = 'Trax Retail Product Import';
  readonly prefix = '/trax-retail';
  private readonly keys = new Map<string, { project: string | null; expired?: boolean }>();
  private readonly imports = new Map<string, SimImport>();
  private readonly files = new Map<string, SimFile>();
  private random: () => number;
  readonly uploads: { fileName: string; email: string | null; size: number }[] = [];
  private readonly now: () => number;
  stepMs: number;

  constructor(private readonly opts: TraxSimOptions = {}) {
    this.now = opts.now ?? Date.now;
    this.stepMs = opts.stepMs ?? 1500;
    this.random = seededRandom(opts.seed ?? 12);
    this.acceptKey(trainingCredentials['trax-retail'].authToken);
    this.keys.set('expired-token', { project: null, expired: true });
  }

  /** A token for any project, or for one project only (others answer 403). */
  acceptKey(key: string, project: string | null = null): void {
    this.keys.set(key, { project });
  }

  reset(): void {
    this.imports.clear();
    this.files.clear();
    this.uploads.length = 0;
    this.random = seededRandom(this.opts.seed ?? 12);
  }

  counters(): Record<string, number> {
    return { 'uploads received': this.uploads.length };
  }

  /** Pins the dialect of later imports (tests). */
  forceDialect: Partial<Dialect> | null = null;

  async handle(req: SimRequest): Promise<SimResponse> {
    const m = PATH.exec(req.path);
    if (!m) return json(404, { message: 'Not Found' });
    const denied = this.authProblem(req, decodeURIComponent(m[1]));
    if (denied) return denied;
    if (!m[2]) return req.method === 'POST' ? this.upload(req) : json(405, { message: 'Method Not Allowed' });
    if (req.method !== 'GET') return json(405, { message: 'Method Not Allowed' });
    return m[2] === 'details' ? this.details(m[3]) : this.file(m[3]);
  }

  private authProblem(req: SimRequest, project: string): SimResponse | null {
    const header = req.headers.authorization;
    const value = Array.isArray(header) ? header[0] : header;
    if (!value || !/^Auth-Token\b/.test(value.trim())) return json(401, { description: 'missing Authorization:Auth-Token header value' });
    const token = value.trim().slice('Auth-Token'.length).trim();
    if (!/^[A-Za-z0-9._~+/=-]+$/.test(token)) return json(400, { error_description: 'invalid token' });
    const key = this.keys.get(token);
    if (!key) return json(401, { description: 'the API key is invalid' });
    if (key.expired) return json(401, { description: 'the API key has expired' });
    if (key.project !== null && key.project !== project) return json(403, { description: `access to project ${project} is forbidden` });
    return null;
  }

  private async upload(req: SimRequest): Promise<SimResponse> {
    const type = String(req.headers['content-type'] ?? '');
    if (!type.startsWith('multipart/form-data')) return json(400, { message: 'Request must be multipart/form-data with a file' });
    let form: FormData;
    try {
      form = await new Response((req.raw ?? Buffer.from(req.body)) as unknown as ConstructorParameters<typeof Response>[0], { headers: { 'content-type': type } }).formData();
    } catch {
      return json(400, { message: 'Malformed multipart body' });
    }
    const file = form.get('file');
    if (!file || typeof file === 'string') return json(400, { message: 'file is required' });
    const bytes = Buffer.from(await file.arrayBuffer());
    const email = form.get('email');
    this.uploads.push({ fileName: file.name, email: typeof email === 'string' ? email : null, size: bytes.length });
    const dialect = { ...pickDialect(this.random), ...this.forceDialect };
    const verdict = await checkUpload(file.name, bytes, { ...trainingProject, ...this.opts.project });
    const fileId = oid();
    this.files.set(fileId, { bytes, name: file.name });
    let errorId: string | null = null;
    if (verdict.ok && verdict.rowErrors.size > 0) {
      errorId = oid();
      this.files.set(errorId, { bytes: writeErrorFile(verdict.table, verdict.rowErrors, dialect), name: `${file.name.replace(/\.[^.]+$/, '')}_errors.csv` });
    }
    const id = oid();
    this.imports.set(id, {
      id, uuid: crypto.randomUUID(), fileName: file.name, createdAt: this.now(), fileId, errorId, dialect,
      verdict: verdict.ok ? { ok: true, total: verdict.table.rows.length, errored: verdict.rowErrors.size } : verdict,
    });
    // A bare id is still JSON: a quoted string.
    return dialect.importIdAsString ? { status: 200, body: JSON.stringify(id), headers: { 'Content-Type': 'application/json' } } : json(200, { importId: id });
  }

  private details(id: string): SimResponse {
    const imp = this.imports.get(id);
    if (!imp) return json(404, { message: `Import ${id} not found` });
    const d = imp.dialect;
    const step = Math.floor((this.now() - imp.createdAt) / this.stepMs);
    const done = step >= 2;
    const num = (n: number) => (d.countsAsStrings ? String(n) : n);
    const body: Record<string, unknown> = { fileName: imp.fileName, importedBy: 'api-user', started: new Date(imp.createdAt).toISOString(), fileId: imp.fileId, uuid: imp.uuid, message: '' };
    if (!done) {
      Object.assign(body, { status: cased(step === 0 ? 'queued' : 'validating', d), parsed: num(0), total: num(0), errored: num(0) });
    } else if (!imp.verdict.ok) {
      Object.assign(body, { status: cased('failed', d), parsed: num(0), total: num(0), errored: num(0), message: imp.verdict.message });
    } else {
      const imported = step >= 4;
      const status = imported && d.importedInStatus ? 'imported' : 'accepted';
      Object.assign(body, { status: cased(status, d), reviewStatus: cased(imported ? 'imported' : 'pending', d), parsed: num(imp.verdict.total), total: num(imp.verdict.total), errored: num(imp.verdict.errored) });
    }
    if (done && imp.errorId) body.errorId = imp.errorId;
    else if (d.noErrorId !== 'absent') body.errorId = d.noErrorId === 'null' ? null : '';
    return json(200, body);
  }

  private file(id: string): SimResponse {
    const f = this.files.get(id);
    if (!f) return json(404, { message: `File ${id} not found` });
    const csv = /\.csv$/i.test(f.name);
    return { status: 200, body: f.bytes, headers: { 'Content-Type': csv ? 'text/csv; charset=utf-8' : 'application/octet-stream', 'Content-Disposition': `attachment; filename="${f.name}"` } };
  }
}
