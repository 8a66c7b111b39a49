import { z } from 'zod';
import { noControlCharacters } from '../plain-text';
import { normalizePairingCode, parseServerAddress } from './rules';

const name = (what: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `Enter the ${what}.`)
    .max(max, `The ${what} is at most ${max} characters.`)
    .refine(...noControlCharacters(`The ${what}`));

const address = z
  .string()
  .max(300)
  .superRefine((v, ctx) => {
    const parsed = parseServerAddress(v);
    if ('problem' in parsed) ctx.addIssue({ code: 'custom', message: parsed.problem });
  });

/**
 * How the connection to the server is protected: `off` (plain, for a LAN the store trusts), `require`
 * (TLS, the server's own certificate; SCRAM with channel binding proves the server knows this
 * workstation's password), `verify` (TLS with a certificate a public authority signed, for a managed server).
 */
export const tlsModeSchema = z.enum(['off', 'require', 'verify']);
export type TlsMode = z.infer<typeof tlsModeSchema>;

export const workstationNameSchema = name('workstation name', 40);

export const bundledSetupInputSchema = z
  .object({
    storeName: name('store name', 80),
    workstationName: workstationNameSchema,
    /** This computer's addresses the server listens on; the workstations reach it at one of them. */
    listen: z.array(z.string().trim().min(1).max(100)).min(1, 'Choose at least one address for the server to listen on.').max(8),
    port: z.number().int().min(1024, 'Choose a port from 1024 to 65535.').max(65535, 'Choose a port from 1024 to 65535.'),
    tls: z.boolean(),
  })
  .strict();

export const existingSetupInputSchema = z
  .object({
    storeName: name('store name', 80),
    workstationName: workstationNameSchema,
    address,
    database: z.string().trim().min(1, 'Enter the database name.').max(63, 'Database names are at most 63 characters.').regex(/^[A-Za-z_][A-Za-z0-9_$-]*$/, 'Database names use letters, digits and underscores.'),
    adminUser: z.string().trim().min(1, 'Enter the administrator’s user name.').max(63),
    /** Used once to set the store up and kept in the OS keychain for making pairing codes; never shown again. */
    adminPassword: z.string().min(1, 'Enter the administrator’s password.').max(200),
    tls: tlsModeSchema,
  })
  .strict();

export type BundledSetupInput = z.input<typeof bundledSetupInputSchema>;
export type ExistingSetupInput = z.input<typeof existingSetupInputSchema>;

export const joinInputSchema = z
  .object({
    address,
    code: z.string().refine((v) => normalizePairingCode(v) !== null, 'A pairing code is twelve letters and digits, as the store server shows it (for example K7QX-2M9P-FA3C).'),
    workstationName: workstationNameSchema,
    tls: tlsModeSchema,
  })
  .strict();
export type JoinInput = z.input<typeof joinInputSchema>;

export const storeSettingsInputSchema = z
  .object({
    /** Minutes a workstation may be silent before another delivers its waiting sales. */
    takeoverMinutes: z.number().int('Whole minutes only.').min(2, 'At least 2 minutes.').max(24 * 60, 'At most a day (1440 minutes).'),
  })
  .strict();
export type StoreSettingsInput = z.infer<typeof storeSettingsInputSchema>;

/** SimpleConsign allows one key this many calls in any 10 minutes, whoever makes them. */
export const VENDOR_CALL_LIMIT = 100;
/** The store's budget out of the box: the rest of the vendor's limit is room for workstations cut off from the server. */
export const DEFAULT_BUDGET = 80;
/** Calls an inventory load may never take from the budget, so sales always have room. */
export const SALES_RESERVE = 20;

const budgetProblem = `The budget is from ${SALES_RESERVE + 1} to ${VENDOR_CALL_LIMIT} calls: SimpleConsign allows a key ${VENDOR_CALL_LIMIT} in 10 minutes, and sales keep ${SALES_RESERVE} of the budget with at least one left for inventory loads.`;

export const storeBudgetInputSchema = z
  .object({
    /** SimpleConsign calls the store's workstations may make together in any 10 minutes. */
    budget: z.number().int('Whole calls only.').min(SALES_RESERVE + 1, budgetProblem).max(VENDOR_CALL_LIMIT, budgetProblem),
  })
  .strict();
export type StoreBudgetInput = z.infer<typeof storeBudgetInputSchema>;

export const serverStateSchema = z.enum(['connected', 'connecting', 'away', 'refused']);
export type ServerState = z.infer<typeof serverStateSchema>;

export const workstationViewSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  prefix: z.string(),
  /** When the server last heard from it (its clock), or null if never since pairing. */
  lastSeenAt: z.number().nullable(),
  thisOne: z.boolean(),
  /** Silent longer than the takeover setting: others deliver its waiting sales. */
  silent: z.boolean(),
});
export type WorkstationView = z.infer<typeof workstationViewSchema>;

export const storeStatusSchema = z.object({
  /** alone: no server, as out of the box; server: this computer set the store server up; workstation: joined one. */
  role: z.enum(['alone', 'server', 'workstation']),
  storeName: z.string().nullable(),
  server: z
    .object({
      address: z.string(),
      kind: z.enum(['bundled', 'existing']),
      tls: tlsModeSchema,
      /** Where a bundled server listens. */
      listen: z.array(z.string()),
      state: serverStateSchema,
      /** What the state means for this workstation, in a sentence. */
      message: z.string(),
      /** When the server last answered. */
      lastContactAt: z.number().nullable(),
    })
    .nullable(),
  workstation: z.object({ id: z.number().int(), name: z.string(), prefix: z.string() }).nullable(),
  workstations: z.array(workstationViewSchema),
  /** The workstation that loads the SimpleConsign inventory for the store, when one does. */
  inventoryLoader: z.string().nullable(),
  /** SimpleConsign calls the store's workstations made in the last 10 minutes, against the store's budget (when the server answers). */
  allowance: z.object({ used: z.number().int(), budget: z.number().int() }).nullable(),
  takeoverMinutes: z.number().int(),
  /** The pairing code on show (only on the computer that can make them). */
  pairing: z.object({ code: z.string(), expiresAt: z.number() }).nullable(),
  /** Whether this computer holds the administrator's password and so can make pairing codes. */
  canPair: z.boolean(),
  /** This computer's network addresses, for choosing where a bundled server listens. */
  listenChoices: z.array(z.string()),
  /** What a person must see: an order number two sales share, numbering that was behind the server's. */
  notices: z.array(z.string()),
});
export type StoreStatus = z.infer<typeof storeStatusSchema>;
