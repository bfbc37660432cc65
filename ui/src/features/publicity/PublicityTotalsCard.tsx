import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PublicityTotals } from '../../api/bindings';
import { PUBLICITY_KINDS } from './queries';

/** 宣传合计: per kind the items (and people reached), then the buildings and units posted. */
export function PublicityTotalsCard({
  totals,
  title,
  testId = 'publicity-totals',
}: {
  totals: PublicityTotals;
  title: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={title} data-testid={testId}>
      <Row gutter={[16, 8]}>
        {PUBLICITY_KINDS.map((k) => {
          const row = totals.kinds.find((r) => r.kind === k);
          return (
            <Col xs={12} md={6} lg={3} key={k}>
              <Statistic
                title={t(`publicity.kinds.${k}`)}
                value={row?.count ?? 0}
                suffix={t(`publicity.unitsOf.${k}`)}
                data-testid={`publicity-total-${k}`}
              />
              {row && row.reach > 0 && (
                <span style={{ fontSize: 12, color: '#888' }}>
                  {t('publicity.reached', { n: row.reach })}
                </span>
              )}
            </Col>
          );
        })}
        <Col xs={12} md={6} lg={3}>
          <Statistic
            title={t('publicity.buildings')}
            value={totals.buildings}
            data-testid="publicity-total-buildings"
          />
        </Col>
        <Col xs={12} md={6} lg={3}>
          <Statistic
            title={t('publicity.unitsPosted')}
            value={totals.units}
            data-testid="publicity-total-units"
          />
        </Col>
      </Row>
    </Card>
  );
}
