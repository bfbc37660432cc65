import {
  keepPreviousData,
  useMutation,
  useQueries,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type {
  BulkBuilding,
  MergePeople,
  PersonFilter,
  PersonInput,
  RegisterLevel,
  RegisterNode,
} from '../../api/bindings';
import { call } from '../../api/rpc';

/** Query keys of the 居民台账. */
export const residentKeys = {
  all: ['residents'] as const,
  tree: () => [...residentKeys.all, 'tree'] as const,
  children: (level: RegisterLevel, parentId: string | null = null) =>
    [...residentKeys.tree(), level, parentId] as const,
  householdsAll: () => [...residentKeys.all, 'households'] as const,
  households: (level: RegisterLevel, id: string) =>
    [...residentKeys.householdsAll(), level, id] as const,
  people: () => [...residentKeys.all, 'people'] as const,
  list: (filter: PersonFilter) => [...residentKeys.people(), filter] as const,
  person: (id: string) => [...residentKeys.all, 'person', id] as const,
  searchAll: () => [...residentKeys.all, 'search'] as const,
  search: (query: string) => [...residentKeys.searchAll(), query] as const,
  inspect: (idNumber: string) => [...residentKeys.all, 'inspect', idNumber] as const,
};

/** The levels of the tree, top down; a node's children are one level further. */
export const LEVELS: readonly RegisterLevel[] = [
  'street',
  'community',
  'grid',
  'estate',
  'building',
  'unit',
];

export function childLevel(level: RegisterLevel): RegisterLevel | null {
  return LEVELS[LEVELS.indexOf(level) + 1] ?? null;
}

export const PAGE_SIZE = 20;
export const SEARCH_LIMIT = 20;

function childrenQuery(level: RegisterLevel, parentId: string | null) {
  return {
    queryKey: residentKeys.children(level, parentId),
    queryFn: () =>
      call('register_children', {
        input: parentId === null ? { level } : { level, parentId },
      }),
  };
}

/** A parent whose children the tree has asked for. */
export type Expanded = { level: RegisterLevel; parentId: string };

/** The streets and the children of every node expanded so far, keyed `level:parentId`. */
export function useRegisterTree(expanded: readonly Expanded[]) {
  const streets = useQuery(childrenQuery('street', null));
  const children = useQueries({
    queries: expanded.map((e) => childrenQuery(e.level, e.parentId)),
    combine: (results) => {
      const map = new Map<string, RegisterNode[]>();
      results.forEach((r, i) => {
        if (r.data) map.set(`${expanded[i].level}:${expanded[i].parentId}`, r.data);
      });
      return map;
    },
  });
  return { streets, children };
}

/** Loads the children of one node (used by the tree's lazy loading). */
export function useFetchChildren() {
  const client = useQueryClient();
  return (level: RegisterLevel, parentId: string) =>
    client.fetchQuery(childrenQuery(level, parentId));
}

export function useHouseholds(node: { level: RegisterLevel; id: string } | null) {
  return useQuery({
    queryKey: residentKeys.households(node?.level ?? 'unit', node?.id ?? ''),
    queryFn: () => call('register_households', { input: node! }),
    enabled: node !== null,
  });
}

export function usePeople(filter: PersonFilter) {
  return useQuery({
    queryKey: residentKeys.list(filter),
    queryFn: () => call('list_people', { input: filter }),
    placeholderData: keepPreviousData,
  });
}

export function usePerson(id: string | null) {
  return useQuery({
    queryKey: residentKeys.person(id ?? ''),
    queryFn: () => call('get_person', { input: { id: id! } }),
    enabled: id !== null,
  });
}

/** The full ID number and phone: audited by the backend, so only on an explicit click. */
export function useRevealPerson() {
  return useMutation({
    mutationFn: (id: string) => call('reveal_person', { input: { id } }),
  });
}

export function useSearchPeople(query: string) {
  return useQuery({
    queryKey: residentKeys.search(query),
    queryFn: () => call('search_people', { input: { query, limit: SEARCH_LIMIT, offset: 0 } }),
    enabled: query.length > 0,
    placeholderData: keepPreviousData,
  });
}

/** What an ID number says (birth date, sex, age, region, an existing registration). */
export function useInspectIdNumber(idNumber: string | null) {
  return useQuery({
    queryKey: residentKeys.inspect(idNumber ?? ''),
    queryFn: () => call('inspect_id_number', { input: { idNumber: idNumber! } }),
    enabled: idNumber !== null,
    staleTime: 0,
  });
}

export function useAddPerson() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: PersonInput) => call('add_person', { input }),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: residentKeys.people() }),
        client.invalidateQueries({ queryKey: residentKeys.householdsAll() }),
        client.invalidateQueries({ queryKey: residentKeys.searchAll() }),
        client.invalidateQueries({ queryKey: [...residentKeys.all, 'inspect'] }),
      ]),
  });
}

export function useBulkCreateBuilding() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: BulkBuilding) => call('bulk_create_building', { input }),
    onSuccess: (_summary, input) =>
      Promise.all([
        client.invalidateQueries({ queryKey: residentKeys.children('building', input.estateId) }),
        client.invalidateQueries({ queryKey: residentKeys.tree() }),
        client.invalidateQueries({ queryKey: residentKeys.householdsAll() }),
      ]),
  });
}

/** Merge two records of one person; every list, search and household may have changed. */
export function useMergePeople() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: MergePeople) => call('merge_people', { input }),
    onSuccess: (kept) => {
      client.setQueryData(residentKeys.person(kept.id), kept);
      return client.invalidateQueries({ queryKey: residentKeys.all });
    },
  });
}
