import {
  Alert,
  App,
  DatePicker,
  Form,
  Input,
  List,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcError, SupplyIssue, SupplyIssueFilter } from '../../api/bindings';
import { errorText } from '../../api/errors';
import { ErrorState } from '../../components/QueryStates';
import { useFormatDate } from '../../lib/useFormatDate';
import { useAppInfo } from '../../shell/queries';
import { defaultCheckDate, fromPicker, toPicker } from '../isolation/dates';
import { SubmitRow } from '../isolation/parts';
import { WorkerSelect } from '../workers/WorkerSelect';
import {
  PAGE_SIZE,
  useAddFollowUp,
  useDeleteIssue,
  useFollowUps,
  useIssues,
  useSupplyItems,
} from './queries';

/** 发放记录: issues, latest first, filtered by item; 回访 and 删除 per row. */
export function IssueList() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const formatDate = useFormatDate('short');
  const items = useSupplyItems();
  const [itemId, setItemId] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const [followUp, setFollowUp] = useState<SupplyIssue | null>(null);
  const filter: SupplyIssueFilter = {
    ...(itemId ? { itemId } : {}),
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
  const issues = useIssues(filter);
  const remove = useDeleteIssue();
  const p = 'supplies.issues';
  if (issues.isError) {
    return (
      <ErrorState
        title={t(`${p}.loadFailed`)}
        error={issues.error}
        onRetry={() => void issues.refetch()}
        retrying={issues.isFetching}
      />
    );
  }
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Select
        allowClear
        style={{ width: 200 }}
        placeholder={t(`${p}.allItems`)}
        value={itemId}
        onChange={(v?: string) => {
          setItemId(v);
          setPage(1);
        }}
        options={(items.data ?? []).map((i) => ({ value: i.id, label: i.name }))}
        data-testid="issues-filter-item"
      />
      <Table<SupplyIssue>
        size="small"
        rowKey="id"
        loading={issues.isPending}
        dataSource={issues.data?.rows ?? []}
        locale={{ emptyText: t(`${p}.empty`) }}
        data-testid="issue-table"
        onRow={() => ({ 'data-testid': 'issue-row' }) as React.HTMLAttributes<HTMLElement>}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: issues.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
          showTotal: (n) => t(`${p}.total`, { n }),
        }}
        columns={[
          {
            title: t(`${p}.date`),
            dataIndex: 'issuedOn',
            width: 110,
            render: (d: string) => formatDate(d),
          },
          { title: t(`${p}.item`), dataIndex: 'itemName', width: 120 },
          {
            title: t(`${p}.quantity`),
            key: 'quantity',
            width: 90,
            align: 'right',
            render: (_, i) => `${i.quantity}${i.unit}`,
          },
          {
            title: t(`${p}.address`),
            dataIndex: 'address',
            render: (a: string | null) => a ?? '—',
          },
          {
            title: t(`${p}.person`),
            dataIndex: 'personName',
            width: 100,
            render: (n: string | null) => n ?? '—',
          },
          {
            title: t(`${p}.worker`),
            dataIndex: 'workerName',
            width: 100,
            render: (n: string | null) => n ?? '—',
          },
          { title: t(`${p}.followUps`), dataIndex: 'followUps', width: 70, align: 'right' },
          {
            key: 'actions',
            width: 120,
            render: (_, i) => (
              <Space>
                <Typography.Link onClick={() => setFollowUp(i)} data-testid="issue-follow-up">
                  {t(`${p}.followUp`)}
                </Typography.Link>
                <Popconfirm
                  title={t(`${p}.deleteConfirm`)}
                  onConfirm={() =>
                    remove.mutate(i.id, {
                      onError: (err) =>
                        void message.error(t(`${p}.deleteFailed`, { error: errorText(t, err) })),
                    })
                  }
                >
                  <Typography.Link type="danger">{t(`${p}.delete`)}</Typography.Link>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <FollowUpModal issue={followUp} onClose={() => setFollowUp(null)} />
    </Space>
  );
}

type FollowUpValues = { visitedOn: Dayjs; workerId?: string | null; note?: string };

/** 回访: the follow-up visits of one issue and a form for the next. */
function FollowUpModal({ issue, onClose }: { issue: SupplyIssue | null; onClose: () => void }) {
  const { t } = useTranslation();
  const info = useAppInfo();
  const formatDate = useFormatDate('short');
  const list = useFollowUps(issue?.id ?? null);
  const add = useAddFollowUp();
  const [form] = Form.useForm<FollowUpValues>();
  const [error, setError] = useState<IpcError | null>(null);
  const p = 'supplies.followUp';
  const onFinish = (v: FollowUpValues) => {
    if (!issue) return;
    setError(null);
    add.mutate(
      {
        issueId: issue.id,
        visitedOn: fromPicker(v.visitedOn),
        ...(v.workerId ? { workerId: v.workerId } : {}),
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      },
      { onSuccess: () => form.resetFields(['note']), onError: setError },
    );
  };
  return (
    <Modal
      open={issue !== null}
      onCancel={onClose}
      title={t(`${p}.title`)}
      footer={null}
      destroyOnHidden
    >
      {issue && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            {t(`${p}.of`, {
              date: formatDate(issue.issuedOn),
              item: issue.itemName,
              quantity: issue.quantity,
              unit: issue.unit,
              to: issue.personName ?? issue.address ?? '',
            })}
          </Typography.Text>
          <List
            size="small"
            bordered
            loading={list.isPending}
            dataSource={list.data ?? []}
            locale={{ emptyText: t(`${p}.empty`) }}
            renderItem={(f) => (
              <List.Item data-testid="follow-up-row">
                <Space wrap>
                  <span>{formatDate(f.visitedOn)}</span>
                  {f.workerName && (
                    <Typography.Text type="secondary">{f.workerName}</Typography.Text>
                  )}
                  <span>{f.note}</span>
                </Space>
              </List.Item>
            )}
          />
          <Form<FollowUpValues>
            form={form}
            layout="vertical"
            onFinish={onFinish}
            initialValues={{ visitedOn: toPicker(defaultCheckDate(info.data?.statisticalDate)) }}
          >
            <Form.Item name="visitedOn" label={t(`${p}.date`)} rules={[{ required: true }]}>
              <DatePicker data-testid="follow-up-date" />
            </Form.Item>
            <Form.Item name="workerId" label={t(`${p}.worker`)}>
              <WorkerSelect />
            </Form.Item>
            <Form.Item name="note" label={t(`${p}.note`)}>
              <Input.TextArea rows={2} maxLength={200} data-testid="follow-up-note" />
            </Form.Item>
            {error && (
              <Alert
                type="error"
                showIcon
                style={{ marginBottom: 16 }}
                message={t('supplies.saveFailed', { error: errorText(t, error) })}
              />
            )}
            <SubmitRow pending={add.isPending} onCancel={onClose} testId="follow-up-submit" />
          </Form>
        </Space>
      )}
    </Modal>
  );
}
