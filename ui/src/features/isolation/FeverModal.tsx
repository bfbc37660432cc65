import { App, DatePicker, Descriptions, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeverEvent, FeverResult, IpcError } from '../../api/bindings';
import { FormFooter, SubjectModal } from '../../components/SubjectModal';
import { fromPicker, toPicker } from './dates';
import { FEVER_RESULTS } from './labels';
import { useHandleFever, useStatisticalDate } from './queries';

type Values = { on: Dayjs; referral: string; result: FeverResult; note?: string };

/** 处理发热: referred where (default the community clinic's fever clinic), with what result. */
export function FeverModal({ fever, onClose }: { fever: FeverEvent | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <SubjectModal
      subject={fever}
      onClose={onClose}
      title={(fever) => t('isolation.fever.title', { name: fever.personName })}
    >
      {(fever) => <FeverForm fever={fever} onClose={onClose} />}
    </SubjectModal>
  );
}

function FeverForm({ fever, onClose }: { fever: FeverEvent; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const handle = useHandleFever();
  const today = useStatisticalDate();
  const [error, setError] = useState<IpcError | null>(null);
  const f = 'isolation.fever';

  const onFinish = (v: Values) => {
    setError(null);
    handle.mutate(
      {
        id: fever.id,
        on: fromPicker(v.on),
        referral: v.referral.trim(),
        result: v.result,
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      },
      {
        onSuccess: (handled) => {
          void message.success(t(`${f}.saved`, { name: handled.personName }));
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
      initialValues={{ on: toPicker(today), referral: t(`${f}.defaultReferral`) }}
      onFinish={onFinish}
      data-testid="fever-form"
    >
      <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t(`${f}.temperature`)}>
          {t('isolation.celsiusValue', { value: fever.temperature })}
        </Descriptions.Item>
        <Descriptions.Item label={t(`${f}.detectedAt`)}>{fever.detectedAt}</Descriptions.Item>
        {fever.address && (
          <Descriptions.Item label={t(`${f}.address`)}>{fever.address}</Descriptions.Item>
        )}
      </Descriptions>
      <Form.Item<Values>
        name="referral"
        label={t(`${f}.referral`)}
        rules={[{ required: true, whitespace: true, message: t(`${f}.referralRequired`) }]}
      >
        <Input data-testid="fever-referral" />
      </Form.Item>
      <Form.Item<Values>
        name="result"
        label={t(`${f}.result`)}
        rules={[{ required: true, message: t(`${f}.resultRequired`) }]}
      >
        <Select
          data-testid="fever-result"
          placeholder={t(`${f}.resultPlaceholder`)}
          options={FEVER_RESULTS.map((r) => ({ value: r, label: t(`isolation.feverResult.${r}`) }))}
        />
      </Form.Item>
      <Form.Item<Values>
        name="on"
        label={t(`${f}.on`)}
        rules={[{ required: true, message: t(`${f}.onRequired`) }]}
      >
        <DatePicker allowClear={false} data-testid="fever-on" />
      </Form.Item>
      <Form.Item<Values> name="note" label={t(`${f}.note`)}>
        <Input.TextArea rows={2} data-testid="fever-note" />
      </Form.Item>
      <FormFooter
        error={error}
        failedKey={`${f}.failed`}
        pending={handle.isPending}
        onCancel={onClose}
        testId="fever-submit"
      />
    </Form>
  );
}
