import { PlusOutlined } from '@ant-design/icons';
import { Button, Col, DatePicker, Flex, Row, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, LoadingState } from '../../components/QueryStates';
import { fromPicker, toPicker } from '../isolation/dates';
import { CheckpointModal } from './CheckpointModal';
import { GateDayView } from './GateDayView';
import { GateEntry } from './GateEntry';
import { useCheckpoints } from './queries';

/**
 * 卡口登记: the checkpoint on duty, the keyboard-only entry form, and the checkpoint's day
 * (counts, hour histogram, entries). The day is a calendar day, today unless chosen.
 */
export function GatePage() {
  const { t } = useTranslation();
  const checkpoints = useCheckpoints();
  const [chosen, setChosen] = useState<string | null>(null);
  const [date, setDate] = useState<string | undefined>(undefined);
  const [adding, setAdding] = useState(false);

  const list = checkpoints.data ?? [];
  const checkpointId = chosen ?? list[0]?.id ?? null;

  const addButton = (
    <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="add-checkpoint">
      {t('gate.checkpoint.add')}
    </Button>
  );

  let body;
  if (checkpoints.isPending) body = <LoadingState rows={4} />;
  else if (checkpoints.isError)
    body = (
      <ErrorState
        title={t('gate.loadFailed')}
        error={checkpoints.error}
        onRetry={() => void checkpoints.refetch()}
        retrying={checkpoints.isFetching}
      />
    );
  else if (!checkpointId) body = <EmptyState title={t('gate.noCheckpoints')} action={addButton} />;
  else
    body = (
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <GateEntry key={checkpointId} checkpointId={checkpointId} />
        </Col>
        <Col xs={24} lg={14}>
          <GateDayView checkpointId={checkpointId} date={date} />
        </Col>
      </Row>
    );

  return (
    <Flex vertical gap={16} data-testid="gate-page">
      <Flex justify="space-between" align="center" gap={16} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('gate.title')}
        </Typography.Title>
        <Flex gap={8} align="center" wrap>
          {list.length > 0 && (
            <Select
              value={checkpointId ?? undefined}
              onChange={setChosen}
              options={list.map((c) => ({ value: c.id, label: c.name }))}
              style={{ minWidth: 180 }}
              data-testid="gate-checkpoint"
              aria-label={t('gate.checkpoint.label')}
            />
          )}
          <DatePicker
            value={toPicker(date)}
            onChange={(d) => setDate(d ? fromPicker(d) : undefined)}
            placeholder={t('gate.day.today')}
            data-testid="gate-date"
          />
          {list.length > 0 && addButton}
        </Flex>
      </Flex>
      {body}
      <CheckpointModal open={adding} onClose={() => setAdding(false)} onAdded={setChosen} />
    </Flex>
  );
}
