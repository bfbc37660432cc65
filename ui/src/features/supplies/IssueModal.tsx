import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcError } from '../../api/bindings';
import { errorText } from '../../api/errors';
import { useAppInfo } from '../../shell/queries';
import { HouseholdPicker } from '../arrivals/HouseholdPicker';
import { PersonPicker } from '../contacts/PersonPicker';
import { defaultCheckDate, fromPicker, toPicker } from '../isolation/dates';
import { SubmitRow } from '../isolation/parts';
import { WorkerSelect } from '../workers/WorkerSelect';
import { useAddIssue, useSupplyItems } from './queries';

type Target = 'household' | 'person';
type Values = {
  itemId: string;
  target: Target;
  householdId?: string;
  personId?: string;
  quantity: number;
  issuedOn: Dayjs;
  workerId?: string | null;
  note?: string;
};

/**
 * 发放物资: an item, a household or a person, a quantity, the date and the worker. The core
 * refuses an issue larger than the balance and says the balance; the form shows it too.
 */
export function IssueModal({
  open,
  householdId,
  address,
  onClose,
  onIssued,
}: {
  open: boolean;
  householdId?: string;
  address?: string;
  onClose: () => void;
  onIssued?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={t('supplies.issue.title')}
      footer={null}
      width={560}
      destroyOnHidden
    >
      {open && (
        <IssueForm
          householdId={householdId}
          address={address}
          onClose={onClose}
          onIssued={onIssued}
        />
      )}
    </Modal>
  );
}

function IssueForm({
  householdId,
  address,
  onClose,
  onIssued,
}: {
  householdId?: string;
  address?: string;
  onClose: () => void;
  onIssued?: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const info = useAppInfo();
  const items = useSupplyItems();
  const add = useAddIssue();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<IpcError | null>(null);
  const target = Form.useWatch('target', form) ?? 'household';
  const itemId = Form.useWatch('itemId', form);
  const item = items.data?.find((i) => i.id === itemId);
  const p = 'supplies.issue';

  const onFinish = (v: Values) => {
    setError(null);
    add.mutate(
      {
        itemId: v.itemId,
        ...(v.target === 'household' && v.householdId ? { householdId: v.householdId } : {}),
        ...(v.target === 'person' && v.personId ? { personId: v.personId } : {}),
        quantity: v.quantity,
        issuedOn: fromPicker(v.issuedOn),
        ...(v.workerId ? { workerId: v.workerId } : {}),
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      },
      {
        onSuccess: (issue) => {
          void message.success(
            t(`${p}.saved`, {
              item: issue.itemName,
              quantity: issue.quantity,
              unit: issue.unit,
              to: issue.personName ?? issue.address ?? '',
            }),
          );
          onIssued?.();
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
      onFinish={onFinish}
      initialValues={{
        target: 'household',
        householdId,
        issuedOn: toPicker(defaultCheckDate(info.data?.statisticalDate)),
      }}
      data-testid="issue-form"
    >
      <Form.Item
        name="itemId"
        label={t('supplies.itemLabel')}
        rules={[{ required: true, message: t('supplies.itemRequired') }]}
        extra={
          item && (
            <span data-testid="issue-balance">
              {t(`${p}.balance`, { balance: item.balance, unit: item.unit })}
            </span>
          )
        }
      >
        <Select
          loading={items.isPending}
          options={(items.data ?? []).map((i) => ({ value: i.id, label: i.name }))}
          data-testid="issue-item"
        />
      </Form.Item>
      <Form.Item name="target" label={t(`${p}.target`)}>
        <Radio.Group
          optionType="button"
          options={[
            { value: 'household', label: t(`${p}.toHousehold`) },
            { value: 'person', label: t(`${p}.toPerson`) },
          ]}
        />
      </Form.Item>
      {target === 'household' ? (
        <Form.Item
          name="householdId"
          label={t(`${p}.household`)}
          rules={[{ required: true, message: t(`${p}.householdRequired`) }]}
        >
          <HouseholdPicker address={address} data-testid="issue-household" />
        </Form.Item>
      ) : (
        <Form.Item
          name="personId"
          label={t(`${p}.person`)}
          rules={[{ required: true, message: t(`${p}.personRequired`) }]}
        >
          <PersonPicker data-testid="issue-person" />
        </Form.Item>
      )}
      <Form.Item
        name="quantity"
        label={t('supplies.quantity')}
        rules={[{ required: true, message: t('supplies.quantityRequired') }]}
      >
        <InputNumber min={1} precision={0} data-testid="issue-quantity" />
      </Form.Item>
      <Form.Item
        name="issuedOn"
        label={t(`${p}.date`)}
        rules={[{ required: true, message: t('supplies.dateRequired') }]}
      >
        <DatePicker data-testid="issue-date" />
      </Form.Item>
      <Form.Item name="workerId" label={t(`${p}.worker`)}>
        <WorkerSelect />
      </Form.Item>
      <Form.Item name="note" label={t('supplies.note')}>
        <Input maxLength={200} />
      </Form.Item>
      {error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('supplies.saveFailed', { error: errorText(t, error) })}
          data-testid="issue-error"
        />
      )}
      <SubmitRow pending={add.isPending} onCancel={onClose} testId="issue-submit" />
    </Form>
  );
}
