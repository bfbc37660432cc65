import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/rpc';
import { appKeys } from '../../shell/queries';

/** Renames the ledger; the backend validates and returns the new AppInfo. */
export function useSetLedgerName() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => call('set_ledger_name', { input: { name } }),
    onSuccess: async (info) => {
      client.setQueryData(appKeys.info(), info);
      await client.invalidateQueries({ queryKey: appKeys.info() });
    },
  });
}

/** Sets the ledger's home region; the backend validates and returns the new AppInfo. */
export function useSetHomeRegion() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => call('set_home_region', { input: { code } }),
    onSuccess: async (info) => {
      client.setQueryData(appKeys.info(), info);
      await client.invalidateQueries({ queryKey: appKeys.info() });
    },
  });
}
