import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { VendorId } from '../../../shared/vendors';
import { api, unwrap } from '../../api/bridge';

export const connectionKeys = {
  all: ['connections'] as const,
  list: () => [...connectionKeys.all, 'list'] as const,
};

export function useConnections() {
  return useQuery({ queryKey: connectionKeys.list(), queryFn: () => unwrap(api.connections.list({})) });
}

function useInvalidating<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: connectionKeys.all });
      void qc.invalidateQueries({ queryKey: ['app'] });
    },
  });
}

export function useUpdateConnection() {
  return useInvalidating((input: { id: VendorId; enabled: boolean; settings: Record<string, string | boolean> }) => unwrap(api.connections.update(input)));
}

export function useSetSecret() {
  return useInvalidating((input: { id: VendorId; field: string; value: string }) => unwrap(api.connections.setSecret(input)));
}

export function useClearSecret() {
  return useInvalidating((input: { id: VendorId; field: string }) => unwrap(api.connections.clearSecret(input)));
}

export function useTestConnection() {
  return useInvalidating((id: VendorId) => unwrap(api.connections.test({ id })));
}
