import { App, Button, Card, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/errors';
import { useSetLedgerName } from './queries';

/** The backend's limit, repeated here only for immediate feedback; the backend decides. */
export const LEDGER_NAME_MAX = 40;

/** Characters as Rust counts them (`chars().count()`), not UTF-16 units. */
const charCount = (s: string) => [...s].length;

type Values = { name: string };

/** 台账名称: rename the ledger. */
export function LedgerNameForm({ current }: { current: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const rename = useSetLedgerName();

  const onFinish = ({ name }: Values) => {
    rename.mutate(name.trim(), {
      onSuccess: (info) => {
        form.setFieldsValue({ name: info.ledgerName });
        void message.success(t('settings.rename.success'));
      },
      onError: (err) =>
        form.setFields([
          { name: 'name', errors: [t('settings.rename.failed', { error: errorText(t, err) })] },
        ]),
    });
  };

  return (
    <Card title={t('settings.rename.title')}>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ name: current }}
        onFinish={onFinish}
        requiredMark={false}
        style={{ maxWidth: 480 }}
      >
        <Form.Item<Values>
          name="name"
          label={t('settings.rename.label')}
          extra={t('settings.rename.extra', { max: LEDGER_NAME_MAX })}
          rules={[
            { required: true, whitespace: true, message: t('settings.rename.required') },
            {
              validator: (_, value: string | undefined) =>
                value && charCount(value.trim()) > LEDGER_NAME_MAX
                  ? Promise.reject(
                      new Error(t('settings.rename.tooLong', { max: LEDGER_NAME_MAX })),
                    )
                  : Promise.resolve(),
            },
          ]}
        >
          <Input
            data-testid="ledger-name-input"
            placeholder={t('settings.rename.placeholder')}
            count={{ show: true, max: LEDGER_NAME_MAX, strategy: charCount }}
            allowClear
          />
        </Form.Item>
        <Form.Item style={{ marginBottom: 0 }}>
          <Button
            type="primary"
            htmlType="submit"
            loading={rename.isPending}
            data-testid="ledger-name-submit"
          >
            {t('settings.rename.submit')}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
