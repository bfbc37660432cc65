import { DeleteOutlined, EditOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import {
  App,
  Badge,
  Button,
  Card,
  Empty,
  Popconfirm,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RiskArea, RiskLevel } from '../../api/bindings';
import { errorText } from '../../api/errors';
import { ErrorState } from '../../components/QueryStates';
import { useFormatDate } from '../../lib/useFormatDate';
import { RISK_LEVEL_COLORS } from './labels';
import { useDeleteRiskArea, useRiskAreas } from './queries';
import { RiskAreaModal } from './RiskAreaModal';

type Editing = { area: RiskArea | null; lifting: boolean };

/**
 * 风险地区: every declared area with its dates, whether it is in force, and how many
 * arrivals came from it; add, edit, lift (set the until date) and delete.
 */
export function RiskAreas({ onShowArrivals }: { onShowArrivals: (area: RiskArea) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const formatDate = useFormatDate('short');
  const areas = useRiskAreas();
  const remove = useDeleteRiskArea();
  const [editing, setEditing] = useState<Editing | null>(null);
  const r = 'arrivals.risk';

  if (areas.isError) {
    return (
      <ErrorState
        title={t(`${r}.loadFailed`)}
        error={areas.error}
        onRetry={() => void areas.refetch()}
        retrying={areas.isFetching}
      />
    );
  }

  const onDelete = (area: RiskArea) =>
    remove.mutate(area.id, {
      onSuccess: () => void message.success(t(`${r}.deleted`, { name: area.name })),
      onError: (err) => void message.error(t(`${r}.deleteFailed`, { error: errorText(t, err) })),
    });
  const onSaved = () => {
    const key = editing?.lifting ? 'lifted' : editing?.area ? 'updated' : 'added';
    void message.success(t(`${r}.${key}`, { name: editing?.area?.name ?? '' }));
  };

  const columns: TableColumnsType<RiskArea> = [
    {
      key: 'name',
      title: t(`${r}.name`),
      dataIndex: 'name',
      render: (name: string) => <Typography.Text strong>{name}</Typography.Text>,
    },
    {
      key: 'level',
      title: t(`${r}.level`),
      dataIndex: 'level',
      render: (level: RiskLevel) => (
        <Tag color={RISK_LEVEL_COLORS[level]}>{t(`arrivals.riskLevel.${level}`)}</Tag>
      ),
    },
    {
      key: 'from',
      title: t(`${r}.fromDate`),
      dataIndex: 'fromDate',
      render: (d: string) => formatDate(d),
    },
    {
      key: 'until',
      title: t(`${r}.untilDate`),
      dataIndex: 'untilDate',
      render: (d: string | null) => (d ? formatDate(d) : t(`${r}.open`)),
    },
    { key: 'notice', title: t(`${r}.notice`), dataIndex: 'notice' },
    {
      key: 'active',
      title: t(`${r}.status`),
      dataIndex: 'active',
      render: (active: boolean) => (
        <Badge
          status={active ? 'error' : 'default'}
          text={active ? t(`${r}.active`) : t(`${r}.inactive`)}
          data-testid={active ? 'risk-area-active' : 'risk-area-inactive'}
        />
      ),
    },
    {
      key: 'arrivals',
      title: t(`${r}.arrivals`),
      dataIndex: 'arrivals',
      render: (n: number, area) => (
        <Typography.Link onClick={() => onShowArrivals(area)} data-testid="risk-area-arrivals">
          {t(`${r}.arrivalsCount`, { n })}
        </Typography.Link>
      ),
    },
    {
      key: 'actions',
      title: t(`${r}.actions`),
      render: (_, area) => (
        <Space size={0}>
          <Button
            type="link"
            size="small"
            icon={<EditOutlined />}
            onClick={() => setEditing({ area, lifting: false })}
            data-testid="risk-area-edit"
          >
            {t(`${r}.edit`)}
          </Button>
          {area.untilDate === null && (
            <Button
              type="link"
              size="small"
              icon={<StopOutlined />}
              onClick={() => setEditing({ area, lifting: true })}
              data-testid="risk-area-lift"
            >
              {t(`${r}.lift`)}
            </Button>
          )}
          <Popconfirm
            title={t(`${r}.deleteConfirm`, { name: area.name })}
            description={t(`${r}.deleteHint`)}
            okText={t(`${r}.deleteOk`)}
            cancelText={t(`${r}.cancel`)}
            onConfirm={() => onDelete(area)}
          >
            <Button
              type="link"
              size="small"
              danger
              icon={<DeleteOutlined />}
              data-testid="risk-area-delete"
            >
              {t(`${r}.delete`)}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Card
      size="small"
      title={t(`${r}.title`)}
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setEditing({ area: null, lifting: false })}
          data-testid="add-risk-area"
        >
          {t(`${r}.add`)}
        </Button>
      }
    >
      <div data-testid="risk-area-table">
        <Table<RiskArea>
          size="small"
          rowKey="id"
          loading={areas.isPending}
          columns={columns}
          dataSource={areas.data ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          onRow={() => ({ 'data-testid': 'risk-area-row' }) as HTMLAttributes<HTMLElement>}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(`${r}.empty`)} />,
          }}
        />
      </div>
      <RiskAreaModal
        open={editing !== null}
        editing={editing?.area ?? null}
        lifting={editing?.lifting ?? false}
        onClose={() => setEditing(null)}
        onSaved={onSaved}
      />
    </Card>
  );
}
