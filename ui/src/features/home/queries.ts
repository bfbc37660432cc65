import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { JobProgress } from '../../api/bindings';
import { loadDemo } from '../../api/jobs';
import { call } from '../../api/rpc';
import { appKeys } from '../../shell/queries';

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

/**
 * Loads the demo data into an empty ledger, keeping the job's latest progress. Afterwards
 * (even on failure: the ledger may have had data after all) the dashboard and the ledger
 * info are refetched, since the backend also names an unnamed ledger.
 */
export function useLoadDemo() {
  const client = useQueryClient();
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const mutation = useMutation({
    mutationFn: () => {
      setProgress(null);
      return loadDemo(setProgress);
    },
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: dashboardKeys.all }),
        client.invalidateQueries({ queryKey: appKeys.info() }),
      ]),
  });
  return { mutation, progress };
}
