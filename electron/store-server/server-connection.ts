import type pg from 'pg';
import { formatServerAddress } from '../../shared/store/rules';
import type { TlsMode } from '../../shared/store/schemas';

/** Where the store's database is and how to reach it. */
export interface ServerEndpoint {
  host: string;
  port: number;
  database: string;
  tls: TlsMode;
}

export interface Credentials {
  user: string;
  password: string;
}

/** How long a connection attempt may take before the server counts as away. */
export const CONNECT_TIMEOUT_MS = 5_000;
/** How long one statement may take; the LAN server answers in milliseconds, so longer means trouble. */
export const QUERY_TIMEOUT_MS = 15_000;

/** Client settings for the endpoint. TLS `require` leans on SCRAM channel binding (see server-certificate.ts). */
export function clientConfig(endpoint: ServerEndpoint, who: Credentials, searchPath?: string): pg.ClientConfig {
  const ssl = endpoint.tls === 'off' ? false : endpoint.tls === 'verify' ? { rejectUnauthorized: true, servername: endpoint.host } : { rejectUnauthorized: false };
  return {
    host: endpoint.host,
    port: endpoint.port,
    database: endpoint.database,
    user: who.user,
    password: who.password,
    ssl,
    enableChannelBinding: endpoint.tls !== 'off',
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    query_timeout: QUERY_TIMEOUT_MS,
    keepAlive: true,
    application_name: 'Parts Back Office',
    ...(searchPath ? { options: `-c search_path=${searchPath}` } : {}),
  };
}

/** The PostgreSQL client library, loaded only once this computer is part of a store (a lone workstation never needs it). */
export async function postgres(): Promise<typeof pg> {
  return (await import('pg')).default;
}

/**
 * A pool of connections to the store server. pg reports a connection the server drops as an 'error' event on
 * it, and an 'error' nobody listens for ends the app: the pool listens only while a connection is idle, not
 * while one is lent out (in a transaction). Every connection gets its own listener; the failure still reaches
 * the caller through its statement, and the next heartbeat reconnects.
 */
export async function storePool(config: pg.ClientConfig, max: number): Promise<pg.Pool> {
  const { Pool, Client } = await postgres();
  const limit = config.connectionTimeoutMillis;
  // Only making a connection has a time limit (a server that does not answer is away). Waiting for one the
  // pool has lent out is a busy workstation, not an absent server: the lent one's statement has its own limit.
  class TimedClient extends Client {
    constructor(c?: pg.ClientConfig) {
      // Every property, the pool's hidden (non-enumerable) password as well.
      super(Object.defineProperties({}, { ...Object.getOwnPropertyDescriptors(c ?? {}), connectionTimeoutMillis: { value: limit, enumerable: true } }));
    }
  }
  const pool = new Pool({ ...config, connectionTimeoutMillis: 0, Client: TimedClient, max, idleTimeoutMillis: 30_000 });
  pool.on('error', () => {});
  pool.on('connect', (client) => void client.on('error', () => {}));
  return pool;
}

/** Connects one client (pairing, setting up, checking); the caller ends it. */
export async function connectClient(endpoint: ServerEndpoint, who: Credentials, searchPath?: string): Promise<pg.Client> {
  const { Client } = await postgres();
  const client = new Client(clientConfig(endpoint, who, searchPath));
  // A dropped connection is reported by the next query; an unhandled 'error' event would end the app.
  client.on('error', () => {});
  try {
    await client.connect();
    return client;
  } catch (error) {
    await client.end().catch(() => {});
    throw error;
  }
}

export type Signer = 'pairing' | 'admin' | 'workstation';

const refusedSignIn: Record<Signer, string> = {
  pairing: 'The server did not accept the pairing code: it is mistyped, already used or more than 15 minutes old. Ask for a new one on the store server.',
  admin: 'The server did not accept the administrator’s user name and password. Check them and try again.',
  workstation: 'The store server no longer accepts this workstation’s password: it may have been removed from the store. Pair it again with a new code.',
};

/** A connection problem in plain words, naming the address and what to check. */
export function describeConnectionError(error: unknown, endpoint: ServerEndpoint, signer: Signer): string {
  const e = error as { code?: string; message?: string };
  const where = formatServerAddress(endpoint);
  const msg = e.message ?? String(error);
  if (e.code === 'ECONNREFUSED') return `Nothing answers at ${where}. Check the address and port, and that the store server is running.`;
  if (e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN') return `No computer called “${endpoint.host}” was found on the network. Check the address.`;
  if (e.code === 'EHOSTUNREACH' || e.code === 'ENETUNREACH') return `${where} cannot be reached from this computer. Check the network cable or Wi-Fi, and the address.`;
  // A connection made, then a statement unanswered for its whole limit: the server is overloaded or the line went quiet.
  if (/query read timeout/i.test(msg)) return `${where} did not answer a statement within ${QUERY_TIMEOUT_MS / 1000} seconds: it may be very busy, or the line to it went quiet. It will be tried again.`;
  if (e.code === 'ETIMEDOUT' || /timeout/i.test(msg)) return `${where} did not answer within ${CONNECT_TIMEOUT_MS / 1000} seconds. Check the address, and that a firewall lets this computer in.`;
  if (e.code === '57P01' || e.code === '57P02' || e.code === '57P03') return `The store server at ${where} is stopping or starting; it will be tried again.`;
  if (e.code === '28P01') return refusedSignIn[signer];
  if (e.code === '28000' && /no encryption/i.test(msg)) return `The server at ${where} accepts only encrypted connections: choose TLS.`;
  if (e.code === '28000' && /reject|no pg_hba/i.test(msg)) return `The server at ${where} does not let this computer sign in from where it is. Ask whoever runs it to allow this address.`;
  if (e.code === '28000') return refusedSignIn[signer];
  if (e.code === '3D000') return `The server at ${where} has no database “${endpoint.database}”. Check the database name.`;
  if (/does not support SSL/i.test(msg)) return `The server at ${where} does not offer encrypted connections: turn TLS off, or turn it on at the server.`;
  if (/self[- ]signed|unable to verify|certificate/i.test(msg)) return `The server’s certificate is not signed by an authority this computer trusts. Choose “TLS with the server’s own certificate” for a store’s own server.`;
  if (/SASL|SCRAM/i.test(msg)) return `The server at ${where} could not prove it knows this workstation’s password: it may not be the store’s server. Nothing was sent.`;
  // A server stopping or restarting closes connections just as a program that is not PostgreSQL does.
  if (/terminated unexpectedly|ECONNRESET/i.test(msg)) return `The connection to ${where} ended before the server answered: the store server may be stopping or restarting (it will be tried again), or what answers there is not PostgreSQL (check the port).`;
  if (/unexpected|protocol/i.test(msg)) return `Something answers at ${where}, but it is not a PostgreSQL server. Check the port.`;
  return `The store server at ${where} could not be used: ${msg}`;
}

/** Errors that mean the server is (for now) out of reach, rather than a fault in a statement. */
export function isUnreachable(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  if (['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'ECONNRESET', 'EPIPE', '57P01', '57P02', '57P03', '08006', '08001', '08003', '08004'].includes(e.code ?? '')) return true;
  return /timeout|terminated|Connection ended|not queryable|Client was closed|ended by the other party/i.test(e.message ?? '');
}
