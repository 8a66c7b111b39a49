import type pg from 'pg';
import type { AppMode } from '../../shared/connections';
import type { StoreMigration } from '../core/store-link';

/** Each mode's records live in their own schema, as each mode has its own file on a workstation. */
export const modeSchemas: Record<AppMode, string> = { training: 'training', live: 'live' };

/** The roles a store's objects are granted to; role names are server-wide, so each store's carry its id. */
export interface StoreRoles {
  /** Every paired workstation is a member. */
  workstations: string;
  /** The start of each workstation role's name; the workstation's number follows. */
  workstationPrefix: string;
}

export function storeRoles(storeId: string): StoreRoles {
  const tag = `bo_${storeId.replace(/-/g, '').slice(0, 12)}`;
  return { workstations: `${tag}_workstations`, workstationPrefix: `${tag}_ws` };
}

/** The store itself: who it is, its workstations, and pairing (versions 1–9; features own 10 and up). */
export const storeCoreMigrations: { version: number; name: string; sql: (roles: StoreRoles) => string }[] = [
  {
    version: 1,
    name: 'store identity, workstations and pairing',
    sql: (r) => `
      CREATE TABLE store.meta (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        store_id uuid NOT NULL,
        store_name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        -- Minutes a workstation may be silent before another delivers its waiting sales.
        takeover_minutes integer NOT NULL DEFAULT 10 CHECK (takeover_minutes BETWEEN 2 AND 1440)
      );
      CREATE TABLE store.workstations (
        id serial PRIMARY KEY,
        name text NOT NULL,
        -- The order-number prefix: the unique constraint decides, so no two workstations ever share one.
        prefix text NOT NULL UNIQUE,
        role_name text NOT NULL UNIQUE,
        paired_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz,
        app_version text,
        left_at timestamptz
      );
      CREATE TABLE store.pairings (
        role_name text PRIMARY KEY,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        workstation_id integer REFERENCES store.workstations (id)
      );
      CREATE SCHEMA training;
      CREATE SCHEMA live;
      GRANT USAGE ON SCHEMA store, training, live TO ${r.workstations};
      GRANT SELECT ON store.meta, store.workstations TO ${r.workstations};

      -- Adds a workstation with its own role (its SCRAM secret comes from the workstation; the password never does).
      CREATE FUNCTION store.add_workstation(p_name text, p_verifier text)
      RETURNS TABLE (workstation_id integer, prefix text, role_name text)
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = store, pg_temp AS $fn$
      DECLARE v_id integer; v_prefix text; v_role text; n integer;
      BEGIN
        LOOP
          SELECT min(k) INTO n FROM generate_series(1, 100000) k
            WHERE lpad(k::text, 2, '0') NOT IN (SELECT w.prefix FROM store.workstations w);
          BEGIN
            INSERT INTO store.workstations (name, prefix, role_name)
              VALUES (p_name, lpad(n::text, 2, '0'), 'pending-' || gen_random_uuid())
              RETURNING id, workstations.prefix INTO v_id, v_prefix;
            EXIT;
          EXCEPTION WHEN unique_violation THEN
            -- Another workstation took that prefix at the same moment: take the next.
          END;
        END LOOP;
        v_role := '${r.workstationPrefix}' || v_id;
        UPDATE store.workstations SET role_name = v_role WHERE id = v_id;
        EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE %I', v_role, p_verifier, '${r.workstations}');
        RETURN QUERY SELECT v_id, v_prefix, v_role;
      END $fn$;
      REVOKE ALL ON FUNCTION store.add_workstation(text, text) FROM PUBLIC;

      -- Called by a pairing role (one code, one use, 15 minutes): the code's role cannot sign in again.
      CREATE FUNCTION store.join(p_name text, p_verifier text)
      RETURNS TABLE (workstation_id integer, prefix text, role_name text, store_id uuid, store_name text)
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = store, pg_temp AS $fn$
      DECLARE w record;
      BEGIN
        PERFORM 1 FROM store.pairings p WHERE p.role_name = session_user AND p.used_at IS NULL AND p.expires_at > now() FOR UPDATE;
        IF NOT FOUND THEN RAISE EXCEPTION 'this pairing code was used already or has expired' USING ERRCODE = '28P01'; END IF;
        SELECT * INTO w FROM store.add_workstation(p_name, p_verifier);
        UPDATE store.pairings SET used_at = now(), workstation_id = w.workstation_id WHERE pairings.role_name = session_user;
        EXECUTE format('ALTER ROLE %I NOLOGIN', session_user);
        RETURN QUERY SELECT w.workstation_id, w.prefix, w.role_name, m.store_id, m.store_name FROM store.meta m;
      END $fn$;
      REVOKE ALL ON FUNCTION store.join(text, text) FROM PUBLIC;

      -- A workstation says it is alive; answers the store it is in and the server's clock.
      CREATE FUNCTION store.heartbeat(p_version text)
      RETURNS TABLE (store_id uuid, takeover_minutes integer, server_now timestamptz)
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = store, pg_temp AS $fn$
      BEGIN
        UPDATE store.workstations SET last_seen_at = now(), app_version = p_version WHERE workstations.role_name = session_user AND left_at IS NULL;
        IF NOT FOUND THEN RAISE EXCEPTION 'this workstation is not part of the store' USING ERRCODE = '28000'; END IF;
        RETURN QUERY SELECT m.store_id, m.takeover_minutes, now() FROM store.meta m;
      END $fn$;
      REVOKE ALL ON FUNCTION store.heartbeat(text) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION store.heartbeat(text) TO ${r.workstations};

      -- A workstation leaves the store; its records stay.
      CREATE FUNCTION store.leave() RETURNS void
      LANGUAGE sql SECURITY DEFINER SET search_path = store, pg_temp AS $fn$
        UPDATE store.workstations SET left_at = now() WHERE role_name = session_user;
      $fn$;
      REVOKE ALL ON FUNCTION store.leave() FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION store.leave() TO ${r.workstations};
    `,
  },
];

