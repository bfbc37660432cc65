import { Card, Empty, Table, Typography, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { Sweep } from '../../api/bindings';
import { ErrorState, LoadingState } from '../../components/QueryStates';
import { useFormatDate } from '../../lib/useFormatDate';
import { useScopes, type useSweeps } from './queries';

/** The sweeps, the latest start first; clicking one shows its progress. */
export function SweepList({
  sweeps,
  selectedId,
  onSelect,
}: {
  sweeps: ReturnType<typeof useSweeps>;
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const { communities, grids } = useScopes();
  if (sweeps.isPending) return <LoadingState rows={4} />;
  if (sweeps.isError) {
    return (
      <ErrorState
        title={t('sweeps.list.loadFailed')}
        error={sweeps.error}
        onRetry={() => void sweeps.refetch()}
        retrying={sweeps.isFetching}
      />
    );
  }
  const scopeName = (s: Sweep) => {
    if (s.gridId) return grids.find((g) => g.id === s.gridId)?.name ?? '';
    if (s.communityId) return communities.find((c) => c.id === s.communityId)?.name ?? '';
    return t('sweeps.list.wholeLedger');
  };
  const columns: TableColumnsType<Sweep> = [
    {
      key: 'sweep',
      title: t('sweeps.list.name'),
      render: (_: unknown, s) => (
        <>
          <Typography.Text strong>{s.name}</Typography.Text>
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('sweeps.list.meta', {
              dates: s.endDate
                ? t('sweeps.list.dates', {
                    start: formatDate(s.startDate),
                    end: formatDate(s.endDate),
                  })
                : t('sweeps.list.since', { start: formatDate(s.startDate) }),
              scope: scopeName(s),
            })}
          </Typography.Text>
        </>
      ),
    },
  ];
  return (
    <Card size="small" title={t('sweeps.list.title')} data-testid="sweep-list">
      <Table<Sweep>
        size="small"
        rowKey="id"
        showHeader={false}
        columns={columns}
        dataSource={sweeps.data}
        pagination={sweeps.data.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        rowClassName={(s) => (s.id === selectedId ? 'ant-table-row-selected' : '')}
        onRow={(s) =>
          ({
            'data-testid': 'sweep-row',
            onClick: () => onSelect(s.id),
            style: { cursor: 'pointer' },
          }) as HTMLAttributes<HTMLElement>
        }
        locale={{
          emptyText: (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sweeps.list.empty')} />
          ),
        }}
      />
    </Card>
  );
}
