import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ImportRequest, JobProgress, PreviewRowsQuery } from '../../api/bindings';
import { commitImport } from '../../api/jobs';
import { call, stageImportFile } from '../../api/rpc';

/** Query keys of 导入. */
export const importKeys = {
  all: ['imports'] as const,
  history: () => [...importKeys.all, 'history'] as const,
  rows: (q: PreviewRowsQuery) => [...importKeys.all, 'rows', q] as const,
};

export function useImportHistory(enabled = true) {
  return useQuery({
    queryKey: importKeys.history(),
    queryFn: () => call('list_imports', { input: { limit: 20 } }),
    enabled,
  });
}

/** A chosen file, handed to the backend once for every later request of the wizard. */
export function useStageFile() {
  return useMutation({
    mutationFn: ({ name, bytes }: { name: string; bytes: Uint8Array }) =>
      stageImportFile(name, bytes),
  });
}

/** The dry run: writes nothing, so nothing is invalidated. */
export function usePreviewImport() {
  return useMutation({
    mutationFn: (input: ImportRequest) => call('preview_import', { input }),
  });
}

/**
 * Commits an import, keeping its latest progress. An import touches people, households'
 * members and arrivals: everything is refetched.
 */
export function useCommitImport() {
  const client = useQueryClient();
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const mutation = useMutation({
    mutationFn: (input: ImportRequest) => {
      setProgress(null);
      return commitImport(input, setProgress);
    },
    onSuccess: () => client.invalidateQueries(),
  });
  return { mutation, progress };
}

export function useUndoImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call('undo_import', { input: { id } }),
    onSuccess: () => client.invalidateQueries(),
  });
}

export function useErrorReport() {
  return useMutation({
    mutationFn: (input: ImportRequest) => call('import_error_report', { input }),
  });
}

/** One page of a preview's rows, fetched from the core (a preview carries only its first). */
export function usePreviewRows(input: PreviewRowsQuery | null) {
  return useQuery({
    queryKey: importKeys.rows(input ?? { previewId: '', offset: 0, limit: 0 }),
    queryFn: () => call('import_preview_rows', { input: input! }),
    enabled: input !== null,
    placeholderData: keepPreviousData,
  });
}
