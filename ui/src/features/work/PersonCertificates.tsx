import { List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IpcError } from '../../api/bindings';
import { errorText } from '../../api/errors';
import { DrawerList } from '../../components/DrawerList';
import { useFormatDate } from '../../lib/useFormatDate';
import { useAppInfo } from '../../shell/queries';
import { useCertificates } from './queries';

/**
 * 外出务工证明 in the person drawer: the person's certificates (voided ones too) with the
 * destination and whether they were called back. Shown only when the module is provided.
 */
export function PersonCertificates({ personId }: { personId: string }) {
  const info = useAppInfo();
  if (!info.data?.modules.includes('workResumption')) return null;
  return <History personId={personId} />;
}

function History({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate('short');
  const list = useCertificates({ personId, includeVoided: true, limit: 50, offset: 0 });
  const p = 'work.person';
  return (
    <DrawerList
      testId="person-certificates"
      title={t(`${p}.title`)}
      list={{ ...list, items: list.data?.rows }}
      emptyText={t(`${p}.empty`)}
      failedText={(error) => t(`${p}.loadFailed`, { error: errorText(t, error as IpcError) })}
      renderItem={(c) => (
        <List.Item data-testid="person-certificate">
          <Space wrap size={[8, 4]}>
            <Typography.Text strong>{c.number}</Typography.Text>
            <span>{c.destination}</span>
            <Typography.Text type="secondary">{formatDate(c.issuedOn)}</Typography.Text>
            {c.voidedOn ? (
              <Tag>{t('work.certificates.void')}</Tag>
            ) : c.callBacks.some((b) => b.reached) ? (
              <Tag color="green">{t(`${p}.calledBack`)}</Tag>
            ) : (
              <Tag color="orange">{t(`${p}.notCalledBack`)}</Tag>
            )}
          </Space>
        </List.Item>
      )}
    />
  );
}
