import { FolderOpenOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/errors';
import { useOpenExportFolder } from './queries';

/**
 * An export written: what and where (the path, copyable) with 打开文件夹. Used by 报表导出,
 * the 首页's 导出 of the daily report and the 情况汇报's 导出 Word.
 */
export function ExportDone({
  message,
  path,
  testId,
  pathTestId = `${testId}-path`,
}: {
  message: string;
  path: string;
  testId: string;
  pathTestId?: string;
}) {
  const { t } = useTranslation();
  const { message: toast } = App.useApp();
  const open = useOpenExportFolder();
  return (
    <Alert
      type="success"
      showIcon
      style={{ marginTop: 12 }}
      data-testid={testId}
      message={message}
      description={
        <Flex gap={8} align="center" wrap>
          <Typography.Text copyable data-testid={pathTestId}>
            {path}
          </Typography.Text>
          <Button
            size="small"
            icon={<FolderOpenOutlined />}
            loading={open.isPending}
            data-testid={`${testId}-open`}
            onClick={() =>
              open.mutate(path, {
                onError: (err) =>
                  void toast.error(t('reports.export.openFailed', { error: errorText(t, err) })),
              })
            }
          >
            {t('reports.export.openFolder')}
          </Button>
        </Flex>
      }
    />
  );
}
