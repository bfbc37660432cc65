import { Card, Empty, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { GridCount } from '../../api/bindings';

const PAGE_SIZE = 20;

/** Households and people per grid. */
export function GridTable({ rows }: { rows: GridCount[] }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<GridCount> = [
    { key: 'grid', title: t('home.byGrid.grid'), dataIndex: 'gridName' },
    { key: 'community', title: t('home.byGrid.community'), dataIndex: 'communityName' },
    {
      key: 'households',
      title: t('home.byGrid.households'),
      dataIndex: 'households',
      align: 'right',
      sorter: (a, b) => a.households - b.households,
      render: (n: number) => t('home.byGrid.count', { n }),
    },
    {
      key: 'people',
      title: t('home.byGrid.people'),
      dataIndex: 'people',
      align: 'right',
      sorter: (a, b) => a.people - b.people,
      render: (n: number) => t('home.byGrid.count', { n }),
    },
  ];
  return (
    <Card title={t('home.byGrid.title')} size="small">
      <Table<GridCount>
        data-testid="grid-table"
        size="small"
        rowKey="gridId"
        columns={columns}
        dataSource={rows}
        pagination={rows.length > PAGE_SIZE ? { pageSize: PAGE_SIZE } : false}
        locale={{
          emptyText: (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.byGrid.empty')} />
          ),
        }}
      />
    </Card>
  );
}
