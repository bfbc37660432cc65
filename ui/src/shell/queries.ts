import { useQuery } from '@tanstack/react-query';
import { call } from '../api/rpc';

/** Query keys of the application-wide data (ledger info). */
export const appKeys = {
  all: ['app'] as const,
  info: () => [...appKeys.all, 'info'] as const,
};

export function useAppInfo() {
  return useQuery({ queryKey: appKeys.info(), queryFn: () => call('app_info', {}) });
}
