import { Alert, Button, DatePicker, Form, List, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulkReleaseOutcome, Isolation, IpcError } from '../../api/bindings';
import { errorText } from '../../api/errors';
import { fromPicker, toPicker } from './dates';
import { SubmitRow } from '../../components/SubjectModal';
import { useReleaseIsolations, useStatisticalDate } from './queries';

type Values = { on: Dayjs };

/**
 * 批量解除: the selected isolations released on one date (release_isolations); the core
 * refuses those that cannot be released yet and says why, and the modal lists them.
 */
export function ReleaseModal({
  selected,
  onClose,
  onReleased,
}: {
  selected: Isolation[] | null;
  onClose: () => void;
  onReleased: (outcome: BulkReleaseOutcome) => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={selected !== null}
      onCancel={onClose}
      title={t('isolation.release.title', { n: selected?.length ?? 0 })}
      footer={null}
      destroyOnHidden
    >
      {selected && <ReleaseForm selected={selected} onClose={onClose} onReleased={onReleased} />}
    </Modal>
  );
}

function ReleaseForm({
  selected,
  onClose,
  onReleased,
}: {
  selected: Isolation[];
  onClose: () => void;
  onReleased: (outcome: BulkReleaseOutcome) => void;
}) {
  const { t } = useTranslation();
  const release = useReleaseIsolations();
  const today = useStatisticalDate();
  const [error, setError] = useState<IpcError | null>(null);
  const [outcome, setOutcome] = useState<BulkReleaseOutcome | null>(null);
  const r = 'isolation.release';

  if (outcome) {
    return (
      <div data-testid="release-outcome">
        <ReleaseOutcomeView outcome={outcome} />
        <div style={{ textAlign: 'right', marginTop: 16 }}>
          <Button type="primary" onClick={onClose} data-testid="release-close">
            {t(`${r}.close`)}
          </Button>
        </div>
      </div>
    );
  }

  const onFinish = (v: Values) => {
    setError(null);
    release.mutate(
      { ids: selected.map((i) => i.id), on: fromPicker(v.on) },
      {
        onSuccess: (result) => {
          setOutcome(result);
          onReleased(result);
        },
        onError: setError,
      },
    );
  };

  return (
    <Form<Values>
      layout="vertical"
      requiredMark={false}
      initialValues={{ on: toPicker(today) }}
      onFinish={onFinish}
      data-testid="release-form"
    >
      <Typography.Paragraph>
        {t(`${r}.names`, {
          names: selected.map((i) => i.personName).join(t('isolation.separator')),
        })}
      </Typography.Paragraph>
      <Form.Item<Values>
        name="on"
        label={t(`${r}.on`)}
        rules={[{ required: true, message: t(`${r}.onRequired`) }]}
      >
        <DatePicker allowClear={false} data-testid="release-on" />
      </Form.Item>
      <Typography.Paragraph type="secondary">{t(`${r}.hint`)}</Typography.Paragraph>
      {error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={t(`${r}.failed`, { error: errorText(t, error) })}
        />
      )}
      <Form.Item style={{ marginBottom: 0, textAlign: 'right' }}>
        <SubmitRow
          pending={release.isPending}
          onCancel={onClose}
          okText={t(`${r}.submit`)}
          testId="release-submit"
        />
      </Form.Item>
    </Form>
  );
}

/** 已解除 N 人, and each refused one with the core's reason. */
export function ReleaseOutcomeView({ outcome }: { outcome: BulkReleaseOutcome }) {
  const { t } = useTranslation();
  const r = 'isolation.release';
  return (
    <>
      <Alert
        type={outcome.refused.length > 0 ? 'warning' : 'success'}
        showIcon
        data-testid="release-released"
        message={t(`${r}.released`, { n: outcome.released.length })}
        description={
          outcome.refused.length > 0 ? t(`${r}.refusedCount`, { n: outcome.refused.length }) : null
        }
      />
      {outcome.refused.length > 0 && (
        <List
          size="small"
          style={{ marginTop: 12 }}
          header={<Typography.Text strong>{t(`${r}.refused`)}</Typography.Text>}
          bordered
          dataSource={outcome.refused}
          renderItem={(x) => (
            <List.Item data-testid="release-refused">
              <Typography.Text strong>{x.personName}</Typography.Text>
              <Typography.Text type="danger">{x.reasonZh}</Typography.Text>
            </List.Item>
          )}
        />
      )}
    </>
  );
}
