import { App, Button, Card, Form, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../api/bindings';
import { errorText } from '../../api/errors';
import { RegionPicker } from '../../components/RegionPicker';
import { useSetHomeRegion } from './queries';

type Values = { code?: string };

/** 本地行政区划: the region arrivals are 省内 / 省外 against. The backend validates. */
export function HomeRegionForm({ info }: { info: AppInfo }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSetHomeRegion();

  const onFinish = ({ code }: Values) => {
    if (!code) return;
    save.mutate(code, {
      onSuccess: () => void message.success(t('settings.homeRegion.success')),
      onError: (err) =>
        form.setFields([
          { name: 'code', errors: [t('settings.homeRegion.failed', { error: errorText(t, err) })] },
        ]),
    });
  };

  return (
    <Card title={t('settings.homeRegion.title')} data-testid="home-region-card">
      <Typography.Paragraph type="secondary" data-testid="home-region-current">
        {info.homeRegionName
          ? t('settings.homeRegion.current', { name: info.homeRegionName })
          : t('settings.homeRegion.unset')}
      </Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ code: info.homeRegion }}
        onFinish={onFinish}
        requiredMark={false}
        style={{ maxWidth: 480 }}
      >
        <Form.Item<Values>
          name="code"
          label={t('settings.homeRegion.label')}
          extra={t('settings.homeRegion.extra')}
          rules={[{ required: true, message: t('settings.homeRegion.required') }]}
        >
          <RegionPicker data-testid="home-region-picker" />
        </Form.Item>
        <Form.Item style={{ marginBottom: 0 }}>
          <Button
            type="primary"
            htmlType="submit"
            loading={save.isPending}
            data-testid="home-region-submit"
          >
            {t('settings.homeRegion.submit')}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
