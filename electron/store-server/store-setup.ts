import crypto from 'node:crypto';
import type pg from 'pg';
import { pairingPassword, pairingRoleName } from '../../shared/store/rules';
import type { StoreMigration } from '../core/store-link';
import { connectClient, describeConnectionError, type Credentials, type ServerEndpoint, type Signer } from './server-connection';
import { knownVersion, migrate, readSchemaState, storeRoles, unknownVersions, type SchemaState } from './server-migrations';
import { newPassword, scramVerifier } from './scram';

/** Why setting up or joining stopped; its message is for the person at the counter. Nothing was written. */
export class StoreSetupError extends Error {
  constructor(
    readonly kind: 'unreachable' | 'refused' | 'other-store' | 'newer-schema' | 'not-set-up' | 'failed',
    message: string,
  ) {
    super(message);
    this.name = 'StoreSetupError';
  }
}

/** This workstation's place in a store, as the server gave it. */
export interface Membership {
  storeId: string;
  storeName: string;
  workstation: { id: number; name: string; prefix: string; roleName: string };
  /** This workstation's own password (for the OS keychain; the server keeps only its SCRAM secret). */
  password: string;
}

export const PAIRING_MINUTES = 15;

export async function signIn(endpoint: ServerEndpoint, who: Credentials, signer: Signer): Promise<pg.Client> {
  try {
    return await connectClient(endpoint, who);
  } catch (error) {
    const kind = (error as { code?: string }).code?.startsWith('28') ? 'refused' : 'unreachable';
    throw new StoreSetupError(kind, describeConnectionError(error, endpoint, signer));
  }
}

/** Refuses a server whose schema a newer version of the app wrote. */
export function assertKnownSchema(state: SchemaState, features: StoreMigration[]): void {
  const unknown = unknownVersions(state, features);
  if (unknown.length === 0) return;
  throw new StoreSetupError(
    'newer-schema',
    `The store server was set up or updated by a newer version of Parts Back Office (its schema has version ${Math.max(...unknown)}; this version knows up to ${knownVersion(features)}). Update the app on this computer first; nothing was changed.`,
  );
}

function otherStore(name: string | null): StoreSetupError {
  return new StoreSetupError('other-store', `This server already holds the store “${name ?? 'unnamed'}”. To use it, join it with a pairing code shown on its server computer; nothing was changed.`);
}

/**
 * Sets the store up on a PostgreSQL where the administrator can sign in, and pairs this computer as its
 * first workstation, in one transaction: a failure leaves the server as it was.
 */
export async function setUpStore(
  endpoint: ServerEndpoint,
  admin: Credentials,
  opts: { storeName: string; workstationName: string; features: StoreMigration[] },
): Promise<Membership> {
  const client = await signIn(endpoint, admin, 'admin');
  try {
    const state = await readSchemaState(client);
    if (state.exists && state.storeId) throw otherStore(state.storeName);
    assertKnownSchema(state, opts.features);
    const storeId = crypto.randomUUID();
    const roles = storeRoles(storeId);
    const password = newPassword();
    await client.query('BEGIN');
    try {
      await client.query(`CREATE ROLE ${roles.workstations} NOLOGIN`);
      await migrate(client, roles, opts.features);
      await client.query('INSERT INTO store.meta (store_id, store_name) VALUES ($1, $2)', [storeId, opts.storeName]);
      await client.query('GRANT SELECT ON store.schema_migrations TO ' + roles.workstations);
      const db = client.escapeIdentifier(endpoint.database);
      await client.query(`REVOKE CONNECT ON DATABASE ${db} FROM PUBLIC`);
      await client.query(`GRANT CONNECT ON DATABASE ${db} TO ${roles.workstations}`);
      const added = await client.query<{ workstation_id: number; prefix: string; role_name: string }>('SELECT * FROM store.add_workstation($1, $2)', [opts.workstationName, scramVerifier(password)]);
      await client.query('COMMIT');
      const w = added.rows[0];
      return { storeId, storeName: opts.storeName, password, workstation: { id: w.workstation_id, name: opts.workstationName, prefix: w.prefix, roleName: w.role_name } };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    }
  } finally {
    await client.end().catch(() => {});
  }
}

