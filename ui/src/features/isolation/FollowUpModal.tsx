import { App, DatePicker, Form, Input, Radio, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowUpDue, IpcError } from '../../api/bindings';
import { FormFooter, SubjectModal } from '../../components/SubjectModal';
import { useFormatDate } from '../../lib/useFormatDate';
import { fromPicker, toPicker } from './dates';
import { useRecordFollowUp, useStatisticalDate } from './queries';

type Values = { doneOn: Dayjs; well: boolean; note?: string };

/** 记录随访: a follow-up call after release, done on a date, well or not. */
export function FollowUpModal({
  followUp,
  onClose,
}: {
  followUp: FollowUpDue | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <SubjectModal
      subject={followUp}
      onClose={onClose}
      title={(followUp) => t('isolation.followUp.title', { name: followUp.personName })}
    >
      {(followUp) => <FollowUpForm followUp={followUp} onClose={onClose} />}
    </SubjectModal>
  );
}

function FollowUpForm({ followUp, onClose }: { followUp: FollowUpDue; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const formatDate = useFormatDate('short');
  const record = useRecordFollowUp();
  const today = useStatisticalDate();
  const [error, setError] = useState<IpcError | null>(null);
  const f = 'isolation.followUp';

  const onFinish = (v: Values) => {
    setError(null);
    record.mutate(
      {
        isolationId: followUp.isolationId,
        day: followUp.day,
        doneOn: fromPicker(v.doneOn),
        well: v.well,
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      },
      {
        onSuccess: () => {
          void message.success(t(`${f}.saved`, { name: followUp.personName }));
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
      initialValues={{ doneOn: toPicker(today), well: true }}
      onFinish={onFinish}
      data-testid="follow-up-form"
    >
      <Typography.Paragraph>
        {t(`${f}.about`, {
          released: formatDate(followUp.releasedOn),
          day: followUp.day,
          phone: followUp.phoneMasked ?? t(`${f}.noPhone`),
        })}
      </Typography.Paragraph>
      <Form.Item<Values> name="well" label={t(`${f}.well`)}>
        <Radio.Group data-testid="follow-up-well">
          <Radio.Button value={true}>{t(`${f}.wellYes`)}</Radio.Button>
          <Radio.Button value={false}>{t(`${f}.wellNo`)}</Radio.Button>
        </Radio.Group>
      </Form.Item>
      <Form.Item<Values>
        name="doneOn"
        label={t(`${f}.doneOn`)}
        rules={[{ required: true, message: t(`${f}.doneOnRequired`) }]}
      >
        <DatePicker allowClear={false} data-testid="follow-up-on" />
      </Form.Item>
      <Form.Item<Values> name="note" label={t(`${f}.note`)}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <FormFooter
        error={error}
        failedKey={`${f}.failed`}
        pending={record.isPending}
        onCancel={onClose}
        testId="follow-up-submit"
      />
    </Form>
  );
}
