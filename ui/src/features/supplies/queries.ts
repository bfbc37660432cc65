import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  EligibleQuery,
  NewSupplyFollowUp,
  NewSupplyIssue,
  NewSupplyItem,
  NewSupplyReceipt,
  SupplyEligibility,
  SupplyIssueFilter,
} from '../../api/bindings';
import { call } from '../../api/rpc';
import { dashboardKeys } from '../home/queries';

/**
 * Query keys of 物资发放. Stock, issues, eligibility and the 首页 card all change together
 * (an issue lowers a balance and serves a household), so every mutation invalidates
 * `supplyKeys.all`.
 */
export const supplyKeys = {
  all: ['supplies'] as const,
  items: () => [...supplyKeys.all, 'items'] as const,
  receipts: (itemId: string) => [...supplyKeys.all, 'receipts', itemId] as const,
  issues: (filter: SupplyIssueFilter) => [...supplyKeys.all, 'issues', filter] as const,
  followUps: (issueId: string) => [...supplyKeys.all, 'followUps', issueId] as const,
  eligibility: () => [...supplyKeys.all, 'eligibility'] as const,
  eligible: (q: EligibleQuery) => [...supplyKeys.all, 'eligible', q] as const,
  counts: () => [...supplyKeys.all, 'counts'] as const,
};

export const PAGE_SIZE = 20;

function useInvalidate() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: supplyKeys.all });
    void client.invalidateQueries({ queryKey: dashboardKeys.all });
  };
}

export function useSupplyItems() {
  return useQuery({ queryKey: supplyKeys.items(), queryFn: () => call('list_supply_items', {}) });
}

export function useReceipts(itemId: string | null) {
  return useQuery({
    queryKey: supplyKeys.receipts(itemId ?? ''),
    queryFn: () => call('list_supply_receipts', { input: { id: itemId! } }),
    enabled: itemId !== null,
  });
}

export function useIssues(filter: SupplyIssueFilter, enabled = true) {
  return useQuery({
    queryKey: supplyKeys.issues(filter),
    queryFn: () => call('list_supply_issues', { input: filter }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useFollowUps(issueId: string | null) {
  return useQuery({
    queryKey: supplyKeys.followUps(issueId ?? ''),
    queryFn: () => call('list_supply_follow_ups', { input: { id: issueId! } }),
    enabled: issueId !== null,
  });
}

export function useEligibility() {
  return useQuery({
    queryKey: supplyKeys.eligibility(),
    queryFn: () => call('supply_eligibility', {}),
  });
}

export function useEligible(q: EligibleQuery) {
  return useQuery({
    queryKey: supplyKeys.eligible(q),
    queryFn: () => call('eligible_households', { input: q }),
    placeholderData: keepPreviousData,
  });
}

export function useSupplyCounts(enabled = true) {
  return useQuery({
    queryKey: supplyKeys.counts(),
    queryFn: () => call('supply_counts', {}),
    enabled,
  });
}

export function useAddItem() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: NewSupplyItem) => call('add_supply_item', { input }),
    onSuccess: invalidate,
  });
}

export function useAddReceipt() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: NewSupplyReceipt) => call('add_supply_receipt', { input }),
    onSuccess: invalidate,
  });
}

export function useDeleteReceipt() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => call('delete_supply_receipt', { input: { id } }),
    onSuccess: invalidate,
  });
}

export function useAddIssue() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: NewSupplyIssue) => call('add_supply_issue', { input }),
    onSuccess: invalidate,
  });
}

export function useDeleteIssue() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => call('delete_supply_issue', { input: { id } }),
    onSuccess: invalidate,
  });
}

export function useAddFollowUp() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: NewSupplyFollowUp) => call('add_supply_follow_up', { input }),
    onSuccess: invalidate,
  });
}

export function useSetEligibility() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: SupplyEligibility) => call('set_supply_eligibility', { input }),
    onSuccess: invalidate,
  });
}
