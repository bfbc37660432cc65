import { Col, Flex, Row, Typography } from 'antd';
import { Trans, useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, LoadingState } from '../../components/QueryStates';
import { useFormatDate } from '../../lib/useFormatDate';
import { GateHomeCard } from '../gate/GateHomeCard';
import { PublicityHomeCard } from '../publicity/PublicityHomeCard';
import { CallsCard } from '../calls/CallsCard';
import { DailyStatsCard } from '../stats/DailyStatsCard';
import { DemoLoader } from './DemoLoader';
import { GridTable } from './GridTable';
import { useDashboardCounts, useLoadDemo } from './queries';
import { ResidenceCard } from './ResidenceCard';
import { StatCards } from './StatCards';
import { ModuleCards } from './ModuleCards';
import { Worklist } from './Worklist';

/** 首页: live counts from the core. */
export function HomePage() {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const counts = useDashboardCounts();
  // Here, not in DemoLoader: that unmounts when the refetched counts arrive, and the
  // success message must still be shown.
  const demo = useLoadDemo();

  if (counts.isPending) return <LoadingState rows={6} />;
  if (counts.isError) {
    return (
      <ErrorState
        title={t('home.loadFailed')}
        error={counts.error}
        onRetry={() => void counts.refetch()}
        retrying={counts.isFetching}
      />
    );
  }
  const data = counts.data;
  if (data.people === 0) {
    return (
      <EmptyState
        title={t('home.empty.title')}
        action={<DemoLoader demo={demo} />}
        hint={
          <Trans
            i18nKey="home.empty.hint"
            components={{ code: <Typography.Text code copyable /> }}
          />
        }
      />
    );
  }
  return (
    <Flex vertical gap={16} data-testid="home-page">
      <Flex justify="space-between" align="baseline">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('modules.home')}
        </Typography.Title>
        <Typography.Text type="secondary" data-testid="dashboard-date">
          {t('home.statisticalDate', { date: formatDate(data.statisticalDate) })}
        </Typography.Text>
      </Flex>
      <DailyStatsCard />
      <Worklist />
      <StatCards counts={data} />
      <GateHomeCard />
      <PublicityHomeCard />
      <ModuleCards />
      <CallsCard />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <ResidenceCard rows={data.byResidence} />
        </Col>
        <Col xs={24} lg={16}>
          <GridTable rows={data.byGrid} />
        </Col>
      </Row>
    </Flex>
  );
}
