import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NewPublicity, PublicityKind, PublicityRange } from '../../api/bindings';
import { call } from '../../api/rpc';

/** Query keys of 宣传: every change invalidates `publicityKeys.all` (log and totals). */
export const publicityKeys = {
  all: ['publicity'] as const,
  list: (r: PublicityRange) => [...publicityKeys.all, 'list', r] as const,
  totals: (r: PublicityRange) => [...publicityKeys.all, 'totals', r] as const,
};

/** The kinds in the order the report lists them. */
export const PUBLICITY_KINDS: readonly PublicityKind[] = [
  'wechat',
  'banner',
  'screen',
  'board',
  'letter',
  'posting',
  'website',
];

export function usePublicityList(r: PublicityRange) {
  return useQuery({
    queryKey: publicityKeys.list(r),
    queryFn: () => call('list_publicity', { input: r }),
  });
}

export function usePublicityTotals(r: PublicityRange, enabled = true) {
  return useQuery({
    queryKey: publicityKeys.totals(r),
    queryFn: () => call('publicity_totals', { input: r }),
    enabled,
  });
}

export function useAddPublicity() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: NewPublicity) => call('add_publicity', { input }),
    onSuccess: () => client.invalidateQueries({ queryKey: publicityKeys.all }),
  });
}

export function useDeletePublicity() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call('delete_publicity', { input: { id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: publicityKeys.all }),
  });
}
