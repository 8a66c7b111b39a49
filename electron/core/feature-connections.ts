import type { AppMode, ConnectionHealth, ConnectionSettings } from '../../shared/connections';
import type { VendorId } from '../../shared/vendors';

/** Everything a vendor client needs to make a call: where, with what, and whether it is training. */
export interface ResolvedConnection<V extends VendorId = VendorId> {
  id: V;
  training: boolean;
  enabled: boolean;
  settings: ConnectionSettings[V];
  secrets: Record<string, string>;
}

/** Checks a connection for real; supplied by the vendor's feature. */
export type ConnectionTester = (conn: ResolvedConnection) => Promise<{ ok: boolean; message: string }>;

/**
 * What a feature may ask of the vendor connections. The features of a mode get a copy pinned to that
 * mode, so a call that finishes after a switch still goes where its record was made.
 */
export interface FeatureConnections {
  mode(): AppMode;
  /** Whether calls to this vendor should be made now (always in training). No keychain read. */
  isActive(id: VendorId): boolean;
  settingsOf<V extends VendorId>(id: V): ConnectionSettings[V];
  /** Where and how to call a vendor now; live credentials come from the keychain. */
  resolve<V extends VendorId>(id: V, mode?: AppMode): Promise<ResolvedConnection<V>>;
  recordHealth(id: VendorId, ok: boolean, message: string): ConnectionHealth;
  /** The simulator's address for a vendor (training mode). */
  trainingUrl(id: VendorId): string;
  /** "Test connection" for this vendor. */
  registerTester(id: VendorId, tester: ConnectionTester): void;
}
