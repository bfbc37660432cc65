import { QueryClient } from '@tanstack/react-query';
import type { IpcError } from './api/bindings';

declare module '@tanstack/react-query' {
  interface Register {
    // Every query and mutation goes through call(), which only ever rejects with an IpcError.
    defaultError: IpcError;
  }
}

/**
 * The backend is a local process: its errors are deterministic, so retrying hides nothing
 * but time, and window focus says nothing about staleness in a desktop app.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: false,
        refetchOnWindowFocus: false,
        staleTime: 10_000,
      },
      mutations: { retry: false },
    },
  });
}
