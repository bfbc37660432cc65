import { Col, Flex, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '../../components/QueryStates';
import { useAppInfo } from '../../shell/queries';
import { HomeRegionForm } from './HomeRegionForm';
import { LanguageCard } from './LanguageCard';
import { LedgerInfo } from './LedgerInfo';
import { LedgerNameForm } from './LedgerNameForm';

/** 设置: ledger information, renaming, language. */
export function SettingsPage() {
  const { t } = useTranslation();
  const info = useAppInfo();
  if (info.isPending) return <LoadingState />;
  if (info.isError) {
    return (
      <ErrorState
        title={t('shell.appInfoFailed')}
        error={info.error}
        onRetry={() => void info.refetch()}
        retrying={info.isFetching}
      />
    );
  }
  return (
    <Flex vertical gap={16} data-testid="settings-page">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('modules.settings')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <LedgerInfo info={info.data} />
        </Col>
        <Col xs={24} xl={10}>
          <Flex vertical gap={16}>
            <LedgerNameForm current={info.data.ledgerName} />
            <HomeRegionForm info={info.data} />
            <LanguageCard />
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}
