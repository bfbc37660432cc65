import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Result, Skeleton, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/errors';
import type { IpcError } from '../api/bindings';

/** Placeholder while backend data loads. */
export function LoadingState({ rows = 4 }: { rows?: number }) {
  const { t } = useTranslation();
  return (
    <Card data-testid="loading-state" aria-busy="true" aria-label={t('common.loading')}>
      <Skeleton active paragraph={{ rows }} />
    </Card>
  );
}

/** A failed load: what failed, the error in words, and a retry button. */
export function ErrorState({
  title,
  error,
  onRetry,
  retrying = false,
}: {
  title?: ReactNode;
  error: IpcError;
  onRetry: () => void;
  retrying?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Card data-testid="error-state">
      <Result
        status="error"
        title={title ?? t('common.loadFailed')}
        subTitle={errorText(t, error)}
        extra={
          <Button
            type="primary"
            icon={<ReloadOutlined />}
            loading={retrying}
            onClick={onRetry}
            data-testid="retry-button"
          >
            {t('common.retry')}
          </Button>
        }
      >
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('common.technicalDetail', { message: error.message })}
        </Typography.Text>
      </Result>
    </Card>
  );
}

/** Nothing to show yet, with an optional action and a hint at how to get something. */
export function EmptyState({
  title,
  action,
  hint,
}: {
  title: ReactNode;
  action?: ReactNode;
  hint?: ReactNode;
}) {
  return (
    <Card data-testid="empty-state">
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={
          <>
            <Typography.Title level={5} style={{ marginTop: 8 }}>
              {title}
            </Typography.Title>
            {action && <div style={{ margin: '16px 0' }}>{action}</div>}
            {hint && <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>}
          </>
        }
      />
    </Card>
  );
}
