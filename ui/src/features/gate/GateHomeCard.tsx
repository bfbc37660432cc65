import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAppInfo } from '../../shell/queries';
import { useGateSummary } from './queries';

/** 首页: today's gate checks over all checkpoints, when the module is there. */
export function GateHomeCard() {
  const info = useAppInfo();
  const on = info.data?.modules.includes('gate') ?? false;
  const summary = useGateSummary(on);
  const { t } = useTranslation();
  if (!on || !summary.data) return null;
  const c = summary.data.counts;
  return (
    <Card size="small" title={t('gate.home.title')} data-testid="home-gate">
      <Row gutter={16}>
        {(['checked', 'fever', 'refused'] as const).map((k) => (
          <Col span={8} key={k}>
            <Statistic title={t(`gate.day.counts.${k}`)} value={c[k]} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}
