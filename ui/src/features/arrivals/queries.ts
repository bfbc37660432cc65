import {
  keepPreviousData,
  useMutation,
  useQueries,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type {
  RegisterArrival,
  RescreenArrivals,
  ArrivalFilter,
  ArrivalUpdate,
  HouseholdsQuery,
  NewArrival,
  RegisterLevel,
  RegisterNode,
  RiskAreaUpdate,
  NewRiskArea,
} from '../../api/bindings';
import { call } from '../../api/rpc';
import { residentKeys } from '../residents/queries';

/**
 * Query keys of 返乡摸排. Risk areas live under the same root: declaring one changes which
 * arrivals are "from a risk area", and an arrival changes an area's count.
 */
export const arrivalKeys = {
  all: ['arrivals'] as const,
  lists: () => [...arrivalKeys.all, 'list'] as const,
  list: (filter: ArrivalFilter) => [...arrivalKeys.lists(), filter] as const,
  riskAreas: () => [...arrivalKeys.all, 'riskAreas'] as const,
};

export const PAGE_SIZE = 20;
/** A person's own arrivals, as the person drawer lists them. */
export const PERSON_ARRIVALS_LIMIT = 50;

export function useArrivals(filter: ArrivalFilter, enabled = true) {
  return useQuery({
    queryKey: arrivalKeys.list(filter),
    queryFn: () => call('list_arrivals', { input: filter }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/**
 * An arrival reaches beyond its list: it closes (or, removed, reopens) a call target and
 * moves its person's residence status between 外出/境外 and home, and the 首页 counts it.
 * So everything shown is fetched again.
 */
function useInvalidateArrivals() {
  const client = useQueryClient();
  return () => client.invalidateQueries();
}

export function useAddArrival() {
  const invalidate = useInvalidateArrivals();
  return useMutation({
    mutationFn: (input: NewArrival) => call('add_arrival', { input }),
    onSuccess: invalidate,
  });
}

/** One click: a re-screening sweep over the homes of everyone a filter matches. */
export function useRescreenArrivals() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: RescreenArrivals) => call('rescreen_arrivals', { input }),
    // The new sweep appears on the 入户摸排 page.
    onSuccess: () => client.invalidateQueries(),
  });
}

/** A person not yet in the register and their arrival, written together by the core. */
export function useRegisterArrival() {
  const invalidate = useInvalidateArrivals();
  return useMutation({
    mutationFn: (input: RegisterArrival) => call('register_arrival', { input }),
    onSuccess: invalidate,
  });
}

export function useUpdateArrival() {
  const invalidate = useInvalidateArrivals();
  return useMutation({
    mutationFn: (input: ArrivalUpdate) => call('update_arrival', { input }),
    onSuccess: invalidate,
  });
}

export function useDeleteArrival() {
  const invalidate = useInvalidateArrivals();
  return useMutation({
    mutationFn: (id: string) => call('delete_arrival', { input: { id } }),
    onSuccess: invalidate,
  });
}

export function useRiskAreas() {
  return useQuery({
    queryKey: arrivalKeys.riskAreas(),
    queryFn: () => call('list_risk_areas', {}),
  });
}

export function useAddRiskArea() {
  const invalidate = useInvalidateArrivals();
  return useMutation({
    mutationFn: (input: NewRiskArea) => call('add_risk_area', { input }),
    onSuccess: invalidate,
  });
}

export function useUpdateRiskArea() {
  const invalidate = useInvalidateArrivals();
  return useMutation({
    mutationFn: (input: RiskAreaUpdate) => call('update_risk_area', { input }),
    onSuccess: invalidate,
  });
}

export function useDeleteRiskArea() {
  const invalidate = useInvalidateArrivals();
  return useMutation({
    mutationFn: (id: string) => call('delete_risk_area', { input: { id } }),
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

/** The households of a node, shared with the 居民台账's cache. */
export function householdsQuery(q: HouseholdsQuery) {
  return {
    queryKey: residentKeys.households(q.level, q.id),
    queryFn: () => call('register_households', { input: q }),
  };
}

/** A grid with the name of its community, for the grid filter. */
export type GridOption = RegisterNode & { communityName: string };

/** Every grid of the ledger (streets → communities → grids), for choosing one. */
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
  return { grids, loading: streets.isPending };
}
