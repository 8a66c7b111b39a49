import type { Feature, FeatureFactory } from '../app/feature';

export const createSalesFeature: FeatureFactory = (): Feature => ({ handlers: {} });
