import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Enterprise, EnterpriseKind, IpcError } from '../../api/bindings';
import { errorText } from '../../api/errors';
import { ErrorState } from '../../components/QueryStates';
import { useFormatDate } from '../../lib/useFormatDate';
import { useAppInfo } from '../../shell/queries';
import { defaultCheckDate, fromPicker, toPicker } from '../isolation/dates';
import { SubmitRow } from '../isolation/parts';
import { KINDS } from './labels';
import { useAddDifficulty, useAddEnterprise, useEnterprises, useUpdateEnterprise } from './queries';
import { VisitModal } from './VisitModal';

/** 企业: the enterprises with visits, last visit (complete or not) and open difficulties. */
export function Enterprises() {
  const { t } = useTranslation();
  const formatDate = useFormatDate('short');
  const list = useEnterprises();
  const [editing, setEditing] = useState<Enterprise | null | undefined>(undefined);
  const [visiting, setVisiting] = useState<string | null>(null);
  const [raising, setRaising] = useState<Enterprise | null>(null);
  const p = 'work.enterprises';
  if (list.isError) {
    return (
      <ErrorState
        title={t(`${p}.loadFailed`)}
        error={list.error}
        onRetry={() => void list.refetch()}
        retrying={list.isFetching}
      />
    );
  }
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Button
        type="primary"
        icon={<PlusOutlined />}
        onClick={() => setEditing(null)}
        data-testid="add-enterprise"
      >
        {t(`${p}.add`)}
      </Button>
      <Table<Enterprise>
        size="small"
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data ?? []}
        locale={{ emptyText: t(`${p}.empty`) }}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        data-testid="enterprise-table"
        onRow={() => ({ 'data-testid': 'enterprise-row' }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t(`${p}.name`), dataIndex: 'name' },
          {
            title: t(`${p}.kind`),
            dataIndex: 'kind',
            width: 100,
            render: (k: EnterpriseKind) => t(`work.kind.${k}`),
          },
          {
            title: t(`${p}.contact`),
            key: 'contact',
            render: (_, e) => [e.contactName, e.contactPhone].filter(Boolean).join(' ') || '—',
          },
          {
            title: t(`${p}.workforce`),
            dataIndex: 'workforce',
            width: 80,
            align: 'right',
            render: (n: number | null) => n ?? '—',
          },
          {
            title: t(`${p}.lastVisit`),
            key: 'lastVisit',
            width: 170,
            render: (_, e) =>
              e.lastVisitedOn ? (
                <Space size={4}>
                  <span>{formatDate(e.lastVisitedOn)}</span>
                  {e.lastVisitComplete === false && (
                    <Tag color="orange">{t('work.visits.incomplete')}</Tag>
                  )}
                </Space>
              ) : (
                <Tag>{t(`${p}.notVisited`)}</Tag>
              ),
          },
          {
            title: t(`${p}.open`),
            dataIndex: 'openDifficulties',
            width: 80,
            align: 'right',
            render: (n: number) =>
              n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : 0,
          },
          {
            key: 'actions',
            width: 180,
            render: (_, e) => (
              <Space>
                <Typography.Link onClick={() => setVisiting(e.id)} data-testid="enterprise-visit">
                  {t(`${p}.visit`)}
                </Typography.Link>
                <Typography.Link onClick={() => setRaising(e)} data-testid="enterprise-raise">
                  {t(`${p}.raise`)}
                </Typography.Link>
                <Typography.Link onClick={() => setEditing(e)}>{t(`${p}.edit`)}</Typography.Link>
              </Space>
            ),
          },
        ]}
      />
      <EnterpriseModal
        open={editing !== undefined}
        enterprise={editing ?? null}
        onClose={() => setEditing(undefined)}
      />
      <VisitModal
        open={visiting !== null}
        enterpriseId={visiting ?? undefined}
        onClose={() => setVisiting(null)}
      />
      <DifficultyModal enterprise={raising} onClose={() => setRaising(null)} />
    </Space>
  );
}

type Values = {
  name: string;
  kind: EnterpriseKind;
  address?: string;
  contactName?: string;
  contactPhone?: string;
  workforce?: number | null;
  note?: string;
};

