import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { LogInputRaw } from '../../../shared/heavytruckparts/inputs';
import type { SaleDraftInput } from '../../../shared/heavytruckparts/sale';
import type { ItemKey } from '../../../shared/heavytruckparts/types';
import { api, unwrap } from '../../api/bridge';
import { toSearchInput, useParts, type Criteria, type RunSearch } from './parts-store';

export const partsKeys = {
  all: ['parts'] as const,
  lists: () => [...partsKeys.all, 'lists'] as const,
  makes: (partType: string) => [...partsKeys.all, 'makes', partType] as const,
  models: (partType: string, make: string) => [...partsKeys.all, 'models', partType, make] as const,
  search: (run: RunSearch | null, userId: string) => [...partsKeys.all, 'search', run, userId] as const,
  item: (ref: ItemKey | { uri: string } | null, userId: string) => [...partsKeys.all, 'item', ref, userId] as const,
  wholeUnit: (vendorId: string, store: string, vehicleId: string, userId: string) => [...partsKeys.all, 'whole-unit', vendorId, store, vehicleId, userId] as const,
  interactions: () => [...partsKeys.all, 'interactions'] as const,
  localSales: () => [...partsKeys.all, 'local-sales'] as const,
  endUsers: () => [...partsKeys.all, 'end-users'] as const,
  templates: (type: string) => [...partsKeys.all, 'templates', type] as const,
  feed: () => [...partsKeys.all, 'feed'] as const,
};

export function useLists() {
  return useQuery({ queryKey: partsKeys.lists(), queryFn: () => unwrap(api.parts.getLists({ refresh: false })), staleTime: Infinity });
}

export function useRefreshLists() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.parts.getLists({ refresh: true })),
    onSuccess: (lists) => {
      qc.setQueryData(partsKeys.lists(), lists);
      void qc.invalidateQueries({ queryKey: [...partsKeys.all, 'makes'] });
      void qc.invalidateQueries({ queryKey: [...partsKeys.all, 'models'] });
    },
  });
}

/** Makes for a chosen part type ("" for any); nothing is asked until one is chosen. */
export function useMakes(partType: string | null) {
  const pt = partType === null ? null : partType || '*';
  return useQuery({ queryKey: partsKeys.makes(pt?.toLowerCase() ?? ''), queryFn: () => unwrap(api.parts.listMakes({ partType: pt!, refresh: false })), staleTime: Infinity, enabled: pt !== null });
}

/** Models for a chosen part type and make; nothing is asked until a make is chosen. */
export function useModels(chosen: { partType: string; make: string } | null) {
  const pt = chosen?.partType || '*';
  return useQuery({
    queryKey: partsKeys.models(pt.toLowerCase(), chosen?.make.toLowerCase() ?? ''),
    queryFn: () => unwrap(api.parts.listModels({ partType: pt, make: chosen!.make, refresh: false })),
    staleTime: Infinity,
    enabled: chosen !== null && chosen.make !== '',
  });
}

function searchOptions(run: RunSearch | null, userId: string) {
  return queryOptions({
    queryKey: partsKeys.search(run, userId),
    queryFn: () => (run!.kind === 'form' ? unwrap(api.parts.search(toSearchInput(run!.criteria, run!.page, userId))) : unwrap(api.parts.searchSuggested({ uri: run!.uri, userId }))),
    enabled: run !== null,
    staleTime: 60_000,
  });
}

export function useSearch(run: RunSearch | null, userId: string) {
  return useQuery({ ...searchOptions(run, userId), placeholderData: keepPreviousData });
}

/** Runs a search from the form, a page button or a recent search: the call leaves before the screen re-renders for it. */
export function useSearchNow() {
  const qc = useQueryClient();
  const search = useParts((s) => s.search);
  return useCallback(
    (criteria: Criteria, page = 1) => {
      void qc.prefetchQuery(searchOptions({ kind: 'form', criteria, page }, useParts.getState().endUser?.userId ?? ''));
      search(criteria, page);
    },
    [qc, search],
  );
}

export function useItem(ref: ItemKey | { uri: string } | null, userId: string) {
  return useQuery({
    queryKey: partsKeys.item(ref, userId),
    queryFn: () => unwrap(api.parts.getItem(ref && 'uri' in ref ? { uri: ref.uri, userId } : { key: ref as ItemKey, userId })),
    enabled: ref !== null,
    staleTime: 60_000,
    // The same part asked again for a customer just attached stays on the screen (its log form too) while their
    // prices come; the screen does not offer its standard price to the cart meanwhile.
    placeholderData: (previous, previousQuery) => (previousQuery && JSON.stringify(previousQuery.queryKey[2]) === JSON.stringify(ref) ? previous : undefined),
  });
}

export function useWholeUnit(vendorId: string, store: string, vehicleId: string | null, userId: string) {
  return useQuery({
    queryKey: partsKeys.wholeUnit(vendorId, store, vehicleId ?? '', userId),
    queryFn: () => unwrap(api.parts.getWholeUnit({ vendorId, store, vehicleId: vehicleId!, userId })),
    enabled: vehicleId !== null && vehicleId !== '',
    staleTime: 60_000,
  });
}

export function useLookupEndUser() {
  return useMutation({ mutationFn: (q: { email: string; userId: string }) => unwrap(api.parts.lookupEndUser(q)) });
}

export function useInteractions() {
  return useQuery({ queryKey: partsKeys.interactions(), queryFn: () => unwrap(api.parts.listInteractions({})) });
}

export function useLogInteraction() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (input: LogInputRaw) => unwrap(api.parts.logInteraction(input)), onSettled: () => qc.invalidateQueries({ queryKey: partsKeys.interactions() }) });
}

export function useResolveInteraction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (q: { id: number; action: 'send-again' | 'mark-logged' | 'dismiss' }) => unwrap(api.parts.resolveInteraction(q)),
    onSettled: () => qc.invalidateQueries({ queryKey: partsKeys.interactions() }),
  });
}

export function useLocalSales() {
  return useQuery({ queryKey: partsKeys.localSales(), queryFn: () => unwrap(api.parts.listLocalSales({})) });
}

export function useCreateSale() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (draft: SaleDraftInput) => unwrap(api.parts.createSale(draft)), onSettled: () => qc.invalidateQueries({ queryKey: partsKeys.localSales() }) });
}

export function useReconcileSale() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (id: number) => unwrap(api.parts.reconcileSale({ id })), onSettled: () => qc.invalidateQueries({ queryKey: partsKeys.localSales() }) });
}

export function useResolveSale() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (q: { id: number; action: 'matched' | 'send-again' | 'abandon'; onlineTransactionId?: string }) => unwrap(api.parts.resolveSale(q)),
    onSettled: () => qc.invalidateQueries({ queryKey: partsKeys.localSales() }),
  });
}

/** The feed export's progress, polled while it runs. */
export function useFeedExport() {
  return useQuery({
    queryKey: partsKeys.feed(),
    queryFn: () => unwrap(api.parts.getFeedExport({})),
    refetchInterval: (q) => (q.state.data?.state === 'requesting' || q.state.data?.state === 'writing' ? 300 : false),
  });
}