/** Brings the schema up to this version's (the administrator's computer does this at start). */
export async function upgradeStore(endpoint: ServerEndpoint, admin: Credentials, features: StoreMigration[]): Promise<number[]> {
  const client = await signIn(endpoint, admin, 'admin');
  try {
    const state = await readSchemaState(client);
    if (!state.exists || !state.storeId) throw new StoreSetupError('not-set-up', 'The store’s tables are missing on the server.');
    assertKnownSchema(state, features);
    await client.query('BEGIN');
    try {
      const ran = await migrate(client, storeRoles(state.storeId), features);
      await client.query('COMMIT');
      return ran;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    }
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * A one-time pairing code's role: it may sign in for 15 minutes and do one thing, call `store.join`. Codes
 * used or expired are removed first. The code itself never reaches the server, only its SCRAM secret.
 */
export async function createPairing(endpoint: ServerEndpoint, admin: Credentials, code: string): Promise<{ expiresAt: number }> {
  const client = await signIn(endpoint, admin, 'admin');
  try {
    const stale = await client.query<{ role_name: string }>('SELECT role_name FROM store.pairings WHERE used_at IS NOT NULL OR expires_at < now()');
    for (const { role_name } of stale.rows) {
      if ((await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role_name])).rowCount) {
        await client.query(`DROP OWNED BY ${client.escapeIdentifier(role_name)}`);
        await client.query(`DROP ROLE ${client.escapeIdentifier(role_name)}`);
      }
      await client.query('DELETE FROM store.pairings WHERE role_name = $1 AND workstation_id IS NULL', [role_name]);
    }
    const roleName = pairingRoleName(code);
    const role = client.escapeIdentifier(roleName);
    const until = new Date(Date.now() + PAIRING_MINUTES * 60_000);
    await client.query('BEGIN');
    try {
      await client.query(`CREATE ROLE ${role} LOGIN CONNECTION LIMIT 2 PASSWORD ${client.escapeLiteral(scramVerifier(pairingPassword(code)))} VALID UNTIL ${client.escapeLiteral(until.toISOString())}`);
      await client.query(`GRANT CONNECT ON DATABASE ${client.escapeIdentifier(endpoint.database)} TO ${role}`);
      await client.query(`GRANT USAGE ON SCHEMA store TO ${role}`);
      await client.query(`GRANT SELECT ON store.meta, store.schema_migrations TO ${role}`);
      await client.query(`GRANT EXECUTE ON FUNCTION store.join(text, text) TO ${role}`);
      await client.query('INSERT INTO store.pairings (role_name, expires_at) VALUES ($1, $2)', [roleName, until]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    }
    return { expiresAt: until.getTime() };
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Joins the store with a pairing code. The server is checked first (a newer schema, or another store than
 * the one this workstation's records belong to, is refused before anything is written); this workstation
 * then makes its own password and sends the server only its SCRAM secret.
 */
export async function joinStore(
  endpoint: ServerEndpoint,
  code: string,
  opts: { workstationName: string; features: StoreMigration[]; formerStoreId: string | null },
): Promise<Membership> {
  const client = await signIn(endpoint, { user: pairingRoleName(code), password: pairingPassword(code) }, 'pairing');
  try {
    const state = await readSchemaState(client).catch(() => null);
    if (!state?.exists || !state.storeId) throw new StoreSetupError('not-set-up', 'This server has no store set up. Set the store server up first, on the computer that runs it.');
    assertKnownSchema(state, opts.features);
    if (opts.formerStoreId && opts.formerStoreId !== state.storeId) {
      throw new StoreSetupError('other-store', `This server holds the store “${state.storeName}”, but this workstation’s records belong to another store. A workstation’s sales stay with one store; nothing was changed.`);
    }
    const password = newPassword();
    const joined = await client.query<{ workstation_id: number; prefix: string; role_name: string; store_id: string; store_name: string }>('SELECT * FROM store.join($1, $2)', [
      opts.workstationName,
      scramVerifier(password),
    ]);
    const j = joined.rows[0];
    return { storeId: j.store_id, storeName: j.store_name, password, workstation: { id: j.workstation_id, name: opts.workstationName, prefix: j.prefix, roleName: j.role_name } };
  } catch (error) {
    if (error instanceof StoreSetupError) throw error;
    if ((error as { code?: string }).code === '28P01') throw new StoreSetupError('refused', describeConnectionError(error, endpoint, 'pairing'));
    throw new StoreSetupError('failed', describeConnectionError(error, endpoint, 'pairing'));
  } finally {
    await client.end().catch(() => {});
  }
}
