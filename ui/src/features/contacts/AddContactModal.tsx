import { Alert, App, Button, DatePicker, Form, Input, Modal, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Exposure, IpcError, NewContact } from '../../api/bindings';
import { errorText } from '../../api/errors';
import { EXPOSURES } from './labels';
import { PersonPicker } from './PersonPicker';
import { useAddContact } from './queries';

type Values = {
  personId?: string;
  indexPersonId?: string;
  exposure?: Exposure;
  lastContactOn?: Dayjs | null;
  note?: string;
};

/** 登记密接: who was exposed, to whom, how, and when they last met. */
export function AddContactModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={t('contacts.add.title')}
      footer={null}
      destroyOnHidden
      width={600}
    >
      {open && <AddContactForm onClose={onClose} />}
    </Modal>
  );
}

function AddContactForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const add = useAddContact();
  const [error, setError] = useState<IpcError | null>(null);
  const [names, setNames] = useState<{ person?: string; index?: string }>({});
  const a = 'contacts.add';

  const onFinish = (v: Values) => {
    setError(null);
    const input: NewContact = {
      personId: v.personId!,
      indexPersonId: v.indexPersonId!,
      exposure: v.exposure!,
      lastContactOn: v.lastContactOn!.format('YYYY-MM-DD'),
    };
    const note = v.note?.trim();
    if (note) input.note = note;
    add.mutate(input, {
      onSuccess: () => {
        void message.success(
          t(`${a}.success`, { name: names.person ?? '', index: names.index ?? '' }),
        );
        onClose();
      },
      onError: setError,
    });
  };

  return (
    <Form<Values> layout="vertical" requiredMark={false} onFinish={onFinish}>
      <Form.Item<Values>
        name="personId"
        label={t(`${a}.person`)}
        extra={t(`${a}.personHint`)}
        rules={[{ required: true, message: t(`${a}.personRequired`) }]}
      >
        <PersonPicker
          data-testid="contact-person"
          onChange={(_, hit) => setNames((n) => ({ ...n, person: hit?.name }))}
        />
      </Form.Item>
      <Form.Item<Values>
        name="indexPersonId"
        label={t(`${a}.index`)}
        extra={t(`${a}.indexHint`)}
        rules={[{ required: true, message: t(`${a}.indexRequired`) }]}
      >
        <PersonPicker
          data-testid="contact-index"
          onChange={(_, hit) => setNames((n) => ({ ...n, index: hit?.name }))}
        />
      </Form.Item>
      <Space size={16} wrap>
        <Form.Item<Values>
          name="exposure"
          label={t(`${a}.exposure`)}
          rules={[{ required: true, message: t(`${a}.exposureRequired`) }]}
        >
          <Select<Exposure>
            data-testid="contact-exposure"
            options={EXPOSURES.map((e) => ({ value: e, label: t(`contacts.exposure.${e}`) }))}
            style={{ width: 200 }}
          />
        </Form.Item>
        <Form.Item<Values>
          name="lastContactOn"
          label={t(`${a}.lastContactOn`)}
          rules={[{ required: true, message: t(`${a}.lastContactOnRequired`) }]}
        >
          <DatePicker data-testid="contact-last-date" format="YYYY-MM-DD" />
        </Form.Item>
      </Space>
      <Form.Item<Values> name="note" label={t(`${a}.note`)}>
        <Input data-testid="contact-note" />
      </Form.Item>
      {error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="add-contact-error"
          message={t(`${a}.failed`, { error: errorText(t, error) })}
        />
      )}
      <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
        <Button onClick={onClose}>{t(`${a}.cancel`)}</Button>
        <Button
          type="primary"
          htmlType="submit"
          loading={add.isPending}
          data-testid="contact-submit"
        >
          {t(`${a}.submit`)}
        </Button>
      </Space>
    </Form>
  );
}