function EnterpriseModal({
  open,
  enterprise,
  onClose,
}: {
  open: boolean;
  enterprise: Enterprise | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const add = useAddEnterprise();
  const update = useUpdateEnterprise();
  const [error, setError] = useState<IpcError | null>(null);
  const p = 'work.enterprise';
  const onFinish = (v: Values) => {
    setError(null);
    const input = {
      name: v.name.trim(),
      kind: v.kind,
      ...(v.address?.trim() ? { address: v.address.trim() } : {}),
      ...(v.contactName?.trim() ? { contactName: v.contactName.trim() } : {}),
      ...(v.contactPhone?.trim() ? { contactPhone: v.contactPhone.trim() } : {}),
      ...(v.workforce != null ? { workforce: v.workforce } : {}),
      ...(enterprise?.gridId ? { gridId: enterprise.gridId } : {}),
      ...(v.note?.trim() ? { note: v.note.trim() } : {}),
    };
    const done = {
      onSuccess: () => {
        void message.success(t(`${p}.saved`, { name: input.name }));
        onClose();
      },
      onError: setError,
    };
    if (enterprise) update.mutate({ id: enterprise.id, enterprise: input }, done);
    else add.mutate(input, done);
  };
  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={t(enterprise ? `${p}.editTitle` : `${p}.title`)}
      footer={null}
      destroyOnHidden
    >
      <Form<Values>
        layout="vertical"
        onFinish={onFinish}
        initialValues={
          enterprise
            ? {
                name: enterprise.name,
                kind: enterprise.kind,
                address: enterprise.address ?? undefined,
                contactName: enterprise.contactName ?? undefined,
                contactPhone: enterprise.contactPhone ?? undefined,
                workforce: enterprise.workforce,
                note: enterprise.note ?? undefined,
              }
            : { kind: 'coal_mine' }
        }
        data-testid="enterprise-form"
      >
        <Form.Item
          name="name"
          label={t(`${p}.name`)}
          rules={[{ required: true, whitespace: true, message: t(`${p}.nameRequired`) }]}
        >
          <Input maxLength={60} data-testid="enterprise-name" />
        </Form.Item>
        <Form.Item name="kind" label={t(`${p}.kind`)}>
          <Select
            options={KINDS.map((k) => ({ value: k, label: t(`work.kind.${k}`) }))}
            data-testid="enterprise-kind"
          />
        </Form.Item>
        <Form.Item name="address" label={t(`${p}.address`)}>
          <Input maxLength={100} />
        </Form.Item>
        <Space>
          <Form.Item name="contactName" label={t(`${p}.contactName`)}>
            <Input maxLength={20} />
          </Form.Item>
          <Form.Item name="contactPhone" label={t(`${p}.contactPhone`)}>
            <Input maxLength={20} />
          </Form.Item>
          <Form.Item name="workforce" label={t(`${p}.workforce`)}>
            <InputNumber min={0} precision={0} />
          </Form.Item>
        </Space>
        <Form.Item name="note" label={t('work.note')}>
          <Input maxLength={200} />
        </Form.Item>
        {error && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            message={t('work.saveFailed', { error: errorText(t, error) })}
            data-testid="enterprise-error"
          />
        )}
        <SubmitRow
          pending={add.isPending || update.isPending}
          onCancel={onClose}
          testId="enterprise-submit"
        />
      </Form>
    </Modal>
  );
}

type DifficultyValues = { raisedOn: Dayjs; description: string };

/** 反映问题: a difficulty the enterprise raised, open until a follow-up closes it. */
function DifficultyModal({
  enterprise,
  onClose,
}: {
  enterprise: Enterprise | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const info = useAppInfo();
  const add = useAddDifficulty();
  const [error, setError] = useState<IpcError | null>(null);
  const p = 'work.difficulty';
  const onFinish = (v: DifficultyValues) => {
    if (!enterprise) return;
    setError(null);
    add.mutate(
      {
        enterpriseId: enterprise.id,
        raisedOn: fromPicker(v.raisedOn),
        description: v.description.trim(),
      },
      {
        onSuccess: () => {
          void message.success(t(`${p}.saved`));
          onClose();
        },
        onError: setError,
      },
    );
  };
  return (
    <Modal
      open={enterprise !== null}
      onCancel={onClose}
      title={t(`${p}.title`, { name: enterprise?.name ?? '' })}
      footer={null}
      destroyOnHidden
    >
      <Form<DifficultyValues>
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ raisedOn: toPicker(defaultCheckDate(info.data?.statisticalDate)) }}
      >
        <Form.Item name="raisedOn" label={t(`${p}.date`)} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item
          name="description"
          label={t(`${p}.description`)}
          rules={[{ required: true, whitespace: true, message: t(`${p}.descriptionRequired`) }]}
        >
          <Input.TextArea rows={3} maxLength={500} data-testid="difficulty-description" />
        </Form.Item>
        {error && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            message={t('work.saveFailed', { error: errorText(t, error) })}
          />
        )}
        <SubmitRow pending={add.isPending} onCancel={onClose} testId="difficulty-submit" />
      </Form>
    </Modal>
  );
}
