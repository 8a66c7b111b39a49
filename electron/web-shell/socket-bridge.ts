import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { z } from 'zod';
import { SHELL_SOCKET_PATH } from '../../shared/contract/shell-socket';
import { fail } from '../../shared/result';
import type { Dispatch } from '../ipc/dispatch';

/** Time a socket has to show the token before it is closed. */
const HELLO_MS = 5_000;
/** Bytes a socket may send before it has shown the token: the token's message is under a hundred. */
export const HELLO_MAX_BYTES = 1024;

const helloSchema = z.object({ hello: z.string() }).strict();
const callSchema = z.object({ id: z.number().int().nonnegative(), channel: z.string().max(200), input: z.unknown() }).strict();

export interface SocketBridgeOptions {
  dispatch: Dispatch;
  /** Only the shell's own page may connect (a socket is not bound by the same-origin rule). */
  origin: () => string;
  tokenMatches: (given: string | undefined) => boolean;
  maxPayload: number;
}

/**
 * The bridge contract over one WebSocket per page, beside the HTTP route: a browser's fetch costs
 * several milliseconds a call, a message on an open socket well under one. The page proves itself
 * with the run's token in its first message; until then nothing is dispatched. Calls carry an id
 * and are answered in any order.
 */
export function attachSocketBridge(server: http.Server, opts: SocketBridgeOptions): { close(): void } {
  const wss = new WebSocketServer({ noServer: true, maxPayload: opts.maxPayload });
  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const origin = opts.origin();
    const sameHost = `http://${req.headers.host ?? ''}` === origin;
    if (!sameHost || req.headers.origin !== origin || new URL(req.url ?? '/', origin).pathname !== SHELL_SOCKET_PATH) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serve(ws, socket, opts));
  });
  return {
    close: () => {
      // A server that stops leaves no page's socket open behind it.
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}

/**
 * Until the token is shown, the raw bytes are counted as they arrive: more than a token's message and
 * the connection is cut at once, before the library gathers a large message (up to the size limit) for
 * a socket that has proved nothing.
 */
function limitBeforeHello(socket: Duplex, ws: WebSocket): () => void {
  let received = 0;
  const count = (chunk: Buffer) => {
    received += chunk.length;
    if (received > HELLO_MAX_BYTES) ws.terminate();
  };
  socket.on('data', count);
  return () => socket.off('data', count);
}

function serve(ws: WebSocket, socket: Duplex, opts: SocketBridgeOptions): void {
  let trusted = false;
  const stopCounting = limitBeforeHello(socket, ws);
  const hello = setTimeout(() => ws.close(4401, 'No token'), HELLO_MS);
  ws.on('close', () => (clearTimeout(hello), stopCounting()));
  // A frame over the size limit or malformed: the library closes the socket (1009, 1002); the shell goes on.
  ws.on('error', () => {});
  ws.on('message', (data: RawData, isBinary: boolean) => {
    const message = parse(data, isBinary);
    if (!trusted) {
      const h = helloSchema.safeParse(message);
      if (!h.success || !opts.tokenMatches(h.data.hello)) return ws.close(4401, 'This socket did not carry the browser shell’s token.');
      trusted = true;
      clearTimeout(hello);
      stopCounting();
      ws.send(JSON.stringify({ ready: true }));
      return;
    }
    const call = callSchema.safeParse(message);
    if (!call.success) return ws.close(4400, 'Bridge calls carry an id, a channel and an input.');
    const { id, channel, input } = call.data;
    void opts.dispatch(channel, input ?? {}).then(
      (result) => ws.readyState === ws.OPEN && ws.send(JSON.stringify({ id, result })),
      () => ws.readyState === ws.OPEN && ws.send(JSON.stringify({ id, result: fail('internal', 'The browser shell could not answer.') })),
    );
  });
}

function parse(data: RawData, isBinary: boolean): unknown {
  if (isBinary) return undefined;
  try {
    return JSON.parse(String(data));
  } catch {
    return undefined;
  }
}
