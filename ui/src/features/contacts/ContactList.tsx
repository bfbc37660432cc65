import { ApartmentOutlined, DeleteOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import type { Dayjs } from 'dayjs';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactFilter, ContactLink, Exposure } from '../../api/bindings';
import { errorText } from '../../api/errors';
import { ErrorState } from '../../components/QueryStates';
import { useFormatDate } from '../../lib/useFormatDate';
import { EXPOSURE_COLORS, EXPOSURES } from './labels';
import { PAGE_SIZE, useContacts, useDeleteContact } from './queries';

export type ContactFilters = { exposure?: Exposure; since?: Dayjs | null };

/** The `ContactFilter` for the chosen filters and a page: only what was chosen is sent. */
export function contactFilter(f: ContactFilters, page: number): ContactFilter {
  const filter: ContactFilter = { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE };
  if (f.exposure) filter.exposure = f.exposure;
  if (f.since) filter.since = f.since.format('YYYY-MM-DD');
  return filter;
}

/** 密切接触者 list: who was exposed to whom, how and when, latest last contact first. */
export function ContactList({
  filters,
  onFilters,
  page,
  onPage,
  onShowChain,
  onOpenPerson,
}: {
  filters: ContactFilters;
  onFilters: (filters: ContactFilters) => void;
  page: number;
  onPage: (page: number) => void;
  onShowChain: (personId: string, name: string) => void;
  onOpenPerson: (personId: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const formatDate = useFormatDate('short');
  const contacts = useContacts(contactFilter(filters, page));
  const remove = useDeleteContact();
  const c = 'contacts.list';

  if (contacts.isError) {
    return (
      <ErrorState
        title={t(`${c}.loadFailed`)}
        error={contacts.error}
        onRetry={() => void contacts.refetch()}
        retrying={contacts.isFetching}
      />
    );
  }
  const onDelete = (link: ContactLink) =>
    remove.mutate(link.id, {
      onSuccess: () => void message.success(t(`${c}.deleted`, { name: link.personName })),
      onError: (err) => void message.error(t(`${c}.deleteFailed`, { error: errorText(t, err) })),
    });
  const person = (id: string, name: string) => (
    <Typography.Link onClick={() => onOpenPerson(id)}>{name}</Typography.Link>
  );
  const columns: TableColumnsType<ContactLink> = [
    {
      key: 'person',
      title: t(`${c}.person`),
      render: (_, l) => person(l.personId, l.personName),
    },
    {
      key: 'index',
      title: t(`${c}.index`),
      render: (_, l) => person(l.indexPersonId, l.indexPersonName),
    },
    {
      key: 'exposure',
      title: t(`${c}.exposure`),
      dataIndex: 'exposure',
      render: (e: Exposure) => <Tag color={EXPOSURE_COLORS[e]}>{t(`contacts.exposure.${e}`)}</Tag>,
    },
    {
      key: 'lastContactOn',
      title: t(`${c}.lastContactOn`),
      dataIndex: 'lastContactOn',
      render: (d: string) => formatDate(d),
    },
    { key: 'note', title: t(`${c}.note`), dataIndex: 'note' },
    {
      key: 'actions',
      title: t(`${c}.actions`),
      render: (_, l) => (
        <Space size={0}>
          <Button
            type="link"
            size="small"
            icon={<ApartmentOutlined />}
            onClick={() => onShowChain(l.personId, l.personName)}
            data-testid="contact-show-chain"
          >
            {t(`${c}.chain`)}
          </Button>
          <Popconfirm
            title={t(`${c}.deleteConfirm`, { name: l.personName, index: l.indexPersonName })}
            okText={t(`${c}.deleteOk`)}
            cancelText={t(`${c}.cancel`)}
            onConfirm={() => onDelete(l)}
          >
            <Button
              type="link"
              size="small"
              danger
              icon={<DeleteOutlined />}
              data-testid="contact-delete"
            >
              {t(`${c}.delete`)}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];
  const total = contacts.data?.total ?? 0;
  return (
    <Card
      size="small"
      title={t(`${c}.title`)}
      extra={
        <Space wrap size={12}>
          <Select<Exposure>
            data-testid="contact-filter-exposure"
            allowClear
            aria-label={t(`${c}.exposure`)}
            placeholder={t(`${c}.exposureAll`)}
            value={filters.exposure}
            onChange={(e) => onFilters({ ...filters, exposure: e ?? undefined })}
            options={EXPOSURES.map((e) => ({ value: e, label: t(`contacts.exposure.${e}`) }))}
            style={{ width: 170 }}
          />
          <DatePicker
            data-testid="contact-filter-since"
            format="YYYY-MM-DD"
            placeholder={t(`${c}.since`)}
            value={filters.since ?? null}
            onChange={(d) => onFilters({ ...filters, since: d })}
          />
          <Typography.Text type="secondary" data-testid="contacts-total">
            {t(`${c}.total`, { n: total })}
          </Typography.Text>
        </Space>
      }
    >
      <div data-testid="contact-table">
        <Table<ContactLink>
          size="small"
          rowKey="id"
          loading={contacts.isPending || contacts.isPlaceholderData}
          columns={columns}
          dataSource={contacts.data?.rows ?? []}
          scroll={{ x: 'max-content' }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total,
            showSizeChanger: false,
            hideOnSinglePage: true,
            onChange: onPage,
          }}
          onRow={() => ({ 'data-testid': 'contact-row' }) as HTMLAttributes<HTMLElement>}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(`${c}.empty`)} />,
          }}
        />
      </div>
    </Card>
  );
}
