import { Alert, Button, DatePicker, Form, Input, Modal, Space, TreeSelect } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcError, Sweep } from '../../api/bindings';
import { errorText } from '../../api/errors';
import { useCreateSweep, useScopes } from './queries';

type Values = {
  name: string;
  startDate: Dayjs;
  endDate?: Dayjs | null;
  /** `community:<id>` or `grid:<id>`; none covers the whole ledger. */
  scope?: string;
  note?: string;
};

/** 新建轮次: a name, a start date (today unless changed), an optional scope and end. */
export function NewSweepModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (sweep: Sweep) => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={t('sweeps.new.title')}
      footer={null}
      destroyOnHidden
    >
      {open && <NewSweepForm onClose={onClose} onCreated={onCreated} />}
    </Modal>
  );
}

function NewSweepForm({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (sweep: Sweep) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateSweep();
  const [error, setError] = useState<IpcError | null>(null);

  const onFinish = (v: Values) => {
    setError(null);
    const [level, id] = v.scope?.split(':') ?? [];
    create.mutate(
      {
        name: v.name.trim(),
        startDate: v.startDate.format('YYYY-MM-DD'),
        endDate: v.endDate ? v.endDate.format('YYYY-MM-DD') : null,
        communityId: level === 'community' ? id : null,
        gridId: level === 'grid' ? id : null,
        note: v.note?.trim() || null,
      },
      {
        onSuccess: (sweep) => {
          onCreated(sweep);
          onClose();
        },
        onError: setError,
      },
    );
  };

  return (
    <Form<Values>
      layout="vertical"
      requiredMark={false}
      // The date the round starts on is the worker's to choose; today is only a default.
      initialValues={{ startDate: dayjs() }}
      onFinish={onFinish}
    >
      <Form.Item<Values>
        name="name"
        label={t('sweeps.new.name')}
        rules={[{ required: true, whitespace: true, message: t('sweeps.new.nameRequired') }]}
      >
        <Input
          autoFocus
          data-testid="sweep-name-input"
          placeholder={t('sweeps.new.namePlaceholder')}
        />
      </Form.Item>
      <Space size={16} wrap>
        <Form.Item<Values>
          name="startDate"
          label={t('sweeps.new.startDate')}
          rules={[{ required: true, message: t('sweeps.new.startDateRequired') }]}
        >
          <DatePicker allowClear={false} data-testid="sweep-start-input" />
        </Form.Item>
        <Form.Item<Values> name="endDate" label={t('sweeps.new.endDate')}>
          <DatePicker placeholder={t('sweeps.new.endDatePlaceholder')} />
        </Form.Item>
      </Space>
      <Form.Item<Values>
        name="scope"
        label={t('sweeps.new.scope')}
        extra={t('sweeps.new.scopeHint')}
      >
        <ScopeSelect />
      </Form.Item>
      <Form.Item<Values> name="note" label={t('sweeps.new.note')}>
        <Input.TextArea rows={2} data-testid="sweep-note-input" />
      </Form.Item>
      {error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="new-sweep-error"
          message={t('sweeps.new.failed', { error: errorText(t, error) })}
        />
      )}
      <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
        <Button onClick={onClose}>{t('sweeps.new.cancel')}</Button>
        <Button
          type="primary"
          htmlType="submit"
          loading={create.isPending}
          data-testid="sweep-submit"
        >
          {t('sweeps.new.submit')}
        </Button>
      </Space>
    </Form>
  );
}

/** A community or a grid (streets only group them); empty is the whole ledger. */
function ScopeSelect({
  value,
  onChange,
}: {
  value?: string;
  onChange?: (value: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const { streets, communities, grids } = useScopes();
  // Every level open, also for nodes that load after the drop-down first opened, except
  // those the worker closed.
  const [closed, setClosed] = useState<readonly string[]>([]);
  const parents = [
    ...(streets.data ?? []).map((s) => `street:${s.id}`),
    ...communities.map((c) => `community:${c.id}`),
  ];
  const treeData = (streets.data ?? []).map((s) => ({
    value: `street:${s.id}`,
    title: s.name,
    selectable: false,
    children: communities
      .filter((c) => c.parentId === s.id)
      .map((c) => ({
        value: `community:${c.id}`,
        title: c.name,
        children: grids
          .filter((g) => g.parentId === c.id)
          .map((g) => ({ value: `grid:${g.id}`, title: g.name })),
      })),
  }));
  return (
    <TreeSelect
      data-testid="sweep-scope-select"
      value={value}
      onChange={(v: string | undefined) => onChange?.(v)}
      treeData={treeData}
      treeExpandedKeys={parents.filter((k) => !closed.includes(k))}
      onTreeExpand={(keys) =>
        setClosed(parents.filter((k) => !(keys as readonly string[]).includes(k)))
      }
      allowClear
      loading={streets.isPending}
      placeholder={t('sweeps.new.scopeAll')}
      style={{ width: '100%' }}
    />
  );
}
