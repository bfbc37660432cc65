import { FileWordOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Input, Modal, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/errors';
import { ErrorState, LoadingState } from '../../components/QueryStates';
import { ExportDone } from '../reports/ExportDone';
import { useExportSituationReport } from '../reports/queries';
import { useSituationReport } from './queries';

/**
 * 情况汇报: the draft generated from the numbers, editable before it is copied into the
 * report or exported as a Word document (导出 Word: the text as edited); the short WeChat
 * text beside it. Nothing typed here is kept in the ledger: the draft is regenerated from
 * the records each time.
 */
export function SituationReportModal({
  date,
  open,
  onClose,
}: {
  date: string;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const report = useSituationReport(date, open);
  const word = useExportSituationReport();
  return (
    <Modal
      open={open}
      onCancel={onClose}
      footer={null}
      width={760}
      title={t('stats.report.title', { date })}
      destroyOnHidden
    >
      {report.isPending ? (
        <LoadingState rows={6} />
      ) : report.isError ? (
        <ErrorState
          title={t('stats.report.loadFailed')}
          error={report.error}
          onRetry={() => void report.refetch()}
        />
      ) : (
        <Flex vertical gap={16}>
          <Editable
            key={`n-${report.data.narrative}`}
            label={t('stats.report.narrative')}
            initial={report.data.narrative}
            rows={12}
            testId="stats-narrative"
            extra={(text) => (
              <Button
                size="small"
                icon={<FileWordOutlined />}
                loading={word.isPending}
                disabled={!text.trim()}
                onClick={() => word.mutate({ date, text })}
                data-testid="stats-narrative-word"
              >
                {t('stats.report.exportWord')}
              </Button>
            )}
          />
          {word.data && (
            <ExportDone
              testId="stats-word-done"
              message={t('stats.report.exported')}
              path={word.data.path}
            />
          )}
          {word.error && (
            <Alert
              type="error"
              showIcon
              data-testid="stats-word-failed"
              message={t('stats.report.exportFailed', { error: errorText(t, word.error) })}
            />
          )}
          <Editable
            key={`w-${report.data.wechat}`}
            label={t('stats.report.wechat')}
            initial={report.data.wechat}
            rows={4}
            testId="stats-wechat"
          />
        </Flex>
      )}
    </Modal>
  );
}

function Editable({
  label,
  initial,
  rows,
  testId,
  extra,
}: {
  label: string;
  initial: string;
  rows: number;
  testId: string;
  /** More actions beside 复制, given the text as edited. */
  extra?: (text: string) => ReactNode;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [text, setText] = useState(initial);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      void message.success(t('stats.report.copied'));
    } catch {
      void message.error(t('stats.report.copyFailed'));
    }
  };
  return (
    <Flex vertical gap={4}>
      <Flex justify="space-between" align="center">
        <Typography.Text strong>{label}</Typography.Text>
        <Flex gap={8}>
          {extra?.(text)}
          <Button size="small" onClick={() => void copy()} data-testid={`${testId}-copy`}>
            {t('stats.report.copy')}
          </Button>
        </Flex>
      </Flex>
      <Input.TextArea
        rows={rows}
        value={text}
        onChange={(e) => setText(e.target.value)}
        data-testid={testId}
      />
    </Flex>
  );
}