/** The newest schema version this app knows: its own and every feature's. */
export function knownVersion(features: StoreMigration[]): number {
  return Math.max(...storeCoreMigrations.map((m) => m.version), ...features.map((m) => m.version));
}

export interface SchemaState {
  /** The store's tables exist here. */
  exists: boolean;
  versions: number[];
  storeId: string | null;
  storeName: string | null;
}

export async function readSchemaState(client: pg.ClientBase): Promise<SchemaState> {
  const found = await client.query<{ ok: boolean }>(`SELECT to_regclass('store.schema_migrations') IS NOT NULL AND to_regclass('store.meta') IS NOT NULL AS ok`);
  if (!found.rows[0].ok) return { exists: false, versions: [], storeId: null, storeName: null };
  const versions = (await client.query<{ version: number }>('SELECT version FROM store.schema_migrations ORDER BY version')).rows.map((r) => r.version);
  const meta = (await client.query<{ store_id: string; store_name: string }>('SELECT store_id, store_name FROM store.meta')).rows[0];
  return { exists: true, versions, storeId: meta?.store_id ?? null, storeName: meta?.store_name ?? null };
}

/** Versions the server has that this app does not know: it was set up or updated by a newer version. */
export function unknownVersions(state: SchemaState, features: StoreMigration[]): number[] {
  const known = new Set([...storeCoreMigrations.map((m) => m.version), ...features.map((m) => m.version)]);
  return state.versions.filter((v) => !known.has(v));
}

/**
 * Brings the store's schema up to this app's version, inside the caller's transaction: the store's own
 * migrations once, each feature's once per mode schema, each recorded in `store.schema_migrations`. An
 * advisory lock keeps two computers from migrating at once.
 */
export async function migrate(client: pg.ClientBase, roles: StoreRoles, features: StoreMigration[]): Promise<number[]> {
  await client.query(`SELECT pg_advisory_xact_lock(hashtext('backoffice store migrations'))`);
  await client.query('CREATE SCHEMA IF NOT EXISTS store');
  await client.query('CREATE TABLE IF NOT EXISTS store.schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
  const applied = new Set((await client.query<{ version: number }>('SELECT version FROM store.schema_migrations')).rows.map((r) => r.version));
  const ran: number[] = [];
  const all = [
    ...storeCoreMigrations.map((m) => ({ version: m.version, name: m.name, run: () => client.query(m.sql(roles)) })),
    ...features.map((m) => ({
      version: m.version,
      name: m.name,
      run: async () => {
        for (const schema of Object.values(modeSchemas)) await client.query(m.sql({ schema, workstations: roles.workstations }));
      },
    })),
  ].sort((a, b) => a.version - b.version);
  for (const m of all) {
    if (applied.has(m.version)) continue;
    await m.run();
    await client.query('INSERT INTO store.schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
    ran.push(m.version);
  }
  return ran;
}
