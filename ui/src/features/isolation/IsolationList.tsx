import { CheckCircleOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  DatePicker,
  Flex,
  Select,
  Space,
  Table,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  Isolation,
  IsolationFilter,
  IsolationKind,
  IsolationStatus,
} from '../../api/bindings';
import { ErrorState } from '../../components/QueryStates';
import { useFormatDate } from '../../lib/useFormatDate';
import { fromPicker, toPicker } from './dates';
import { EndModal, type Ending } from './EndModal';
import { KINDS, STATUSES, isOpen } from './labels';
import { MonitoringGridModal } from './MonitoringGrid';
import { DayProgress, FeverBadge, KindTag, MissingCount, StatusTag } from './parts';
import { PAGE_SIZE, useIsolations } from './queries';
import { ReleaseModal } from './ReleaseModal';
import { ReplanModal } from './ReplanModal';

/** The list's filters as the screen holds them. */
export type IsolationFilters = {
  status?: IsolationStatus;
  kind?: IsolationKind;
  due?: string;
  ending?: string;
};

/** 隔离中 by default: the people a worker looks after today. */
export const DEFAULT_FILTERS: IsolationFilters = { status: 'active' };

/** The IsolationFilter of a page, without the keys left empty. */
export function toFilter(f: IsolationFilters, page: number): IsolationFilter {
  return {
    ...(f.status ? { status: f.status } : {}),
    ...(f.kind ? { kind: f.kind } : {}),
    ...(f.due ? { due: f.due } : {}),
    ...(f.ending ? { ending: f.ending } : {}),
    offset: (page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
  };
}

/**
 * 隔离人员: filters (status, kind, checks due on, ending on), day N of M with a bar, checks
 * missing, open fevers; row actions and bulk release of the rows ticked.
 */
export function IsolationList({
  filters,
  onFilters,
  page,
  onPage,
  onOpenPerson,
}: {
  filters: IsolationFilters;
  onFilters: (f: IsolationFilters) => void;
  page: number;
  onPage: (page: number) => void;
  onOpenPerson: (personId: string) => void;
}) {
  const { t } = useTranslation();
  const formatDate = useFormatDate('short');
  const list = useIsolations(toFilter(filters, page));
  const [selected, setSelected] = useState<Isolation[]>([]);
  const [releasing, setReleasing] = useState<Isolation[] | null>(null);
  const [gridId, setGridId] = useState<string | null>(null);
  const [replanning, setReplanning] = useState<Isolation | null>(null);
  const [ending, setEnding] = useState<Ending | null>(null);
  const l = 'isolation.list';

  const columns: TableColumnsType<Isolation> = [
    {
      key: 'name',
      title: t(`${l}.name`),
      render: (_, i) => (
        <Flex vertical>
          <Typography.Link onClick={() => onOpenPerson(i.personId)} data-testid="isolation-name">
            {i.personName}
          </Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {i.phoneMasked}
          </Typography.Text>
        </Flex>
      ),
    },
    { key: 'kind', title: t(`${l}.kind`), render: (_, i) => <KindTag kind={i.kind} /> },
    { key: 'address', title: t(`${l}.address`), dataIndex: 'address', ellipsis: true },
    {
      key: 'period',
      title: t(`${l}.period`),
      render: (_, i) => (
        <Flex vertical>
          <span>{formatDate(i.startDate)}</span>
          <Typography.Text type="secondary">
            {t(`${l}.until`, { date: formatDate(i.plannedEnd) })}
          </Typography.Text>
        </Flex>
      ),
    },
    { key: 'day', title: t(`${l}.day`), render: (_, i) => <DayProgress isolation={i} /> },
    {
      key: 'checks',
      title: t(`${l}.checks`),
      render: (_, i) => (
        <Space size={4} wrap>
          <Typography.Text type="secondary">
            {t('isolation.done', { n: i.checksDone })}
          </Typography.Text>
          <MissingCount n={i.checksMissing} />
          <FeverBadge n={i.openFevers} />
        </Space>
      ),
    },
    { key: 'status', title: t(`${l}.status`), render: (_, i) => <StatusTag status={i.status} /> },
    {
      key: 'actions',
      title: t(`${l}.actions`),
      render: (_, i) => (
        <Space size={8} wrap>
          <Typography.Link onClick={() => setGridId(i.id)} data-testid="isolation-grid">
            {t(`${l}.grid`)}
          </Typography.Link>
          {isOpen(i.status) && (
            <>
              <Typography.Link onClick={() => setReplanning(i)} data-testid="isolation-replan">
                {t(`${l}.replan`)}
              </Typography.Link>
              <Typography.Link
                onClick={() => setEnding({ isolation: i })}
                data-testid="isolation-end"
              >
                {t(`${l}.end`)}
              </Typography.Link>
            </>
          )}
        </Space>
      ),
    },
  ];

  const set = (patch: Partial<IsolationFilters>) => onFilters({ ...filters, ...patch });

  return (
    <Card size="small" data-testid="isolation-list">
      <Flex vertical gap={12}>
        <Flex gap={8} wrap align="center">
          <Select<IsolationStatus>
            data-testid="isolation-filter-status"
            allowClear
            placeholder={t(`${l}.statusAll`)}
            value={filters.status}
            onChange={(status) => set({ status })}
            options={STATUSES.map((s) => ({ value: s, label: t(`isolation.status.${s}`) }))}
            style={{ width: 130 }}
          />
          <Select<IsolationKind>
            data-testid="isolation-filter-kind"
            allowClear
            placeholder={t(`${l}.kindAll`)}
            value={filters.kind}
            onChange={(kind) => set({ kind })}
            options={KINDS.map((k) => ({ value: k, label: t(`isolation.kind.${k}`) }))}
            style={{ width: 150 }}
          />
          <DatePicker
            data-testid="isolation-filter-due"
            placeholder={t(`${l}.due`)}
            value={toPicker(filters.due) ?? null}
            onChange={(d) => set({ due: d ? fromPicker(d) : undefined })}
          />
          <DatePicker
            data-testid="isolation-filter-ending"
            placeholder={t(`${l}.ending`)}
            value={toPicker(filters.ending) ?? null}
            onChange={(d) => set({ ending: d ? fromPicker(d) : undefined })}
          />
          <Button onClick={() => onFilters({})} data-testid="isolation-filter-reset">
            {t(`${l}.reset`)}
          </Button>
          <Flex flex={1} justify="flex-end" gap={8} align="center">
            {list.data && (
              <Typography.Text type="secondary" data-testid="isolation-total">
                {t(`${l}.total`, { n: list.data.total })}
              </Typography.Text>
            )}
            <Button
              icon={<CheckCircleOutlined />}
              disabled={selected.length === 0}
              onClick={() => setReleasing(selected)}
              data-testid="isolation-release"
            >
              {t(`${l}.release`, { n: selected.length })}
            </Button>
          </Flex>
        </Flex>
        {list.isError ? (
          <ErrorState
            title={t(`${l}.loadFailed`)}
            error={list.error}
            onRetry={() => void list.refetch()}
            retrying={list.isFetching}
          />
        ) : (
          <Table<Isolation>
            data-testid="isolation-table"
            size="small"
            rowKey="id"
            columns={columns}
            dataSource={list.data?.rows ?? []}
            loading={list.isFetching}
            rowSelection={{
              selectedRowKeys: selected.map((i) => i.id),
              onChange: (_keys, rows) => setSelected(rows),
              getCheckboxProps: (i) => ({ disabled: !isOpen(i.status) }),
              preserveSelectedRowKeys: true,
            }}
            onRow={() => ({ 'data-testid': 'isolation-row' }) as HTMLAttributes<HTMLElement>}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: list.data?.total ?? 0,
              showSizeChanger: false,
              onChange: onPage,
            }}
            locale={{ emptyText: t(`${l}.empty`) }}
          />
        )}
      </Flex>
      <ReleaseModal
        selected={releasing}
        onClose={() => setReleasing(null)}
        onReleased={(outcome) =>
          setSelected((prev) => prev.filter((i) => !outcome.released.includes(i.id)))
        }
      />
      <MonitoringGridModal isolationId={gridId} onClose={() => setGridId(null)} />
      <ReplanModal isolation={replanning} onClose={() => setReplanning(null)} />
      <EndModal ending={ending} onClose={() => setEnding(null)} />
    </Card>
  );
}
