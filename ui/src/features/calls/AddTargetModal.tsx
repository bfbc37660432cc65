import { Alert, App, Button, Flex, Form, Input, Modal, Select, Table, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallCandidate, CallReason, IpcError, Place } from '../../api/bindings';
import { errorText } from '../../api/errors';
import { PlacePicker } from '../arrivals/PlacePicker';
import { PersonPicker } from '../contacts/PersonPicker';
import { REASONS } from './labels';
import { useAddCallTarget, useAddCallTargets, useCallCandidates } from './queries';

type Values = {
  personId?: string;
  place?: Place;
  city?: string;
  reason: CallReason;
  awaySince?: string;
  phone?: string;
  foreignPhone?: string;
  relativeName?: string;
  relativePhone?: string;
  note?: string;
};

const blank = (s?: string) => (s && s.trim() ? s.trim() : undefined);

/**
 * 添加核实对象: one person (found by typing) with where they are, why, since when and how
 * to reach them; or many at once from the register's people 外出 / 境外.
 */
export function AddTargetModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      title={t('calls.add.title')}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      width={760}
    >
      {open && (
        <Tabs
          items={[
            { key: 'one', label: t('calls.add.one'), children: <OneForm onClose={onClose} /> },
            {
              key: 'bulk',
              label: <span data-testid="add-target-bulk">{t('calls.add.bulk')}</span>,
              children: <BulkForm onClose={onClose} />,
            },
          ]}
        />
      )}
    </Modal>
  );
}

function OneForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const add = useAddCallTarget();
  const [error, setError] = useState<IpcError | null>(null);
  const save = (v: Values) => {
    setError(null);
    add.mutate(
      {
        personId: v.personId ?? '',
        place: v.place,
        city: blank(v.city),
        reason: v.reason,
        awaySince: blank(v.awaySince),
        phone: blank(v.phone),
        foreignPhone: blank(v.foreignPhone),
        relativeName: blank(v.relativeName),
        relativePhone: blank(v.relativePhone),
        note: blank(v.note),
      },
      {
        onSuccess: (target) => {
          void message.success(t('calls.add.added', { name: target.personName }));
          onClose();
        },
        onError: setError,
      },
    );
  };
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={save}
      initialValues={{ reason: 'other' }}
      data-testid="add-target-form"
    >
      <Form.Item
        name="personId"
        label={t('calls.add.person')}
        rules={[{ required: true, message: t('calls.add.personRequired') }]}
      >
        <PersonPicker placeholder={t('calls.add.personPlaceholder')} data-testid="target-person" />
      </Form.Item>
      <Flex gap={12}>
        <Form.Item name="place" label={t('calls.add.place')} style={{ flex: 2 }}>
          <PlacePicker width="fill" data-testid="target-place" />
        </Form.Item>
        <Form.Item name="city" label={t('calls.add.city')} style={{ flex: 1 }}>
          <Input data-testid="target-city" />
        </Form.Item>
      </Flex>
      <Flex gap={12}>
        <Form.Item name="reason" label={t('calls.add.reason')} style={{ flex: 1 }}>
          <Select
            options={REASONS.map((r) => ({ value: r, label: t(`calls.reason.${r}`) }))}
            data-testid="target-reason"
          />
        </Form.Item>
        <Form.Item name="awaySince" label={t('calls.add.since')} style={{ flex: 1 }}>
          <Input placeholder="2020-01-18" data-testid="target-since" />
        </Form.Item>
      </Flex>
      <Flex gap={12}>
        <Form.Item name="phone" label={t('calls.add.phone')} style={{ flex: 1 }}>
          <Input placeholder={t('calls.add.phonePlaceholder')} data-testid="target-phone" />
        </Form.Item>
        <Form.Item name="foreignPhone" label={t('calls.add.foreignPhone')} style={{ flex: 1 }}>
          <Input placeholder="+82 10 1234 5678" data-testid="target-foreign-phone" />
        </Form.Item>
      </Flex>
      <Flex gap={12}>
        <Form.Item name="relativeName" label={t('calls.add.relative')} style={{ flex: 1 }}>
          <Input />
        </Form.Item>
        <Form.Item name="relativePhone" label={t('calls.add.relativePhone')} style={{ flex: 1 }}>
          <Input />
        </Form.Item>
      </Flex>
      <Form.Item name="note" label={t('calls.add.note')}>
        <Input />
      </Form.Item>
      {error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('calls.add.failed', { error: errorText(t, error) })}
          data-testid="add-target-error"
        />
      )}
      <Flex justify="end">
        <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="target-save">
          {t('calls.add.save')}
        </Button>
      </Flex>
    </Form>
  );
}

function BulkForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const candidates = useCallCandidates(true);
  const add = useAddCallTargets();
  const [chosen, setChosen] = useState<string[]>([]);
  const [reason, setReason] = useState<CallReason>('other');
  const [error, setError] = useState<IpcError | null>(null);
  const save = () => {
    setError(null);
    add.mutate(
      { personIds: chosen, reason },
      {
        onSuccess: (out) => {
          void message.success(
            t('calls.add.bulkAdded', { added: out.added.length, skipped: out.skipped.length }),
          );
          onClose();
        },
        onError: setError,
      },
    );
  };
  return (
    <Flex vertical gap={12}>
      <Table<CallCandidate>
        size="small"
        rowKey="personId"
        loading={candidates.isPending}
        dataSource={candidates.data ?? []}
        pagination={{ pageSize: 10, showSizeChanger: false }}
        rowSelection={{ selectedRowKeys: chosen, onChange: (keys) => setChosen(keys as string[]) }}
        locale={{ emptyText: t('calls.add.noCandidates') }}
        columns={[
          { key: 'name', title: t('calls.table.name'), dataIndex: 'name' },
          {
            key: 'status',
            title: t('calls.add.status'),
            render: (_, c) => t(`residence.${c.residenceStatus}`),
          },
          {
            key: 'where',
            title: t('calls.add.location'),
            render: (_, c) => c.currentLocation ?? '-',
          },
          { key: 'address', title: t('calls.add.address'), render: (_, c) => c.address ?? '-' },
          { key: 'phone', title: t('calls.table.phone'), render: (_, c) => c.phoneMasked ?? '-' },
        ]}
      />
      <Flex gap={8} align="center" justify="end">
        <Select<CallReason>
          value={reason}
          onChange={setReason}
          style={{ width: 140 }}
          options={REASONS.map((r) => ({ value: r, label: t(`calls.reason.${r}`) }))}
        />
        <Button
          type="primary"
          disabled={chosen.length === 0}
          loading={add.isPending}
          onClick={save}
        >
          {t('calls.add.bulkSave', { count: chosen.length })}
        </Button>
      </Flex>
      {error && (
        <Alert
          type="error"
          showIcon
          message={t('calls.add.failed', { error: errorText(t, error) })}
        />
      )}
    </Flex>
  );
}
