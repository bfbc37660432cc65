import { Descriptions, Drawer, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CallRecord } from '../../api/bindings';
import { ErrorState, LoadingState } from '../../components/QueryStates';
import { useFormatDate } from '../../lib/useFormatDate';
import { REACHED } from './labels';
import { DueCell, StateTag } from './parts';
import { useCallDetail } from './queries';

/** A target's details, its numbers in full (the view is audited) and every call. */
export function HistoryDrawer({
  targetId,
  onClose,
}: {
  targetId: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const detail = useCallDetail(targetId);
  const formatDate = useFormatDate('short');
  const d = detail.data;
  return (
    <Drawer
      open={targetId !== null}
      onClose={onClose}
      width={760}
      title={d ? t('calls.history.title', { name: d.target.personName }) : ''}
      data-testid="call-history"
    >
      {detail.isPending && <LoadingState rows={4} />}
      {detail.isError && (
        <ErrorState
          title={t('calls.history.loadFailed')}
          error={detail.error}
          onRetry={() => void detail.refetch()}
          retrying={detail.isFetching}
        />
      )}
      {d && (
        <>
          <Descriptions size="small" column={2} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('calls.table.state')}>
              <StateTag state={d.target.state} />
            </Descriptions.Item>
            <Descriptions.Item label={t('calls.table.due')}>
              <DueCell target={d.target} />
            </Descriptions.Item>
            <Descriptions.Item label={t('calls.table.place')}>
              {d.target.placeName || '-'}
            </Descriptions.Item>
            <Descriptions.Item label={t('calls.table.reason')}>
              {t(`calls.reason.${d.target.reason}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('calls.add.since')}>
              {d.target.awaySince ? formatDate(d.target.awaySince) : '-'}
            </Descriptions.Item>
            <Descriptions.Item label={t('calls.history.worker')}>
              {d.target.responsibleWorkerName ?? '-'}
            </Descriptions.Item>
            <Descriptions.Item label={t('calls.add.phone')}>{d.phone ?? '-'}</Descriptions.Item>
            <Descriptions.Item label={t('calls.add.foreignPhone')}>
              {d.foreignPhone ?? '-'}
            </Descriptions.Item>
            <Descriptions.Item label={t('calls.add.relative')}>
              {d.target.relativeName ?? '-'}
            </Descriptions.Item>
            <Descriptions.Item label={t('calls.add.relativePhone')}>
              {d.relativePhone ?? '-'}
            </Descriptions.Item>
            {d.target.arrivedOn && (
              <Descriptions.Item label={t('calls.history.arrived')} span={2}>
                {formatDate(d.target.arrivedOn)}
              </Descriptions.Item>
            )}
          </Descriptions>
          <Table<CallRecord>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={[...d.calls].reverse()}
            locale={{ emptyText: t('calls.history.empty') }}
            data-testid="call-history-table"
            columns={[
              {
                key: 'at',
                title: t('calls.history.at'),
                render: (_, c) => c.calledAt.slice(0, 16),
              },
              {
                key: 'channel',
                title: t('calls.quick.channel'),
                render: (_, c) => t(`calls.channel.${c.channel}`),
              },
              {
                key: 'outcome',
                title: t('calls.quick.outcome'),
                render: (_, c) => (
                  <Tag color={REACHED.includes(c.outcome) ? 'green' : 'orange'}>
                    {t(`calls.outcome.${c.outcome}`)}
                  </Tag>
                ),
              },
              {
                key: 'plan',
                title: t('calls.quick.planned'),
                render: (_, c) =>
                  c.plannedReturnOn
                    ? [formatDate(c.plannedReturnOn), c.returnRoute, c.returnTransportNo]
                        .filter(Boolean)
                        .join(' ')
                    : '-',
              },
              {
                key: 'status',
                title: t('calls.history.status'),
                render: (_, c) =>
                  [c.lifeStatus, c.health, c.note].filter(Boolean).join('; ') || '-',
              },
              {
                key: 'worker',
                title: t('calls.history.by'),
                render: (_, c) => c.workerName ?? '-',
              },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
