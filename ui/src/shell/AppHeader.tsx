import { CalendarOutlined, InfoCircleOutlined } from '@ant-design/icons';
import { Button, Flex, Layout, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../api/bindings';
import { useFormatDate } from '../lib/useFormatDate';
import { AboutModal } from './AboutModal';

/** Ledger name, statistical date (as the core reports it) and the About box. */
export function AppHeader({ info, pending }: { info: AppInfo | undefined; pending: boolean }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const [aboutOpen, setAboutOpen] = useState(false);
  return (
    <Layout.Header style={{ borderBottom: '1px solid #f0f0f0' }}>
      <Flex align="center" justify="space-between" style={{ height: '100%' }}>
        {pending ? (
          <Skeleton.Input active size="small" />
        ) : info ? (
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="ledger-name">
            {info.ledgerName}
          </Typography.Title>
        ) : (
          <Typography.Text type="secondary" data-testid="ledger-name">
            {t('header.ledgerUnavailable')}
          </Typography.Text>
        )}
        <Space size="middle">
          {/* The signed-in worker goes here once sign-in exists. */}
          {info && (
            <Typography.Text data-testid="statistical-date">
              <CalendarOutlined style={{ marginInlineEnd: 6 }} />
              {t('header.statisticalDate', { date: formatDate(info.statisticalDate) })}
            </Typography.Text>
          )}
          <Button
            type="text"
            icon={<InfoCircleOutlined />}
            onClick={() => setAboutOpen(true)}
            data-testid="about-button"
          >
            {t('header.about')}
          </Button>
        </Space>
      </Flex>
      <AboutModal open={aboutOpen} version={info?.version} onClose={() => setAboutOpen(false)} />
    </Layout.Header>
  );
}
