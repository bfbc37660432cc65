import { App, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DaysInput } from './DaysInput';
import type { Isolation, IpcError } from '../../api/bindings';
import { FormFooter, SubjectModal } from '../../components/SubjectModal';
import { useReplan } from './queries';

type Values = { days: number; reason: string };

/** 延长 / 缩短: a new length in days, only with a reason (replan_isolation). */
export function ReplanModal({
  isolation,
  onClose,
}: {
  isolation: Isolation | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <SubjectModal
      subject={isolation}
      onClose={onClose}
      title={(isolation) => t('isolation.replan.title', { name: isolation.personName })}
    >
      {(isolation) => <ReplanForm isolation={isolation} onClose={onClose} />}
    </SubjectModal>
  );
}

function ReplanForm({ isolation, onClose }: { isolation: Isolation; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const replan = useReplan();
  const [error, setError] = useState<IpcError | null>(null);
  const r = 'isolation.replan';

  const onFinish = (v: Values) => {
    setError(null);
    replan.mutate(
      { id: isolation.id, days: v.days, reason: v.reason.trim() },
      {
        onSuccess: (updated) => {
          void message.success(t(`${r}.saved`, { name: updated.personName, days: updated.days }));
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
      initialValues={{ days: isolation.days }}
      onFinish={onFinish}
      data-testid="replan-form"
    >
      <Typography.Paragraph type="secondary">
        {t(`${r}.current`, { days: isolation.days, day: isolation.day })}
      </Typography.Paragraph>
      <Form.Item<Values>
        name="days"
        label={t(`${r}.days`)}
        rules={[{ required: true, message: t(`${r}.daysRequired`) }]}
      >
        <DaysInput data-testid="replan-days" />
      </Form.Item>
      <Form.Item<Values>
        name="reason"
        label={t(`${r}.reason`)}
        rules={[{ required: true, whitespace: true, message: t(`${r}.reasonRequired`) }]}
      >
        <Input.TextArea
          rows={2}
          placeholder={t(`${r}.reasonPlaceholder`)}
          data-testid="replan-reason"
        />
      </Form.Item>
      <FormFooter
        error={error}
        failedKey={`${r}.failed`}
        pending={replan.isPending}
        onCancel={onClose}
        testId="replan-submit"
      />
    </Form>
  );
}
