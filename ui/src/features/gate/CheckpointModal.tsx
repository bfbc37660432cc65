import { type ButtonProps, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { NewCheckpoint } from '../../api/bindings';
import { errorText } from '../../api/errors';
import { useAddCheckpoint } from './queries';

/** 新增卡口: a name and a place. */
export function CheckpointModal({
  open,
  onClose,
  onAdded,
}: {
  open: boolean;
  onClose: () => void;
  onAdded: (id: string) => void;
}) {
  const { t } = useTranslation();
  const p = 'gate.checkpoint';
  const [form] = Form.useForm<NewCheckpoint>();
  const add = useAddCheckpoint();
  const submit = (values: NewCheckpoint) =>
    add.mutate(values, {
      onSuccess: (list) => {
        const made = list.find((c) => c.name === values.name.trim());
        if (made) onAdded(made.id);
        form.resetFields();
        onClose();
      },
    });
  return (
    <Modal
      open={open}
      title={t(`${p}.title`)}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t(`${p}.save`)}
      confirmLoading={add.isPending}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'checkpoint-save' } as ButtonProps}
    >
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item
          name="name"
          label={t(`${p}.name`)}
          rules={[{ required: true, whitespace: true, message: t(`${p}.nameRequired`) }]}
          validateStatus={add.isError ? 'error' : undefined}
          help={add.isError ? errorText(t, add.error) : undefined}
        >
          <Input autoFocus data-testid="checkpoint-name" />
        </Form.Item>
        <Form.Item name="place" label={t(`${p}.place`)}>
          <Input data-testid="checkpoint-place" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
