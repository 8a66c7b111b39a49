import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/bridge';

export const ifposKeys = {
  all: ['ifpos'] as const,
  schema: () => [...ifposKeys.all, 'schema'] as const,
  preview: () => [...ifposKeys.all, 'preview'] as const,
};

/** Which JSON Schema validates IFPOS payloads, and the last fetch of the official one. */
export function useIfposSchemaStatus() {
  return useQuery({ queryKey: ifposKeys.schema(), queryFn: () => unwrap(api.ifpos.getSchemaStatus({})), refetchInterval: 15_000 });
}

/** A sample payload from the current settings, and what the active schema says about it. */
export function useIfposPayloadPreview(enabled: boolean) {
  return useQuery({ queryKey: ifposKeys.preview(), queryFn: () => unwrap(api.ifpos.previewPayload({})), enabled });
}

function useSchemaMutation<I>(fn: (input: I) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ifposKeys.all }) });
}

export const useLoadIfposSchema = () => useSchemaMutation((input: { text: string; fileName: string }) => unwrap(api.ifpos.loadSchema(input)));
export const useClearIfposSchema = () => useSchemaMutation(() => unwrap(api.ifpos.clearSchema({})));
export const useRefreshIfposSchema = () => useSchemaMutation(() => unwrap(api.ifpos.refreshSchema({})));
