import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/rpc';

/**
 * Query keys of the daily statistics. They are derived from every module's records, so
 * they are never kept fresh by invalidation: the 首页 refetches them when it mounts.
 */
export const statsKeys = {
  all: ['stats'] as const,
  day: (date: string | undefined) => [...statsKeys.all, 'day', date ?? ''] as const,
  trend: (date: string | undefined) => [...statsKeys.all, 'trend', date ?? ''] as const,
  report: (date: string | undefined) => [...statsKeys.all, 'report', date ?? ''] as const,
};

const arg = (date: string | undefined) => ({ input: date ? { date } : {} });

export function useDailyStats(date?: string) {
  return useQuery({
    queryKey: statsKeys.day(date),
    queryFn: () => call('daily_stats', arg(date)),
  });
}

export function useDailyTrend(date?: string) {
  return useQuery({
    queryKey: statsKeys.trend(date),
    queryFn: () => call('daily_trend', arg(date)),
  });
}

export function useSituationReport(date: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: statsKeys.report(date),
    queryFn: () => call('situation_report', arg(date)),
    enabled,
  });
}
