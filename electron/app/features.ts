import type { FeatureFactory } from './feature';
import { createSalesFeature } from '../sales/sales-feature';
import { createInventoryFeature } from '../inventory/inventory-feature';

/** Each vendor feature adds itself here, once. */
export const features: FeatureFactory[] = [createSalesFeature, createInventoryFeature];
