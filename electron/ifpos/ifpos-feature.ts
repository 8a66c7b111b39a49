import type { Feature, FeatureFactory } from '../app/feature';

export const createIfposFeature: FeatureFactory = (): Feature => ({ handlers: {} });
