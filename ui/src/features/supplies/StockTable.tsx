import { App, Button, List, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SupplyItem } from '../../api/bindings';
import { errorText } from '../../api/errors';
import { ErrorState } from '../../components/QueryStates';
import { useFormatDate } from '../../lib/useFormatDate';
import { useDeleteReceipt, useReceipts, useSupplyItems } from './queries';

/** 库存: every item with received, issued and the derived balance; receipts on expand. */
export function StockTable({ onReceive }: { onReceive: (itemId: string) => void }) {
  const { t } = useTranslation();
  const items = useSupplyItems();
  const p = 'supplies.stock';
  if (items.isError) {
    return (
      <ErrorState
        title={t(`${p}.loadFailed`)}
        error={items.error}
        onRetry={() => void items.refetch()}
        retrying={items.isFetching}
      />
    );
  }
  return (
    <Table<SupplyItem>
      size="small"
      rowKey="id"
      loading={items.isPending}
      dataSource={items.data ?? []}
      pagination={false}
      locale={{ emptyText: t(`${p}.empty`) }}
      data-testid="stock-table"
      onRow={() => ({ 'data-testid': 'stock-row' }) as React.HTMLAttributes<HTMLElement>}
      expandable={{ expandedRowRender: (item) => <Receipts item={item} /> }}
      columns={[
        { title: t(`${p}.name`), dataIndex: 'name' },
        { title: t(`${p}.unit`), dataIndex: 'unit', width: 80 },
        { title: t(`${p}.received`), dataIndex: 'received', width: 100, align: 'right' },
        { title: t(`${p}.issued`), dataIndex: 'issued', width: 100, align: 'right' },
        {
          title: t(`${p}.balance`),
          dataIndex: 'balance',
          width: 160,
          align: 'right',
          render: (_, item) => (
            <Space data-testid="stock-balance">
              <Typography.Text strong type={item.low ? 'danger' : undefined}>
                {item.balance}
              </Typography.Text>
              {item.low && <Tag color="red">{t(`${p}.low`)}</Tag>}
            </Space>
          ),
        },
        {
          title: t(`${p}.lowStock`),
          dataIndex: 'lowStock',
          width: 100,
          align: 'right',
          render: (v: number | null) => v ?? '—',
        },
        {
          key: 'actions',
          width: 100,
          render: (_, item) => (
            <Button size="small" onClick={() => onReceive(item.id)}>
              {t('supplies.receipt.button')}
            </Button>
          ),
        },
      ]}
    />
  );
}

function Receipts({ item }: { item: SupplyItem }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const formatDate = useFormatDate('short');
  const receipts = useReceipts(item.id);
  const remove = useDeleteReceipt();
  const p = 'supplies.receipt';
  return (
    <List
      size="small"
      header={<Typography.Text strong>{t(`${p}.list`)}</Typography.Text>}
      loading={receipts.isPending}
      dataSource={receipts.data ?? []}
      locale={{ emptyText: t(`${p}.empty`) }}
      renderItem={(r) => (
        <List.Item
          data-testid="receipt-row"
          actions={[
            <Popconfirm
              key="delete"
              title={t(`${p}.deleteConfirm`)}
              onConfirm={() =>
                remove.mutate(r.id, {
                  onError: (err) =>
                    void message.error(t(`${p}.deleteFailed`, { error: errorText(t, err) })),
                })
              }
            >
              <Typography.Link type="danger">{t(`${p}.delete`)}</Typography.Link>
            </Popconfirm>,
          ]}
        >
          <Space wrap>
            <span>{formatDate(r.receivedOn)}</span>
            <Typography.Text strong>
              {r.quantity}
              {r.unit}
            </Typography.Text>
            {r.source && <Typography.Text type="secondary">{r.source}</Typography.Text>}
            {r.note && <Typography.Text type="secondary">{r.note}</Typography.Text>}
          </Space>
        </List.Item>
      )}
    />
  );
}
