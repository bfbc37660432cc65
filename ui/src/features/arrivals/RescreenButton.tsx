import { App, Button, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArrivalFilter, IpcError } from '../../api/bindings';
import { errorText } from '../../api/errors';
import { useRescreenArrivals } from './queries';

type Values = { name: string; startDate: Dayjs };

/**
 * 一键复查: starts a screening sweep (入户摸排轮次) over the homes of everyone the night-time
 * query found — all of them, not only the page shown. The core builds the sweep from the
 * same filter.
 */
export function RescreenButton({ filter, title }: { filter: ArrivalFilter; title: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<Values>();
  const rescreen = useRescreenArrivals();
  const r = 'arrivals.night.rescreen';

  const onFinish = (v: Values) => {
    setError(null);
    rescreen.mutate(
      {
        // The whole result, not one page (the core ignores paging here).
        filter: { ...filter, offset: 0, limit: 0 },
        name: v.name.trim(),
        startDate: v.startDate.format('YYYY-MM-DD'),
      },
      {
        onSuccess: (s) => {
          void message.success(
            t(`${r}.done`, {
              households: s.households,
              people: s.people,
              homeless: s.withoutHousehold,
            }),
          );
          setOpen(false);
        },
        onError: (err) => setError(errorText(t, err as IpcError)),
      },
    );
  };

  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)} data-testid="night-rescreen">
        {t(`${r}.button`)}
      </Button>
      <Modal
        open={open}
        title={t(`${r}.title`)}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText={t(`${r}.submit`)}
        confirmLoading={rescreen.isPending}
        destroyOnHidden
      >
        <Form<Values>
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={onFinish}
          initialValues={{ name: t(`${r}.defaultName`, { title }), startDate: dayjs() }}
        >
          <Form.Item<Values>
            name="name"
            label={t(`${r}.name`)}
            rules={[{ required: true, whitespace: true, message: t(`${r}.nameRequired`) }]}
          >
            <Input data-testid="rescreen-name" />
          </Form.Item>
          <Form.Item<Values> name="startDate" label={t(`${r}.startDate`)}>
            <DatePicker format="YYYY-MM-DD" allowClear={false} />
          </Form.Item>
          <div data-testid="rescreen-explain">{t(`${r}.explain`)}</div>
          {error && (
            <div role="alert" data-testid="rescreen-error" style={{ color: '#cf1322' }}>
              {error}
            </div>
          )}
        </Form>
      </Modal>
    </>
  );
}
