import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BundledSetupInput, ExistingSetupInput, JoinInput, StoreBudgetInput, StoreSettingsInput } from '../../../shared/store/schemas';
import { api, unwrap } from '../../api/bridge';

export const storeKeys = {
  all: ['store'] as const,
  status: () => [...storeKeys.all, 'status'] as const,
};

/** The store server's state, this workstation and the others; polled so "last seen" and the state stay current. */
export function useStoreStatus() {
  return useQuery({ queryKey: storeKeys.status(), queryFn: () => unwrap(api.store.getStatus({})), refetchInterval: 5000 });
}

function useStoreMutation<I>(fn: (input: I) => ReturnType<typeof api.store.getStatus>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: I) => unwrap(fn(input)),
    onSuccess: (status) => {
      qc.setQueryData(storeKeys.status(), status);
      // History and the counter read the whole store once paired.
      void qc.invalidateQueries();
    },
  });
}

export const useSetUpServer = () =>
  useStoreMutation((input: ({ kind: 'bundled' } & BundledSetupInput) | ({ kind: 'existing' } & ExistingSetupInput)) => {
    const { kind, ...rest } = input;
    return kind === 'bundled' ? api.store.setUpBundledServer(rest as BundledSetupInput) : api.store.setUpExistingServer(rest as ExistingSetupInput);
  });
export const useJoinStore = () => useStoreMutation((input: JoinInput) => api.store.join(input));
export const useNewPairingCode = () => useStoreMutation((_: void) => api.store.newPairingCode({}));
export const useStoreSettings = () => useStoreMutation((input: StoreSettingsInput) => api.store.updateSettings(input));
export const useStoreBudget = () => useStoreMutation((input: StoreBudgetInput) => api.store.setBudget(input));
export const useLeaveStore = () => useStoreMutation((_: void) => api.store.leave({}));
