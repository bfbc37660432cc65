import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import {
  Button,
  Empty,
  Popconfirm,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { Arrival, IsolationStatus, Symptom } from '../../api/bindings';
import { ErrorState } from '../../components/QueryStates';
import { useFormatDate } from '../../lib/useFormatDate';
import { StatusTag } from '../isolation/parts';
import { ORIGIN_CLASS_COLORS } from './labels';
import { PAGE_SIZE, type useArrivals } from './queries';

/**
 * One page of arrivals (server paging): who, from where and which class, when, how, where
 * they stay, how they were at screening, and the risk areas they came from.
 */
export function ArrivalTable({
  arrivals,
  page,
  onPage,
  onOpenPerson,
  onEdit,
  onDelete,
  'data-testid': testId = 'arrival-table',
}: {
  arrivals: ReturnType<typeof useArrivals>;
  page: number;
  onPage: (page: number) => void;
  onOpenPerson?: (personId: string) => void;
  onEdit?: (arrival: Arrival) => void;
  onDelete?: (arrival: Arrival) => void;
  'data-testid'?: string;
}) {
  const { t } = useTranslation();
  const formatDate = useFormatDate('short');
  const a = 'arrivals.table';
  if (arrivals.isError) {
    return (
      <ErrorState
        title={t(`${a}.loadFailed`)}
        error={arrivals.error}
        onRetry={() => void arrivals.refetch()}
        retrying={arrivals.isFetching}
      />
    );
  }
  const columns: TableColumnsType<Arrival> = [
    {
      key: 'name',
      title: t(`${a}.name`),
      dataIndex: 'personName',
      fixed: 'left',
      render: (name: string, row) =>
        onOpenPerson ? (
          <Typography.Link
            onClick={() => onOpenPerson(row.personId)}
            data-testid="arrival-person-link"
          >
            {name}
          </Typography.Link>
        ) : (
          name
        ),
    },
    { key: 'idNumber', title: t(`${a}.idNumber`), dataIndex: 'idNumberMasked' },
    { key: 'origin', title: t(`${a}.origin`), dataIndex: 'originName' },
    {
      key: 'class',
      title: t(`${a}.class`),
      dataIndex: 'originClass',
      render: (c: Arrival['originClass']) => (
        <Tag color={ORIGIN_CLASS_COLORS[c]}>{t(`arrivals.originClass.${c}`)}</Tag>
      ),
    },
    {
      key: 'departedOn',
      title: t(`${a}.departedOn`),
      dataIndex: 'departedOn',
      render: (d: string | null) => (d ? formatDate(d) : ''),
    },
    {
      key: 'arrivedOn',
      title: t(`${a}.arrivedOn`),
      dataIndex: 'arrivedOn',
      render: (d: string) => formatDate(d),
    },
    {
      key: 'transport',
      title: t(`${a}.transport`),
      render: (_, row) =>
        [row.transport ? t(`arrivals.transport.${row.transport}`) : null, row.transportNo]
          .filter(Boolean)
          .join(' '),
    },
    { key: 'address', title: t(`${a}.address`), dataIndex: 'address' },
    {
      key: 'temperature',
      title: t(`${a}.temperature`),
      dataIndex: 'temperature',
      render: (temp: string | null, row) =>
        temp === null ? (
          ''
        ) : (
          <Typography.Text
            type={row.fever ? 'danger' : undefined}
            strong={row.fever}
            data-testid={row.fever ? 'arrival-temp-fever' : 'arrival-temp'}
          >
            {t(`${a}.celsius`, { value: temp })}
          </Typography.Text>
        ),
    },
    {
      key: 'symptoms',
      title: t(`${a}.symptoms`),
      dataIndex: 'symptoms',
      render: (symptoms: Symptom[]) => (
        <Space size={[0, 4]} wrap>
          {symptoms.map((s) => (
            <Tag key={s} color="volcano">
              {t(`arrivals.symptom.${s}`)}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      key: 'riskAreas',
      title: t(`${a}.riskAreas`),
      dataIndex: 'riskAreas',
      render: (areas: string[]) => (
        <Space size={[0, 4]} wrap>
          {areas.map((name) => (
            <Tag key={name} color="red" data-testid="arrival-risk-tag">
              {name}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      key: 'isolation',
      title: t(`${a}.isolation`),
      dataIndex: 'isolationStatus',
      render: (status?: IsolationStatus) =>
        status ? <StatusTag status={status} /> : t(`${a}.notIsolated`),
    },
  ];
  if (onEdit || onDelete) {
    columns.push({
      key: 'actions',
      title: t(`${a}.actions`),
      fixed: 'right',
      render: (_, row) => (
        <Space size={0}>
          {onEdit && (
            <Button
              type="link"
              size="small"
              icon={<EditOutlined />}
              onClick={() => onEdit(row)}
              data-testid="arrival-edit"
            >
              {t(`${a}.edit`)}
            </Button>
          )}
          {onDelete && (
            <Popconfirm
              title={t(`${a}.deleteConfirm`, { name: row.personName })}
              okText={t(`${a}.deleteOk`)}
              cancelText={t(`${a}.cancel`)}
              onConfirm={() => onDelete(row)}
            >
              <Button
                type="link"
                size="small"
                danger
                icon={<DeleteOutlined />}
                data-testid="arrival-delete"
              >
                {t(`${a}.delete`)}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    });
  }
  const total = arrivals.data?.total ?? 0;
  return (
    <div data-testid={testId}>
      <Table<Arrival>
        size="small"
        rowKey="id"
        loading={arrivals.isPending || arrivals.isPlaceholderData}
        columns={columns}
        dataSource={arrivals.data?.rows ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total,
          showSizeChanger: false,
          hideOnSinglePage: true,
          onChange: onPage,
        }}
        onRow={() => ({ 'data-testid': 'arrival-row' }) as HTMLAttributes<HTMLElement>}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(`${a}.empty`)} />,
        }}
      />
    </div>
  );
}
