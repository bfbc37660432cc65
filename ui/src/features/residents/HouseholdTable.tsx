import { Card, Empty, Table, Typography, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { HouseholdRow } from '../../api/bindings';
import { ErrorState } from '../../components/QueryStates';
import type { useHouseholds } from './queries';

/** The households of the selected node; clicking one filters the people by it. */
export function HouseholdTable({
  title,
  households,
  selectedId,
  onSelect,
}: {
  title: string;
  households: ReturnType<typeof useHouseholds>;
  selectedId: string | null;
  onSelect: (row: HouseholdRow | null) => void;
}) {
  const { t } = useTranslation();
  if (households.isError) {
    return (
      <ErrorState
        title={t('residents.households.loadFailed')}
        error={households.error}
        onRetry={() => void households.refetch()}
        retrying={households.isFetching}
      />
    );
  }
  const rows = households.data ?? [];
  const columns: TableColumnsType<HouseholdRow> = [
    { key: 'address', title: t('residents.households.address'), dataIndex: 'address' },
    { key: 'head', title: t('residents.households.head'), dataIndex: 'headName' },
    { key: 'people', title: t('residents.households.people'), dataIndex: 'people', align: 'right' },
    {
      key: 'worker',
      title: t('residents.households.worker'),
      dataIndex: 'responsibleWorker',
    },
  ];
  return (
    <Card
      size="small"
      title={title}
      extra={
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('residents.households.hint')}
        </Typography.Text>
      }
    >
      <Table<HouseholdRow>
        data-testid="household-table"
        size="small"
        rowKey="id"
        loading={households.isPending}
        columns={columns}
        dataSource={rows}
        pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        rowClassName={(row) => (row.id === selectedId ? 'ant-table-row-selected' : '')}
        onRow={(row) =>
          ({
            'data-testid': 'household-row',
            onClick: () => onSelect(row.id === selectedId ? null : row),
            style: { cursor: 'pointer' },
          }) as HTMLAttributes<HTMLElement>
        }
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={t('residents.households.empty')}
            />
          ),
        }}
      />
    </Card>
  );
}
