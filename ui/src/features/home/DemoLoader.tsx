import { ExperimentOutlined } from '@ant-design/icons';
import { App, Button, Flex, Popconfirm, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/errors';
import type { useLoadDemo } from './queries';

/** 载入演示数据: fills the empty ledger with fictitious people, after a confirmation. */
export function DemoLoader({ demo }: { demo: ReturnType<typeof useLoadDemo> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { mutation, progress } = demo;
  const running = mutation.isPending;

  const start = () =>
    mutation.mutate(undefined, {
      onSuccess: () => void message.success(t('home.demo.success')),
      onError: (err) => void message.error(t('home.demo.failed', { error: errorText(t, err) })),
    });

  const done = progress?.done ?? 0;
  const total = progress?.total ?? 0;
  const percent = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;

  return (
    <Flex vertical align="center" gap={12}>
      <Popconfirm
        title={t('home.demo.confirmTitle')}
        description={
          <Typography.Paragraph style={{ maxWidth: 320, marginBottom: 0 }}>
            {t('home.demo.confirmText')}
          </Typography.Paragraph>
        }
        okText={t('home.demo.confirmOk')}
        cancelText={t('home.demo.confirmCancel')}
        onConfirm={start}
        disabled={running}
      >
        <Button
          type="primary"
          icon={<ExperimentOutlined />}
          loading={running}
          disabled={running}
          data-testid="load-demo"
        >
          {t('home.demo.button')}
        </Button>
      </Popconfirm>
      {running && (
        <Flex vertical align="center" style={{ width: 320 }} data-testid="demo-progress">
          <Progress percent={percent} status="active" style={{ marginBottom: 0 }} />
          <Typography.Text type="secondary" data-testid="demo-progress-text">
            {progress ? t('home.demo.progress', { done, total }) : t('home.demo.starting')}
          </Typography.Text>
        </Flex>
      )}
    </Flex>
  );
}
