import type { ComponentType } from 'react';
import { ConnectionsScreen } from '../features/connections/ConnectionsScreen';
import { ImportsScreen } from '../features/imports/ImportsScreen';
import { InventoryScreen } from '../features/inventory/InventoryScreen';
import { PartsScreen } from '../features/parts/PartsScreen';
import { ProductSheetsScreen } from '../features/product-sheets/ProductSheetsScreen';
import { ReturnsScreen } from '../features/sales/ReturnsScreen';
import { SalesScreen } from '../features/sales/SalesScreen';
import type { ScreenId } from './nav-store';

export const screenComponents: Record<ScreenId, ComponentType> = {
  sales: SalesScreen,
  returns: ReturnsScreen,
  inventory: InventoryScreen,
  'product-sheets': ProductSheetsScreen,
  imports: ImportsScreen,
  parts: PartsScreen,
  connections: ConnectionsScreen,
};
