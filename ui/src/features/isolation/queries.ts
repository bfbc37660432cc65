import {
  keepPreviousData,
  useMutation,
  useQueries,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type {
  BulkRelease,
  CheckRound,
  EndIsolation,
  HandleFever,
  IsolationFilter,
  IsolationPolicy,
  IsolationSource,
  NewFollowUp,
  NewIsolation,
  RegisterLevel,
  RegisterNode,
  Replan,
  RoundQuery,
} from '../../api/bindings';
import { call } from '../../api/rpc';
import { useAppInfo } from '../../shell/queries';
import { residentKeys } from '../residents/queries';

/**
 * Query keys of 居家隔离 · 健康监测. The worklist (今日工作 on 首页) lives under the same
 * root: every check, release or fever handled changes it, so each mutation invalidates
 * `isolationKeys.all`.
 */
export const isolationKeys = {
  all: ['isolation'] as const,
  policy: () => [...isolationKeys.all, 'policy'] as const,
  proposal: (source: IsolationSource) => [...isolationKeys.all, 'proposal', source] as const,
  lists: () => [...isolationKeys.all, 'list'] as const,
  list: (filter: IsolationFilter) => [...isolationKeys.lists(), filter] as const,
  grid: (id: string) => [...isolationKeys.all, 'grid', id] as const,
  round: (q: RoundQuery) => [...isolationKeys.all, 'round', q] as const,
  worklist: () => [...isolationKeys.all, 'worklist'] as const,
};

export const PAGE_SIZE = 20;
/** A person's own isolations, as the person drawer lists them. */
export const PERSON_ISOLATIONS_LIMIT = 50;

export function useIsolationPolicy() {
  return useQuery({
    queryKey: isolationKeys.policy(),
    queryFn: () => call('isolation_policy', {}),
  });
}

export function useSetIsolationPolicy() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: IsolationPolicy) => call('set_isolation_policy', { input }),
    onSuccess: (policy) => client.setQueryData(isolationKeys.policy(), policy),
  });
}

/** What the policy proposes for a person; asked again whenever the person or kind changes. */
export function useProposal(source: IsolationSource | null) {
  return useQuery({
    queryKey: isolationKeys.proposal(source ?? { personId: '', kind: 'home' }),
    queryFn: () => call('propose_isolation', { input: source! }),
    enabled: source !== null,
    staleTime: 0,
  });
}

export function useIsolations(filter: IsolationFilter, enabled = true) {
  return useQuery({
    queryKey: isolationKeys.list(filter),
    queryFn: () => call('list_isolations', { input: filter }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useMonitoringGrid(id: string | null) {
  return useQuery({
    queryKey: isolationKeys.grid(id ?? ''),
    queryFn: () => call('monitoring_grid', { input: { id: id! } }),
    enabled: id !== null,
  });
}

export function useBuildingRound(q: RoundQuery | null) {
  return useQuery({
    queryKey: isolationKeys.round(q ?? { buildingId: '', date: '', slot: 0 }),
    queryFn: () => call('building_round', { input: q! }),
    enabled: q !== null,
  });
}

export function useWorklist(enabled = true) {
  return useQuery({
    queryKey: isolationKeys.worklist(),
    queryFn: () => call('worklist', {}),
    enabled,
  });
}

function useInvalidateIsolation() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: isolationKeys.all });
}

export function useStartIsolation() {
  const invalidate = useInvalidateIsolation();
  return useMutation({
    mutationFn: (input: NewIsolation) => call('start_isolation', { input }),
    onSuccess: invalidate,
  });
}

export function useReplan() {
  const invalidate = useInvalidateIsolation();
  return useMutation({
    mutationFn: (input: Replan) => call('replan_isolation', { input }),
    onSuccess: invalidate,
  });
}

export function useEndIsolation() {
  const invalidate = useInvalidateIsolation();
  return useMutation({
    mutationFn: (input: EndIsolation) => call('end_isolation', { input }),
    onSuccess: invalidate,
  });
}

export function useReleaseIsolations() {
  const invalidate = useInvalidateIsolation();
  return useMutation({
    mutationFn: (input: BulkRelease) => call('release_isolations', { input }),
    onSuccess: invalidate,
  });
}

export function useAddChecks() {
  const invalidate = useInvalidateIsolation();
  return useMutation({
    mutationFn: (input: CheckRound) => call('add_checks', { input }),
    onSuccess: invalidate,
  });
}

export function useHandleFever() {
  const invalidate = useInvalidateIsolation();
  return useMutation({
    mutationFn: (input: HandleFever) => call('handle_fever', { input }),
    onSuccess: invalidate,
  });
}

export function useRecordFollowUp() {
  const invalidate = useInvalidateIsolation();
  return useMutation({
    mutationFn: (input: NewFollowUp) => call('record_follow_up', { input }),
    onSuccess: invalidate,
  });
}

/** The register tree's children of one node, shared with the 居民台账's cache. */
export function childrenQuery(level: RegisterLevel, parentId: string | null) {
  return {
    queryKey: residentKeys.children(level, parentId),
    queryFn: () =>
      call('register_children', {
        input: parentId === null ? { level } : { level, parentId },
      }),
  };
}

/** The statistical date (统计日期) of the ledger: the default date of every form here. */
export function useStatisticalDate(): string | undefined {
  return useAppInfo().data?.statisticalDate;
}

/** A grid with the name of its community, for choosing a building under it. */
export type GridOption = RegisterNode & { communityName: string };

/** Every grid of the ledger (streets → communities → grids). */
export function useGrids() {
  const streets = useQuery(childrenQuery('street', null));
  const streetIds = (streets.data ?? []).map((s) => s.id);
  const communities = useQueries({
    queries: streetIds.map((id) => childrenQuery('community', id)),
    combine: (results) => results.flatMap((r) => r.data ?? []),
  });
  const grids = useQueries({
    queries: communities.map((c) => childrenQuery('grid', c.id)),
    combine: (results) =>
      results.flatMap((r, i) =>
        (r.data ?? []).map((g): GridOption => ({
          ...g,
          communityName: communities[i]?.name ?? '',
        })),
      ),
  });
  return { grids, loading: streets.isPending, error: streets.error };
}
