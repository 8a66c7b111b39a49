import { H } from './columns';

/** The documented use cases, each a starting row the user completes. */
export const useCases = [
  { id: 'new-product', label: 'New product', cells: { [H.type]: 'SKU', [H.action]: 'Create' } },
  { id: 'change-product', label: 'Change product', cells: { [H.type]: 'SKU', [H.action]: 'Update' } },
  { id: 'deactivate-product', label: 'Deactivate product', cells: { [H.type]: 'SKU', [H.action]: 'Deactivate' } },
  { id: 'new-posm', label: 'New POSM', cells: { [H.type]: 'POSM', [H.action]: 'Create' } },
  { id: 'change-posm', label: 'Change POSM', cells: { [H.type]: 'POSM', [H.action]: 'Update' } },
  { id: 'deactivate-posm', label: 'Deactivate POSM', cells: { [H.type]: 'POSM', [H.action]: 'Deactivate' } },
  { id: 'new-dvc', label: 'New DVC (alternative design)', cells: { [H.type]: 'DVC', [H.action]: 'Create' } },
] as const;

export type UseCaseId = (typeof useCases)[number]['id'];
export const useCaseIds = useCases.map((u) => u.id) as [UseCaseId, ...UseCaseId[]];
