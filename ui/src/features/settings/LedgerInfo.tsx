import { LockOutlined, UnlockOutlined } from '@ant-design/icons';
import { Card, Descriptions, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../api/bindings';
import { useFormatDate } from '../../lib/useFormatDate';

/** What the ledger is: name, file, schema, encryption, statistical day. */
export function LedgerInfo({ info }: { info: AppInfo }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  return (
    <Card title={t('settings.ledgerInfo.title')} data-testid="ledger-info">
      <Descriptions
        bordered
        column={1}
        size="small"
        styles={{ label: { width: 160 } }}
        items={[
          { key: 'name', label: t('settings.ledgerInfo.name'), children: info.ledgerName },
          {
            key: 'path',
            label: t('settings.ledgerInfo.path'),
            children: (
              <Typography.Text copyable data-testid="ledger-path">
                {info.ledgerPath}
              </Typography.Text>
            ),
          },
          {
            key: 'schema',
            label: t('settings.ledgerInfo.schemaVersion'),
            children: info.schemaVersion,
          },
          {
            key: 'encryption',
            label: t('settings.ledgerInfo.encryption'),
            children: info.encrypted ? (
              <Tag icon={<LockOutlined />} color="success" data-testid="ledger-encrypted">
                {t('settings.ledgerInfo.encrypted')}
              </Tag>
            ) : (
              <Tag icon={<UnlockOutlined />} color="warning" data-testid="ledger-encrypted">
                {t('settings.ledgerInfo.notEncrypted')}
              </Tag>
            ),
          },
          {
            key: 'date',
            label: t('settings.ledgerInfo.statisticalDate'),
            children: formatDate(info.statisticalDate),
          },
          {
            key: 'cutoff',
            label: t('settings.ledgerInfo.cutoff'),
            children: t('settings.ledgerInfo.cutoffValue', { time: info.statisticalCutoff }),
          },
          { key: 'version', label: t('settings.ledgerInfo.version'), children: info.version },
        ]}
      />
    </Card>
  );
}
