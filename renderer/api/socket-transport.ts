import type { Result } from '../../shared/result';

export type Transport = (channel: string, input: unknown) => Promise<Result<unknown>>;

interface Waiting {
  resolve(result: Result<unknown>): void;
  reject(error: Error): void;
}

/** After a socket closes, calls go over HTTP for this long before a new socket is tried. */
const REOPEN_AFTER_MS = 2_000;

/**
 * Bridge calls over one WebSocket to the browser shell: a message on an open socket costs well
 * under a millisecond, a browser fetch several. Until the socket is open and has shown the token
 * (or while it cannot open), calls go over `fallback` (HTTP). A call whose socket closes before the
 * answer fails as a dropped HTTP call would; it is never sent a second time.
 */
export function socketTransport(url: string, token: string, fallback: Transport, now: () => number = Date.now): Transport {
  let socket: WebSocket | null = null;
  let ready = false;
  let reopenAt = 0;
  let nextId = 1;
  const waiting = new Map<number, Waiting>();

  const open = () => {
    if (socket || now() < reopenAt) return;
    const s = new WebSocket(url);
    socket = s;
    s.onopen = () => s.send(JSON.stringify({ hello: token }));
    s.onmessage = (event: MessageEvent<string>) => {
      const message = JSON.parse(event.data) as { ready?: true; id?: number; result?: Result<unknown> };
      if (message.ready) ready = true;
      else if (message.id !== undefined && message.result) {
        waiting.get(message.id)?.resolve(message.result);
        waiting.delete(message.id);
      }
    };
    s.onclose = () => {
      socket = null;
      ready = false;
      reopenAt = now() + REOPEN_AFTER_MS;
      for (const w of waiting.values()) w.reject(new Error('The connection to the app closed before it answered.'));
      waiting.clear();
    };
  };

  return (channel, input) => {
    open();
    const s = socket;
    if (!s || !ready || s.readyState !== WebSocket.OPEN) return fallback(channel, input);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      s.send(JSON.stringify({ id, channel, input: input ?? {} }));
    });
  };
}
