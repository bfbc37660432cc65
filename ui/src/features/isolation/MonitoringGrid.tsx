import {
  Descriptions,
  Flex,
  Modal,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { HealthCheck, Isolation, MonitoringDay } from '../../api/bindings';
import { ErrorState, LoadingState } from '../../components/QueryStates';
import { useFormatDate } from '../../lib/useFormatDate';
import { CheckModal, type CheckTarget } from './CheckModal';
import { isOpen, slotLabel, slots } from './labels';
import { DayProgress, FeverBadge, KindTag, MissingCount, StatusTag } from './parts';
import { useMonitoringGrid } from './queries';

/** 监测记录: a person's monitoring grid in a modal (`isolationId` null: closed). */
export function MonitoringGridModal({
  isolationId,
  onClose,
}: {
  isolationId: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={isolationId !== null}
      onCancel={onClose}
      title={t('isolation.grid.title')}
      footer={null}
      width={760}
      destroyOnHidden
    >
      {isolationId && <MonitoringGrid isolationId={isolationId} />}
    </Modal>
  );
}

/**
 * Days × slots of one isolation: a temperature per cell, fevers in red, empty cells of days
 * already past marked 缺报 (with 补录), today's empty cells with 录入.
 */
export function MonitoringGrid({ isolationId }: { isolationId: string }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate('short');
  const grid = useMonitoringGrid(isolationId);
  const [entering, setEntering] = useState<CheckTarget | null>(null);

  if (grid.isPending) return <LoadingState rows={6} />;
  if (grid.isError) {
    return (
      <ErrorState
        title={t('isolation.grid.loadFailed')}
        error={grid.error}
        onRetry={() => void grid.refetch()}
        retrying={grid.isFetching}
      />
    );
  }
  const { isolation: iso, days } = grid.data;
  const g = 'isolation.grid';

  const columns: TableColumnsType<MonitoringDay> = [
    {
      key: 'date',
      title: t(`${g}.date`),
      render: (_, d) => formatDate(d.date),
      width: 110,
    },
    {
      key: 'day',
      title: t(`${g}.day`),
      render: (_, d) => t(`${g}.dayN`, { n: d.day }),
      width: 80,
    },
    ...slots(iso.checksPerDay).map((slot): TableColumnsType<MonitoringDay>[number] => ({
      key: `slot${slot}`,
      title: slotLabel(t, slot, iso.checksPerDay),
      onCell: (d) => (d.slots[slot - 1]?.fever ? { style: { background: '#fff1f0' } } : {}),
      render: (_, d) => {
        const check = d.slots[slot - 1] ?? null;
        if (check) return <CheckCell check={check} />;
        if (isPast(iso, d)) {
          return (
            <Space size={4}>
              <Tag color="volcano" data-testid="grid-cell-missing">
                {t(`${g}.missing`)}
              </Tag>
              {isOpen(iso.status) && (
                <Typography.Link
                  onClick={() => setEntering({ isolation: iso, date: d.date, slot })}
                  data-testid="grid-backfill"
                >
                  {t(`${g}.backfill`)}
                </Typography.Link>
              )}
            </Space>
          );
        }
        if (iso.status === 'active' && d.day === iso.day) {
          return (
            <Typography.Link
              onClick={() => setEntering({ isolation: iso, date: d.date, slot })}
              data-testid="grid-enter"
            >
              {t(`${g}.enter`)}
            </Typography.Link>
          );
        }
        return <span data-testid="grid-cell-empty" />;
      },
    })),
  ];

  return (
    <Flex vertical gap={12} data-testid="monitoring-grid">
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={t(`${g}.person`)}>
          <Space wrap size={4}>
            <Typography.Text strong data-testid="grid-person">
              {iso.personName}
            </Typography.Text>
            <KindTag kind={iso.kind} />
            <StatusTag status={iso.status} />
            <FeverBadge n={iso.openFevers} />
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t(`${g}.progress`)}>
          <DayProgress isolation={iso} />
        </Descriptions.Item>
        <Descriptions.Item label={t(`${g}.period`)}>
          {t(`${g}.periodValue`, {
            start: formatDate(iso.startDate),
            end: formatDate(iso.plannedEnd),
          })}
        </Descriptions.Item>
        <Descriptions.Item label={t(`${g}.checks`)}>
          <Space size={8}>
            <span>{t('isolation.done', { n: iso.checksDone })}</span>
            <MissingCount n={iso.checksMissing} />
          </Space>
        </Descriptions.Item>
        {iso.address && (
          <Descriptions.Item label={t(`${g}.address`)} span={2}>
            {iso.address}
          </Descriptions.Item>
        )}
        {iso.planReason && (
          <Descriptions.Item label={t(`${g}.planReason`)} span={2}>
            {iso.planReason}
          </Descriptions.Item>
        )}
        {iso.endedOn && (
          <Descriptions.Item label={t(`${g}.ended`)} span={2}>
            {t(`${g}.endedValue`, {
              date: formatDate(iso.endedOn),
              reason: iso.endReason ? t(`isolation.endReason.${iso.endReason}`) : '',
            })}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Table<MonitoringDay>
        data-testid="grid-table"
        size="small"
        bordered
        rowKey="date"
        columns={columns}
        dataSource={days}
        pagination={false}
        scroll={{ y: 400 }}
        onRow={() => ({ 'data-testid': 'grid-row' }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: t(`${g}.empty`) }}
      />
      <CheckModal target={entering} onClose={() => setEntering(null)} />
    </Flex>
  );
}

/** A day is over when it lies before the day read, or within an isolation already ended. */
function isPast(iso: Isolation, d: MonitoringDay): boolean {
  if (iso.status === 'active') return d.day < iso.day;
  if (iso.status === 'not_started') return false;
  return iso.endedOn === null || d.date <= iso.endedOn;
}

function CheckCell({ check }: { check: HealthCheck }) {
  const { t } = useTranslation();
  const value =
    check.temperature !== null
      ? t('isolation.celsiusValue', { value: check.temperature })
      : t('isolation.grid.noTemperature');
  const tip = [
    t(`isolation.method.${check.method}`),
    check.checkedByName,
    check.checkedAt,
    check.note,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <Tooltip title={tip}>
      <Space size={4} wrap>
        {check.fever ? (
          <Tag color="red" data-testid="grid-cell-fever">
            {value}
          </Tag>
        ) : (
          <span data-testid="grid-cell-check">{value}</span>
        )}
        {check.symptoms.map((s) => (
          <Tag key={s} color={s === 'fever' ? 'red' : 'orange'}>
            {t(`arrivals.symptom.${s}`)}
          </Tag>
        ))}
      </Space>
    </Tooltip>
  );
}
