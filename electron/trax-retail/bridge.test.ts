import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TrainingStatus } from '../../shared/contract/training';
import { H } from '../../shared/trax-retail/columns';
import type { Draft, ImportView, SheetSettings } from '../../shared/trax-retail/contract';
import { createAppServices, type AppServices } from '../app/app-services';
import { MemorySecretStore } from '../core/secrets/memory-secret-store';

let services: AppServices;
let dir = '';
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trax-bridge-'));
  services = await createAppServices({ dataDir: dir, secrets: new MemorySecretStore(), version: 'test', log: () => {} });
});
afterEach(async () => {
  await services.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function call<T>(channel: string, input: unknown = {}): Promise<T> {
  const result = await services.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
}

const uploadsReceived = async () => (await call<TrainingStatus>('training:get-status')).simulators.find((s) => s.id === 'trax-retail')!.counters['uploads received'];

/** Waits until no upload is still on its way (each answer is a real bridge call, as the screen polls). */
async function uploadsSettled(): Promise<ImportView[]> {
  for (;;) {
    const { imports } = await call<{ imports: ImportView[] }>('imports:list');
    if (!imports.some((i) => i.phase === 'uploading')) return imports;
    await new Promise((r) => setImmediate(r));
  }
}

async function sheet(): Promise<string> {
  const d = await call<Draft>('sheets:create-draft', { name: 'Bridge sheet', useCases: [] });
  const cells = { [H.type]: 'SKU', [H.action]: 'Create', [H.localName]: 'Tea', 'Brand local name': 'Leaf', 'Manufacturer local name': 'Leaf Ltd', 'Client category': 'Drinks' };
  await call('sheets:save-draft', { id: d.id, name: d.name, model: { attributes: [], images: {}, rows: [{ id: 'r1', cells }] } });
  return d.id;
}

describe('product sheets at the bridge', () => {
  it('a double press (two upload calls in the same moment) gives one upload at Trax', async () => {
    const id = await sheet();
    const press = crypto.randomUUID();
    const calls = [press, press, crypto.randomUUID()].map((intentId) => services.dispatch('sheets:upload', { id, format: 'csv', intentId }));
    const answers = await Promise.all(calls);
    expect(answers.every((a) => a.ok)).toBe(true);
    expect(new Set(answers.map((a) => a.ok && (a.value as { importLocalId: string }).importLocalId)).size).toBe(1);
    const imports = await uploadsSettled();
    expect(imports).toHaveLength(1);
    expect(await uploadsReceived()).toBe(1);
  });

  it('an upload without the press’s intent id is refused', async () => {
    const id = await sheet();
    expect(await services.dispatch('sheets:upload', { id, format: 'csv' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await uploadsReceived()).toBe(0);
  });

  it('two settings saves in the same moment keep both, and the upload carries the new e-mail', async () => {
    await call('sheets:save-settings', { email: 'old@example.com' });
    const [email, format] = await Promise.all([call<SheetSettings>('sheets:save-settings', { email: 'new@example.com' }), call<SheetSettings>('sheets:save-settings', { format: 'csv' })]);
    expect(Math.abs(email.revision - format.revision)).toBe(1);
    expect(await call<SheetSettings>('sheets:get-settings')).toMatchObject({ email: 'new@example.com', format: 'csv' });
    const id = await sheet();
    await call('sheets:upload', { id, format: 'csv', intentId: crypto.randomUUID() });
    const [done] = await uploadsSettled();
    expect(done).toMatchObject({ email: 'new@example.com', format: 'csv' });
  });
});
