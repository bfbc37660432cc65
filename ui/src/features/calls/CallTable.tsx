import { Button, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CallTarget } from '../../api/bindings';
import { useFormatDate } from '../../lib/useFormatDate';
import { DueCell, LastCallCell, StateTag } from './parts';

/** Call targets with their derived state, latest call and due date, and the row actions. */
export function CallTable({
  rows,
  loading,
  onLog,
  onHistory,
  testId,
}: {
  rows: CallTarget[];
  loading?: boolean;
  onLog: (target: CallTarget) => void;
  onHistory: (target: CallTarget) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const formatDate = useFormatDate('short');
  const columns: TableColumnsType<CallTarget> = [
    {
      key: 'name',
      title: t('calls.table.name'),
      render: (_, r) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onHistory(r)}>
          {r.personName}
        </Button>
      ),
    },
    {
      key: 'place',
      title: t('calls.table.place'),
      render: (_, r) => (
        <Space size={4}>
          {r.abroad && <Tag color="purple">{t('calls.table.abroad')}</Tag>}
          <span>{r.placeName || '-'}</span>
        </Space>
      ),
    },
    {
      key: 'reason',
      title: t('calls.table.reason'),
      render: (_, r) => t(`calls.reason.${r.reason}`),
    },
    {
      key: 'phone',
      title: t('calls.table.phone'),
      render: (_, r) => r.foreignPhoneMasked ?? r.phoneMasked ?? '-',
    },
    { key: 'state', title: t('calls.table.state'), render: (_, r) => <StateTag state={r.state} /> },
    { key: 'last', title: t('calls.table.last'), render: (_, r) => <LastCallCell target={r} /> },
    {
      key: 'planned',
      title: t('calls.table.planned'),
      render: (_, r) => (r.plannedReturnOn ? formatDate(r.plannedReturnOn) : '-'),
    },
    { key: 'due', title: t('calls.table.due'), render: (_, r) => <DueCell target={r} /> },
    {
      key: 'actions',
      title: t('calls.table.actions'),
      render: (_, r) => (
        <Space size={4}>
          <Button
            size="small"
            type="primary"
            disabled={r.arrivalId !== null}
            onClick={() => onLog(r)}
            data-testid={`log-call-${r.id}`}
          >
            {t('calls.table.log')}
          </Button>
          <Button size="small" onClick={() => onHistory(r)}>
            {t('calls.table.history')}
          </Button>
        </Space>
      ),
    },
  ];
  return (
    <Table<CallTarget>
      size="small"
      rowKey="id"
      loading={loading}
      columns={columns}
      dataSource={rows}
      pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      locale={{ emptyText: t('calls.table.empty') }}
      data-testid={testId}
    />
  );
}
