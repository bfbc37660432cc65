import { Alert, Button, Flex, Form, Input, Modal, Radio, Typography } from 'antd';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallChannel, CallOutcome, CallTarget, IpcError } from '../../api/bindings';
import { errorText } from '../../api/errors';
import { CHANNELS, OUTCOMES } from './labels';
import { useAddCall } from './queries';

type Values = {
  outcome?: CallOutcome;
  channel: CallChannel;
  calledAt: string;
  plannedReturnOn?: string;
  returnRoute?: string;
  returnTransportNo?: string;
  lifeStatus?: string;
  health?: string;
  note?: string;
};

const blank = (s?: string) => (s && s.trim() ? s.trim() : undefined);

/**
 * 登记通话, kept on the keyboard: the number keys 1–9 choose the outcome (outside a text
 * field), Enter saves; a blank date is now (the calendar day, not the statistical one:
 * a call is never dated after today). A planned return asks
 * for the date, route and flight/train number.
 */
export function QuickCallModal({
  target,
  onClose,
}: {
  target: CallTarget | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={target !== null}
      title={target ? t('calls.quick.title', { name: target.personName }) : ''}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      width={680}
    >
      {target && <QuickCallForm target={target} onClose={onClose} />}
    </Modal>
  );
}

function QuickCallForm({ target, onClose }: { target: CallTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const add = useAddCall();
  const [error, setError] = useState<IpcError | null>(null);
  const outcome = Form.useWatch('outcome', form);
  const box = useRef<HTMLDivElement>(null);

  // Focus the dialog so that the number keys work at once.
  useEffect(() => {
    const id = setTimeout(() => box.current?.focus(), 50);
    return () => clearTimeout(id);
  }, []);

  const save = (v: Values) => {
    if (!v.outcome) return;
    setError(null);
    const plans = v.outcome === 'plans_return';
    add.mutate(
      {
        targetId: target.id,
        outcome: v.outcome,
        channel: v.channel,
        calledAt: blank(v.calledAt),
        plannedReturnOn: plans ? blank(v.plannedReturnOn) : undefined,
        returnRoute: plans ? blank(v.returnRoute) : undefined,
        returnTransportNo: plans ? blank(v.returnTransportNo) : undefined,
        lifeStatus: blank(v.lifeStatus),
        health: blank(v.health),
        note: blank(v.note),
      },
      { onSuccess: onClose, onError: setError },
    );
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const el = e.target as HTMLElement;
    const typing =
      el.tagName === 'TEXTAREA' ||
      (el.tagName === 'INPUT' && (el as HTMLInputElement).type === 'text');
    if (!typing && /^[1-9]$/.test(e.key)) {
      const chosen = OUTCOMES[Number(e.key) - 1];
      if (chosen) {
        form.setFieldValue('outcome', chosen);
        e.preventDefault();
      }
    } else if (e.key === 'Enter' && el.tagName !== 'TEXTAREA' && el.tagName !== 'BUTTON') {
      e.preventDefault();
      form.submit();
    }
  };

  return (
    <div
      ref={box}
      tabIndex={-1}
      onKeyDown={onKeyDown}
      data-testid="quick-call"
      style={{ outline: 'none' }}
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {target.placeName} · {t('calls.quick.hint')}
      </Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={save}
        requiredMark={false}
        initialValues={{ channel: 'phone', calledAt: '' }}
      >
        <Form.Item
          name="outcome"
          label={t('calls.quick.outcome')}
          rules={[{ required: true, message: t('calls.quick.outcomeRequired') }]}
        >
          <Radio.Group data-testid="call-outcome">
            <Flex wrap gap={4}>
              {OUTCOMES.map((o, i) => (
                <Radio.Button key={o} value={o} data-testid={`outcome-${o}`}>
                  {i + 1} {t(`calls.outcome.${o}`)}
                </Radio.Button>
              ))}
            </Flex>
          </Radio.Group>
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="channel" label={t('calls.quick.channel')}>
            <Radio.Group
              optionType="button"
              options={CHANNELS.map((c) => ({ value: c, label: t(`calls.channel.${c}`) }))}
            />
          </Form.Item>
          <Form.Item name="calledAt" label={t('calls.quick.calledAt')} style={{ flex: 1 }}>
            <Input placeholder={t('calls.quick.now')} data-testid="call-date" />
          </Form.Item>
        </Flex>
        {outcome === 'plans_return' && (
          <Flex gap={12}>
            <Form.Item name="plannedReturnOn" label={t('calls.quick.planned')} style={{ flex: 1 }}>
              <Input placeholder="2020-02-10" data-testid="call-planned" />
            </Form.Item>
            <Form.Item name="returnRoute" label={t('calls.quick.route')} style={{ flex: 1 }}>
              <Input data-testid="call-route" />
            </Form.Item>
            <Form.Item
              name="returnTransportNo"
              label={t('calls.quick.transportNo')}
              style={{ flex: 1 }}
            >
              <Input data-testid="call-transport" />
            </Form.Item>
          </Flex>
        )}
        <Flex gap={12}>
          <Form.Item name="lifeStatus" label={t('calls.quick.life')} style={{ flex: 1 }}>
            <Input />
          </Form.Item>
          <Form.Item name="health" label={t('calls.quick.health')} style={{ flex: 1 }}>
            <Input />
          </Form.Item>
        </Flex>
        <Form.Item name="note" label={t('calls.quick.note')}>
          <Input />
        </Form.Item>
        {error && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            message={t('calls.quick.failed', { error: errorText(t, error) })}
            data-testid="call-error"
          />
        )}
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>{t('calls.quick.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="call-save">
            {t('calls.quick.save')}
          </Button>
        </Flex>
      </Form>
    </div>
  );
}
