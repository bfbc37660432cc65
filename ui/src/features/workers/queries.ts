import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NewWorker } from '../../api/bindings';
import { call } from '../../api/rpc';

/** Query keys of the grid workers (网格员). */
export const workerKeys = {
  all: ['workers'] as const,
  list: () => [...workerKeys.all, 'list'] as const,
};

export function useWorkers() {
  return useQuery({
    queryKey: workerKeys.list(),
    queryFn: () => call('list_workers', {}),
  });
}

export function useAddWorker() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: NewWorker) => call('add_worker', { input }),
    onSuccess: () => client.invalidateQueries({ queryKey: workerKeys.all }),
  });
}
