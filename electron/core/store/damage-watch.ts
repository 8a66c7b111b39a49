import type Database from 'better-sqlite3';

type Params = unknown[];

/** SQLite's words for a file whose pages no longer hold what it wrote. */
export function isDamage(error: unknown): boolean {
  const code = String((error as { code?: unknown })?.code ?? '');
  return code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB';
}

/**
 * Watches every statement on a connection (reads as well as writes, `exec` and `pragma` too) for
 * SQLite reporting damage. The first report stops the connection writing (`query_only`) before the
 * error goes on to its caller, and `onDamage` is told once: from then on nothing more is written,
 * whichever part of the app asks.
 */
export function watchForDamage(db: Database.Database, onDamage: (reason: string) => void): void {
  const pragma = db.pragma.bind(db);
  let reported = false;
  const check = (error: unknown) => {
    if (reported || !isDamage(error)) return;
    reported = true;
    try {
      pragma('query_only = ON');
    } catch {
      // A connection that cannot even take this is refused by the app's own checks from here on.
    }
    onDamage(error instanceof Error ? error.message : String(error));
  };
  const watched = <A extends Params, R>(fn: (...args: A) => R) => (...args: A): R => {
    try {
      return fn(...args);
    } catch (error) {
      check(error);
      throw error;
    }
  };
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    const statement = prepare(sql);
    for (const method of ['run', 'get', 'all', 'iterate'] as const) {
      const original = (statement[method] as (...args: Params) => unknown).bind(statement);
      Object.defineProperty(statement, method, { value: watched(original), configurable: true, writable: true });
    }
    return statement;
  }) as typeof db.prepare;
  db.exec = watched(db.exec.bind(db)) as typeof db.exec;
  db.pragma = watched(pragma) as typeof db.pragma;
}
