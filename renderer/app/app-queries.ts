import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AppMode } from '../../shared/connections';
import { api, unwrap } from '../api/bridge';

export const appKeys = {
  status: ['app', 'status'] as const,
};

/** Mode, store and keychain state and connection health, refreshed for the status bar. */
export function useAppStatus() {
  return useQuery({ queryKey: appKeys.status, queryFn: () => unwrap(api.app.getStatus({})), refetchInterval: 5000 });
}

export function useSetMode() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (mode: AppMode) => unwrap(api.connections.setMode({ mode })),
    onSuccess: () => qc.invalidateQueries(),
  });
}
