import { Alert, App, Button, Card, Form, InputNumber } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallPolicy, IpcError } from '../../api/bindings';
import { errorText } from '../../api/errors';
import { ErrorState, LoadingState } from '../../components/QueryStates';
import { useCallPolicy, useSetCallPolicy } from './queries';

const FIELDS: readonly (keyof CallPolicy)[] = [
  'retryAfterDays',
  'maxTries',
  'reverifyAbroadDays',
  'reverifyAwayDays',
  'returnWindowDays',
];

/** 核实设置: retries, the 失联 limit, re-verification intervals, the return window. */
export function PolicyForm() {
  const { t } = useTranslation();
  const policy = useCallPolicy();
  if (policy.isPending) return <LoadingState rows={3} />;
  if (policy.isError) {
    return (
      <ErrorState
        title={t('calls.policy.loadFailed')}
        error={policy.error}
        onRetry={() => void policy.refetch()}
        retrying={policy.isFetching}
      />
    );
  }
  return <Editor key={JSON.stringify(policy.data)} policy={policy.data} />;
}

function Editor({ policy }: { policy: CallPolicy }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useSetCallPolicy();
  const [error, setError] = useState<IpcError | null>(null);
  return (
    <Card size="small" title={t('calls.policy.title')} data-testid="call-policy">
      <Form<CallPolicy>
        layout="horizontal"
        labelCol={{ span: 8 }}
        wrapperCol={{ span: 8 }}
        initialValues={policy}
        onFinish={(v) => {
          setError(null);
          save.mutate(v, {
            onSuccess: () => void message.success(t('calls.policy.saved')),
            onError: setError,
          });
        }}
      >
        {FIELDS.map((f) => (
          <Form.Item
            key={f}
            name={f}
            label={t(`calls.policy.${f}`)}
            extra={t(`calls.policy.${f}Hint`)}
            rules={[{ required: true, message: t('calls.policy.required') }]}
          >
            <InputNumber min={0} max={90} precision={0} data-testid={`policy-${f}`} />
          </Form.Item>
        ))}
        {error && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            message={t('calls.policy.failed', { error: errorText(t, error) })}
          />
        )}
        <Button
          type="primary"
          htmlType="submit"
          loading={save.isPending}
          data-testid="call-policy-save"
        >
          {t('calls.policy.save')}
        </Button>
      </Form>
    </Card>
  );
}
