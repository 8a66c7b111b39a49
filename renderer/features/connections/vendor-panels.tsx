import type { ComponentType } from 'react';
import type { VendorId } from '../../../shared/vendors';
import { IfposSchemaPanel } from '../ifpos/IfposSchemaPanel';

/** Extra panels a vendor feature shows on its connection card (e.g. IFPOS's JSON Schema). */
export const vendorPanels: Partial<Record<VendorId, ComponentType>> = {
  ifpos: IfposSchemaPanel,
};
