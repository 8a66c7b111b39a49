import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { channel } from '../../shared/contract/channel';
import { AppError } from '../core/app-error';
import { secretRedactor } from '../core/secrets/redact';
import { createDispatch } from './dispatch';

const contract = {
  demo: {
    addNumbers: channel('adds', z.object({ a: z.number(), b: z.number() }).strict(), z.object({ sum: z.number() })),
    explode: channel('fails', z.object({}).strict(), z.object({})),
    refuse: channel('refuses', z.object({}).strict(), z.object({})),
    echo: channel('answers a vendor text as it came', z.object({}).strict(), z.object({ text: z.string(), list: z.array(z.string()) })),
  },
};

const ECHOED = 'dispatch/echo+key 42';

function make() {
  const logs: string[] = [];
  const dispatch = createDispatch(
    contract,
    {
      demo: {
        addNumbers: ({ a, b }) => ({ sum: a + b }),
        explode: () => {
          throw new Error('secret-token-123 leaked?');
        },
        refuse: () => {
          throw new AppError('conflict', 'Already there.');
        },
        echo: () => ({ text: `Unknown key ${encodeURIComponent(ECHOED)}`, list: [`&lt;${ECHOED.replace(/\//g, '&#x2F;')}&gt;`] }),
      },
    },
    (m) => logs.push(m),
  );
  return { dispatch, logs };
}

describe('dispatch', () => {
  it('routes a valid call by its kebab-case channel name', async () => {
    expect(await make().dispatch('demo:add-numbers', { a: 2, b: 3 })).toEqual({ ok: true, value: { sum: 5 } });
  });

  it('rejects input that does not match the contract, naming each problem', async () => {
    const result = await make().dispatch('demo:add-numbers', { a: 'two', b: 3, extra: true });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-input');
    expect(result.error.details?.join('\n')).toMatch(/a: .*number/);
    expect(result.error.details?.join('\n')).toMatch(/extra/);
  });

  it('blanks out a known credential in any form before an answer leaves for the screen', async () => {
    secretRedactor.add(ECHOED, 'dispatch-test:key');
    const result = await make().dispatch('demo:echo', {});
    expect(result).toEqual({ ok: true, value: { text: 'Unknown key [hidden]', list: ['&lt;[hidden]&gt;'] } });
  });

  it('refuses channels outside the contract', async () => {
    const result = await make().dispatch('shell:open-external', { url: 'file:///' });
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
  });

  it('passes AppError messages through and hides unexpected ones', async () => {
    const { dispatch, logs } = make();
    expect(await dispatch('demo:refuse', {})).toEqual({ ok: false, error: { code: 'conflict', message: 'Already there.' } });
    const hidden = await dispatch('demo:explode', {});
    expect(JSON.stringify(hidden)).not.toContain('secret-token-123');
    expect(logs[0]).toContain('secret-token-123');
  });
});

describe('createDispatch and the store', () => {
  it('says the disk is full when a write finds no room, instead of "something went wrong"', async () => {
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(':memory:');
    db.exec('CREATE TABLE notes (text TEXT)');
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    const dispatch = createDispatch(contract, {
      demo: {
        addNumbers: () => (db.prepare('INSERT INTO notes (text) VALUES (?)').run('x'.repeat(100_000)), { sum: 0 }),
        explode: () => ({}),
        refuse: () => ({}),
        echo: () => ({ text: '', list: [] }),
      },
    });
    const result = await dispatch('demo:add-numbers', { a: 1, b: 2 });
    expect(result).toMatchObject({ ok: false, error: { code: 'store-unavailable', message: expect.stringMatching(/^The disk is full/) } });
    db.close();
  });

  it('writes each failure to the log as one line, whatever the values hold', async () => {
    const logs: string[] = [];
    const dispatch = createDispatch(contract, {
      demo: {
        addNumbers: () => {
          throw new Error('order 7\n2026-05-01 INFO forged line\r\u0000');
        },
        explode: () => ({}),
        refuse: () => ({}),
        echo: () => ({ text: '', list: [] }),
      },
    }, (m) => logs.push(m));
    await dispatch('demo:add-numbers', { a: 1, b: 2 });
    expect(logs).toHaveLength(1);
    expect(logs[0]).not.toMatch(/[\n\r\u0000]/);
    expect(logs[0]).toContain('order 7\\n2026-05-01 INFO forged line\\r\\u0000');
  });
});
