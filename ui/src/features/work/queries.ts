import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CertificateFilter,
  CertificateSettings,
  DifficultyFilter,
  NewCallBack,
  NewDifficulty,
  NewDifficultyFollowUp,
  NewEnterprise,
  NewVisit,
  NewWorkCertificate,
  SaveCertificate,
  VisitFilter,
  VisitUpdate,
  VoidCertificate,
} from '../../api/bindings';
import { call } from '../../api/rpc';
import { dashboardKeys } from '../home/queries';

/**
 * Query keys of 复工复产 and 外出务工证明. Enterprises show their visits and difficulties,
 * and the 首页 card counts all of them, so every mutation invalidates `workKeys.all`.
 */
export const workKeys = {
  all: ['work'] as const,
  enterprises: () => [...workKeys.all, 'enterprises'] as const,
  visits: (f: VisitFilter) => [...workKeys.all, 'visits', f] as const,
  difficulties: (f: DifficultyFilter) => [...workKeys.all, 'difficulties', f] as const,
  certificates: (f: CertificateFilter) => [...workKeys.all, 'certificates', f] as const,
  callBacksDue: () => [...workKeys.all, 'callBacksDue'] as const,
  settings: () => [...workKeys.all, 'settings'] as const,
  counts: () => [...workKeys.all, 'counts'] as const,
};

export const PAGE_SIZE = 20;

function useInvalidate() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: workKeys.all });
    void client.invalidateQueries({ queryKey: dashboardKeys.all });
  };
}

export function useEnterprises() {
  return useQuery({
    queryKey: workKeys.enterprises(),
    queryFn: () => call('list_enterprises', {}),
  });
}

export function useVisits(f: VisitFilter) {
  return useQuery({
    queryKey: workKeys.visits(f),
    queryFn: () => call('list_enterprise_visits', { input: f }),
    placeholderData: keepPreviousData,
  });
}

export function useDifficulties(f: DifficultyFilter) {
  return useQuery({
    queryKey: workKeys.difficulties(f),
    queryFn: () => call('list_difficulties', { input: f }),
    placeholderData: keepPreviousData,
  });
}

export function useCertificates(f: CertificateFilter, enabled = true) {
  return useQuery({
    queryKey: workKeys.certificates(f),
    queryFn: () => call('list_work_certificates', { input: f }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCallBacksDue() {
  return useQuery({
    queryKey: workKeys.callBacksDue(),
    queryFn: () => call('certificate_call_backs_due', {}),
  });
}

export function useCertificateSettings() {
  return useQuery({
    queryKey: workKeys.settings(),
    queryFn: () => call('certificate_settings', {}),
  });
}

export function useWorkCounts(enabled = true) {
  return useQuery({ queryKey: workKeys.counts(), queryFn: () => call('work_counts', {}), enabled });
}

export function useAddEnterprise() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: NewEnterprise) => call('add_enterprise', { input }),
    onSuccess: invalidate,
  });
}

export function useUpdateEnterprise() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: { id: string; enterprise: NewEnterprise }) =>
      call('update_enterprise', { input }),
    onSuccess: invalidate,
  });
}

export function useAddVisit() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: NewVisit) => call('add_enterprise_visit', { input }),
    onSuccess: invalidate,
  });
}

export function useUpdateVisit() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: VisitUpdate) => call('update_enterprise_visit', { input }),
    onSuccess: invalidate,
  });
}

export function useAddDifficulty() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: NewDifficulty) => call('add_difficulty', { input }),
    onSuccess: invalidate,
  });
}

export function useAddDifficultyFollowUp() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: NewDifficultyFollowUp) => call('add_difficulty_follow_up', { input }),
    onSuccess: invalidate,
  });
}

export function useIssueCertificate() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: NewWorkCertificate) => call('issue_work_certificate', { input }),
    onSuccess: invalidate,
  });
}

export function useVoidCertificate() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: VoidCertificate) => call('void_work_certificate', { input }),
    onSuccess: invalidate,
  });
}

export function useAddCallBack() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: NewCallBack) => call('add_certificate_call_back', { input }),
    onSuccess: invalidate,
  });
}

export function useSetCertificateSettings() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: CertificateSettings) => call('set_certificate_settings', { input }),
    onSuccess: invalidate,
  });
}

export function useSaveCertificate() {
  return useMutation({
    mutationFn: (input: SaveCertificate) => call('save_work_certificate', { input }),
  });
}
