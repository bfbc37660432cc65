import { Card, Empty, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { HTMLAttributes, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonRow, ResidenceStatus } from '../../api/bindings';
import { ErrorState } from '../../components/QueryStates';
import { useFormatDate } from '../../lib/useFormatDate';
import { RESIDENCE_COLORS, RESIDENCE_STATUSES, sexText } from './labels';
import { PAGE_SIZE, type usePeople } from './queries';

/**
 * One page of people (server paging, 20 a page), optionally only those of one residence
 * status (户籍 / 常住 / 流动 / 外出 / 境外); clicking a row opens the person.
 */
export function PeopleTable({
  title,
  extra,
  people,
  residenceStatus,
  onResidenceStatus,
  page,
  onPage,
  onOpen,
}: {
  title: ReactNode;
  extra?: ReactNode;
  people: ReturnType<typeof usePeople>;
  residenceStatus: ResidenceStatus | null;
  onResidenceStatus: (status: ResidenceStatus | null) => void;
  page: number;
  onPage: (page: number) => void;
  onOpen: (personId: string) => void;
}) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  if (people.isError) {
    return (
      <ErrorState
        title={t('residents.people.loadFailed')}
        error={people.error}
        onRetry={() => void people.refetch()}
        retrying={people.isFetching}
      />
    );
  }
  const columns: TableColumnsType<PersonRow> = [
    {
      key: 'name',
      title: t('residents.people.name'),
      dataIndex: 'name',
      render: (name: string) => <Typography.Link>{name}</Typography.Link>,
    },
    {
      key: 'sex',
      title: t('residents.people.sex'),
      dataIndex: 'sex',
      render: (sex: string | null) => sexText(t, sex),
    },
    {
      key: 'birthDate',
      title: t('residents.people.birthDate'),
      dataIndex: 'birthDate',
      render: (d: string | null) => (d ? formatDate(d) : ''),
    },
    { key: 'idNumber', title: t('residents.people.idNumber'), dataIndex: 'idNumberMasked' },
    { key: 'phone', title: t('residents.people.phone'), dataIndex: 'phoneMasked' },
    { key: 'address', title: t('residents.people.address'), dataIndex: 'address' },
    { key: 'relation', title: t('residents.people.relation'), dataIndex: 'relation' },
    {
      key: 'residenceStatus',
      title: t('residents.people.residenceStatus'),
      dataIndex: 'residenceStatus',
      render: (s: ResidenceStatus) => <Tag color={RESIDENCE_COLORS[s]}>{t(`residence.${s}`)}</Tag>,
    },
  ];
  const total = people.data?.total ?? 0;
  return (
    <Card
      size="small"
      title={title}
      extra={
        <Space size={12} wrap>
          {extra}
          <Select<ResidenceStatus>
            data-testid="residence-filter"
            size="small"
            allowClear
            aria-label={t('residents.filter.residence')}
            placeholder={t('residents.filter.residenceAll')}
            value={residenceStatus ?? undefined}
            onChange={(s) => onResidenceStatus(s ?? null)}
            options={RESIDENCE_STATUSES.map((s) => ({ value: s, label: t(`residence.${s}`) }))}
            style={{ width: 140 }}
          />
          <Typography.Text type="secondary" data-testid="people-total">
            {t('residents.people.total', { n: total })}
          </Typography.Text>
        </Space>
      }
    >
      <Table<PersonRow>
        data-testid="people-table"
        size="small"
        rowKey="id"
        loading={people.isPending || people.isPlaceholderData}
        columns={columns}
        dataSource={people.data?.rows ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total,
          showSizeChanger: false,
          hideOnSinglePage: true,
          onChange: onPage,
        }}
        onRow={(row) =>
          ({
            'data-testid': 'person-row',
            onClick: () => onOpen(row.id),
            style: { cursor: 'pointer' },
          }) as HTMLAttributes<HTMLElement>
        }
        locale={{
          emptyText: (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('residents.people.empty')} />
          ),
        }}
      />
    </Card>
  );
}
