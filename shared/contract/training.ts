import { z } from 'zod';
import { channel } from './channel';

export const faultKinds = ['rate-limit', 'server-error', 'unavailable', 'slow', 'timeout', 'drop', 'drop-after-apply', 'malformed', 'html', 'rate-cap'] as const;

export const faultSchema = z
  .object({
    kind: z.enum(faultKinds),
    /** How many requests it affects; null means every request until cleared. */
    count: z.number().int().min(1).max(10000).nullable().default(null),
    retryAfterSeconds: z.number().int().min(0).max(3600).default(30),
    delayMs: z.number().int().min(0).max(120000).default(3000),
  })
  .strict();
export type Fault = z.infer<typeof faultSchema>;

export const simulatorStatusSchema = z.object({
  id: z.string(),
  name: z.string(),
  requestCount: z.number().int(),
  /** Requests by what they asked for (e.g. "picture", "inventory/search"), for simulators that sort them. */
  requestsByKind: z.record(z.string(), z.number().int()).default({}),
  /** What the simulator itself counts, by what it is (e.g. "uploads received"), so a trainee or a test sees what arrived. */
  counters: z.record(z.string(), z.number().int()),
  faults: z.array(faultSchema),
});

export const trainingStatusSchema = z.object({
  running: z.boolean(),
  baseUrl: z.string().nullable(),
  simulators: z.array(simulatorStatusSchema),
});
export type TrainingStatus = z.infer<typeof trainingStatusSchema>;

const simulatorId = z.string().min(1).max(60);

export const trainingContract = {
  getStatus: channel('The built-in simulators, their request counts and injected faults.', z.object({}).strict(), trainingStatusSchema),
  injectFault: channel('Makes a simulator misbehave (rate limit, outage, slow, dropped, malformed) to rehearse failures.', z.object({ simulator: simulatorId, fault: faultSchema }).strict(), trainingStatusSchema),
  clearFaults: channel('Lets every simulator answer normally again.', z.object({ simulator: simulatorId.optional() }).strict(), trainingStatusSchema),
  reset: channel('Restores a simulator’s data to its starting state.', z.object({ simulator: simulatorId.optional() }).strict(), trainingStatusSchema),
};
