import crypto from 'node:crypto';

const ITERATIONS = 4096;

/**
 * The SCRAM-SHA-256 secret PostgreSQL stores for a password (RFC 5802/7677, as `pg_authid` keeps it). A
 * joining workstation sends only this: its password never leaves the workstation, not even to the server.
 * The password is plain ASCII made by `newPassword`, so SASLprep leaves it unchanged.
 */
export function scramVerifier(password: string, salt: Buffer = crypto.randomBytes(16), iterations = ITERATIONS): string {
  const salted = crypto.pbkdf2Sync(password, salt, iterations, 32, 'sha256');
  const clientKey = crypto.createHmac('sha256', salted).update('Client Key').digest();
  const storedKey = crypto.createHash('sha256').update(clientKey).digest();
  const serverKey = crypto.createHmac('sha256', salted).update('Server Key').digest();
  return `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}

/** A long random password of letters and digits (no character SASLprep or a connection string could change). */
export function newPassword(): string {
  return crypto.randomBytes(32).toString('base64url').replace(/[-_]/g, 'x');
}
