import type Database from 'better-sqlite3';
import type { SecretRedactor } from '../secrets/redact';

type Params = unknown[];

/**
 * The last line of defence for "secrets never reach the store": every statement that writes has its
 * text values scrubbed of known secrets before SQLite sees them. Reads pass untouched, and nothing is
 * done at all while no secret is known (training mode, tests).
 */
export function guardWrites(db: Database.Database, redactor: SecretRedactor): void {
  const prepare = db.prepare.bind(db);
  const scrubParams = (params: Params): Params => (redactor.active ? params.map((p) => redactor.scrubDeep(p)) : params);
  db.prepare = ((sql: string) => {
    const statement = prepare(sql);
    if (statement.reader && !/\bRETURNING\b/i.test(sql)) return statement;
    for (const method of ['run', 'get', 'all', 'iterate', 'bind'] as const) {
      const original = (statement[method] as (...args: Params) => unknown).bind(statement);
      Object.defineProperty(statement, method, { value: (...args: Params) => original(...scrubParams(args)), configurable: true, writable: true });
    }
    return statement;
  }) as typeof db.prepare;
}
