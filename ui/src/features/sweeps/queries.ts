import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  NewSweep,
  RecordSweepVisit,
  RecordSweepVisits,
  RegisterNode,
  SweepHouseholdsQuery,
} from '../../api/bindings';
import { call } from '../../api/rpc';
import { residentKeys } from '../residents/queries';

/** Query keys of 入户摸排. Everything of one sweep lives under `sweep(id)`. */
export const sweepKeys = {
  all: ['sweeps'] as const,
  list: () => [...sweepKeys.all, 'list'] as const,
  sweep: (id: string) => [...sweepKeys.all, 'sweep', id] as const,
  progress: (id: string) => [...sweepKeys.sweep(id), 'progress'] as const,
  households: (q: SweepHouseholdsQuery) =>
    [...sweepKeys.sweep(q.sweepId), 'households', q] as const,
};

export function useSweeps() {
  return useQuery({ queryKey: sweepKeys.list(), queryFn: () => call('list_sweeps', {}) });
}

export function useCreateSweep() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: NewSweep) => call('create_sweep', { input }),
    onSuccess: () => client.invalidateQueries({ queryKey: sweepKeys.list() }),
  });
}

export function useSweepProgress(sweepId: string | null) {
  return useQuery({
    queryKey: sweepKeys.progress(sweepId ?? ''),
    queryFn: () => call('sweep_progress', { input: { id: sweepId! } }),
    enabled: sweepId !== null,
  });
}

export function useSweepHouseholds(q: SweepHouseholdsQuery) {
  return useQuery({
    queryKey: sweepKeys.households(q),
    queryFn: () => call('sweep_households', { input: q }),
  });
}

export function useRecordVisit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: RecordSweepVisit) => call('record_sweep_visit', { input }),
    onSuccess: (_visit, input) =>
      client.invalidateQueries({ queryKey: sweepKeys.sweep(input.sweepId) }),
  });
}

export function useRecordVisits() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: RecordSweepVisits) => call('record_sweep_visits', { input }),
    onSuccess: (_n, input) =>
      client.invalidateQueries({ queryKey: sweepKeys.sweep(input.sweepId) }),
  });
}

/** A community or grid (a possible scope of a sweep) with its parent's id. */
export type ScopeNode = RegisterNode & { parentId: string };

/**
 * The streets, communities and grids of the ledger, for choosing (and naming) a sweep's
 * scope. Loaded through `register_children`, so the register tree shares the cache.
 */
export function useScopes() {
  const childrenOf = (level: 'street' | 'community' | 'grid', parentId: string | null) => ({
    queryKey: residentKeys.children(level, parentId),
    queryFn: () =>
      call('register_children', { input: parentId === null ? { level } : { level, parentId } }),
  });
  const withParent = (parentIds: string[]) => (results: { data?: RegisterNode[] }[]) =>
    results.flatMap((r, i) =>
      (r.data ?? []).map((n): ScopeNode => ({ ...n, parentId: parentIds[i] ?? '' })),
    );
  const streets = useQuery(childrenOf('street', null));
  const streetIds = (streets.data ?? []).map((s) => s.id);
  const communities = useQueries({
    queries: streetIds.map((id) => childrenOf('community', id)),
    combine: withParent(streetIds),
  });
  const communityIds = communities.map((c) => c.id);
  const grids = useQueries({
    queries: communityIds.map((id) => childrenOf('grid', id)),
    combine: withParent(communityIds),
  });
  return { streets, communities, grids };
}
