import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/rpc';

/** Query keys of the 首页 dashboard. */
export const dashboardKeys = {
  all: ['dashboard'] as const,
  counts: () => [...dashboardKeys.all, 'counts'] as const,
};

export function useDashboardCounts() {
  return useQuery({
    queryKey: dashboardKeys.counts(),
    queryFn: () => call('dashboard_counts', {}),
  });
}
