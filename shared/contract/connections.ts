import { z } from 'zod';
import { channel } from './channel';
import { connectionViewSchema, healthSchema, modeSchema, modeSwitchPreviewSchema } from '../connections';
import { vendorIdSchema } from '../vendors';

const settingValue = z.union([z.string().max(500), z.boolean()]);
/** Kept exactly as typed: a space or symbol at either end may be part of the credential. */
const credentialValue = z
  .string()
  .max(4000)
  .refine((v) => v.trim() !== '', 'Enter the credential.')
  .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), 'A credential cannot contain control characters (such as a line break or tab).');

export const connectionsContract = {
  list: channel('Every vendor connection with its settings, secret status (never the secret) and health.', z.object({}).strict(), z.array(connectionViewSchema)),
  update: channel(
    'Saves a connection’s enabled flag and non-secret settings; endpoints are checked against the https rule.',
    z.object({ id: vendorIdSchema, enabled: z.boolean(), settings: z.record(z.string(), settingValue) }).strict(),
    connectionViewSchema,
  ),
  setSecret: channel(
    'Stores one credential in the OS keychain exactly as typed; answers only whether it is set (and the last four characters of a long one).',
    z.object({ id: vendorIdSchema, field: z.string().min(1).max(40), value: credentialValue }).strict(),
    connectionViewSchema,
  ),
  clearSecret: channel('Removes one credential from the OS keychain.', z.object({ id: vendorIdSchema, field: z.string().min(1).max(40) }).strict(), connectionViewSchema),
  test: channel('Calls the vendor (or its simulator in training mode) and reports a specific result.', z.object({ id: vendorIdSchema }).strict(), healthSchema),
  prepareModeSwitch: channel(
    'Before switching mode: what is still waiting in the current mode (it stays there) and, going live, a test of every enabled connection.',
    z.object({ mode: modeSchema }).strict(),
    modeSwitchPreviewSchema,
  ),
  setMode: channel(
    'Switches between training (built-in simulators) and live (configured endpoints and keychain credentials).',
    z.object({ mode: modeSchema }).strict(),
    z.object({ mode: modeSchema }),
  ),
};
