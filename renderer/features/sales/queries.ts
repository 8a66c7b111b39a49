import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { HistoryInput, RecordReturnInput, RecordSaleInput, SaleDetail } from '../../../shared/sales/schemas';
import { pendingStates } from '../../../shared/sales/schemas';
import type { CounterSettings, DraftBody, ParkedDraft } from '../../../shared/sales/counter';
import { api, unwrap } from '../../api/bridge';

type DraftState = { current: DraftBody | null; parked: ParkedDraft[] };
export type FindSalesInput = { text: string; from?: number; to?: number };

export const salesKeys = {
  all: ['sales'] as const,
  history: (filter: HistoryInput) => [...salesKeys.all, 'history', filter] as const,
  sale: (by: { orderNumber?: string; saleId?: number }) => [...salesKeys.all, 'sale', by] as const,
  summary: () => [...salesKeys.all, 'summary'] as const,
};

/** Something of this sale is still on its way to a vendor (held entries wait for a person, so they do not count). */
export function salePending(sale: SaleDetail | undefined): boolean {
  if (!sale) return false;
  const all = [...sale.deliveries, ...sale.returns.flatMap((r) => r.deliveries)];
  return all.some((d) => pendingStates.includes(d.state) && !d.held);
}

/** A page of history; polled every second while anything anywhere is on its way, or while in a store. */
export function useSalesHistory(filter: HistoryInput) {
  return useQuery({
    queryKey: salesKeys.history(filter),
    queryFn: () => unwrap(api.sales.getHistory(filter)),
    placeholderData: keepPreviousData,
    // In a store the other workstations' sales arrive at any time: looked for every second (a local read).
    refetchInterval: (q) => (q.state.data?.pending || q.state.data?.store ? 1000 : false),
  });
}

/** One sale with its returns and deliveries; polled while any of them is moving. */
export function useSale(by: { orderNumber?: string; saleId?: number } | null) {
  return useQuery({
    queryKey: salesKeys.sale(by ?? {}),
    queryFn: () => unwrap(api.sales.getSale(by!)),
    enabled: by !== null,
    retry: false,
    refetchInterval: (q) => (salePending(q.state.data) ? 1000 : false),
  });
}

/** For the status bar: counts and paused vendors, faster while something waits. */
export function useSalesSummary() {
  return useQuery({
    queryKey: salesKeys.summary(),
    queryFn: () => unwrap(api.sales.getSummary({})),
    refetchInterval: (q) => (q.state.data && q.state.data.waiting > q.state.data.held ? 1500 : 5000),
  });
}

function useSalesMutation<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: salesKeys.all });
      // Deliveries change connection health in the status bar.
      void qc.invalidateQueries({ queryKey: ['app'] });
    },
  });
}

export const useRecordSale = () => useSalesMutation((input: RecordSaleInput) => unwrap(api.sales.recordSale(input)));
export const useRecordReturn = () => useSalesMutation((input: RecordReturnInput) => unwrap(api.sales.recordReturn(input)));
export const useResend = () => useSalesMutation((deliveryId: number) => unwrap(api.sales.resend({ deliveryId })));
export const useCancelDelivery = () => useSalesMutation((deliveryId: number) => unwrap(api.sales.cancel({ deliveryId })));
export const useMarkDelivered = () => useSalesMutation((input: { deliveryId: number; by: string }) => unwrap(api.sales.markDelivered(input)));

/** The local inventory copy's item for a SKU, or null; asked when a SKU is entered. */
export function useSkuLookup() {
  const qc = useQueryClient();
  return (sku: string) =>
    qc.fetchQuery({
      queryKey: ['inventory', 'lookup', sku.toUpperCase()],
      queryFn: () => unwrap(api.inventory.lookupSku({ sku })),
      staleTime: 10_000,
    });
}

export const counterKeys = {
  settings: () => [...salesKeys.all, 'counter-settings'] as const,
  drafts: () => [...salesKeys.all, 'drafts'] as const,
  find: (input: FindSalesInput) => [...salesKeys.all, 'find', input] as const,
};

export function useCounterSettings() {
  return useQuery({ queryKey: counterKeys.settings(), queryFn: () => unwrap(api.sales.getCounterSettings({})), staleTime: Infinity });
}

export function useUpdateCounterSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (s: CounterSettings) => unwrap(api.sales.updateCounterSettings(s)),
    onSuccess: (s) => qc.setQueryData(counterKeys.settings(), s),
  });
}

export function useDrafts() {
  return useQuery({ queryKey: counterKeys.drafts(), queryFn: () => unwrap(api.sales.getDrafts({})), staleTime: Infinity });
}

function useDraftMutation<I>(fn: (input: I) => Promise<DraftState>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: (state) => qc.setQueryData(counterKeys.drafts(), state) });
}

export const useParkDraft = () => useDraftMutation((body: DraftBody) => unwrap(api.sales.parkDraft({ body })));
export const useResumeDraft = () => useDraftMutation((input: { id: number; current: DraftBody }) => unwrap(api.sales.resumeDraft(input)));
export const useVoidDraft = () => useDraftMutation(() => unwrap(api.sales.voidDraft({})));
export const saveDraft = (body: DraftBody) => unwrap(api.sales.saveDraft({ body }));

export function useFindSales(input: FindSalesInput | null) {
  return useQuery({ queryKey: counterKeys.find(input ?? { text: '' }), queryFn: () => unwrap(api.sales.findSales(input!)), enabled: input !== null, retry: false });
}

/** One-off items two sales of the store sold; looked for every few seconds while in a store. */
export function useConflicts() {
  return useQuery({
    queryKey: [...salesKeys.all, 'conflicts'],
    queryFn: () => unwrap(api.sales.getConflicts({})),
    refetchInterval: (q) => (q.state.data?.paired ? 3000 : false),
  });
}

export const useSettleConflict = () => useSalesMutation((input: { id: number; note: string }) => unwrap(api.sales.settleConflict(input)));

export const useRetryNow = () => useSalesMutation((deliveryId: number) => unwrap(api.sales.retryNow({ deliveryId })));

/** Items of the local inventory copy whose words match, for finding an item without a barcode by name. */
export function useNameSearch(query: string) {
  return useQuery({
    queryKey: ['inventory', 'name-lookup', query],
    queryFn: () => unwrap(api.inventory.search({ query, limit: 8, offset: 0 })),
    enabled: query.trim().length >= 2,
    staleTime: 10_000,
    placeholderData: keepPreviousData,
  });
}
