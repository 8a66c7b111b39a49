import { z } from 'zod';
import { channel } from './channel';
import { healthSchema, modeSchema } from '../connections';
import { vendorIdSchema } from '../vendors';
import { storeProfileSchema, storeProfileStateSchema, workstationLocaleSchema } from './store-profile';

export const startupErrorSchema = z.object({
  kind: z.enum(['corrupt', 'newer-schema', 'foreign-file', 'disk-full', 'read-only', 'cannot-open']),
  message: z.string(),
  file: z.string(),
});
export type StartupError = z.infer<typeof startupErrorSchema>;

export const appStatusSchema = z.object({
  version: z.string(),
  mode: modeSchema,
  /** Set when the local store could not be opened; the renderer shows it instead of the app. */
  startupError: startupErrorSchema.nullable(),
  /** Which OS secret store holds credentials, or why none is available. */
  keychain: z.object({ available: z.boolean(), backend: z.string(), message: z.string() }),
  connections: z.array(z.object({ id: vendorIdSchema, name: z.string(), enabled: z.boolean(), health: healthSchema })),
});
export type AppStatus = z.infer<typeof appStatusSchema>;

export const appContract = {
  getStatus: channel('Mode, store and keychain state, and each connection’s health for the frame and status bar.', z.object({}).strict(), appStatusSchema),
  /** How this workstation writes numbers and dates, from its operating system. */
  getLocale: channel('The workstation’s locale for numbers and dates, and its preferred languages.', z.object({}).strict(), workstationLocaleSchema),
  /** The store's details for receipts, its currency and its number and date format. */
  getStoreProfile: channel('The store’s details, currency, number format and receipt choice, and whether they were saved.', z.object({}).strict(), storeProfileStateSchema),
  updateStoreProfile: channel('Saves the store’s details, currency, number format and receipt choice.', storeProfileSchema, storeProfileStateSchema),
};
