import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Col, Flex, Row, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BuildingProgress, Sweep } from '../../api/bindings';
import { BuildingVisits } from './BuildingVisits';
import { NewSweepModal } from './NewSweepModal';
import { useSweeps } from './queries';
import { SweepList } from './SweepList';
import { SweepProgressCard } from './SweepProgressCard';

/**
 * 入户摸排: the sweeps (摸排轮次) on the left; on the right the chosen sweep's progress per
 * building, or one building's households to record their statuses.
 */
export function SweepsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const sweeps = useSweeps();
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [row, setRow] = useState<BuildingProgress | null>(null);
  const [creating, setCreating] = useState(false);

  // The latest sweep until another is chosen.
  const sweep: Sweep | null =
    sweeps.data?.find((s) => s.id === chosenId) ?? sweeps.data?.[0] ?? null;

  const choose = (id: string) => {
    setChosenId(id);
    setRow(null);
  };
  const onCreated = (created: Sweep) => {
    void message.success(t('sweeps.new.success', { name: created.name }));
    choose(created.id);
  };

  return (
    <Flex vertical gap={16} data-testid="sweeps-page">
      <Flex justify="space-between" align="center" gap={16} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('modules.sweeps')}
        </Typography.Title>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setCreating(true)}
          data-testid="new-sweep"
        >
          {t('sweeps.new.button')}
        </Button>
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={7} xl={6}>
          <SweepList sweeps={sweeps} selectedId={sweep?.id ?? null} onSelect={choose} />
        </Col>
        <Col xs={24} lg={17} xl={18}>
          {!sweep && sweeps.isSuccess && (
            <Alert type="info" showIcon message={t('sweeps.hint.create')} />
          )}
          {sweep && !row && <SweepProgressCard key={sweep.id} sweep={sweep} onOpen={setRow} />}
          {sweep && row && (
            <BuildingVisits
              key={`${sweep.id}:${row.buildingId}:${row.estateId}:${row.gridId}`}
              sweep={sweep}
              row={row}
              onBack={() => setRow(null)}
            />
          )}
        </Col>
      </Row>
      <NewSweepModal open={creating} onClose={() => setCreating(false)} onCreated={onCreated} />
    </Flex>
  );
}
