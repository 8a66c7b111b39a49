import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { isLoopbackHost } from '../../shared/endpoint-policy';
import { fail, type Result } from '../../shared/result';
import type { Dispatch } from '../ipc/dispatch';
import { contentSecurityPolicy } from '../shell/csp';
import { attachSocketBridge } from './socket-bridge';

export interface WebShellOptions {
  dispatch: Dispatch;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  host?: string;
  port?: number;
  token?: string;
}

export interface WebShell {
  /** Open this in a browser; the token travels in the fragment, which is never sent to a server. */
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
};

const MAX_BODY = 5 * 1024 * 1024;
/**
 * A browser opens at most six connections to one host, plus the bridge socket; far more means a local
 * process is hoarding descriptors. Kept low with the simulators' own cap, so a flood of both leaves the
 * app well below the descriptor numbers where the keychain's D-Bus library fails (select(), 1,024).
 */
export const WEB_SHELL_MAX_CONNECTIONS = 48;

function sendJson(res: http.ServerResponse, status: number, body: Result<unknown>): void {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

function tokenMatches(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/**
 * The browser shell: the built renderer plus the bridge contract over HTTP and over a WebSocket,
 * on loopback only, each call (or socket) guarded by a random per-run token. It exists where Electron cannot run.
 */
export async function startWebShell(opts: WebShellOptions): Promise<WebShell> {
  const host = opts.host ?? '127.0.0.1';
  if (!isLoopbackHost(host.replace(/^\[|\]$/g, '')) || host === 'localhost') {
    throw new Error(`The browser shell only listens on 127.0.0.1 or ::1, never on "${host}".`);
  }
  const token = opts.token ?? crypto.randomBytes(24).toString('base64url');
  let origin = '';
  const server = http.createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) sendJson(res, 500, fail('internal', 'The browser shell could not answer.'));
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // A page on another site may point its own hostname at 127.0.0.1 (DNS rebinding): only our own Host is served.
    if (`http://${req.headers.host ?? ''}` !== origin) {
      res.writeHead(421).end('Misdirected request');
      return;
    }
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname.startsWith('/rpc/')) return rpc(req, res, decodeURIComponent(url.pathname.slice(5)));
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    serveStatic(res, url.pathname);
  }

  async function rpc(req: http.IncomingMessage, res: http.ServerResponse, channel: string): Promise<void> {
    if (req.method !== 'POST') return sendJson(res, 405, fail('forbidden', 'Bridge calls are POST requests.'));
    const auth = req.headers.authorization?.replace(/^Bearer /, '');
    if (!tokenMatches(auth, token)) return sendJson(res, 401, fail('forbidden', 'This request did not carry the browser shell’s token.'));
    const fromOrigin = req.headers.origin;
    if (fromOrigin && fromOrigin !== origin) return sendJson(res, 403, fail('forbidden', 'Requests from other sites are refused.'));
    if (!String(req.headers['content-type']).startsWith('application/json')) {
      return sendJson(res, 415, fail('invalid-input', 'Bridge calls carry JSON.'));
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY) return sendJson(res, 413, fail('invalid-input', 'The request is too large.'));
      chunks.push(chunk as Buffer);
    }
    let input: unknown;
    try {
      input = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
    } catch {
      return sendJson(res, 400, fail('invalid-input', 'The request body is not valid JSON.'));
    }
    sendJson(res, 200, await opts.dispatch(channel, input));
  }

  function serveStatic(res: http.ServerResponse, pathname: string): void {
    const root = path.resolve(opts.staticDir);
    let file = path.resolve(root, `.${decodeURIComponent(pathname)}`);
    // Source maps would hand out the app's sources: never served, whatever the build left behind.
    if ((!file.startsWith(root + path.sep) && file !== root) || file.endsWith('.map')) {
      res.writeHead(404).end();
      return;
    }
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(root, 'index.html');
    if (!fs.existsSync(file)) {
      res.writeHead(503, { 'Content-Type': 'text/plain' }).end('The renderer has not been built: run `npm run build:renderer`.');
      return;
    }
    res.writeHead(200, {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': contentSecurityPolicy,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    });
    fs.createReadStream(file).pipe(res);
  }

  const sockets = attachSocketBridge(server, { dispatch: opts.dispatch, origin: () => origin, tokenMatches: (given) => tokenMatches(given, token), maxPayload: MAX_BODY });
  server.maxConnections = WEB_SHELL_MAX_CONNECTIONS;
  // A connection that never completes its headers is closed instead of holding a descriptor.
  server.headersTimeout = 15_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    close: () => new Promise<void>((resolve) => {
      sockets.close();
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
