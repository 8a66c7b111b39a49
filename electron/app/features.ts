import type { FeatureFactory } from './feature';
import { createIfposFeature } from '../ifpos/ifpos-feature';
import { createInventoryFeature } from '../inventory/inventory-feature';
import { createSalesFeature } from '../sales/sales-feature';
import { createSimpleConsignTransactionsFeature } from '../simpleconsign/transactions-feature';
import { createTraxRetailFeature } from '../trax-retail/trax-retail-feature';
import { createHeavyTruckPartsFeature } from '../heavytruckparts/feature';

/** Each vendor feature adds itself here, once. */
export const features: FeatureFactory[] = [createSimpleConsignTransactionsFeature, createIfposFeature, createSalesFeature, createInventoryFeature, createTraxRetailFeature, createHeavyTruckPartsFeature];
