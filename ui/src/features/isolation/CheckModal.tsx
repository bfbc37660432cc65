import {
  Alert,
  App,
  Checkbox,
  DatePicker,
  Form,
  Input,
  Modal,
  Radio,
  Select,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckMethod, Isolation, IpcError, Symptom } from '../../api/bindings';
import { errorText } from '../../api/errors';
import { SubmitRow } from '../../components/SubjectModal';
import { fromPicker, toPicker } from './dates';
import { METHODS, SYMPTOMS, slotLabel, slots } from './labels';
import { useAddChecks } from './queries';

/** Which check to enter: an isolation, a date and (optionally) the slot. */
export type CheckTarget = { isolation: Isolation; date: string; slot?: number };

type Values = {
  date: Dayjs;
  slot: number;
  temperature?: string;
  symptoms: Symptom[];
  method: CheckMethod;
  note?: string;
};

/** 录入体温: one health check of one person (add_checks with a single check). */
export function CheckModal({
  target,
  onClose,
}: {
  target: CheckTarget | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={target !== null}
      onCancel={onClose}
      title={target ? t('isolation.check.title', { name: target.isolation.personName }) : ''}
      footer={null}
      destroyOnHidden
    >
      {target && <CheckForm target={target} onClose={onClose} />}
    </Modal>
  );
}

function CheckForm({ target, onClose }: { target: CheckTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const add = useAddChecks();
  const [error, setError] = useState<IpcError | null>(null);
  const perDay = target.isolation.checksPerDay;

  const onFinish = (v: Values) => {
    setError(null);
    const temperature = v.temperature?.trim();
    add.mutate(
      {
        checks: [
          {
            isolationId: target.isolation.id,
            date: fromPicker(v.date),
            slot: v.slot,
            ...(temperature ? { temperature } : {}),
            symptoms: v.symptoms,
            method: v.method,
            ...(v.note?.trim() ? { note: v.note.trim() } : {}),
          },
        ],
      },
      {
        onSuccess: (outcome) => {
          if (outcome.fevers.length > 0) {
            void message.warning(t('isolation.check.fever', { name: target.isolation.personName }));
          } else {
            void message.success(t('isolation.check.saved', { name: target.isolation.personName }));
          }
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
      initialValues={{
        date: toPicker(target.date),
        slot: target.slot ?? 1,
        symptoms: [],
        method: 'visit',
      }}
      onFinish={onFinish}
      data-testid="check-form"
    >
      <Typography.Paragraph type="secondary">{target.isolation.address}</Typography.Paragraph>
      <Form.Item<Values>
        name="date"
        label={t('isolation.check.date')}
        rules={[{ required: true, message: t('isolation.check.dateRequired') }]}
      >
        <DatePicker allowClear={false} data-testid="check-date" />
      </Form.Item>
      <Form.Item<Values> name="slot" label={t('isolation.check.slot')}>
        <Radio.Group data-testid="check-slot">
          {slots(perDay).map((s) => (
            <Radio.Button key={s} value={s}>
              {slotLabel(t, s, perDay)}
            </Radio.Button>
          ))}
        </Radio.Group>
      </Form.Item>
      <Form.Item<Values> name="temperature" label={t('isolation.check.temperature')}>
        <Input
          autoFocus
          inputMode="decimal"
          suffix={t('isolation.celsius')}
          placeholder={t('isolation.check.temperaturePlaceholder')}
          style={{ maxWidth: 200 }}
          data-testid="check-temperature"
        />
      </Form.Item>
      <Form.Item<Values> name="symptoms" label={t('isolation.check.symptoms')}>
        <Checkbox.Group
          data-testid="check-symptoms"
          options={SYMPTOMS.map((s) => ({ value: s, label: t(`arrivals.symptom.${s}`) }))}
        />
      </Form.Item>
      <Form.Item<Values> name="method" label={t('isolation.check.method')}>
        <Select
          style={{ maxWidth: 200 }}
          options={METHODS.map((m) => ({ value: m, label: t(`isolation.method.${m}`) }))}
        />
      </Form.Item>
      <Form.Item<Values> name="note" label={t('isolation.check.note')}>
        <Input.TextArea rows={2} />
      </Form.Item>
      {error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('isolation.check.failed', { error: errorText(t, error) })}
        />
      )}
      <Form.Item style={{ marginBottom: 0, textAlign: 'right' }}>
        <SubmitRow pending={add.isPending} onCancel={onClose} testId="check-submit" />
      </Form.Item>
    </Form>
  );
}
