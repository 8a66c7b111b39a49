import { z } from 'zod';
import { channel } from '../contract/channel';
import { bundledSetupInputSchema, existingSetupInputSchema, joinInputSchema, storeBudgetInputSchema, storeSettingsInputSchema, storeStatusSchema } from './schemas';

const none = z.object({}).strict();

/** The store server: one PostgreSQL the store's workstations share. Out of the box there is none. */
export const storeContract = {
  /** This workstation's place in the store: the server's state, the other workstations, who loads the inventory. */
  getStatus: channel('This workstation’s name and prefix, the store server’s state, the other workstations and when each was last seen.', none, storeStatusSchema),
  /**
   * Makes this computer the store's server: starts the bundled PostgreSQL here, sets the store up in it and
   * pairs this computer as the first workstation. Nothing is kept when it fails.
   */
  setUpBundledServer: channel('Starts the bundled PostgreSQL on this computer, sets the store up in it and pairs this computer as its first workstation.', bundledSetupInputSchema, storeStatusSchema),
  /** Sets the store up on an existing PostgreSQL (managed or replicated) and pairs this computer; nothing is written when it fails. */
  setUpExistingServer: channel('Sets the store up on an existing PostgreSQL server with its administrator and pairs this computer as its first workstation.', existingSetupInputSchema, storeStatusSchema),
  /** Joins the store server at an address with the pairing code it shows; this workstation gets its own role and prefix. */
  join: channel('Joins a store server with its address and the pairing code shown on it; nothing is written when it fails.', joinInputSchema, storeStatusSchema),
  /** A new one-time pairing code (valid 15 minutes), on the computer that set the server up. */
  newPairingCode: channel('Makes a one-time pairing code, valid for 15 minutes, for a workstation to join.', none, storeStatusSchema),
  updateSettings: channel('Saves the store settings (minutes of silence before another workstation delivers a silent one’s sales).', storeSettingsInputSchema, storeStatusSchema),
  /** The store's SimpleConsign budget, kept on the server: every workstation counts its calls against it. */
  setBudget: channel('Saves how many SimpleConsign calls the store’s workstations may make together in 10 minutes.', storeBudgetInputSchema, storeStatusSchema),
  /** Stops using the store server; this workstation's records stay, and it works alone as before. */
  leave: channel('Stops using the store server; this workstation keeps its records and works on its own.', none, storeStatusSchema),
};
