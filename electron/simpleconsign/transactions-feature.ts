import type { Feature, FeatureFactory } from '../app/feature';

export const createSimpleConsignTransactionsFeature: FeatureFactory = (): Feature => ({ handlers: {} });
