import { App, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EndReason, Isolation, IpcError } from '../../api/bindings';
import { FormFooter, SubjectModal } from '../../components/SubjectModal';
import { fromPicker, toPicker } from './dates';
import { END_REASONS } from './labels';
import { useEndIsolation, useStatisticalDate } from './queries';

type Values = { on: Dayjs; reason: EndReason; note?: string };

/** What to end, and the reason chosen at first (解除 from the worklist). */
export type Ending = { isolation: Isolation; reason?: EndReason; on?: string };

/** 解除 / 转送 / 失访: how and when an isolation ended (end_isolation). */
export function EndModal({ ending, onClose }: { ending: Ending | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <SubjectModal
      subject={ending}
      onClose={onClose}
      title={(ending) => t('isolation.end.title', { name: ending.isolation.personName })}
    >
      {(ending) => <EndForm ending={ending} onClose={onClose} />}
    </SubjectModal>
  );
}

function EndForm({ ending, onClose }: { ending: Ending; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const end = useEndIsolation();
  const today = useStatisticalDate();
  const [error, setError] = useState<IpcError | null>(null);
  const e = 'isolation.end';

  const onFinish = (v: Values) => {
    setError(null);
    end.mutate(
      {
        id: ending.isolation.id,
        on: fromPicker(v.on),
        reason: v.reason,
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      },
      {
        onSuccess: (ended) => {
          void message.success(
            t(`${e}.saved`, {
              name: ended.personName,
              reason: t(`isolation.endReason.${v.reason}`),
            }),
          );
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
        on: toPicker(ending.on ?? today),
        reason: ending.reason ?? 'released',
      }}
      onFinish={onFinish}
      data-testid="end-form"
    >
      <Form.Item<Values>
        name="reason"
        label={t(`${e}.reason`)}
        rules={[{ required: true, message: t(`${e}.reasonRequired`) }]}
      >
        <Select
          data-testid="end-reason"
          options={END_REASONS.map((r) => ({ value: r, label: t(`isolation.endReason.${r}`) }))}
        />
      </Form.Item>
      <Form.Item<Values>
        name="on"
        label={t(`${e}.on`)}
        rules={[{ required: true, message: t(`${e}.onRequired`) }]}
      >
        <DatePicker allowClear={false} data-testid="end-on" />
      </Form.Item>
      <Form.Item<Values> name="note" label={t(`${e}.note`)}>
        <Input.TextArea rows={2} placeholder={t(`${e}.notePlaceholder`)} data-testid="end-note" />
      </Form.Item>
      <FormFooter
        error={error}
        failedKey={`${e}.failed`}
        pending={end.isPending}
        onCancel={onClose}
        okText={t(`${e}.submit`)}
        testId="end-submit"
      />
    </Form>
  );
}
