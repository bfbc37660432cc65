import { Card, Descriptions, Empty, Flex, Table, Typography, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { BuildingProgress, Sweep } from '../../api/bindings';
import { ErrorState, LoadingState } from '../../components/QueryStates';
import { PROGRESS_FIELD, SWEEP_STATUSES } from './labels';
import { useSweepProgress } from './queries';
import { RowProgress, StatusCounts } from './StatusCounts';

/** A sweep's progress in total and per building; clicking a building opens its households. */
export function SweepProgressCard({
  sweep,
  onOpen,
}: {
  sweep: Sweep;
  onOpen: (row: BuildingProgress) => void;
}) {
  const { t } = useTranslation();
  const progress = useSweepProgress(sweep.id);
  if (progress.isPending) return <LoadingState rows={8} />;
  if (progress.isError) {
    return (
      <ErrorState
        title={t('sweeps.progress.loadFailed')}
        error={progress.error}
        onRetry={() => void progress.refetch()}
        retrying={progress.isFetching}
      />
    );
  }
  const { buildings, total } = progress.data;
  const count = (key: keyof BuildingProgress, title: string) => ({
    key,
    title,
    dataIndex: key,
    align: 'right' as const,
  });
  const columns: TableColumnsType<BuildingProgress> = [
    {
      key: 'building',
      title: t('sweeps.progress.building'),
      dataIndex: 'building',
      render: (name: string) => <Typography.Link>{name}</Typography.Link>,
    },
    {
      key: 'progress',
      title: t('sweeps.progress.progress'),
      render: (_: unknown, row) => <RowProgress row={row} />,
    },
    count('households', t('sweeps.progress.households')),
    ...SWEEP_STATUSES.map((s) => count(PROGRESS_FIELD[s], t(`sweepStatus.${s}`))),
    count('pending', t('sweepStatus.pending')),
  ];
  return (
    <Card
      size="small"
      title={
        <span data-testid="sweep-progress-title">
          {t('sweeps.progress.title', { name: sweep.name })}
        </span>
      }
      data-testid="sweep-progress"
    >
      <Flex vertical gap={16}>
        <Descriptions size="small" column={1} bordered data-testid="progress-total">
          <Descriptions.Item label={t('sweeps.progress.total')}>
            <Flex vertical gap={8}>
              <RowProgress row={total} />
              <StatusCounts row={total} />
            </Flex>
          </Descriptions.Item>
          {sweep.note && (
            <Descriptions.Item label={t('sweeps.progress.note')}>{sweep.note}</Descriptions.Item>
          )}
        </Descriptions>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('sweeps.progress.hint')}
        </Typography.Text>
        <Table<BuildingProgress>
          data-testid="progress-table"
          size="small"
          rowKey={(r) => `${r.buildingId}:${r.estateId}:${r.gridId}`}
          columns={columns}
          dataSource={buildings}
          scroll={{ x: 'max-content' }}
          pagination={buildings.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          onRow={(row) =>
            ({
              'data-testid': 'progress-row',
              onClick: () => onOpen(row),
              style: { cursor: 'pointer' },
            }) as HTMLAttributes<HTMLElement>
          }
          locale={{
            emptyText: (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={t('sweeps.progress.empty')}
              />
            ),
          }}
        />
      </Flex>
    </Card>
  );
}
