import { z } from 'zod';
import { heavyTruckPartsDomains, vendorIdSchema } from './vendors';

const url = z.string().trim().min(1, 'Enter the endpoint URL.').max(500);

/** Per-vendor settings that are not secret; they live in SQLite. */
export const simpleConsignSettings = z.object({
  baseUrl: url.default('https://user.traxia.com/app/api'),
});
export const ifposSettings = z.object({
  url: url.default('https://api.etraxsales.com/v1/ifpos'),
  /** TRAX's documented alternative: the key is part of the URL, written where `{apiKey}` stands. */
  keyInUrl: z.boolean().default(false),
  showroomId: z.string().trim().max(50).default(''),
  employeeId: z.string().trim().max(50).default(''),
  /** Seconds between two IFPOS calls when a backlog is sent: IFPOS is rate limited and not for batches. */
  minCallSpacingSeconds: z
    .string()
    .trim()
    .regex(/^\d{1,3}(\.\d{1,3})?$/, 'The spacing is a number of seconds, such as 2 or 0.5.')
    .refine((v) => Number(v) <= 600, 'The spacing is at most 600 seconds.')
    .default('2'),
});
export const traxRetailSettings = z.object({
  host: url.default('https://services.traxretail.com'),
  project: z.string().trim().max(100).default(''),
});
export const heavyTruckPartsSettings = z.object({
  domain: url.default(heavyTruckPartsDomains[0].url),
  // HTTP Basic joins user and password with ":", so a user name holding one could never sign in.
  username: z.string().trim().max(100).refine((u) => !u.includes(':'), 'The API user name cannot contain “:” (HTTP Basic authentication cannot carry it).').default(''),
});

export const connectionSettingsSchemas = {
  simpleconsign: simpleConsignSettings,
  ifpos: ifposSettings,
  'trax-retail': traxRetailSettings,
  heavytruckparts: heavyTruckPartsSettings,
} as const;

export type ConnectionSettings = {
  [K in keyof typeof connectionSettingsSchemas]: z.infer<(typeof connectionSettingsSchemas)[K]>;
};

export const secretStatusSchema = z.object({
  id: z.string(),
  label: z.string(),
  /** null when the keychain could not be asked (locked, not answering): the secret may well be stored. */
  isSet: z.boolean().nullable(),
  /** Last four characters of a long secret (12 or more), so staff can tell which key is stored without seeing it. */
  lastFour: z.string().max(4).nullable(),
  /** Why the state is unknown, when it is. */
  problem: z.string().nullable().default(null),
});
export type SecretStatus = z.infer<typeof secretStatusSchema>;

export const healthSchema = z.object({
  state: z.enum(['unknown', 'ok', 'failing', 'disabled']),
  message: z.string(),
  checkedAt: z.number().nullable(),
});
export type ConnectionHealth = z.infer<typeof healthSchema>;

export const connectionViewSchema = z.object({
  id: vendorIdSchema,
  name: z.string(),
  purpose: z.string(),
  enabled: z.boolean(),
  settings: z.record(z.string(), z.union([z.string(), z.boolean()])),
  secrets: z.array(secretStatusSchema),
  /** Where calls go now: the simulator in training mode, the configured endpoint when live. */
  effectiveEndpoint: z.string(),
  health: healthSchema,
  /** Something the last change did that staff should know (e.g. a credential removed because the address changed). */
  notice: z.string().nullable().default(null),
});
export type ConnectionView = z.infer<typeof connectionViewSchema>;

export const modeSchema = z.enum(['training', 'live']);
export type AppMode = z.infer<typeof modeSchema>;

export const modeSwitchPreviewSchema = z.object({
  from: modeSchema,
  to: modeSchema,
  /** What is still on its way or waiting for a person in the current mode; it stays in that mode. */
  waiting: z.array(z.string()),
  /** Going live: "Test connection" of every enabled connection against the real vendor. */
  tests: z.array(z.object({ id: vendorIdSchema, name: z.string(), health: healthSchema })),
});
export type ModeSwitchPreview = z.infer<typeof modeSwitchPreviewSchema>;
