import { Alert, Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcError, Worker } from '../../api/bindings';
import { errorText } from '../../api/errors';
import { useAddWorker } from './queries';

type Values = { name: string; phone?: string };

/** 新增网格员: a name and an optional phone; the backend validates both. */
export function AddWorkerModal({
  open,
  onClose,
  onAdded,
}: {
  open: boolean;
  onClose: () => void;
  onAdded: (worker: Worker) => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={t('workers.add.title')}
      footer={null}
      destroyOnHidden
      width={420}
    >
      {open && <AddWorkerForm onClose={onClose} onAdded={onAdded} />}
    </Modal>
  );
}

function AddWorkerForm({
  onClose,
  onAdded,
}: {
  onClose: () => void;
  onAdded: (worker: Worker) => void;
}) {
  const { t } = useTranslation();
  const add = useAddWorker();
  const [error, setError] = useState<IpcError | null>(null);
  const onFinish = (v: Values) => {
    setError(null);
    const phone = v.phone?.trim();
    add.mutate(
      { name: v.name.trim(), ...(phone ? { phone } : {}) },
      {
        onSuccess: (worker) => {
          onAdded(worker);
          onClose();
        },
        onError: setError,
      },
    );
  };
  return (
    <Form<Values> layout="vertical" requiredMark={false} onFinish={onFinish}>
      <Form.Item<Values>
        name="name"
        label={t('workers.add.name')}
        rules={[{ required: true, whitespace: true, message: t('workers.add.nameRequired') }]}
      >
        <Input autoFocus data-testid="worker-name-input" />
      </Form.Item>
      <Form.Item<Values> name="phone" label={t('workers.add.phone')}>
        <Input data-testid="worker-phone-input" inputMode="tel" />
      </Form.Item>
      {error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="add-worker-error"
          message={t('workers.add.failed', { error: errorText(t, error) })}
        />
      )}
      <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
        <Button onClick={onClose}>{t('workers.add.cancel')}</Button>
        <Button
          type="primary"
          htmlType="submit"
          loading={add.isPending}
          data-testid="worker-submit"
        >
          {t('workers.add.submit')}
        </Button>
      </Space>
    </Form>
  );
}
