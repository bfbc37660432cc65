import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DashboardCounts } from '../../api/bindings';

const STATS = [
  'communities',
  'grids',
  'estates',
  'buildings',
  'units',
  'households',
  'people',
] as const satisfies readonly (keyof DashboardCounts)[];

/** One card per level, from 社区 down to 人员 ("以房管人"). */
export function StatCards({ counts }: { counts: DashboardCounts }) {
  const { t } = useTranslation();
  return (
    <Row gutter={[16, 16]}>
      {STATS.map((key) => (
        <Col key={key} flex="1 1 130px">
          <Card size="small" data-testid={`stat-${key}`}>
            <Statistic
              title={t(`home.stats.${key}`)}
              value={counts[key]}
              suffix={t(`home.suffix.${key}`)}
              valueStyle={key === 'people' ? { color: '#1677ff' } : undefined}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
