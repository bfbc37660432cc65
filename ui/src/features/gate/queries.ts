import {
  keepPreviousData,
  type QueryClient,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { GateDayQuery, NewCheckpoint, NewGateCheck, VoidGateCheck } from '../../api/bindings';
import { call } from '../../api/rpc';
import { isolationKeys } from '../isolation/queries';

/**
 * Query keys of 卡口登记. A gate check changes the day view, the 首页 card, the person's
 * list and (with a fever) the worklist, so saving one invalidates `gateKeys.all` and
 * `isolationKeys.all`.
 */
export const gateKeys = {
  all: ['gate'] as const,
  checkpoints: () => [...gateKeys.all, 'checkpoints'] as const,
  day: (q: GateDayQuery) => [...gateKeys.all, 'day', q] as const,
  person: (id: string) => [...gateKeys.all, 'person', id] as const,
  summary: () => [...gateKeys.all, 'summary'] as const,
};

export function useCheckpoints() {
  return useQuery({
    queryKey: gateKeys.checkpoints(),
    queryFn: () => call('list_checkpoints', {}),
  });
}

export function useAddCheckpoint() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: NewCheckpoint) => call('add_checkpoint', { input }),
    onSuccess: (list) => {
      client.setQueryData(gateKeys.checkpoints(), list);
      return client.invalidateQueries({ queryKey: gateKeys.all });
    },
  });
}

export function useGateDay(q: GateDayQuery) {
  return useQuery({
    queryKey: gateKeys.day(q),
    queryFn: () => call('gate_day', { input: q }),
    placeholderData: keepPreviousData,
  });
}

/** What a gate check written or voided changes: the gate's views and (fevers) the worklist. */
function refreshAfterCheck(client: QueryClient) {
  return Promise.all([
    client.invalidateQueries({ queryKey: gateKeys.all }),
    client.invalidateQueries({ queryKey: isolationKeys.all }),
  ]);
}

export function useAddGateCheck() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: NewGateCheck) => call('add_gate_check', { input }),
    onSuccess: () => refreshAfterCheck(client),
  });
}

/** Voiding an entry changes what saving one does, and may close its fever event. */
export function useVoidGateCheck() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: VoidGateCheck) => call('void_gate_check', { input }),
    onSuccess: () => refreshAfterCheck(client),
  });
}

export function usePersonGateChecks(personId: string) {
  return useQuery({
    queryKey: gateKeys.person(personId),
    queryFn: () => call('person_gate_checks', { input: { id: personId } }),
  });
}

export function useGateSummary(enabled = true) {
  return useQuery({
    queryKey: gateKeys.summary(),
    queryFn: () => call('gate_summary', {}),
    enabled,
  });
}

/** "365" → "36.5": three digits typed without the point, as a practised worker does. */
export function normalizeTemperature(raw: string): string {
  const s = raw.trim().replace('\u3002', '.'); // the ideographic full stop of a Chinese IME
  return /^\d{3}$/.test(s) ? `${s.slice(0, 2)}.${s.slice(2)}` : s;
}
