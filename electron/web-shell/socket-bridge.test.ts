import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { fail, ok } from '../../shared/result';
import type { Dispatch } from '../ipc/dispatch';
import { startWebShell, type WebShell } from './server';

let shell: WebShell | null = null;
afterEach(async () => {
  await shell?.close();
  shell = null;
});

/** Lets the "slow" call answer; the test releases it once the calls sent after it are answered. */
let releaseSlow: () => void = () => {};
/** Echoes the call; "slow" waits to be released, to show answers are matched by id. */
const dispatch: Dispatch = async (channel, input) => {
  if (channel === 'slow') await new Promise<void>((r) => (releaseSlow = r));
  return channel === 'unknown' ? fail('unknown-channel', 'There is no "unknown" call.') : ok({ channel, input });
};

interface Connected {
  ws: WebSocket;
  messages: unknown[];
  closed: Promise<number>;
  /** Resolves once this many messages have come. */
  received(count: number): Promise<void>;
}

async function connect(headers: Record<string, string> = {}): Promise<Connected> {
  shell ??= await startWebShell({ dispatch, staticDir: '.' });
  const ws = new WebSocket(`${shell.origin.replace('http', 'ws')}/bridge`, { headers: { Origin: shell.origin, ...headers } });
  const messages: unknown[] = [];
  const waiting: { count: number; resolve: () => void }[] = [];
  ws.on('message', (d) => {
    messages.push(JSON.parse(String(d)));
    for (const w of waiting.filter((x) => messages.length >= x.count)) w.resolve();
  });
  const received = (count: number) => (messages.length >= count ? Promise.resolve() : new Promise<void>((resolve) => waiting.push({ count, resolve })));
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  ws.on('error', () => {});
  await new Promise<void>((resolve, reject) => (ws.once('open', () => resolve()), ws.once('error', reject)));
  return { ws, messages, closed, received };
}

describe('the bridge over a WebSocket', () => {
  it('answers calls once the page has shown the run’s token, each by its id, in any order', async () => {
    const { ws, messages, received } = await connect();
    ws.send(JSON.stringify({ hello: shell!.token }));
    await received(1);
    expect(messages[0]).toEqual({ ready: true });
    ws.send(JSON.stringify({ id: 1, channel: 'slow', input: { a: 1 } }));
    ws.send(JSON.stringify({ id: 2, channel: 'fast', input: {} }));
    ws.send(JSON.stringify({ id: 3, channel: 'unknown', input: {} }));
    await received(3);
    releaseSlow();
    await received(4);
    expect(messages.slice(1)).toEqual([
      { id: 2, result: { ok: true, value: { channel: 'fast', input: {} } } },
      { id: 3, result: { ok: false, error: { code: 'unknown-channel', message: 'There is no "unknown" call.' } } },
      { id: 1, result: { ok: true, value: { channel: 'slow', input: { a: 1 } } } },
    ]);
    ws.close();
  });

  it('closes a socket whose first message is not the token, and dispatches nothing it sent', async () => {
    const { ws, messages, closed } = await connect();
    ws.send(JSON.stringify({ id: 1, channel: 'fast', input: {} }));
    expect(await closed).toBe(4401);
    expect(messages).toEqual([]);
    const second = await connect();
    second.ws.send(JSON.stringify({ hello: 'not-the-token' }));
    expect(await second.closed).toBe(4401);
  });

  it('cuts a socket that sends more than a short first message before its token, without reading it whole', async () => {
    const first = await connect();
    const sockets = [first, ...(await Promise.all(Array.from({ length: 9 }, () => connect())))];
    for (const { ws } of sockets) ws.send(JSON.stringify({ hello: shell!.token, padding: 'x'.repeat(256 * 1024) }));
    // Cut as the bytes pass the limit (1006, no closing handshake), not answered once the message is complete (4401).
    expect(await Promise.all(sockets.map((s) => s.closed))).toEqual(Array(10).fill(1006));
    expect(sockets.every((s) => s.messages.length === 0)).toBe(true);
    const { ws, received } = await connect();
    ws.send(JSON.stringify({ hello: shell!.token }));
    await received(1);
    ws.close();
  });

  it('closes a socket that sends something other than a call, or more than the size limit', async () => {
    const bad = await connect();
    bad.ws.send(JSON.stringify({ hello: shell!.token }));
    await bad.received(1);
    bad.ws.send('{"channel": 5}');
    expect(await bad.closed).toBe(4400);
    const big = await connect();
    big.ws.send(JSON.stringify({ hello: shell!.token }));
    await big.received(1);
    big.ws.send(JSON.stringify({ id: 1, channel: 'fast', input: 'x'.repeat(6 * 1024 * 1024) }));
    expect(await big.closed).toBe(1009);
  });

  it.each([
    ['another site', { Origin: 'http://evil.example' }],
    ['no origin', { Origin: '' }],
    ['a rebound host name', { Host: 'evil.example' }],
  ])('refuses the upgrade from %s', async (_what, headers) => {
    await expect(connect(headers)).rejects.toThrow(/403/);
  });

  it('leaves no socket open once the shell stops', async () => {
    const { closed } = await connect();
    await shell!.close();
    shell = null;
    expect(await closed).toBe(1006);
  });
});
