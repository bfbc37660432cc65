import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcError } from '../../api/bindings';
import { errorText } from '../../api/errors';
import { fromPicker } from '../isolation/dates';
import { SubmitRow } from '../isolation/parts';
import { useAddItem, useAddReceipt, useSupplyItems } from './queries';

type ItemValues = { name: string; unit: string; lowStock?: number | null; note?: string };

/** 新增物资: a name, a unit (个, 瓶, 支) and an optional warning level. */
export function ItemModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const add = useAddItem();
  const [error, setError] = useState<IpcError | null>(null);
  const p = 'supplies.item';
  const onFinish = (v: ItemValues) => {
    setError(null);
    add.mutate(
      {
        name: v.name.trim(),
        unit: v.unit.trim(),
        ...(v.lowStock != null ? { lowStock: v.lowStock } : {}),
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      },
      {
        onSuccess: (item) => {
          void message.success(t(`${p}.saved`, { name: item.name }));
          onClose();
        },
        onError: setError,
      },
    );
  };
  return (
    <Modal open={open} onCancel={onClose} title={t(`${p}.title`)} footer={null} destroyOnHidden>
      <Form<ItemValues> layout="vertical" onFinish={onFinish} data-testid="item-form">
        <Form.Item
          name="name"
          label={t(`${p}.name`)}
          rules={[{ required: true, whitespace: true, message: t(`${p}.nameRequired`) }]}
        >
          <Input maxLength={40} placeholder={t(`${p}.namePlaceholder`)} data-testid="item-name" />
        </Form.Item>
        <Form.Item
          name="unit"
          label={t(`${p}.unit`)}
          rules={[{ required: true, whitespace: true, message: t(`${p}.unitRequired`) }]}
        >
          <Input maxLength={10} placeholder={t(`${p}.unitPlaceholder`)} data-testid="item-unit" />
        </Form.Item>
        <Form.Item name="lowStock" label={t(`${p}.lowStock`)} extra={t(`${p}.lowStockHint`)}>
          <InputNumber min={0} precision={0} data-testid="item-low" />
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
            data-testid="item-error"
          />
        )}
        <SubmitRow pending={add.isPending} onCancel={onClose} testId="item-submit" />
      </Form>
    </Modal>
  );
}

type ReceiptValues = {
  itemId: string;
  quantity: number;
  receivedOn: Dayjs;
  source?: string;
  note?: string;
};

/** 入库: stock received of an item. */
export function ReceiptModal({
  open,
  itemId,
  onClose,
}: {
  open: boolean;
  itemId?: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const items = useSupplyItems();
  const add = useAddReceipt();
  const [error, setError] = useState<IpcError | null>(null);
  const p = 'supplies.receipt';
  const onFinish = (v: ReceiptValues) => {
    setError(null);
    add.mutate(
      {
        itemId: v.itemId,
        quantity: v.quantity,
        receivedOn: fromPicker(v.receivedOn),
        ...(v.source?.trim() ? { source: v.source.trim() } : {}),
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      },
      {
        onSuccess: (item) => {
          void message.success(
            t(`${p}.saved`, { name: item.name, balance: item.balance, unit: item.unit }),
          );
          onClose();
        },
        onError: setError,
      },
    );
  };
  return (
    <Modal open={open} onCancel={onClose} title={t(`${p}.title`)} footer={null} destroyOnHidden>
      <Form<ReceiptValues>
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ itemId, receivedOn: dayjs() }}
        data-testid="receipt-form"
      >
        <Form.Item
          name="itemId"
          label={t('supplies.itemLabel')}
          rules={[{ required: true, message: t('supplies.itemRequired') }]}
        >
          <Select
            loading={items.isPending}
            options={(items.data ?? []).map((i) => ({ value: i.id, label: i.name }))}
            data-testid="receipt-item"
          />
        </Form.Item>
        <Form.Item
          name="quantity"
          label={t('supplies.quantity')}
          rules={[{ required: true, message: t('supplies.quantityRequired') }]}
        >
          <InputNumber min={1} precision={0} data-testid="receipt-quantity" />
        </Form.Item>
        <Form.Item
          name="receivedOn"
          label={t(`${p}.date`)}
          rules={[{ required: true, message: t('supplies.dateRequired') }]}
        >
          <DatePicker data-testid="receipt-date" />
        </Form.Item>
        <Form.Item name="source" label={t(`${p}.source`)}>
          <Input maxLength={60} placeholder={t(`${p}.sourcePlaceholder`)} />
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
            data-testid="receipt-error"
          />
        )}
        <SubmitRow pending={add.isPending} onCancel={onClose} testId="receipt-submit" />
      </Form>
    </Modal>
  );
}
