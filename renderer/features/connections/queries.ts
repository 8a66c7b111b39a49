import { useMutation, useMutationState, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ConnectionView } from '../../../shared/connections';
import type { VendorId } from '../../../shared/vendors';
import { api, unwrap } from '../../api/bridge';

export const connectionKeys = {
  all: ['connections'] as const,
  list: () => [...connectionKeys.all, 'list'] as const,
  update: () => [...connectionKeys.all, 'update'] as const,
};

export function useConnections() {
  return useQuery({ queryKey: connectionKeys.list(), queryFn: () => unwrap(api.connections.list({})) });
}

function useInvalidating<I, O>(fn: (input: I) => Promise<O>, mutationKey?: readonly string[]) {
  const qc = useQueryClient();
  return useMutation({
    mutationKey,
    mutationFn: fn,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: connectionKeys.all });
      void qc.invalidateQueries({ queryKey: ['app'] });
    },
  });
}

export function useUpdateConnection() {
  return useInvalidating((input: { id: VendorId; enabled: boolean; settings: Record<string, string | boolean> }) => unwrap(api.connections.update(input)), connectionKeys.update());
}

/** What the last save of a connection's settings said (e.g. a credential removed because the address changed); kept across the card's remount. */
export function useConnectionNotice(id: VendorId): string | null {
  const saved = useMutationState({ filters: { mutationKey: connectionKeys.update(), status: 'success' }, select: (m) => m.state.data as ConnectionView | undefined });
  return saved.filter((v) => v?.id === id).at(-1)?.notice ?? null;
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
