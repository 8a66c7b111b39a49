import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildBridge, listChannels } from './channel';
import { contract } from './index';

describe('the bridge contract', () => {
  const channels = listChannels(contract);

  it('names every channel domain:verb-noun and documents it', () => {
    for (const { name, def } of channels) {
      expect(name).toMatch(/^[a-z]+:[a-z]+(-[a-z]+)*$/);
      expect(def.doc.length, name).toBeGreaterThan(10);
    }
    expect(new Set(channels.map((c) => c.name)).size).toBe(channels.length);
  });

  it('refuses unknown keys in every input, so nothing unexpected reaches a service', () => {
    for (const { name, def } of channels) {
      expect(def.input, name).toBeInstanceOf(z.ZodObject);
      const result = def.input.safeParse({ __proto__: null, unexpectedKey: 'x' });
      expect(result.success, `${name} accepted an unknown key`).toBe(false);
    }
  });

  it('builds a bridge with only the contract’s methods, and no generic invoke', async () => {
    const calls: string[] = [];
    const bridge = buildBridge(contract, async (channel) => {
      calls.push(channel);
      return { ok: true, value: null };
    });
    expect(Object.keys(bridge).sort()).toEqual([...new Set(channels.map((c) => c.domain))].sort());
    expect('invoke' in bridge).toBe(false);
    await bridge.connections.test({ id: 'ifpos' });
    expect(calls).toEqual(['connections:test']);
    const methods = Object.values(bridge).flatMap((d) => Object.keys(d));
    expect(methods).toHaveLength(channels.length);
  });
});
