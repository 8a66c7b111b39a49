import type { Feature, FeatureFactory } from '../app/feature';

export const createInventoryFeature: FeatureFactory = (): Feature => ({
  handlers: { inventory: { lookupSku: () => ({ item: null }) } },
});
