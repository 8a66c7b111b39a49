import { create } from 'zustand';

export const screens = [
  { id: 'sales', label: 'Sales' },
  { id: 'returns', label: 'Returns' },
  { id: 'inventory', label: 'Inventory' },
  { id: 'product-sheets', label: 'Product sheets' },
  { id: 'imports', label: 'Imports' },
  { id: 'parts', label: 'Parts' },
  { id: 'connections', label: 'Connections' },
] as const;
export type ScreenId = (typeof screens)[number]['id'];

interface NavState {
  screen: ScreenId;
  go: (screen: ScreenId) => void;
}

export const useNav = create<NavState>((set) => ({
  screen: 'sales',
  go: (screen) => set({ screen }),
}));
