import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ImportView } from '../../../shared/trax-retail/contract';
import { api, unwrap } from '../../api/bridge';

export const importKeys = {
  all: ['imports'] as const,
  list: () => [...importKeys.all, 'list'] as const,
};

/** Every upload; polled fast while one is uploading, slower while the main process follows the rest. */
export function useImports() {
  return useQuery({
    queryKey: importKeys.list(),
    queryFn: () => unwrap(api.imports.list({})),
    refetchInterval: (q) => (q.state.data?.imports.some((i) => i.phase === 'uploading') ? 300 : q.state.data?.imports.some((i) => i.phase === 'polling') ? 1000 : 5000),
  });
}

function useImportMutation<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void qc.invalidateQueries({ queryKey: importKeys.all }) });
}

export const useRefreshImport = () => useImportMutation((id: string) => unwrap(api.imports.refresh({ id })));
export const useDismissImport = () => useImportMutation((id: string) => unwrap(api.imports.dismiss({ id })));

export const isEnded = (i: ImportView) => i.phase === 'ended' || i.phase === 'upload-failed';
