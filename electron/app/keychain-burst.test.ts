import { afterAll, describe, expect, it, vi } from 'vitest';
import type WebSocket from 'ws';
import { BridgeClient, cpuMsOf, descriptorsOf, FloodHarness } from './fixtures/flood-harness';

const READS = 5_000;
const WRITES = 1_000;
const FLOOD = 1_100;
const MAX_DESCRIPTORS = 200;
/** How long the test waits for the last answer before it counts what is missing. */
const ANSWER_DEADLINE_MS = 120_000;

const harness = new FloodHarness();
afterAll(() => harness.release());

interface Answer {
  sentAt: number;
  answeredAt: number | null;
  ok: boolean | null;
  message?: string;
}

/** Every call sent at once; resolves when each has answered or the deadline passed. */
function burst(ws: WebSocket, calls: { channel: string; input: unknown }[]): Promise<Answer[]> {
  const answers: Answer[] = calls.map(() => ({ sentAt: 0, answeredAt: null, ok: null }));
  let left = calls.length;
  return new Promise((resolve) => {
    const deadline = setTimeout(() => resolve(answers), ANSWER_DEADLINE_MS);
    ws.on('message', (data) => {
      const m = JSON.parse(String(data)) as { id: number; result: { ok: boolean; error?: { message: string } } };
      const a = answers[m.id];
      if (!a || a.answeredAt !== null) return;
      a.answeredAt = performance.now();
      a.ok = m.result.ok;
      a.message = m.result.error?.message;
      if (--left === 0) {
        clearTimeout(deadline);
        resolve(answers);
      }
    });
    calls.forEach((c, id) => {
      answers[id].sentAt = performance.now();
      ws.send(JSON.stringify({ id, channel: c.channel, input: c.input }));
    });
  });
}

const percentile = (sorted: number[], p: number) => (sorted.length ? Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]) : null);

describe.runIf(process.platform === 'linux')('a burst of credential calls with a flood of idle sockets, against a real Secret Service', () => {
  it('answers every call, keeps descriptors under 200, and serves a new page afterwards', { timeout: ANSWER_DEADLINE_MS + 60_000 }, async () => {
    const { child, ports } = await harness.startApp();
    const pid = child.pid!;
    const ws = (await BridgeClient.open(ports.origin, ports.token)).ws;
    const fields = [['simpleconsign', 'apiKey'], ['ifpos', 'apiKey'], ['trax-retail', 'authToken'], ['heavytruckparts', 'password']];
    const calls = [
      ...Array.from({ length: READS }, () => ({ channel: 'connections:list', input: {} })),
      ...Array.from({ length: WRITES }, (_, i) => ({ channel: 'connections:set-secret', input: { id: fields[i % 4][0], field: fields[i % 4][1], value: `burst-secret-${i}-${'x'.repeat(12)}` } })),
    ].sort(() => Math.random() - 0.5);

    const atRest = descriptorsOf(pid);
    let peak = atRest;
    const sampler = setInterval(() => (peak = Math.max(peak, descriptorsOf(pid))), 20);
    const cpuBefore = cpuMsOf(pid);
    const started = performance.now();
    const [answers] = await Promise.all([burst(ws, calls), harness.flood(ports.web, FLOOD), harness.flood(ports.sim, FLOOD)]);
    const elapsed = performance.now() - started;
    clearInterval(sampler);
    const cpu = cpuMsOf(pid) - cpuBefore;

    const times = answers.filter((a) => a.answeredAt !== null).map((a) => a.answeredAt! - a.sentAt).sort((a, b) => a - b);
    const report = {
      answered: times.length,
      failed: answers.filter((a) => a.ok === false).length,
      descriptorsAtRest: atRest,
      peakDescriptors: peak,
      cpuMs: cpu,
      wallMs: Math.round(elapsed),
      firstFailure: answers.find((a) => a.ok === false)?.message,
      answerMs: { p50: percentile(times, 0.5), p99: percentile(times, 0.99), max: percentile(times, 1) },
    };
    if (process.env.BURST_REPORT) console.log(`keychain burst: ${JSON.stringify(report)}`);

    expect(report.answered).toBe(calls.length);
    expect(peak).toBeLessThan(MAX_DESCRIPTORS);
    const reads = answers.filter((_, i) => calls[i].channel === 'connections:list');
    expect(reads.every((a) => a.ok)).toBe(true);

    ws.close();
    await harness.endFlood();
    const page = await vi.waitFor(async () => {
      const res = await fetch(`${ports.origin}/`);
      return { status: res.status, body: await res.text() };
    }, { timeout: 30_000, interval: 100 });
    expect(page.status).toBe(200);
    expect(page.body).toContain('flood test page');
    expect(child.exitCode).toBeNull();
  });
});
