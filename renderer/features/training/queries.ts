import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Fault } from '../../../shared/contract/training';
import { api, unwrap } from '../../api/bridge';

export const trainingKeys = { status: ['training', 'status'] as const };

export function useTrainingStatus() {
  return useQuery({ queryKey: trainingKeys.status, queryFn: () => unwrap(api.training.getStatus({})), refetchInterval: 3000 });
}

function useTrainingMutation<I>(fn: (input: I) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: trainingKeys.status }) });
}

export const useInjectFault = () =>
  useTrainingMutation((input: { simulator: string; fault: Partial<Fault> & Pick<Fault, 'kind'> }) => unwrap(api.training.injectFault(input)));
export const useClearFaults = () => useTrainingMutation((simulator?: string) => unwrap(api.training.clearFaults({ simulator })));
export const useResetSimulators = () => useTrainingMutation((simulator?: string) => unwrap(api.training.reset({ simulator })));
