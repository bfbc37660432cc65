import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Popconfirm, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Publicity, PublicityKind, PublicityRange } from '../../api/bindings';
import { ErrorState, LoadingState } from '../../components/QueryStates';
import { useFormatDate } from '../../lib/useFormatDate';
import { fromPicker, toPicker } from '../isolation/dates';
import { PublicityModal } from './PublicityModal';
import { PublicityTotalsCard } from './PublicityTotalsCard';
import { useDeletePublicity, usePublicityList, usePublicityTotals } from './queries';

/** 宣传: the totals over a date range (all dates by default) and the log, with 登记宣传. */
export function PublicityPage() {
  const { t } = useTranslation();
  const formatDate = useFormatDate('short');
  const [range, setRange] = useState<PublicityRange>({});
  const [adding, setAdding] = useState(false);
  const totals = usePublicityTotals(range);
  const list = usePublicityList(range);
  const remove = useDeletePublicity();
  const p = 'publicity';

  return (
    <Flex vertical gap={16} data-testid="publicity-page">
      <Flex justify="space-between" align="center" gap={16} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t(`${p}.title`)}
        </Typography.Title>
        <Flex gap={8} align="center" wrap>
          <DatePicker.RangePicker
            value={[toPicker(range.from) ?? null, toPicker(range.to) ?? null]}
            onChange={(v) =>
              setRange({
                from: v?.[0] ? fromPicker(v[0]) : undefined,
                to: v?.[1] ? fromPicker(v[1]) : undefined,
              })
            }
            allowEmpty={[true, true]}
            data-testid="publicity-range"
          />
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setAdding(true)}
            data-testid="add-publicity"
          >
            {t(`${p}.form.title`)}
          </Button>
        </Flex>
      </Flex>
      {totals.isPending ? (
        <LoadingState rows={2} />
      ) : totals.isError ? (
        <ErrorState
          title={t(`${p}.loadFailed`)}
          error={totals.error}
          onRetry={() => void totals.refetch()}
          retrying={totals.isFetching}
        />
      ) : (
        <PublicityTotalsCard totals={totals.data} title={t(`${p}.totals`)} />
      )}
      <Table<Publicity>
        size="small"
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: list.isError ? t(`${p}.loadFailed`) : t(`${p}.empty`) }}
        data-testid="publicity-list"
        columns={[
          {
            title: t(`${p}.col.date`),
            dataIndex: 'date',
            width: 110,
            render: (d: string) => formatDate(d),
          },
          {
            title: t(`${p}.col.kind`),
            dataIndex: 'kind',
            width: 100,
            render: (k: PublicityKind) => t(`publicity.kinds.${k}`),
          },
          { title: t(`${p}.col.count`), dataIndex: 'count', width: 80 },
          {
            title: t(`${p}.col.reach`),
            dataIndex: 'reach',
            width: 90,
            render: (r: number | null) => r ?? '',
          },
          {
            title: t(`${p}.col.covered`),
            key: 'covered',
            width: 140,
            render: (_, r) =>
              r.units > 0 ? t(`${p}.covered`, { buildings: r.buildings, units: r.units }) : '',
          },
          { title: t(`${p}.col.place`), dataIndex: 'place', ellipsis: true },
          { title: t(`${p}.col.note`), dataIndex: 'note', ellipsis: true },
          {
            key: 'actions',
            width: 48,
            render: (_, r) => (
              <Popconfirm title={t(`${p}.deleteConfirm`)} onConfirm={() => remove.mutate(r.id)}>
                <Button
                  type="text"
                  size="small"
                  icon={<DeleteOutlined />}
                  aria-label={t(`${p}.delete`)}
                />
              </Popconfirm>
            ),
          },
        ]}
      />
      <PublicityModal open={adding} onClose={() => setAdding(false)} />
    </Flex>
  );
}
