import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useWorkCounts } from './queries';

/** The 复工复产 card of the 首页: enterprises visited, incomplete visits, open difficulties, certificates, call-backs due. */
export function WorkCard() {
  const { t } = useTranslation();
  const counts = useWorkCounts();
  const p = 'work.card';
  const c = counts.data;
  const red = (n: number | undefined) => (n ? { color: '#cf1322' } : undefined);
  return (
    <Card
      size="small"
      title={t('modules.workResumption')}
      extra={<Link to="/work-resumption">{t(`${p}.link`)}</Link>}
      loading={counts.isPending}
      data-testid="work-card"
    >
      {counts.isError ? (
        t(`${p}.loadFailed`)
      ) : (
        <Row gutter={8}>
          <Col span={5}>
            <Statistic
              title={t(`${p}.visited`)}
              value={c?.enterprisesVisited ?? 0}
              suffix={c ? `/ ${c.enterprises}` : undefined}
            />
          </Col>
          <Col span={5}>
            <Statistic
              title={t(`${p}.incomplete`)}
              value={c?.incompleteVisits ?? 0}
              valueStyle={red(c?.incompleteVisits)}
            />
          </Col>
          <Col span={5}>
            <Statistic
              title={t(`${p}.open`)}
              value={c?.openDifficulties ?? 0}
              valueStyle={red(c?.openDifficulties)}
            />
          </Col>
          <Col span={4}>
            <Statistic title={t(`${p}.certificates`)} value={c?.certificatesIssued ?? 0} />
          </Col>
          <Col span={5}>
            <Statistic
              title={t(`${p}.due`)}
              value={c?.callBacksDue ?? 0}
              valueStyle={red(c?.callBacksDue)}
            />
          </Col>
        </Row>
      )}
    </Card>
  );
}
