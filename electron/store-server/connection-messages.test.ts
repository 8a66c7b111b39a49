import { describe, expect, it } from 'vitest';
import { describeConnectionError, isUnreachable, type ServerEndpoint } from './server-connection';

const server: ServerEndpoint = { host: 'backoffice.local', port: 5433, database: 'store', tls: 'off' };
const said = (error: object) => describeConnectionError(error, server, 'workstation');

describe('what a workstation says of a store server it cannot use', () => {
  it('names the address and what to check, for each way a connection fails', () => {
    expect(said({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' })).toBe('Nothing answers at backoffice.local:5433. Check the address and port, and that the store server is running.');
    expect(said({ code: '57P03', message: 'the database system is starting up' })).toBe('The store server at backoffice.local:5433 is stopping or starting; it will be tried again.');
    expect(said({ code: '28P01', message: 'password authentication failed' })).toMatch(/no longer accepts this workstation’s password/);
    expect(said({ message: 'timeout expired' })).toBe('backoffice.local:5433 did not answer within 5 seconds. Check the address, and that a firewall lets this computer in.');
  });

  it('says a statement that went unanswered for its limit ran out of its own time, not the time to connect', () => {
    expect(said({ message: 'Query read timeout' })).toBe(
      'backoffice.local:5433 did not answer a statement within 15 seconds: it may be very busy, or the line to it went quiet. It will be tried again.',
    );
  });

  it('does not call a server that went down mid-connection something other than PostgreSQL', () => {
    const cut = { message: 'Connection terminated unexpectedly' };
    expect(said(cut)).toMatch(/^The connection to backoffice.local:5433 ended before the server answered: the store server may be stopping or restarting/);
    expect(isUnreachable(cut)).toBe(true);
    expect(said({ message: 'Received unexpected message type from server' })).toBe('Something answers at backoffice.local:5433, but it is not a PostgreSQL server. Check the port.');
  });
});
