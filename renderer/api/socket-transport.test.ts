import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ok, type Result } from '../../shared/result';
import { socketTransport } from './socket-transport';

/** Stands in for the browser's WebSocket: the test opens, answers and closes it. */
class FakeSocket {
  static OPEN = 1;
  static all: FakeSocket[] = [];
  readyState = 0;
  sent: unknown[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((e: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  send(text: string) {
    this.sent.push(JSON.parse(text));
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  answer(message: unknown) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
  drop() {
    this.readyState = 3;
    this.onclose?.();
  }
}

let clock = 0;
const http = vi.fn(async (channel: string): Promise<Result<unknown>> => ok({ via: 'http', channel }));
beforeEach(() => {
  FakeSocket.all = [];
  clock = 0;
  http.mockClear();
  vi.stubGlobal('WebSocket', FakeSocket);
});
afterEach(() => vi.unstubAllGlobals());

const ready = () => {
  const transport = socketTransport('ws://127.0.0.1:1/bridge', 'tok', http, () => clock);
  void transport('app:get-status', {});
  const s = FakeSocket.all[0];
  s.open();
  s.answer({ ready: true });
  return { transport, s };
};

describe('bridge calls over the shell’s socket', () => {
  it('go over HTTP until the socket is open and has shown the token, then over the socket', async () => {
    const transport = socketTransport('ws://127.0.0.1:1/bridge', 'tok', http, () => clock);
    expect(await transport('a:one', {})).toEqual(ok({ via: 'http', channel: 'a:one' }));
    const s = FakeSocket.all[0];
    s.open();
    expect(s.sent).toEqual([{ hello: 'tok' }]);
    expect(await transport('a:two', {})).toEqual(ok({ via: 'http', channel: 'a:two' }));
    s.answer({ ready: true });
    const call = transport('a:three', { x: 1 });
    expect(s.sent.at(-1)).toEqual({ id: 1, channel: 'a:three', input: { x: 1 } });
    s.answer({ id: 1, result: ok('socket') });
    expect(await call).toEqual(ok('socket'));
    expect(http).toHaveBeenCalledTimes(2);
  });

  it('match answers to calls by id, whatever their order', async () => {
    const { transport, s } = ready();
    const first = transport('a:first', {});
    const second = transport('a:second', {});
    s.answer({ id: 2, result: ok(2) });
    s.answer({ id: 1, result: ok(1) });
    expect(await Promise.all([first, second])).toEqual([ok(1), ok(2)]);
  });

  it('fail, never resend, a call whose socket closes before the answer; HTTP carries the next calls for a while', async () => {
    const { transport, s } = ready();
    const lost = transport('sales:record', { orderNumber: 'A1' });
    s.drop();
    await expect(lost).rejects.toThrow('closed before it answered');
    expect(http).not.toHaveBeenCalledWith('sales:record', expect.anything());
    expect(await transport('a:next', {})).toEqual(ok({ via: 'http', channel: 'a:next' }));
    expect(FakeSocket.all).toHaveLength(1);
    clock += 2_000;
    await transport('a:later', {});
    expect(FakeSocket.all).toHaveLength(2);
  });
});
