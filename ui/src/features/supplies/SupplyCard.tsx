import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSupplyCounts } from './queries';

/** The 物资发放 card of the 首页: items, low stock, issues today, eligible not yet served. */
export function SupplyCard() {
  const { t } = useTranslation();
  const counts = useSupplyCounts();
  const p = 'supplies.card';
  const c = counts.data;
  return (
    <Card
      size="small"
      title={t('modules.supplies')}
      extra={<Link to="/supplies">{t(`${p}.link`)}</Link>}
      loading={counts.isPending}
      data-testid="supply-card"
    >
      {counts.isError ? (
        t(`${p}.loadFailed`)
      ) : (
        <Row gutter={8}>
          <Col span={6}>
            <Statistic title={t(`${p}.items`)} value={c?.items ?? 0} />
          </Col>
          <Col span={6}>
            <Statistic
              title={t(`${p}.low`)}
              value={c?.lowStockItems ?? 0}
              valueStyle={c && c.lowStockItems > 0 ? { color: '#cf1322' } : undefined}
            />
          </Col>
          <Col span={6}>
            <Statistic title={t(`${p}.today`)} value={c?.issuesToday ?? 0} />
          </Col>
          <Col span={6}>
            <Statistic
              title={t(`${p}.unserved`)}
              value={c?.eligibleUnserved ?? 0}
              suffix={c ? `/ ${c.eligible}` : undefined}
            />
          </Col>
        </Row>
      )}
    </Card>
  );
}
