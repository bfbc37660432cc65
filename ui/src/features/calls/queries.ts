import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BulkCallTargets,
  CallPolicy,
  CallTargetFilter,
  NewCall,
  NewCallTarget,
} from '../../api/bindings';
import { call } from '../../api/rpc';

/**
 * Query keys of 电话核实. States and due dates are derived from the calls, so every call,
 * target or policy change invalidates `callKeys.all` (the 首页 card lives under it too).
 */
export const callKeys = {
  all: ['calls'] as const,
  policy: () => [...callKeys.all, 'policy'] as const,
  list: (on: string | undefined) => [...callKeys.all, 'list', on ?? ''] as const,
  targets: (filter: CallTargetFilter) => [...callKeys.all, 'targets', filter] as const,
  detail: (id: string) => [...callKeys.all, 'detail', id] as const,
  candidates: () => [...callKeys.all, 'candidates'] as const,
  counts: () => [...callKeys.all, 'counts'] as const,
};

export function useCallList(on: string | undefined) {
  return useQuery({
    queryKey: callKeys.list(on),
    queryFn: () => call('call_list', { input: on ? { on } : {} }),
    placeholderData: keepPreviousData,
  });
}

export function useCallTargets(filter: CallTargetFilter) {
  return useQuery({
    queryKey: callKeys.targets(filter),
    queryFn: () => call('list_call_targets', { input: filter }),
    placeholderData: keepPreviousData,
  });
}

export function useCallDetail(id: string | null) {
  return useQuery({
    queryKey: callKeys.detail(id ?? ''),
    queryFn: () => call('call_target_detail', { input: { id: id! } }),
    enabled: id !== null,
  });
}

export function useCallCandidates(enabled: boolean) {
  return useQuery({
    queryKey: callKeys.candidates(),
    queryFn: () => call('call_candidates', {}),
    enabled,
  });
}

export function useCallCounts(enabled = true) {
  return useQuery({
    queryKey: callKeys.counts(),
    queryFn: () => call('call_counts', {}),
    enabled,
  });
}

export function useCallPolicy() {
  return useQuery({ queryKey: callKeys.policy(), queryFn: () => call('call_policy', {}) });
}

function useInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: callKeys.all });
}

export function useSetCallPolicy() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: CallPolicy) => call('set_call_policy', { input }),
    onSuccess: invalidate,
  });
}

export function useAddCallTarget() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: NewCallTarget) => call('add_call_target', { input }),
    onSuccess: invalidate,
  });
}

export function useAddCallTargets() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: BulkCallTargets) => call('add_call_targets', { input }),
    onSuccess: invalidate,
  });
}

export function useAddCall() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: NewCall) => call('add_call', { input }),
    onSuccess: invalidate,
  });
}

export function useDeleteCall() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => call('delete_call', { input: { id } }),
    onSuccess: invalidate,
  });
}
