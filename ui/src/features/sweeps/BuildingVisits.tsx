import { ArrowLeftOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { BuildingProgress, Sweep, SweepHousehold, SweepStatus } from '../../api/bindings';
import { errorText } from '../../api/errors';
import { ErrorState } from '../../components/QueryStates';
import { WorkerSelect } from '../workers/WorkerSelect';
import { SWEEP_STATUS_COLORS, SWEEP_STATUSES } from './labels';
import { useRecordVisit, useRecordVisits, useSweepHouseholds, useSweepProgress } from './queries';
import { RowProgress, StatusCounts } from './StatusCounts';

const sameRow = (a: BuildingProgress, b: BuildingProgress) =>
  a.buildingId === b.buildingId && a.estateId === b.estateId && a.gridId === b.gridId;

/**
 * One building of a sweep: its households with their status, recorded quickly: tick
 * households and give them one status, or change a row's status in place. Visits are
 * recorded as of now, by the worker chosen above the table.
 */
export function BuildingVisits({
  sweep,
  row,
  onBack,
}: {
  sweep: Sweep;
  row: BuildingProgress;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const households = useSweepHouseholds({
    sweepId: sweep.id,
    buildingId: row.buildingId ?? undefined,
    estateId: row.estateId ?? undefined,
    gridId: row.gridId ?? undefined,
  });
  // The row's figures, fresh after every recording.
  const progress = useSweepProgress(sweep.id);
  const current = progress.data?.buildings.find((b) => sameRow(b, row)) ?? row;
  const recordOne = useRecordVisit();
  const recordMany = useRecordVisits();
  const [workerId, setWorkerId] = useState<string | null>(null);
  const [selected, setSelected] = useState<string[]>([]);

  const failed = (err: Parameters<typeof errorText>[1]) =>
    void message.error(t('sweeps.visits.failed', { error: errorText(t, err) }));
  const worker = workerId ? { workerId } : {};

  const markSelected = (status: SweepStatus) =>
    recordMany.mutate(
      { sweepId: sweep.id, householdIds: selected, status, ...worker },
      {
        onSuccess: (n) => {
          setSelected([]);
          void message.success(
            t('sweeps.visits.marked', { n, status: t(`sweepStatus.${status}`) }),
          );
        },
        onError: failed,
      },
    );
  const markOne = (householdId: string, status: SweepStatus) =>
    recordOne.mutate({ sweepId: sweep.id, householdId, status, ...worker }, { onError: failed });

  const rows = households.data ?? [];
  const pendingIds = rows.filter((h) => h.status === null).map((h) => h.id);
  const busy = recordOne.isPending || recordMany.isPending;

  const columns: TableColumnsType<SweepHousehold> = [
    { key: 'address', title: t('sweeps.visits.address'), dataIndex: 'address' },
    { key: 'head', title: t('sweeps.visits.head'), dataIndex: 'headName' },
    {
      key: 'people',
      title: t('sweeps.visits.people'),
      dataIndex: 'people',
      align: 'right',
    },
    {
      key: 'worker',
      title: t('sweeps.visits.responsibleWorker'),
      dataIndex: 'responsibleWorker',
    },
    {
      key: 'status',
      title: t('sweeps.visits.status'),
      render: (_: unknown, h) => (
        <Select<SweepStatus>
          data-testid="row-status-select"
          size="small"
          value={h.status ?? undefined}
          placeholder={<Tag color={SWEEP_STATUS_COLORS.pending}>{t('sweepStatus.pending')}</Tag>}
          onChange={(status) => markOne(h.id, status)}
          disabled={busy}
          options={SWEEP_STATUSES.map((s) => ({
            value: s,
            label: <Tag color={SWEEP_STATUS_COLORS[s]}>{t(`sweepStatus.${s}`)}</Tag>,
          }))}
          style={{ width: 120 }}
        />
      ),
    },
    {
      key: 'visited',
      title: t('sweeps.visits.visited'),
      render: (_: unknown, h) =>
        h.visitedAt
          ? h.visitedBy
            ? t('sweeps.visits.visitedBy', { at: h.visitedAt, by: h.visitedBy })
            : h.visitedAt
          : '',
    },
  ];

  return (
    <Card
      size="small"
      data-testid="building-visits"
      title={
        <Space>
          <Button
            type="text"
            size="small"
            icon={<ArrowLeftOutlined />}
            onClick={onBack}
            aria-label={t('sweeps.visits.back')}
            data-testid="back-to-progress"
          />
          <span data-testid="building-name">{row.building}</span>
        </Space>
      }
      extra={<Typography.Text type="secondary">{sweep.name}</Typography.Text>}
    >
      <Flex vertical gap={16}>
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label={t('sweeps.visits.progress')}>
            <Flex vertical gap={8}>
              <RowProgress row={current} testId="building-progress" />
              <StatusCounts row={current} testId="building-counts" />
            </Flex>
          </Descriptions.Item>
          <Descriptions.Item label={t('sweeps.visits.worker')}>
            <WorkerSelect
              value={workerId}
              onChange={setWorkerId}
              testId="visit-worker-select"
              placeholder={t('sweeps.visits.workerPlaceholder')}
              style={{ maxWidth: 360 }}
            />
          </Descriptions.Item>
        </Descriptions>
        <Flex gap={8} align="center" wrap data-testid="bulk-bar">
          <Typography.Text data-testid="selected-count">
            {t('sweeps.visits.selected', { n: selected.length })}
          </Typography.Text>
          <Button
            size="small"
            onClick={() => setSelected(pendingIds)}
            disabled={pendingIds.length === 0}
            data-testid="select-pending"
          >
            {t('sweeps.visits.selectPending', { n: pendingIds.length })}
          </Button>
          {SWEEP_STATUSES.map((s) => (
            <Button
              key={s}
              size="small"
              type={s === 'visited' ? 'primary' : 'default'}
              disabled={selected.length === 0 || busy}
              loading={recordMany.isPending && recordMany.variables?.status === s}
              onClick={() => markSelected(s)}
              data-testid={`mark-${s}`}
            >
              {t('sweeps.visits.mark', { status: t(`sweepStatus.${s}`) })}
            </Button>
          ))}
        </Flex>
        {households.isError ? (
          <ErrorState
            title={t('sweeps.visits.loadFailed')}
            error={households.error}
            onRetry={() => void households.refetch()}
            retrying={households.isFetching}
          />
        ) : (
          <Table<SweepHousehold>
            data-testid="visit-table"
            size="small"
            rowKey="id"
            loading={households.isPending}
            columns={columns}
            dataSource={rows}
            scroll={{ x: 'max-content' }}
            pagination={rows.length > 100 ? { pageSize: 100, showSizeChanger: false } : false}
            rowSelection={{
              selectedRowKeys: selected,
              onChange: (keys) => setSelected(keys as string[]),
            }}
            onRow={() => ({ 'data-testid': 'visit-row' }) as HTMLAttributes<HTMLElement>}
            locale={{
              emptyText: (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={t('sweeps.visits.empty')}
                />
              ),
            }}
          />
        )}
      </Flex>
    </Card>
  );
}
