import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ExportRequest, SituationReportExport } from '../../api/bindings';
import { call } from '../../api/rpc';

/** Query keys of 报表导出. An export changes the log only. */
export const reportKeys = {
  all: ['reports'] as const,
  forms: () => [...reportKeys.all, 'forms'] as const,
  preview: (req: ExportRequest) => [...reportKeys.all, 'preview', req] as const,
  log: () => [...reportKeys.all, 'log'] as const,
};

export function useForms() {
  return useQuery({ queryKey: reportKeys.forms(), queryFn: () => call('list_forms', {}) });
}

/** The first rows of a form as it will be exported; fetched only when asked for. */
export function usePreview(req: ExportRequest | null) {
  return useQuery({
    queryKey: reportKeys.preview(req ?? { form: '', grids: [] }),
    queryFn: () => call('preview_form', { input: req! }),
    enabled: req !== null,
  });
}

export function useExportLog() {
  return useQuery({
    queryKey: reportKeys.log(),
    queryFn: () => call('export_log', { input: { limit: 20 } }),
  });
}

export function useExportForm() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ExportRequest) => call('export_form', { input }),
    onSuccess: () => client.invalidateQueries({ queryKey: reportKeys.log() }),
  });
}

/** Writes the 情况汇报 (as edited) as a Word document; logged like any export. */
export function useExportSituationReport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SituationReportExport) => call('export_situation_report_docx', { input }),
    onSuccess: () => client.invalidateQueries({ queryKey: reportKeys.log() }),
  });
}

/** Shows an exported file's folder in the system's file manager. */
export function useOpenExportFolder() {
  return useMutation({
    mutationFn: (path: string) => call('open_export_folder', { input: { path } }),
  });
}
