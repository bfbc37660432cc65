import { Col, Row } from 'antd';
import { useAppInfo } from '../../shell/queries';
import { SupplyCard } from '../supplies/SupplyCard';
import { WorkCard } from '../work/WorkCard';

/** The 首页 cards of later modules, each shown when the backend provides its module. */
export function ModuleCards() {
  const info = useAppInfo();
  const modules = info.data?.modules ?? [];
  const cards = [
    modules.includes('supplies') && <SupplyCard key="supplies" />,
    modules.includes('workResumption') && <WorkCard key="work" />,
  ].filter(Boolean);
  if (cards.length === 0) return null;
  return (
    <Row gutter={[16, 16]}>
      {cards.map((card, i) => (
        <Col key={i} xs={24} lg={12}>
          {card}
        </Col>
      ))}
    </Row>
  );
}
