import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SearchFilters, SyncSettings, SyncStatus } from '../../../shared/inventory/schemas';
import { api, unwrap } from '../../api/bridge';

/** Rows fetched per bridge call; the table asks only for the pages it shows. */
export const PAGE_SIZE = 100;

export const inventoryKeys = {
  all: ['inventory'] as const,
  status: () => [...inventoryKeys.all, 'status'] as const,
  search: (filters: SearchFilters, dataVersion: number) => [...inventoryKeys.all, 'search', dataVersion, filters] as const,
  page: (filters: SearchFilters, dataVersion: number, page: number) => [...inventoryKeys.search(filters, dataVersion), page] as const,
  item: (sku: string, dataVersion: number) => [...inventoryKeys.all, 'item', sku, dataVersion] as const,
  categories: (dataVersion: number) => [...inventoryKeys.all, 'categories', dataVersion] as const,
};

/** The copy and its sync; polled fast while a load runs so progress moves on screen. */
export function useSyncStatus() {
  return useQuery({
    queryKey: inventoryKeys.status(),
    queryFn: () => unwrap(api.inventory.getStatus({})),
    refetchInterval: (q) => (q.state.data?.running ? 400 : 5000),
  });
}

function useStatusMutation<I>(fn: (input: I) => Promise<SyncStatus>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (status) => {
      qc.setQueryData(inventoryKeys.status(), status);
      void qc.invalidateQueries({ queryKey: inventoryKeys.status() });
    },
  });
}

export const useSyncNow = () => useStatusMutation(() => unwrap(api.inventory.syncNow({})));
export const useFullReload = () => useStatusMutation(() => unwrap(api.inventory.fullReload({})));
export const useReloadSince = () => useStatusMutation((since: number) => unwrap(api.inventory.reloadSince({ since })));
export const useUpdateSyncSettings = () => useStatusMutation((s: SyncSettings) => unwrap(api.inventory.updateSettings(s)));

const fetchPage = (filters: SearchFilters, page: number) => unwrap(api.inventory.search({ ...filters, offset: page * PAGE_SIZE, limit: PAGE_SIZE }));

/** The first page: its total sizes the table. The previous answer stays shown while a new query loads. */
export function useFirstPage(filters: SearchFilters, dataVersion: number, enabled: boolean) {
  return useQuery({
    queryKey: inventoryKeys.page(filters, dataVersion, 0),
    queryFn: () => fetchPage(filters, 0),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    enabled,
  });
}

/**
 * Starts a search's first page at once, before the screen redraws for the keystroke: the answer is
 * on its way while React renders, and useFirstPage then finds it in flight instead of asking again.
 */
export function useStartSearch(): (filters: SearchFilters) => void {
  const qc = useQueryClient();
  return (filters) => {
    const status = qc.getQueryData<SyncStatus>(inventoryKeys.status());
    if (!status?.loaded) return;
    void qc.prefetchQuery({ queryKey: inventoryKeys.page(filters, status.dataVersion, 0), queryFn: () => fetchPage(filters, 0), staleTime: Infinity });
  };
}

/** The pages under the visible rows. */
export function usePages(filters: SearchFilters, dataVersion: number, pages: number[]) {
  return useQueries({
    queries: pages.map((page) => ({
      queryKey: inventoryKeys.page(filters, dataVersion, page),
      queryFn: () => fetchPage(filters, page),
      staleTime: Infinity,
    })),
  });
}

export function useItem(sku: string | null, dataVersion: number) {
  return useQuery({
    queryKey: inventoryKeys.item(sku ?? '', dataVersion),
    queryFn: () => unwrap(api.inventory.getItem({ sku: sku! })),
    enabled: sku !== null,
  });
}

export function useCategories(dataVersion: number, enabled: boolean) {
  return useQuery({ queryKey: inventoryKeys.categories(dataVersion), queryFn: () => unwrap(api.inventory.listCategories({})), enabled, staleTime: Infinity });
}
